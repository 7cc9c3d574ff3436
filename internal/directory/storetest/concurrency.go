package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// testConcurrentWriters runs many writers at once: distinct users all land,
// and of writers racing for one name exactly one wins.
func testConcurrentWriters(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	const workers, each = 8, 15
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	wins := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				u := f.user(fmt.Sprintf("w%d-u%d", w, i), "Worker")
				if err := f.update(func(tx directory.Tx) error { return tx.CreateUser(u) }); err != nil {
					errs <- err
				}
			}
			u := f.user("contested", fmt.Sprintf("Contender %d", w))
			err := f.update(func(tx directory.Tx) error { return tx.CreateUser(u) })
			switch directory.KindOf(err) {
			case directory.KindConflict:
			case directory.KindInternal:
				if err == nil {
					wins <- w
					return
				}
				errs <- err
			default:
				errs <- err
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	close(wins)
	for err := range errs {
		t.Errorf("concurrent write failed: %v", err)
	}
	if n := len(wins); n != 1 {
		t.Errorf("%d writers created the contested name, want exactly 1", n)
	}
	f.view(func(tx directory.Tx) error {
		n, err := tx.CountUsers(directory.ListQuery{})
		if err != nil || n != workers*each+1 {
			t.Errorf("count = %d, %v; want %d", n, err, workers*each+1)
		}
		return nil
	})
}

// testConcurrentDomainVerification races tenants to verify one domain:
// exactly one succeeds.
func testConcurrentDomainVerification(t *testing.T, s directory.Store) {
	const tenants = 6
	fs := make([]*fixture, tenants)
	name := fmt.Sprintf("race-%d.example", time.Now().UnixNano())
	for i := range fs {
		fs[i] = newTenant(t, s)
		fs[i].mustUpdate(func(tx directory.Tx) error {
			return tx.CreateDomain(&directory.Domain{Name: name, AuthenticationType: "Managed"})
		})
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	won := 0
	for _, f := range fs {
		wg.Add(1)
		go func(f *fixture) {
			defer wg.Done()
			err := f.update(func(tx directory.Tx) error {
				d, err := tx.GetDomain(name)
				if err != nil {
					return err
				}
				d.IsVerified = true
				return tx.UpdateDomain(&d)
			})
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				won++
			case directory.KindOf(err) != directory.KindConflict:
				t.Errorf("verify: %v", err)
			}
		}(f)
	}
	wg.Wait()
	if won != 1 {
		t.Errorf("%d tenants verified %s, want exactly 1", won, name)
	}
}

// testNoLostUpdates runs read-modify-write transactions on one user at
// once, each changing another property: every change survives.
func testNoLostUpdates(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	u := f.addUser("target", "Target")
	setters := []func(*directory.User){
		func(u *directory.User) { u.JobTitle = "Planner" },
		func(u *directory.User) { u.Department = "Ops" },
		func(u *directory.User) { u.City = "Utrecht" },
		func(u *directory.User) { u.Country = "Netherlands" },
		func(u *directory.User) { u.MobilePhone = "+31 6 1" },
		func(u *directory.User) { u.OfficeLocation = "A1" },
	}
	var wg sync.WaitGroup
	for _, set := range setters {
		wg.Add(1)
		go func(set func(*directory.User)) {
			defer wg.Done()
			err := f.update(func(tx directory.Tx) error {
				cur, err := tx.GetUser(u.ID)
				if err != nil {
					return err
				}
				set(&cur)
				return tx.UpdateUser(&cur)
			})
			if err != nil {
				t.Errorf("update: %v", err)
			}
		}(set)
	}
	wg.Wait()
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetUser(u.ID)
		must(t, err)
		if got.JobTitle != "Planner" || got.Department != "Ops" || got.City != "Utrecht" || got.Country != "Netherlands" ||
			got.MobilePhone != "+31 6 1" || got.OfficeLocation != "A1" {
			t.Errorf("lost update: %+v", got)
		}
		return nil
	})
}

// testOneDefaultDomain moves the default domain from several transactions
// at once: the tenant ends with exactly one default.
func testOneDefaultDomain(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	var names []string
	for i := 0; i < 4; i++ {
		name := fmt.Sprintf("d%d-%s.example", i, f.id[:8])
		names = append(names, name)
		f.mustUpdate(func(tx directory.Tx) error {
			return tx.CreateDomain(&directory.Domain{Name: name, IsVerified: true, AuthenticationType: "Managed"})
		})
	}
	var wg sync.WaitGroup
	for _, name := range names {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			err := f.update(func(tx directory.Tx) error {
				ds, err := tx.ListDomains()
				if err != nil {
					return err
				}
				for _, d := range ds {
					if d.IsDefault {
						d.IsDefault = false
						if err := tx.UpdateDomain(&d); err != nil {
							return err
						}
					}
				}
				d, err := tx.GetDomain(name)
				if err != nil {
					return err
				}
				d.IsDefault = true
				return tx.UpdateDomain(&d)
			})
			if err != nil && directory.KindOf(err) != directory.KindConflict {
				t.Errorf("set default: %v", err)
			}
		}(name)
	}
	wg.Wait()
	f.view(func(tx directory.Tx) error {
		ds, err := tx.ListDomains()
		must(t, err)
		n := 0
		for _, d := range ds {
			if d.IsDefault {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d default domains, want 1", n)
		}
		return nil
	})
}

package storetest

import (
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

const testSku = "4c379c46-e966-4606-9a6c-1c591d62591d"

// testLicensing round-trips subscriptions, seat counters, licenses,
// orders and invoices, and checks that another tenant sees none of them.
func testLicensing(t *testing.T, s directory.Store) {
	a, b := newTenant(t, s), newTenant(t, s)
	now := time.Now().UTC().Truncate(time.Microsecond)
	u := a.addUser("anna", "Anna")
	gone := a.user("gone", "Gone")
	gone.Department, u.Department = "Sales", "Sales"
	a.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.UpdateUser(u))
		must(t, tx.CreateUser(gone))
		must(t, tx.PutLicense(gone.ID, &directory.License{SkuID: testSku, AssignedAt: now}))
		return tx.DeleteUser(gone.ID, now)
	})
	sub := &directory.Subscription{ID: uuid.NewString(), SkuID: testSku, Quantity: 5, Status: directory.SubEnabled, Channel: "partner",
		PartnerTenantID: uuid.NewString(), PartnerName: "Fabrikam", CreatedAt: now, AutoRenew: true, EndsAt: now.AddDate(0, 1, 0),
		StatusChangedAt: now}
	seats := &directory.Seats{SkuID: testSku, Enabled: 5, Warning: 1, Suspended: 2, LockedOut: 3, Consumed: 1}
	lic := &directory.License{SkuID: testSku, DisabledPlans: []string{"p1", "p2"}, AssignedAt: now}
	order := &directory.PurchaseOrder{ID: uuid.NewString(), IdempotencyKey: "k1", SkuID: testSku, Quantity: 5, SubscriptionID: sub.ID,
		CreatedBy: "bill@x", CreatedAt: now}
	inv := &directory.Invoice{ID: uuid.NewString(), OrderID: order.ID, Status: "due", Currency: "EUR", TotalCents: 3000, CreatedAt: now,
		Lines: []directory.InvoiceLine{{SkuID: testSku, Description: "Basic", Quantity: 5, UnitCents: 600, AmountCents: 3000}}}
	a.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.PutSubscription(sub))
		must(t, tx.PutSeats(seats))
		must(t, tx.PutLicense(u.ID, lic))
		must(t, tx.CreateOrder(order))
		return tx.CreateInvoice(inv)
	})
	twin := *order
	twin.ID = uuid.NewString()
	wantConflict(t, "same idempotency key", a.update(func(tx directory.Tx) error { return tx.CreateOrder(&twin) }), "Idempotency-Key")
	noKey := func() *directory.PurchaseOrder { o := *order; o.ID, o.IdempotencyKey = uuid.NewString(), ""; return &o }
	a.mustUpdate(func(tx directory.Tx) error { must(t, tx.CreateOrder(noKey())); return tx.CreateOrder(noKey()) })

	sub.Quantity, sub.Status, sub.AutoRenew, sub.EndsAt, sub.StatusChangedAt = 7, directory.SubWarning, false, now.AddDate(0, 2, 0), now.Add(time.Hour)
	lic.DisabledPlans = nil
	a.mustUpdate(func(tx directory.Tx) error { must(t, tx.PutSubscription(sub)); return tx.PutLicense(u.ID, lic) })
	a.view(func(tx directory.Tx) error {
		if got, err := tx.GetSubscription(sub.ID); err != nil || !reflect.DeepEqual(&got, sub) {
			t.Errorf("subscription = %+v, %v; want %+v", got, err, sub)
		}
		if got, err := tx.GetSeats(testSku); err != nil || got != *seats {
			t.Errorf("seats = %+v, %v", got, err)
		}
		if got, err := tx.GetSeats(uuid.NewString()); err != nil || got.Enabled != 0 || got.Consumed != 0 {
			t.Errorf("seats of an unknown SKU = %+v, %v", got, err)
		}
		if got, err := tx.ListLicenses(u.ID); err != nil || len(got) != 1 || got[0].DisabledPlans != nil || !got[0].AssignedAt.Equal(now) {
			t.Errorf("licenses = %+v, %v", got, err)
		}
		if got, err := tx.GetOrderByKey("k1"); err != nil || !reflect.DeepEqual(&got, order) {
			t.Errorf("order by key = %+v, %v", got, err)
		}
		if got, err := tx.ListOrders(); err != nil || len(got) != 3 {
			t.Errorf("orders = %d, %v", len(got), err)
		}
		if got, err := tx.ListInvoices(); err != nil || len(got) != 1 || !reflect.DeepEqual(&got[0], inv) {
			t.Errorf("invoices = %+v, %v", got, err)
		}
		if n, err := tx.CountNewerLicenses(testSku, now.Add(-time.Second), u.ID); err != nil || n != 1 {
			t.Errorf("newer licenses than a second ago = %d, %v", n, err)
		}
		if n, err := tx.CountNewerLicenses(testSku, now, u.ID); err != nil || n != 0 {
			t.Errorf("newer licenses than anna's = %d, %v", n, err)
		}
		if got, err := tx.GetInvoice(inv.ID); err != nil || !reflect.DeepEqual(&got, inv) {
			t.Errorf("invoice = %+v, %v", got, err)
		}
		want := []directory.DepartmentLicenses{{SkuID: testSku, Department: "Sales", Assigned: 1}}
		if got, err := tx.LicensesByDepartment(); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("licenses by department = %+v, %v", got, err)
		}
		return nil
	})
	b.view(func(tx directory.Tx) error {
		_, err := tx.GetSubscription(sub.ID)
		wantKind(t, "B.GetSubscription", err, directory.KindNotFound)
		_, err = tx.GetOrderByKey("k1")
		wantKind(t, "B.GetOrderByKey", err, directory.KindNotFound)
		_, err = tx.GetInvoice(inv.ID)
		wantKind(t, "B.GetInvoice", err, directory.KindNotFound)
		subs, _ := tx.ListSubscriptions()
		st, _ := tx.ListSeats()
		ls, _ := tx.ListLicenses(u.ID)
		ords, _ := tx.ListOrders()
		is, _ := tx.ListInvoices()
		ds, _ := tx.LicensesByDepartment()
		if got, _ := tx.GetSeats(testSku); len(subs)+len(st)+len(ls)+len(ords)+len(is)+len(ds) != 0 || got.Enabled != 0 {
			t.Errorf("B sees A's licensing: %v %v %v %v %v", subs, st, ls, ords, is)
		}
		return nil
	})
	b.mustUpdate(func(tx directory.Tx) error {
		wantKind(t, "B.DeleteLicense", tx.DeleteLicense(u.ID, testSku), directory.KindNotFound)
		must(t, tx.PutSeats(&directory.Seats{SkuID: testSku, Enabled: 1}))
		wantKind(t, "B.DeleteSubscription", tx.DeleteSubscription(sub.ID), directory.KindNotFound)
		return nil
	})
	a.view(func(tx directory.Tx) error {
		if got, _ := tx.GetSeats(testSku); got != *seats {
			t.Errorf("B's counter changed A's: %+v", got)
		}
		return nil
	})
}

// testSeatCounterNeverOversells runs many read-check-increment
// transactions on one seat counter at once: exactly the free seats are
// taken, on every backend and however many writers race.
func testSeatCounterNeverOversells(t *testing.T, s directory.Store) {
	const free, workers = 4, 16
	f := newTenant(t, s)
	f.mustUpdate(func(tx directory.Tx) error { return tx.PutSeats(&directory.Seats{SkuID: testSku, Enabled: free}) })
	var taken atomic.Int32
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var got bool
			err := f.update(func(tx directory.Tx) error {
				got = false
				st, err := tx.GetSeats(testSku)
				if err != nil || st.Free() < 1 {
					return err
				}
				st.Consumed++
				got = true
				return tx.PutSeats(&st)
			})
			if err != nil {
				t.Errorf("take a seat: %v", err)
			} else if got {
				taken.Add(1)
			}
		}()
	}
	wg.Wait()
	f.view(func(tx directory.Tx) error {
		st, err := tx.GetSeats(testSku)
		if err != nil || st.Consumed != free || taken.Load() != free {
			t.Errorf("%d workers, %d free: %d took a seat, consumed %d (%v)", workers, free, taken.Load(), st.Consumed, err)
		}
		return nil
	})
}

// testDueSubscriptions checks the lifecycle job's query: subscriptions of
// every tenant that can still move and whose end passed, earliest first,
// and a deleted subscription is gone.
func testDueSubscriptions(t *testing.T, s directory.Store) {
	a, b := newTenant(t, s), newTenant(t, s)
	// Far in the future, so that other tests' subscriptions come first.
	base := time.Date(2400, 1, 1, 0, 0, 0, 0, time.UTC)
	sub := func(f *fixture, status string, ends time.Time) string {
		x := &directory.Subscription{ID: uuid.NewString(), SkuID: testSku, Quantity: 1, Status: status, Channel: "direct",
			CreatedAt: base, EndsAt: ends}
		f.mustUpdate(func(tx directory.Tx) error { return tx.PutSubscription(x) })
		return x.ID
	}
	early := sub(b, directory.SubWarning, base.Add(time.Hour))
	late := sub(a, directory.SubEnabled, base.Add(2*time.Hour))
	sub(a, directory.SubLockedOut, base.Add(time.Hour))    // cancelled: not the job's
	sub(a, directory.SubSuspended, base.Add(48*time.Hour)) // not yet
	gone := sub(a, directory.SubSuspended, base.Add(90*time.Minute))
	a.mustUpdate(func(tx directory.Tx) error { return tx.DeleteSubscription(gone) })
	a.view(func(tx directory.Tx) error {
		_, err := tx.GetSubscription(gone)
		wantKind(t, "GetSubscription(deleted)", err, directory.KindNotFound)
		return nil
	})
	due, err := s.DueSubscriptions(ctx, base.Add(2*time.Hour), 1000)
	must(t, err)
	var got []directory.TenantObject
	for _, d := range due {
		if d.TenantID == a.id || d.TenantID == b.id {
			got = append(got, d)
		}
	}
	want := []directory.TenantObject{{TenantID: b.id, ID: early}, {TenantID: a.id, ID: late}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("due subscriptions = %+v, want %+v", got, want)
	}
	if one, err := s.DueSubscriptions(ctx, base.Add(2*time.Hour), 1); err != nil || len(one) != 1 {
		t.Errorf("limit 1: %+v, %v", one, err)
	}
}

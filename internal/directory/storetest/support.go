package storetest

import (
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

func (f *fixture) supportRequest(id, status string, at time.Time) *directory.SupportRequest {
	return &directory.SupportRequest{ID: id, Title: "Mail is slow " + id, Description: "Since this morning.\nEvery user.",
		Service: "mail", Severity: "high", ContactName: "Anna", ContactEmail: "anna@" + f.domain, ContactMethod: "email",
		Status: status, CreatedByID: "u-1", CreatedByUPN: "anna@" + f.domain, CreatedAt: at, UpdatedAt: at}
}

// testSupport covers counters, service requests and their threads.
func testSupport(t *testing.T, s directory.Store) {
	f, g := newTenant(t, s), newTenant(t, s)
	// Counters count per tenant and name, from 1.
	for i, c := range []struct {
		f    *fixture
		name string
		want int
	}{{f, "a", 1}, {f, "a", 2}, {f, "b", 1}, {g, "a", 1}, {f, "a", 3}} {
		var n int
		must(t, c.f.update(func(tx directory.Tx) (err error) { n, err = tx.NextNumber(c.name); return err }))
		if n != c.want {
			t.Errorf("NextNumber #%d (%s) = %d, want %d", i, c.name, n, c.want)
		}
	}

	now := time.Now().UTC().Truncate(time.Microsecond)
	r1 := f.supportRequest("SR-20250301-0001", "open", now.Add(-2*time.Hour))
	r2 := f.supportRequest("SR-20250301-0002", "inProgress", now.Add(-time.Hour))
	r3 := f.supportRequest("SR-20250302-0001", "open", now)
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.CreateSupportRequest(r1))
		must(t, tx.CreateSupportRequest(r2))
		return tx.CreateSupportRequest(r3)
	})
	wantConflict(t, "same id twice", f.update(func(tx directory.Tx) error { return tx.CreateSupportRequest(r1) }), "id")

	m1 := &directory.SupportMessage{At: now.Add(time.Minute), AuthorName: "Atrium support", FromSupport: true, Text: "Looking into it."}
	m2 := &directory.SupportMessage{At: now.Add(2 * time.Minute), AuthorID: "u-1", AuthorName: r1.CreatedByUPN, Text: "Thanks!\n"}
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.AddSupportMessage(r1.ID, m1))
		return tx.AddSupportMessage(r1.ID, m2)
	})
	if m1.N != 1 || m2.N != 2 {
		t.Errorf("message numbers %d, %d; want 1, 2", m1.N, m2.N)
	}
	wantKind(t, "message to a missing request", f.update(func(tx directory.Tx) error {
		return tx.AddSupportMessage("SR-20990101-0001", &directory.SupportMessage{At: now, Text: "x"})
	}), directory.KindNotFound)
	r2.Status, r2.UpdatedAt = "resolved", now.Add(3*time.Minute)
	f.mustUpdate(func(tx directory.Tx) error { return tx.UpdateSupportRequest(r2) })

	f.view(func(tx directory.Tx) error {
		got, err := tx.GetSupportRequest(r1.ID)
		must(t, err)
		want := *r1
		want.UpdatedAt, want.Messages = m2.At, []directory.SupportMessage{*m1, *m2}
		if !equalSupport(got, want) {
			t.Errorf("GetSupportRequest =\n%+v\nwant\n%+v", got, want)
		}
		if got, err := tx.GetSupportRequest(r2.ID); err != nil || got.Status != "resolved" || !got.UpdatedAt.Equal(r2.UpdatedAt) || len(got.Messages) != 0 {
			t.Errorf("after UpdateSupportRequest: %+v, %v", got, err)
		}
		_, err = tx.GetSupportRequest("SR-20990101-0001")
		wantKind(t, "GetSupportRequest(missing)", err, directory.KindNotFound)

		newest := directory.ListQuery{OrderBy: []directory.Order{{Prop: "createdDateTime", Desc: true}}, Top: 2}
		page, err := tx.ListSupportRequests(newest)
		must(t, err)
		if ids(page.Items) != r3.ID+","+r2.ID || page.Next == "" || page.Items[0].Messages != nil {
			t.Errorf("first page = %s (next %q)", ids(page.Items), page.Next)
		}
		newest.After = page.Next
		page, err = tx.ListSupportRequests(newest)
		must(t, err)
		if ids(page.Items) != r1.ID || page.Next != "" {
			t.Errorf("second page = %s (next %q)", ids(page.Items), page.Next)
		}
		open := directory.Compare{Prop: "status", Op: directory.OpEq, Value: directory.Value{Kind: directory.KindString, Str: "open"}}
		page, err = tx.ListSupportRequests(directory.ListQuery{Filter: open, OrderBy: newest.OrderBy})
		if err != nil || ids(page.Items) != r3.ID+","+r1.ID {
			t.Errorf("open requests = %s, %v", ids(page.Items), err)
		}
		return nil
	})

	// The operator's queue spans tenants and says whose each request is.
	rg := g.supportRequest("SR-20250301-0001", "open", now.Add(time.Hour))
	g.mustUpdate(func(tx directory.Tx) error { return tx.CreateSupportRequest(rg) })
	queue, err := s.SupportQueue(ctx, "open", 1000)
	must(t, err)
	var mine []string
	for _, r := range queue {
		if r.TenantID == f.id || r.TenantID == g.id {
			mine = append(mine, r.TenantID[:4]+"/"+r.ID)
		}
	}
	if want := []string{g.id[:4] + "/" + rg.ID, f.id[:4] + "/" + r1.ID, f.id[:4] + "/" + r3.ID}; !slices.Equal(mine, want) {
		t.Errorf("queue of open requests = %v, want %v (most recently updated first)", mine, want)
	}
}

func ids(rs []directory.SupportRequest) string {
	var out string
	for i, r := range rs {
		if i > 0 {
			out += ","
		}
		out += r.ID
	}
	return out
}

// equalSupport compares requests, times by instant.
func equalSupport(a, b directory.SupportRequest) bool {
	if !a.CreatedAt.Equal(b.CreatedAt) || !a.UpdatedAt.Equal(b.UpdatedAt) || len(a.Messages) != len(b.Messages) {
		return false
	}
	for i := range a.Messages {
		if !a.Messages[i].At.Equal(b.Messages[i].At) {
			return false
		}
		a.Messages[i].At = b.Messages[i].At
	}
	a.CreatedAt, a.UpdatedAt = b.CreatedAt, b.UpdatedAt
	return reflect.DeepEqual(a, b)
}

// testConcurrentSupportNumbers opens requests from many writers at once:
// each gets its own number of the day, without gaps.
func testConcurrentSupportNumbers(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	const workers = 12
	var wg sync.WaitGroup
	got := make(chan int, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var n int
			err := f.update(func(tx directory.Tx) (err error) {
				if n, err = tx.NextNumber("support:20250301"); err != nil {
					return err
				}
				return tx.CreateSupportRequest(f.supportRequest(fmt.Sprintf("SR-20250301-%04d", n), "open", time.Now().UTC()))
			})
			if err != nil {
				t.Errorf("concurrent request: %v", err)
				return
			}
			got <- n
		}()
	}
	wg.Wait()
	close(got)
	var ns []int
	for n := range got {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	for i, n := range ns {
		if n != i+1 {
			t.Fatalf("numbers = %v, want 1 to %d once each", ns, workers)
		}
	}
}

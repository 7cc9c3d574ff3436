package storetest

import (
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

func testSignIn(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	u := f.addUser("u", "U")
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	st := directory.SignInState{UserID: u.ID, Failures: 4, Lockouts: 1, LockedUntil: now.Add(time.Minute), RecentBad: []string{"a", "b"}}
	f.mustUpdate(func(tx directory.Tx) error { return tx.PutSignInState(&st) })
	st.Failures = 5
	f.mustUpdate(func(tx directory.Tx) error { return tx.PutSignInState(&st) }) // an upsert
	f.view(func(tx directory.Tx) error {
		got, err := tx.SignInState(u.ID)
		if err != nil || got.Failures != 5 || got.Lockouts != 1 || !got.LockedUntil.Equal(st.LockedUntil) || len(got.RecentBad) != 2 {
			t.Errorf("SignInState = %+v, %v", got, err)
		}
		return nil
	})
	// Address failures count within their window and start over after it.
	window := func(at time.Time) time.Time { return at.Add(-5 * time.Minute) }
	for i := 0; i < 3; i++ {
		f.mustUpdate(func(tx directory.Tx) error { return tx.AddAddressFailure("192.0.2.1", window(now), now) })
	}
	later := now.Add(10 * time.Minute)
	f.view(func(tx directory.Tx) error {
		if n, _ := tx.AddressFailures("192.0.2.1", window(now)); n != 3 {
			t.Errorf("failures in the window = %d, want 3", n)
		}
		if n, _ := tx.AddressFailures("192.0.2.1", window(later)); n != 0 {
			t.Errorf("failures after the window = %d, want 0", n)
		}
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error { return tx.AddAddressFailure("192.0.2.1", window(later), later) })
	f.view(func(tx directory.Tx) error {
		if n, _ := tx.AddressFailures("192.0.2.1", window(later)); n != 1 {
			t.Errorf("a new window starts at 1, got %d", n)
		}
		return nil
	})
	for i := 0; i < 3; i++ {
		e := &directory.SignInEvent{ID: uuid.NewString(), At: now.Add(time.Duration(i) * time.Second), UserID: u.ID, UPN: u.UserPrincipalName,
			IPAddress: "192.0.2.1", ClientApp: "test", ErrorCode: []int{0, 50126, 50053}[i]}
		f.mustUpdate(func(tx directory.Tx) error { return tx.AppendSignIn(e) })
	}
	f.view(func(tx directory.Tx) error {
		page, err := tx.ListSignIns(directory.ListQuery{})
		if err != nil || len(page.Items) != 3 || page.Items[0].ErrorCode != 50053 {
			t.Errorf("sign-ins newest first: %+v, %v", page.Items, err)
		}
		failed, err := tx.ListSignIns(directory.ListQuery{Filter: directory.Compare{Prop: "status/errorCode", Op: directory.OpNe, Value: directory.Value{Kind: directory.KindNumber}}})
		if err != nil || len(failed.Items) != 2 {
			t.Errorf("failed sign-ins: %d, %v", len(failed.Items), err)
		}
		return nil
	})
}

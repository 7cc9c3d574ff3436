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

func testSessionsAndMFA(t *testing.T, s directory.Store) {
	a, b := newTenant(t, s), newTenant(t, s)
	u := a.addUser("u", "U")
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	sess := &directory.Session{ID: "sha-" + uuid.NewString(), UserID: u.ID, CreatedAt: now, SeenAt: now, ExpiresAt: now.Add(time.Hour),
		IPAddress: "192.0.2.1", UserAgent: "test", Stage: directory.StageMFA}
	a.mustUpdate(func(tx directory.Tx) error { return tx.CreateSession(sess) })
	a.mustUpdate(func(tx directory.Tx) error { return tx.SetSessionStage(sess.ID, directory.StageComplete, 2) })
	a.mustUpdate(func(tx directory.Tx) error { return tx.TouchSession(sess.ID, now.Add(time.Minute)) })
	a.view(func(tx directory.Tx) error {
		got, err := tx.GetSession(sess.ID)
		if err != nil || got.Stage != directory.StageComplete || got.MFAFailures != 2 || !got.SeenAt.Equal(now.Add(time.Minute)) {
			t.Errorf("session = %+v, %v", got, err)
		}
		return nil
	})
	totp := &directory.TOTP{UserID: u.ID, Secret: "JBSWY3DPEHPK3PXP", Confirmed: true, CreatedAt: now, LastStep: 7}
	a.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.PutTOTP(totp))
		return tx.ReplaceRecoveryCodes(u.ID, []string{"h1", "h2"})
	})
	// Another tenant reaches none of it.
	b.view(func(tx directory.Tx) error {
		_, err := tx.GetSession(sess.ID)
		wantKind(t, "B.GetSession", err, directory.KindNotFound)
		_, err = tx.GetTOTP(u.ID)
		wantKind(t, "B.GetTOTP", err, directory.KindNotFound)
		if n, err := tx.UnusedRecoveryCodes(u.ID); err != nil || n != 0 {
			t.Errorf("B.UnusedRecoveryCodes = %d, %v", n, err)
		}
		return nil
	})
	for name, fn := range map[string]func(directory.Tx) error{
		"TouchSession":    func(tx directory.Tx) error { return tx.TouchSession(sess.ID, now) },
		"SetSessionStage": func(tx directory.Tx) error { return tx.SetSessionStage(sess.ID, directory.StageComplete, 0) },
		"DeleteSession":   func(tx directory.Tx) error { return tx.DeleteSession(sess.ID) },
		"DeleteTOTP":      func(tx directory.Tx) error { return tx.DeleteTOTP(u.ID) },
		"UseRecoveryCode": func(tx directory.Tx) error { return tx.UseRecoveryCode(u.ID, "h1", now) },
	} {
		wantKind(t, "B."+name, b.update(fn), directory.KindNotFound)
	}
	// Recovery codes are used once.
	a.mustUpdate(func(tx directory.Tx) error { return tx.UseRecoveryCode(u.ID, "h1", now) })
	wantKind(t, "a used recovery code", a.update(func(tx directory.Tx) error { return tx.UseRecoveryCode(u.ID, "h1", now) }), directory.KindNotFound)
	a.view(func(tx directory.Tx) error {
		if n, _ := tx.UnusedRecoveryCodes(u.ID); n != 1 {
			t.Errorf("unused recovery codes = %d, want 1", n)
		}
		got, err := tx.GetTOTP(u.ID)
		if err != nil || got != *totp {
			t.Errorf("TOTP = %+v, %v", got, err)
		}
		return nil
	})
	a.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUserSessions(u.ID) })
	a.view(func(tx directory.Tx) error {
		_, err := tx.GetSession(sess.ID)
		wantKind(t, "session after DeleteUserSessions", err, directory.KindNotFound)
		return nil
	})
	a.mustUpdate(func(tx directory.Tx) error { return tx.DeleteTOTP(u.ID) })
}

// testMFAFailures checks the wrong-code counter: a round trip, an upsert,
// and nothing seen from another tenant.
func testMFAFailures(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	u := f.addUser("m", "M")
	until := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	f.mustUpdate(func(tx directory.Tx) error {
		return tx.PutMFAFailures(&directory.MFAFailures{UserID: u.ID, Failures: 3})
	})
	f.mustUpdate(func(tx directory.Tx) error {
		return tx.PutMFAFailures(&directory.MFAFailures{UserID: u.ID, Failures: 0, LockedUntil: until})
	})
	f.view(func(tx directory.Tx) error {
		got, err := tx.MFAFailures(u.ID)
		if err != nil || got.Failures != 0 || !got.LockedUntil.Equal(until) {
			t.Errorf("MFAFailures = %+v, %v", got, err)
		}
		return nil
	})
	other.view(func(tx directory.Tx) error {
		if got, err := tx.MFAFailures(u.ID); err != nil || !got.LockedUntil.IsZero() {
			t.Errorf("another tenant sees the counter: %+v %v", got, err)
		}
		return nil
	})
}

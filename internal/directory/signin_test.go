package directory_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

// TestSmartLockout walks the lockout rules with a fake clock: 10 counted
// failures lock for 60 s; a repeated wrong password doesn't count; a
// failure after a lockout locks again for twice as long; a success, an
// admin unlock or an admin reset clears it; callers can't tell a locked
// account from a wrong password, the sign-in log can.
func TestSmartLockout(t *testing.T) {
	svc, clk, op, ct := newService(t)
	u, err := svc.CreateUser(op, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "Victim", "mailNickname": "victim",
		"userPrincipalName": "victim@" + ct.InitialDomain}, &directory.PasswordProfile{Password: "Right-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	try := func(pw string) error {
		_, err := svc.SignIn(ctx, ct.TenantID, u.UserPrincipalName, pw, "203.0.113.7", "test")
		return err
	}
	// Repeating one wrong password counts once; nine different ones later the
	// tenth distinct failure locks.
	for i := 0; i < 5; i++ {
		if err := try("Same-Wrong-1"); err != directory.ErrBadCredentials {
			t.Fatalf("wrong password: %v", err)
		}
	}
	for i := 0; i < 8; i++ {
		_ = try(fmt.Sprintf("Wrong-%d-Pass", i))
	}
	if err := try("Right-Pass-1"); err != nil {
		t.Fatalf("locked after 9 counted failures: %v", err)
	}
	for i := 0; i < 10; i++ {
		_ = try(fmt.Sprintf("Wrong-%d-Again", i))
	}
	if err := try("Right-Pass-1"); err != directory.ErrBadCredentials {
		t.Fatalf("right password during a lockout: %v", err)
	}
	clk.t = clk.t.Add(61 * time.Second)
	_ = try("Another-Wrong-1") // one failure after the lockout locks again, for 120 s
	clk.t = clk.t.Add(61 * time.Second)
	if err := try("Right-Pass-1"); err != directory.ErrBadCredentials {
		t.Fatalf("second lockout should last 120 s: %v", err)
	}
	clk.t = clk.t.Add(60 * time.Second)
	if err := try("Right-Pass-1"); err != nil {
		t.Fatalf("after the second lockout: %v", err)
	}
	// A success resets everything: the next lockout needs 10 failures again.
	for i := 0; i < 9; i++ {
		_ = try(fmt.Sprintf("Fresh-%d-Wrong", i))
	}
	if err := try("Right-Pass-1"); err != nil {
		t.Fatalf("success did not reset the counter: %v", err)
	}
	// An admin unlock ends a lockout at once.
	for i := 0; i < 10; i++ {
		_ = try(fmt.Sprintf("Lock-%d-Again", i))
	}
	if err := svc.UnlockUser(op, ct.TenantID, u.ID); err != nil {
		t.Fatal(err)
	}
	if err := try("Right-Pass-1"); err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	// Unknown users and blocked accounts.
	if _, err := svc.SignIn(ctx, ct.TenantID, "nobody@"+ct.InitialDomain, "Right-Pass-1", "203.0.113.7", "test"); err != directory.ErrBadCredentials {
		t.Fatalf("unknown user: %v", err)
	}
	if err := svc.UpdateUser(op, ct.TenantID, u.ID, directory.Changes{"accountEnabled": false}, nil); err != nil {
		t.Fatal(err)
	}
	if err := try("Right-Pass-1"); err != directory.ErrAccountDisabled {
		t.Fatalf("blocked account: %v", err)
	}
	// The log tells the cases apart.
	page, err := svc.ListSignIns(op, ct.TenantID, directory.ListQuery{Top: 999})
	if err != nil {
		t.Fatal(err)
	}
	codes := map[int]int{}
	for _, e := range page.Items {
		codes[e.ErrorCode]++
	}
	if codes[0] < 4 || codes[50126] < 20 || codes[50053] < 2 || codes[50034] != 1 || codes[50057] != 1 {
		t.Errorf("sign-in log codes: %v", codes)
	}
	// The log keeps 30 days.
	clk.t = clk.t.Add(30*24*time.Hour + time.Hour)
	if n, err := svc.PurgeSignIns(ctx); err != nil || n != len(page.Items) {
		t.Errorf("purged %d of %d sign-ins, %v", n, len(page.Items), err)
	}
}

// TestTemporaryPasswordExpires: a password set by an admin and never
// changed stops working after the tenant's lifetime (90 days).
func TestTemporaryPasswordExpires(t *testing.T) {
	svc, clk, op, ct := newService(t)
	u, err := svc.CreateUser(op, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "New", "mailNickname": "new",
		"userPrincipalName": "new@" + ct.InitialDomain}, &directory.PasswordProfile{Password: "Temp-Pass-1", ForceChangePasswordNextSignIn: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := svc.SignIn(context.Background(), ct.TenantID, u.UserPrincipalName, "Temp-Pass-1", "198.51.100.1", "test")
	if err != nil || !res.MustChangePassword {
		t.Fatalf("first sign-in: %+v, %v", res, err)
	}
	clk.t = clk.t.AddDate(0, 0, 91)
	if _, err := svc.SignIn(context.Background(), ct.TenantID, u.UserPrincipalName, "Temp-Pass-1", "198.51.100.1", "test"); err != directory.ErrPasswordExpired {
		t.Fatalf("after 91 days: %v", err)
	}
}

// TestAddressLimit: one address that fails 50 times in five minutes is
// refused for every account until the window passes.
func TestAddressLimit(t *testing.T) {
	svc, clk, op, ct := newService(t)
	if _, err := svc.CreateUser(op, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "A", "mailNickname": "a",
		"userPrincipalName": "a@" + ct.InitialDomain}, &directory.PasswordProfile{Password: "Right-Pass-1"}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		_, _ = svc.SignIn(context.Background(), ct.TenantID, fmt.Sprintf("guess%d@%s", i, ct.InitialDomain), "Wrong-Pass-1", "192.0.2.9", "test")
	}
	if _, err := svc.SignIn(context.Background(), ct.TenantID, "a@"+ct.InitialDomain, "Right-Pass-1", "192.0.2.9", "test"); err != directory.ErrBadCredentials {
		t.Fatalf("address over the limit: %v", err)
	}
	if _, err := svc.SignIn(context.Background(), ct.TenantID, "a@"+ct.InitialDomain, "Right-Pass-1", "192.0.2.10", "test"); err != nil {
		t.Fatalf("another address: %v", err)
	}
	clk.t = clk.t.Add(6 * time.Minute)
	if _, err := svc.SignIn(context.Background(), ct.TenantID, "a@"+ct.InitialDomain, "Right-Pass-1", "192.0.2.9", "test"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

// TestPasswordExpirationPolicy: with the tenant's expiration policy on, a
// password older than its validity must be changed at the next sign-in;
// changing it ends that. The policy is off (never expire) by default.
func TestPasswordExpirationPolicy(t *testing.T) {
	svc, clk, op, ct := newService(t)
	u, err := svc.CreateUser(op, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "Old", "mailNickname": "old",
		"userPrincipalName": "old@" + ct.InitialDomain}, &directory.PasswordProfile{Password: "Own-Pass-123"})
	if err != nil {
		t.Fatal(err)
	}
	signIn := func() bool {
		t.Helper()
		res, err := svc.SignIn(context.Background(), ct.TenantID, u.UserPrincipalName, "Own-Pass-123", "198.51.100.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		p, err := svc.LoadPrincipal(context.Background(), ct.TenantID, u.ID)
		if err != nil || p.MustChangePassword != res.MustChangePassword {
			t.Fatalf("principal %+v (%v) disagrees with the sign-in %+v", p, err, res)
		}
		return res.MustChangePassword
	}
	clk.t = clk.t.AddDate(2, 0, 0)
	if signIn() {
		t.Fatal("a password expired under the default policy (never expire)")
	}
	for _, bad := range []directory.PasswordPolicy{{PasswordValidityDays: 13}, {PasswordValidityDays: 731}, {PasswordValidityDays: 90, PasswordNotificationDays: 31}} {
		if err := svc.UpdatePasswordPolicy(op, ct.TenantID, bad); directory.KindOf(err) != directory.KindInvalid {
			t.Errorf("policy %+v: %v", bad, err)
		}
	}
	if err := svc.UpdatePasswordPolicy(op, ct.TenantID, directory.PasswordPolicy{PasswordValidityDays: 90}); err != nil {
		t.Fatal(err)
	}
	if !signIn() {
		t.Fatal("a password two years old didn't expire under a 90-day policy")
	}
	if pol, _ := svc.GetPasswordPolicy(op, ct.TenantID); pol.PasswordNotificationDays != 14 {
		t.Errorf("notification default: %+v", pol)
	}
	user, _ := svc.LoadPrincipal(context.Background(), ct.TenantID, u.ID)
	if err := svc.ChangeOwnPassword(authz.WithPrincipal(context.Background(), user), ct.TenantID, "Own-Pass-123", "Newer-Pass-456"); err != nil {
		t.Fatal(err)
	}
	if p, _ := svc.LoadPrincipal(context.Background(), ct.TenantID, u.ID); p.MustChangePassword {
		t.Fatal("a changed password still counts as expired")
	}
	clk.t = clk.t.AddDate(0, 0, 91)
	if p, _ := svc.LoadPrincipal(context.Background(), ct.TenantID, u.ID); !p.MustChangePassword {
		t.Fatal("the new password did not expire after 91 days")
	}
}

package directory_test

import (
	"context"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/pquerna/otp/totp"
)

// TestSecondFactorLockout: wrong codes count per user across sign-ins (a
// right password doesn't reset them); ten lock the second factor for 15
// minutes, even against the right code; a right code resets the count.
func TestSecondFactorLockout(t *testing.T) {
	svc, clk, _, ct := newService(t)
	ctx := context.Background()
	p, err := svc.LoadPrincipal(ctx, ct.TenantID, ct.AdminID)
	if err != nil {
		t.Fatal(err)
	}
	me := authz.WithPrincipal(ctx, p)
	secret, _, err := svc.BeginTOTP(me, ct.TenantID)
	if err != nil {
		t.Fatal(err)
	}
	code := func() string {
		c, _ := totp.GenerateCode(secret, clk.t)
		return c
	}
	if _, err := svc.ConfirmTOTP(me, ct.TenantID, code()); err != nil {
		t.Fatal(err)
	}
	wrong := func(n int) {
		t.Helper()
		for i := 0; i < n; i++ {
			if err := svc.VerifySecondFactor(ctx, ct.TenantID, ct.AdminID, "000000"); err != directory.ErrBadCode && err != directory.ErrCodeLocked {
				t.Fatalf("wrong code %d: %v", i, err)
			}
		}
	}
	wrong(9)
	if _, err := svc.SignIn(ctx, ct.TenantID, ct.AdminUPN, "Admin-Pass-1", "198.51.100.7", "test"); err != nil {
		t.Fatal(err)
	}
	wrong(1) // the tenth, after a successful password
	clk.t = clk.t.Add(time.Minute)
	if err := svc.VerifySecondFactor(ctx, ct.TenantID, ct.AdminID, code()); err != directory.ErrCodeLocked {
		t.Fatalf("the right code while locked: %v", err)
	}
	clk.t = clk.t.Add(directory.MFALockout)
	if err := svc.VerifySecondFactor(ctx, ct.TenantID, ct.AdminID, code()); err != nil {
		t.Fatalf("the right code after the lockout: %v", err)
	}
	// A right code starts the count over.
	wrong(9)
	clk.t = clk.t.Add(time.Minute)
	if err := svc.VerifySecondFactor(ctx, ct.TenantID, ct.AdminID, code()); err != nil {
		t.Fatal(err)
	}
	wrong(9)
	clk.t = clk.t.Add(time.Minute)
	if err := svc.VerifySecondFactor(ctx, ct.TenantID, ct.AdminID, code()); err != nil {
		t.Fatalf("nine wrong codes after a right one locked: %v", err)
	}
}

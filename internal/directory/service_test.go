package directory_test

import (
	"context"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
	"github.com/google/uuid"
)

// clock is the fake clock tests move by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newService(t *testing.T) (*directory.Service, *clock, context.Context, directory.CreatedTenant) {
	t.Helper()
	c := &clock{t: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	svc := directory.NewService(directory.Config{Store: testdb.SQLite(t), Hasher: password.Hasher{Params: password.Params{Memory: 64, Time: 1, Threads: 1}},
		PlatformDomain: "atrium.test", NewSigningKey: fakeKey, Now: c.now})
	ctx := authz.WithPrincipal(context.Background(), authz.Operator)
	ct, err := svc.CreateTenant(ctx, directory.NewTenant{Name: "Org", DomainPrefix: "org", AdminUsername: "admin",
		AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	return svc, c, ctx, ct
}

func TestPurgeAfterThirtyDays(t *testing.T) {
	svc, clk, ctx, ct := newService(t)
	u, err := svc.CreateUser(ctx, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "Leaver",
		"mailNickname": "leaver", "userPrincipalName": "leaver@" + ct.InitialDomain}, &directory.PasswordProfile{Password: "Strong-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.DeleteUser(ctx, ct.TenantID, u.ID); err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.Add(30*24*time.Hour - time.Minute)
	if n, err := svc.PurgeExpired(ctx, 10); err != nil || n != 0 {
		t.Fatalf("purge before 30 days: %d, %v", n, err)
	}
	if _, err := svc.GetDeletedUser(ctx, ct.TenantID, u.ID); err != nil {
		t.Fatalf("user gone before 30 days: %v", err)
	}
	clk.t = clk.t.Add(2 * time.Minute)
	if n, err := svc.PurgeExpired(ctx, 10); err != nil || n != 1 {
		t.Fatalf("purge after 30 days: %d, %v", n, err)
	}
	if _, err := svc.GetDeletedUser(ctx, ct.TenantID, u.ID); directory.KindOf(err) != directory.KindNotFound {
		t.Fatalf("purged user still there: %v", err)
	}
	page, err := svc.ListAudit(ctx, ct.TenantID, directory.ListQuery{Top: 1})
	if err != nil || page.Items[0].Activity != "Hard delete user" || page.Items[0].Initiator.App == "" {
		t.Fatalf("purge audit: %+v, %v", page.Items, err)
	}
}

func TestCreateTenantRules(t *testing.T) {
	svc, _, ctx, _ := newService(t)
	for name, nt := range map[string]directory.NewTenant{
		"taken prefix": {Name: "Other", DomainPrefix: "ORG", AdminUsername: "a", AdminPassword: "Admin-Pass-1"},
		"bad prefix":   {Name: "Other", DomainPrefix: "-x-", AdminUsername: "a", AdminPassword: "Admin-Pass-1"},
		"no name":      {Name: " ", DomainPrefix: "other", AdminUsername: "a", AdminPassword: "Admin-Pass-1"},
		"bad admin":    {Name: "Other", DomainPrefix: "other2", AdminUsername: "a b", AdminPassword: "Admin-Pass-1"},
		"weak pw":      {Name: "Other", DomainPrefix: "other3", AdminUsername: "a", AdminPassword: "weak"},
	} {
		if _, err := svc.CreateTenant(ctx, nt); directory.KindOf(err) != directory.KindInvalid && directory.KindOf(err) != directory.KindConflict {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestServiceNeedsPrincipal(t *testing.T) {
	svc, _, _, ct := newService(t)
	_, err := svc.ListUsers(context.Background(), ct.TenantID, directory.ListQuery{})
	if directory.KindOf(err) != directory.KindUnauthenticated {
		t.Fatalf("list without a principal: %v", err)
	}
	other := authz.WithPrincipal(context.Background(), authz.Principal{UserID: "u", TenantID: "another", Roles: []string{"global-admin"}})
	if _, err := svc.ListUsers(other, ct.TenantID, directory.ListQuery{}); directory.KindOf(err) != directory.KindDenied {
		t.Fatalf("admin of another tenant: %v", err)
	}
}

// fakeKey makes a signing key with a unique id and no usable key: these
// tests never sign.
func fakeKey() (directory.SigningKey, error) {
	return directory.SigningKey{KID: "k-" + uuid.NewString(), PrivatePEM: []byte("not used by these tests")}, nil
}

package directory_test

import (
	"context"
	"sync"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

// TestLastGlobalAdminUnderConcurrency races two Global admins removing each
// other's role, many times, on SQLite and on PostgreSQL: one always stays.
func TestLastGlobalAdminUnderConcurrency(t *testing.T) {
	for _, backend := range []struct {
		name  string
		store func(testing.TB) directory.Store
	}{
		{"sqlite", func(t testing.TB) directory.Store { return testdb.SQLite(t) }},
		{"postgres", func(t testing.TB) directory.Store { return testdb.Postgres(t) }},
	} {
		t.Run(backend.name, func(t *testing.T) {
			svc := directory.NewService(directory.Config{Store: backend.store(t), PlatformDomain: "atrium.test", NewSigningKey: fakeKey,
				Hasher: password.Hasher{Params: password.Params{Memory: 64, Time: 1, Threads: 1}}})
			op := authz.WithPrincipal(context.Background(), authz.Operator)
			for round := 0; round < 15; round++ {
				ct, err := svc.CreateTenant(op, directory.NewTenant{Name: "Org", DomainPrefix: "org" + string(rune('a'+round)),
					AdminUsername: "first", AdminPassword: "Admin-Pass-1"})
				if err != nil {
					t.Fatal(err)
				}
				second, err := svc.CreateUser(op, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "Second",
					"mailNickname": "second", "userPrincipalName": "second@" + ct.InitialDomain}, &directory.PasswordProfile{Password: "Strong-Pass-1"})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := svc.AssignRole(op, ct.TenantID, second.ID, authz.GlobalAdmin.TemplateID); err != nil {
					t.Fatal(err)
				}
				as := func(id string) context.Context {
					p, err := svc.LoadPrincipal(context.Background(), ct.TenantID, id)
					if err != nil {
						t.Fatal(err)
					}
					return authz.WithPrincipal(context.Background(), p)
				}
				first, other := as(ct.AdminID), as(second.ID)
				var wg sync.WaitGroup
				errs := make([]error, 2)
				for i, c := range []struct {
					ctx    context.Context
					target string
				}{{first, second.ID}, {other, ct.AdminID}} {
					wg.Add(1)
					go func(i int, ctx context.Context, target string) {
						defer wg.Done()
						_, errs[i] = svc.RemoveRoleMember(ctx, ct.TenantID, authz.GlobalAdmin.TemplateID, target)
					}(i, c.ctx, c.target)
				}
				wg.Wait()
				holders, err := svc.RoleMembers(op, ct.TenantID, authz.GlobalAdmin.TemplateID)
				if err != nil {
					t.Fatal(err)
				}
				if len(holders) != 1 {
					t.Fatalf("round %d: %d Global admins left (errors %v)", round, len(holders), errs)
				}
				for _, err := range errs {
					if err != nil && err != directory.ErrLastGlobalAdmin && directory.KindOf(err) != directory.KindDenied {
						t.Fatalf("round %d: unexpected error %v", round, err)
					}
				}
			}
		})
	}
}

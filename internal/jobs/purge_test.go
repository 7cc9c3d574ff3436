package jobs_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

// TestPurgeOnceDrainsEveryBatch deletes more users than one batch holds
// and checks that one pass purges them all once they are 30 days old.
func TestPurgeOnceDrainsEveryBatch(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	svc := directory.NewService(directory.Config{Store: testdb.SQLite(t), PlatformDomain: "atrium.test", NewSigningKey: fakeKey,
		Hasher: password.Hasher{Params: password.Params{Memory: 64, Time: 1, Threads: 1}}, Now: func() time.Time { return now }})
	ctx := authz.WithPrincipal(context.Background(), authz.Operator)
	ct, err := svc.CreateTenant(ctx, directory.NewTenant{Name: "Org", DomainPrefix: "org", AdminUsername: "admin",
		AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	const n = 520 // more than one batch of 500
	for i := 0; i < n; i++ {
		u, err := svc.CreateUser(ctx, ct.TenantID, directory.Changes{"accountEnabled": true, "displayName": "U",
			"mailNickname": "u", "userPrincipalName": fmt.Sprintf("u%d@%s", i, ct.InitialDomain)}, &directory.PasswordProfile{Password: "Strong-Pass-1"})
		if err != nil {
			t.Fatal(err)
		}
		if err := svc.DeleteUser(ctx, ct.TenantID, u.ID); err != nil {
			t.Fatal(err)
		}
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if got := jobs.PurgeOnce(ctx, svc, log); got != 0 {
		t.Fatalf("purged %d users deleted just now", got)
	}
	now = now.Add(31 * 24 * time.Hour)
	if got := jobs.PurgeOnce(ctx, svc, log); got != n {
		t.Fatalf("purged %d, want %d", got, n)
	}
	page, err := svc.ListUsers(ctx, ct.TenantID, directory.ListQuery{Deleted: true})
	if err != nil || len(page.Items) != 0 {
		t.Fatalf("deleted users left: %d, %v", len(page.Items), err)
	}
	// The audit log keeps 30 days: the creates and deletes are gone, the
	// purges (written just now) stay.
	audit, err := svc.ListAudit(ctx, ct.TenantID, directory.ListQuery{Top: 999})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range audit.Items {
		if e.Activity != "Hard delete user" {
			t.Fatalf("audit event %q older than 30 days survived", e.Activity)
		}
	}
	if len(audit.Items) != n {
		t.Fatalf("%d audit events left, want the %d purges", len(audit.Items), n)
	}
}

func fakeKey() (directory.SigningKey, error) {
	return directory.SigningKey{KID: "k", PrivatePEM: []byte("not used by these tests")}, nil
}

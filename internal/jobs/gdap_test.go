package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

// TestRunGDAPExpiresAtStart starts the GDAP job 90 days after a partner
// locked a request nobody answered: its first pass expires it.
func TestRunGDAPExpiresAtStart(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	svc := directory.NewService(directory.Config{Store: testdb.SQLite(t), PlatformDomain: "atrium.test", NewSigningKey: fakeKey,
		Hasher: password.Hasher{Params: password.Params{Memory: 64, Time: 1, Threads: 1}}, Now: clock})
	op := authz.WithPrincipal(context.Background(), authz.Operator)
	var ids [2]directory.CreatedTenant
	for i, name := range []string{"partner", "customer"} {
		ct, err := svc.CreateTenant(op, directory.NewTenant{Name: name, DomainPrefix: name, AdminUsername: "admin", AdminPassword: "Admin-Pass-1"})
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = ct
	}
	prof, err := svc.SetPartner(op, ids[0].TenantID, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.AddMember(op, ids[0].TenantID, prof.AdminAgents, ids[0].AdminID); err != nil {
		t.Fatal(err)
	}
	agent := authz.WithPrincipal(context.Background(), authz.Principal{UserID: ids[0].AdminID, TenantID: ids[0].TenantID})
	name, roles := "Unanswered", []string{authz.UserAdmin.TemplateID}
	rel, err := svc.CreateGDAPRelationship(agent, ids[0].TenantID, directory.GDAPInput{DisplayName: &name, CustomerTenantID: &ids[1].TenantID, Roles: &roles})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RequestGDAP(agent, ids[0].TenantID, rel.ID, directory.GDAPLockForApproval, "https://admin.example"); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	now = now.Add(partner.ApprovalTTL)
	mu.Unlock()
	jobCtx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		jobs.RunGDAP(jobCtx, svc, time.Hour, slog.New(slog.NewTextHandler(io.Discard, nil)))
		close(done)
	}()
	defer func() { stop(); <-done }()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		got, err := svc.GetGDAPRelationship(agent, ids[0].TenantID, rel.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status == partner.GDAPExpired {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still %s 90 days after locking", got.Status)
		}
	}
}

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
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

// TestRunSubscriptionsRenewsAtStart starts the lifecycle job after a term
// ended: its first pass renews the subscription with an invoice, and it
// stops with its context.
func TestRunSubscriptionsRenewsAtStart(t *testing.T) {
	var mu sync.Mutex
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	svc := directory.NewService(directory.Config{Store: testdb.SQLite(t), PlatformDomain: "atrium.test", NewSigningKey: fakeKey,
		Hasher: password.Hasher{Params: password.Params{Memory: 64, Time: 1, Threads: 1}}, Now: clock})
	ctx := authz.WithPrincipal(context.Background(), authz.Operator)
	ct, err := svc.CreateTenant(ctx, directory.NewTenant{Name: "Org", DomainPrefix: "org", AdminUsername: "admin",
		AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.PlaceOrder(ctx, ct.TenantID, "4c379c46-e966-4606-9a6c-1c591d62591d", 2, ""); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	now = now.AddDate(0, 1, 0)
	mu.Unlock()
	jobCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		jobs.RunSubscriptions(jobCtx, svc, time.Hour, slog.New(slog.NewTextHandler(io.Discard, nil)))
		close(done)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		invs, err := svc.ListInvoices(ctx, ct.TenantID)
		if err != nil {
			t.Fatal(err)
		}
		if len(invs) == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d invoices after the term ended, want the renewal's too", len(invs))
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	<-done
	subs, err := svc.ListSubscriptions(ctx, ct.TenantID)
	if err != nil || len(subs) != 1 || subs[0].Status != directory.SubEnabled || !subs[0].EndsAt.Equal(now.AddDate(0, 1, 0)) {
		t.Fatalf("after the renewal: %+v, %v", subs, err)
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/google/uuid"
)

const (
	benchSkuBasic = "4c379c46-e966-4606-9a6c-1c591d62591d"
	benchSkuIdP1  = "a58479e8-df11-48ee-8e94-9eac8065dc1e"
)

// licenseBench gives every one of n seeded users a license through the
// store, then measures GET /v1.0/subscribedSkus (which reads per-product
// seat counters, not the users) and assignLicense over HTTP for d, one
// worker per CPU, each assignment taking a new seat.
func licenseBench(backend, pgURL string, n, reps int, d time.Duration) {
	e, done := setup(backend, pgURL, n)
	defer done()
	ctx := context.Background()
	op := authz.WithPrincipal(ctx, authz.Operator)
	if _, err := e.app.Directory.PlaceOrder(op, e.tenant.TenantID, benchSkuIdP1, directory.MaxOrderQuantity, ""); err != nil {
		fail(err)
	}
	var ids []string // the users assignLicense may license (they have a usage location)
	licensed := 0
	start := time.Now()
	err := e.app.Store.Update(ctx, e.tenant.TenantID, func(tx directory.Tx) error {
		page, err := tx.ListUsers(directory.ListQuery{Top: n + 10})
		if err != nil {
			return err
		}
		licensed = len(page.Items)
		for _, u := range page.Items {
			if u.UsageLocation != "" {
				ids = append(ids, u.ID)
			}
			if err := tx.PutLicense(u.ID, &directory.License{SkuID: benchSkuBasic, AssignedAt: time.Now().UTC()}); err != nil {
				return err
			}
		}
		sub := &directory.Subscription{ID: uuid.NewString(), SkuID: benchSkuBasic, Quantity: licensed, Status: directory.SubEnabled,
			Channel: "direct", CreatedAt: time.Now().UTC(), AutoRenew: true, EndsAt: time.Now().UTC().AddDate(0, 1, 0)}
		if err := tx.PutSubscription(sub); err != nil {
			return err
		}
		return tx.PutSeats(&directory.Seats{SkuID: benchSkuBasic, Enabled: licensed, Consumed: licensed})
	})
	if err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "licensed %d users in %s\n", licensed, time.Since(start).Round(time.Millisecond))
	skus, err := e.c.SubscribedSkus(ctx)
	if err != nil || len(skus) != 2 {
		fail(fmt.Errorf("subscribedSkus: %v, %v", skus, err))
	}
	p := measure(reps, func(int) error { _, err := e.c.SubscribedSkus(ctx); return err })
	fmt.Printf("| %s | %d | GET /v1.0/subscribedSkus (%d licensed users) | %.2f | %.2f |\n", backend, n, licensed, p[0], p[1])
	n2, elapsed := assignRate(ids, d, func(id string) error {
		return e.c.AssignLicense(ctx, id, []client.AssignedLicense{{SkuID: benchSkuIdP1, DisabledPlans: []string{}}}, nil)
	})
	fmt.Printf("| %s | %d | assignLicense, a new seat each, %d workers: %.0f per second (%d in %s) | | |\n", backend, n, workers(),
		float64(n2)/elapsed.Seconds(), n2, elapsed.Round(time.Millisecond))
	// The provisioning job drains the plans those assignments queued.
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	start, tasks := time.Now(), 0
	for k := 1; k > 0; tasks += k {
		k = jobs.Provision(ctx, e.app.Directory, jobs.Connectors{}, quiet)
	}
	elapsed = time.Since(start)
	fmt.Printf("| %s | %d | provisioning job, no-op connector: %.0f plans per second (%d in %s) | | |\n", backend, n,
		float64(tasks)/elapsed.Seconds(), tasks, elapsed.Round(time.Millisecond))
}

// assignRate calls assign for one user after another with workers()
// workers, for d or until the users run out, and says how many in how long.
func assignRate(ids []string, d time.Duration, assign func(id string) error) (int, time.Duration) {
	var next atomic.Int64
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for w := 0; w < workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				i := int(next.Add(1)) - 1
				if i >= len(ids) {
					return
				}
				if err := assign(ids[i]); err != nil {
					fail(err)
				}
			}
		}()
	}
	wg.Wait()
	return min(int(next.Load()), len(ids)), time.Since(start)
}

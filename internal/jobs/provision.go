package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// Connector tells one service that a user gained or lost a service plan.
// Calls must be idempotent: a task is retried until a call succeeds.
type Connector interface {
	Deliver(ctx context.Context, t directory.ProvisioningTask) error
}

// Noop is the connector of services that need no call: the plan counts as
// provisioned at once.
type Noop struct{}

// Deliver succeeds.
func (Noop) Deliver(context.Context, directory.ProvisioningTask) error { return nil }

// Connectors picks the connector of each workload (Mail, Files, Office…),
// falling back to Default, and Noop when that is nil.
type Connectors struct {
	ByWorkload map[string]Connector
	Default    Connector
}

func (c Connectors) of(workload string) Connector {
	if conn := c.ByWorkload[workload]; conn != nil {
		return conn
	}
	if c.Default != nil {
		return c.Default
	}
	return Noop{}
}

// provisionLease is how long a replica owns a task it is running.
const provisionLease = 2 * time.Minute

// Provision runs every due provisioning task once, each claimed first so
// that replicas don't run it twice; failures are retried later with
// backoff. It returns how many tasks succeeded.
func Provision(ctx context.Context, dir *directory.Service, conns Connectors, log *slog.Logger) int {
	due, err := dir.DueProvisioning(ctx, 100)
	if err != nil {
		log.Error("provisioning", "error", err)
		return 0
	}
	done := 0
	for _, t := range due {
		ok, err := dir.ClaimProvisioning(ctx, &t, provisionLease)
		if err != nil || !ok {
			continue
		}
		callCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
		failure := conns.of(t.Workload).Deliver(callCtx, t)
		cancel()
		if failure != nil {
			log.Warn("provisioning failed; will retry", "tenant", t.TenantID, "user", t.UserID, "plan", t.PlanName, "error", failure)
		} else {
			done++
		}
		if err := dir.FinishProvisioning(ctx, t, failure); err != nil {
			log.Error("provisioning", "error", err)
		}
	}
	return done
}

// RunProvisioning runs due provisioning tasks every interval until ctx ends.
func RunProvisioning(ctx context.Context, dir *directory.Service, conns Connectors, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		Provision(ctx, dir, conns, log)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// purgeBatch is how many expired users one pass purges before it looks
// again.
const purgeBatch = 500

// RunPurge does the periodic upkeep at start and then every interval,
// until ctx ends: it purges users deleted more than 30 days ago, sign-in
// log entries and audit events older than 30 days, and expired OpenID
// Connect state, and rotates signing keys that are due.
func RunPurge(ctx context.Context, dir *directory.Service, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		PurgeOnce(ctx, dir, log)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// PurgeOnce does one round of upkeep now (see RunPurge); it returns how
// many users it purged.
func PurgeOnce(ctx context.Context, dir *directory.Service, log *slog.Logger) int {
	total := 0
	for ctx.Err() == nil {
		n, err := dir.PurgeExpired(ctx, purgeBatch)
		total += n
		if err != nil {
			log.Error("purge deleted users", "error", err, "purged", total)
			return total
		}
		if n < purgeBatch {
			break
		}
	}
	if total > 0 {
		log.Info("purged deleted users", "count", total)
	}
	if n, err := dir.PurgeSignIns(ctx); err != nil {
		log.Error("purge sign-in log", "error", err)
	} else if n > 0 {
		log.Info("purged sign-in log entries", "count", n)
	}
	if n, err := dir.PurgeAudit(ctx); err != nil {
		log.Error("purge audit log", "error", err)
	} else if n > 0 {
		log.Info("purged audit events", "count", n)
	}
	if n, err := dir.PurgeOIDC(ctx); err != nil {
		log.Error("purge OpenID Connect state", "error", err)
	} else if n > 0 {
		log.Info("purged expired authorization requests and refresh tokens", "count", n)
	}
	if n, err := dir.PurgeImports(ctx); err != nil {
		log.Error("purge imports", "error", err)
	} else if n > 0 {
		log.Info("purged imports and the passwords in their results", "count", n)
	}
	if n, err := dir.RotateDueKeys(ctx); err != nil {
		log.Error("rotate signing keys", "error", err)
	} else if n > 0 {
		log.Info("started signing key rotation", "tenants", n)
	}
	return total
}

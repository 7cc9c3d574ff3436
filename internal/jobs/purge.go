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

// RunPurge purges users deleted more than 30 days ago, and sign-in log
// entries and audit events older than 30 days, at start and then every
// interval, until ctx ends.
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

// PurgeOnce purges every expired deleted user, old sign-in log entry and
// old audit event now; it returns how many users it purged.
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
	return total
}

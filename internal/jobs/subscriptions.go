package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// RunSubscriptions moves subscriptions along their lifecycle (renewal,
// Warning, Suspended, Deleted) at start and then every interval, until ctx
// ends. Replicas may all run it: each step happens once.
func RunSubscriptions(ctx context.Context, dir *directory.Service, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := dir.AdvanceSubscriptions(ctx); err != nil {
			log.Error("advance subscriptions", "error", err, "steps", n)
		} else if n > 0 {
			log.Info("advanced subscriptions", "steps", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

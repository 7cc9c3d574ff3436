package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// RunGDAP does the GDAP relationships' due work (reminders, expiry
// notices, auto-extension, expiry) at start and then every interval,
// until ctx ends. Replicas may all run it: each step happens once.
func RunGDAP(ctx context.Context, dir *directory.Service, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := dir.AdvanceGDAP(ctx); err != nil {
			log.Error("advance GDAP relationships", "error", err, "steps", n)
		} else if n > 0 {
			log.Info("advanced GDAP relationships", "steps", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

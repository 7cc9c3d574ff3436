package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// RunImports creates the users of running imports, polling every interval
// until ctx ends. owner names this replica in the imports' leases, so an
// import a crashed replica was running resumes here once its lease ends.
func RunImports(ctx context.Context, dir *directory.Service, owner string, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if n, err := dir.RunImports(ctx, owner); err != nil && ctx.Err() == nil {
			log.Error("imports", "error", err)
		} else if n > 0 {
			log.Info("imported users", "rows", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

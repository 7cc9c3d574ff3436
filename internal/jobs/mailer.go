package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// Sender delivers one outbox message.
type Sender interface {
	Send(ctx context.Context, m directory.OutboxMessage) error
}

// mailLease is how long a replica owns a message it is sending.
const mailLease = 2 * time.Minute

// DeliverMail sends every due email in the outbox once, each claimed
// first so that replicas don't send it twice; failures are retried later
// with backoff. It returns how many it sent.
func DeliverMail(ctx context.Context, dir *directory.Service, sender Sender, log *slog.Logger) int {
	due, err := dir.DueMessages(ctx, "email", 50)
	if err != nil {
		log.Error("outbox", "error", err)
		return 0
	}
	sent := 0
	for _, m := range due {
		ok, err := dir.ClaimMessage(ctx, m, mailLease)
		if err != nil || !ok {
			continue
		}
		sendErr := sender.Send(ctx, m)
		if sendErr != nil {
			log.Warn("mail not sent; will retry", "message", m.ID, "tenant", m.TenantID, "error", sendErr)
		} else {
			sent++
		}
		if err := dir.FinishMessage(ctx, m, sendErr); err != nil {
			log.Error("outbox", "error", err)
		}
	}
	return sent
}

// RunMailer delivers mail every interval until ctx ends.
func RunMailer(ctx context.Context, dir *directory.Service, sender Sender, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		DeliverMail(ctx, dir, sender, log)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

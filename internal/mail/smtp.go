// Package mail delivers outbox messages by SMTP (STARTTLS when the server
// offers it on smtp://, implicit TLS on smtps://), with go-mail.
package mail

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"github.com/atriumhq/atrium/internal/directory"
	gomail "github.com/wneessen/go-mail"
)

// SMTP sends messages through one SMTP server.
type SMTP struct {
	host string
	opts []gomail.Option
	from string
}

// NewSMTP configures a sender from a URL such as
// smtp://user:pass@mail.example.com:587 and a From address.
func NewSMTP(rawURL, from string) (*SMTP, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
		return nil, fmt.Errorf("SMTP URL must look like smtp://user:pass@host:port or smtps://…")
	}
	opts := []gomail.Option{gomail.WithTLSPolicy(gomail.TLSOpportunistic)}
	if u.Scheme == "smtps" {
		opts = []gomail.Option{gomail.WithSSL()}
	}
	if p := u.Port(); p != "" {
		port, err := strconv.Atoi(p)
		if err != nil {
			return nil, fmt.Errorf("SMTP URL port %q: %w", p, err)
		}
		opts = append(opts, gomail.WithPort(port))
	}
	if u.User != nil {
		pw, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(u.User.Username()), gomail.WithPassword(pw))
	}
	return &SMTP{host: u.Hostname(), opts: opts, from: from}, nil
}

// Send delivers one email message.
func (s *SMTP) Send(ctx context.Context, m directory.OutboxMessage) error {
	msg := gomail.NewMsg()
	if err := msg.From(s.from); err != nil {
		return fmt.Errorf("from address: %w", err)
	}
	if err := msg.To(m.Recipient); err != nil {
		return fmt.Errorf("recipient: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	c, err := gomail.NewClient(s.host, s.opts...)
	if err != nil {
		return err
	}
	return c.DialAndSendWithContext(ctx, msg)
}

package api_test

import (
	"io"
	"log/slog"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/jobs"
	"github.com/atriumhq/atrium/internal/mail"
	"github.com/atriumhq/atrium/internal/smtptest"
)

var codeRe = regexp.MustCompile(`code: (\d{8})`)

// TestSelfServiceReset walks "forgot my password" with a real SMTP server:
// codes go out through the durable outbox, admins of a tenant with its own
// domain pass two gates (email and text message), and the answers tell
// nothing about whether an account exists.
func TestSelfServiceReset(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	smtpd := smtptest.Start(t)
	sender, err := mail.NewSMTP("smtp://"+smtpd.Addr, "Atrium <no-reply@atrium.test>")
	if err != nil {
		t.Fatal(err)
	}
	deliver := func() int {
		return jobs.DeliverMail(bg, h.app.Directory, sender, slog.New(slog.NewTextHandler(io.Discard, nil)))
	}
	u := h.newUser(a, "joep", map[string]any{"otherMails": []string{"joep@example.net"}})
	// Every start answers after the same floor, known account or not, so
	// that its timing doesn't tell which accounts can reset.
	start := func(user string) string {
		t.Helper()
		began := time.Now()
		r := h.do("", "POST", "/api/sspr/start", map[string]any{"username": user})
		h.want(r, 202, "")
		if took := time.Since(began); took < 400*time.Millisecond {
			t.Fatalf("start for %s answered after %s, under the 400 ms floor", user, took)
		}
		return r.body["challengeId"].(string)
	}
	// Off by default for people without a role: nothing is sent.
	start("joep@" + a.domain)
	if n := deliver(); n != 0 {
		t.Fatalf("sent %d messages while SSPR is off", n)
	}
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"ssprScope": "all"}), 204, "")
	id := start("joep@" + a.domain)
	unknown := start("nobody@" + a.domain)
	if n := deliver(); n != 1 {
		t.Fatalf("sent %d messages, want 1", n)
	}
	msgs := smtpd.Messages()
	if len(msgs) != 1 || msgs[0].To[0] != "joep@example.net" || !codeRe.MatchString(msgs[0].Data) {
		t.Fatalf("mail: %+v", msgs)
	}
	code := codeRe.FindStringSubmatch(msgs[0].Data)[1]
	verify := func(user, id, channel, code string) response {
		return h.do("", "POST", "/api/sspr/verify", map[string]any{"username": user, "challengeId": id, "channel": channel, "code": code})
	}
	reset := func(user, id, pw string) response {
		return h.do("", "POST", "/api/sspr/reset", map[string]any{"username": user, "challengeId": id, "newPassword": pw})
	}
	r1, r2 := verify("nobody@"+a.domain, unknown, "email", code), verify("joep@"+a.domain, id, "email", "00000000")
	if r1.status != 400 || r2.status != 400 || r1.errMessage() != r2.errMessage() {
		t.Errorf("unknown account and wrong code differ: %s / %s", r1.raw, r2.raw)
	}
	h.want(reset("joep@"+a.domain, id, "Forgot-Then-77"), 400, "Request_BadRequest") // no gate passed yet
	h.want(verify("joep@"+a.domain, id, "email", code), 204, "")
	h.want(reset("joep@"+a.domain, id, "password"), 400, "Request_BadRequest")
	h.want(reset("joep@"+a.domain, id, "Forgot-Then-77"), 204, "")
	h.want(reset("joep@"+a.domain, id, "Again-And-88"), 400, "Request_BadRequest") // once only
	if _, err := h.app.Directory.SignIn(bg, a.id, "joep@"+a.domain, "Forgot-Then-77", "127.0.0.1", "test"); err != nil {
		t.Fatalf("sign-in with the new password: %v", err)
	}
	h.wantAuditBy(a, "Reset password (self-service)", u.ID)

	// An admin of a tenant with its own domain passes two gates.
	if _, err := a.admin.AddDomain(bg, "alpha-corp.example"); err != nil {
		t.Fatal(err)
	}
	txt, _ := a.admin.DomainVerificationRecords(bg, "alpha-corp.example")
	h.dns.SetTXT("alpha-corp.example", txt[0].Text)
	if _, err := a.admin.VerifyDomain(bg, "alpha-corp.example"); err != nil {
		t.Fatal(err)
	}
	adminID, _ := h.roleUser(a, "helpdesk", authz.PasswordAdmin)
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/users/"+adminID, map[string]any{"otherMails": []string{"hd@example.net"}, "mobilePhone": "+31 6 12345678"}), 204, "")
	id = start("helpdesk@" + a.domain)
	if n := deliver(); n != 1 {
		t.Fatalf("sent %d mails to the admin, want 1", n)
	}
	mailCode := codeRe.FindStringSubmatch(smtpd.Messages()[1].Data)[1]
	out, err := h.app.Directory.Outbox(authz.WithPrincipal(bg, authz.Operator), 10)
	if err != nil {
		t.Fatal(err)
	}
	var smsCode string
	for _, m := range out {
		if m.Channel == "sms" && m.Recipient == "+31 6 12345678" {
			smsCode = regexp.MustCompile(`\d{8}`).FindString(m.Body)
		}
	}
	if smsCode == "" {
		t.Fatal("no text message for the second gate")
	}
	h.want(verify("helpdesk@"+a.domain, id, "email", mailCode), 204, "")
	h.want(reset("helpdesk@"+a.domain, id, "Second-Gate-99"), 400, "Request_BadRequest") // one gate is not enough
	h.want(verify("helpdesk@"+a.domain, id, "sms", smsCode), 204, "")
	h.want(reset("helpdesk@"+a.domain, id, "Second-Gate-99"), 204, "")

	// Five wrong codes use a challenge up.
	id = start("joep@" + a.domain)
	deliver()
	code = codeRe.FindStringSubmatch(smtpd.Messages()[2].Data)[1]
	for i := 0; i < 5; i++ {
		verify("joep@"+a.domain, id, "email", "1234567"+string(rune('0'+i)))
	}
	h.want(verify("joep@"+a.domain, id, "email", code), 400, "Request_BadRequest")
	if strings.Contains(h.logs.String(), code) {
		t.Error("a reset code reached the server log")
	}
}

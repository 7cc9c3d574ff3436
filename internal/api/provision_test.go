package api_test

import (
	"fmt"
	"io"
	"log/slog"
	"mime"
	"mime/quotedprintable"
	"net/mail"
	"regexp"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/jobs"
	mailer "github.com/atriumhq/atrium/internal/mail"
	"github.com/atriumhq/atrium/internal/smtptest"
)

// newAccount is a provisioning request for alias in tn, with extra parts.
func newAccount(tn *tenant, alias string, extra map[string]any) map[string]any {
	body := map[string]any{"user": map[string]any{"displayName": "New " + alias, "givenName": "New", "surname": alias,
		"userPrincipalName": alias + "@" + tn.domain}}
	for k, v := range extra {
		body[k] = v
	}
	return body
}

// wantField checks a 400 and the field it names.
func (h *harness) wantField(r response, field string) {
	h.t.Helper()
	h.want(r, 400, "Request_BadRequest")
	if r.errTarget() != field {
		h.t.Fatalf("error names %q, want %q: %s", r.errTarget(), field, r.raw)
	}
}

// wantNoUser checks that upn does not exist in tn.
func (h *harness) wantNoUser(tn *tenant, upn string) {
	h.t.Helper()
	if r := h.do(tn.adminTok, "GET", "/v1.0/users/"+upn, nil); r.status != 404 {
		h.t.Fatalf("%s exists after a failed provisioning: %d %s", upn, r.status, r.raw)
	}
}

// TestProvisionUser covers who may call POST /api/users/provision, the
// request's shape and the three ways of giving the first password.
func TestProvisionUser(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	const path = "/api/users/provision"
	h.want(h.do("", "POST", path, newAccount(a, "joep", nil)), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "POST", path, newAccount(a, "joep", nil)), 403, "Authorization_RequestDenied")
	_, billTok := h.roleUser(a, "bill", authz.BillingAdmin)
	h.want(h.do(billTok, "POST", path, newAccount(a, "joep", nil)), 403, "Authorization_RequestDenied")
	_, umaTok := h.roleUser(a, "uma", authz.UserAdmin)
	h.want(h.do(umaTok, "POST", path, newAccount(a, "joep", map[string]any{"roles": []string{authz.PasswordAdmin.TemplateID}})), 403, "Authorization_RequestDenied")
	h.want(h.do(umaTok, "POST", path, newAccount(a, "joep", map[string]any{"autoPurchase": true,
		"usageLocation": "NL", "licenses": []map[string]any{lic(skuBasic)}})), 403, "Authorization_RequestDenied")
	h.wantNoUser(a, "joep@"+a.domain)

	// The shape: unknown properties are named by their path.
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "joep", map[string]any{"bogus": 1})), "bogus")
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "joep", map[string]any{"password": map[string]any{"secret": "x"}})), "password.secret")
	h.wantField(h.do(a.adminTok, "POST", path, map[string]any{"user": map[string]any{"displayName": "X", "userPrincipalName": "x@" + a.domain, "mail": "x@" + a.domain}}), "user.mail")
	h.wantField(h.do(a.adminTok, "POST", path, map[string]any{"password": map[string]any{"mode": "generate"}}), "user")
	h.wantField(h.do(a.adminTok, "POST", path, map[string]any{"user": map[string]any{"userPrincipalName": "x@" + a.domain}}), "user.displayName")
	h.wantField(h.do(a.adminTok, "POST", path, map[string]any{"user": map[string]any{"displayName": "X", "userPrincipalName": "x@elsewhere.example"}}), "user.userPrincipalName")
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "joep", map[string]any{"password": map[string]any{"mode": "carrier pigeon"}})), "password.mode")

	// The default: a one-time link, no password; the user can't sign in
	// before choosing one.
	r := h.do(umaTok, "POST", path, newAccount(a, "joep", map[string]any{"user": map[string]any{"displayName": "Joep de Vries",
		"userPrincipalName": "joep.devries@" + a.domain, "jobTitle": "Planner"}}))
	h.want(r, 201, "")
	user := r.body["user"].(map[string]any)
	id := user["id"].(string)
	if r.body["userPrincipalName"] != "joep.devries@"+a.domain ||
		user["jobTitle"] != "Planner" || r.body["temporaryPassword"] != nil || r.body["setPasswordExpiresDateTime"] == nil ||
		!strings.HasPrefix(r.body["setPasswordUrl"].(string), h.url+"/set-password#") || r.body["emailsQueued"] != 0.0 ||
		r.header.Get("Location") != h.url+"/v1.0/users/"+id {
		t.Fatalf("link mode: %s", r.raw)
	}
	h.wantAuditBy(a, "Add user", id)
	h.wantAuditBy(a, "Create set-password link", id)
	if g := h.do(a.adminTok, "GET", "/v1.0/users/"+id+"?$select=mailNickname,accountEnabled", nil); g.body["mailNickname"] != "joepdevries" || g.body["accountEnabled"] != true {
		t.Fatalf("defaults: %s", g.raw)
	}
	if s := newBrowser(h).signIn("joep.devries@"+a.domain, ""); s.status != 401 && s.status != 400 {
		t.Fatalf("a user without a password signed in: %d %s", s.status, s.raw)
	}
	dup := h.do(a.adminTok, "POST", path, newAccount(a, "joep.devries", nil))
	if h.want(dup, 409, "Request_BadRequest"); dup.errTarget() != "user.userPrincipalName" {
		t.Fatalf("taken user name: %s", dup.raw)
	}

	// Generated: 16 characters, returned once, and a forced change.
	r = h.do(a.adminTok, "POST", path, newAccount(a, "gen", map[string]any{"password": map[string]any{"mode": "generate"}}))
	h.want(r, 201, "")
	pw, _ := r.body["temporaryPassword"].(string)
	if len(pw) != 16 || r.body["setPasswordUrl"] != nil {
		t.Fatalf("generate mode: %s", r.raw)
	}
	if s := newBrowser(h).signIn("gen@"+a.domain, pw); s.status != 200 || s.body["mustChangePassword"] != true {
		t.Fatalf("sign-in with the generated password: %d %s", s.status, s.raw)
	}
	if strings.Contains(h.logs.String(), pw) {
		t.Fatal("the generated password is in the server log")
	}
	r = h.do(a.adminTok, "POST", path, newAccount(a, "gen2", map[string]any{"password": map[string]any{"mode": "generate", "forceChangePasswordNextSignIn": false}}))
	h.want(r, 201, "")
	if s := newBrowser(h).signIn("gen2@"+a.domain, r.body["temporaryPassword"].(string)); s.status != 200 || s.body["mustChangePassword"] != false {
		t.Fatalf("sign-in without a forced change: %d %s", s.status, s.raw)
	}

	// Typed: given twice, checked against the policy (in Dutch on request).
	typed := func(v, c string) map[string]any {
		return newAccount(a, "typed", map[string]any{"password": map[string]any{"mode": "typed", "value": v, "confirm": c}})
	}
	h.wantField(h.do(a.adminTok, "POST", path, typed("Quiet-Harbour-7413", "Quiet-Harbour-7414")), "password.confirm")
	en := h.do(a.adminTok, "POST", path, typed("password", "password"))
	h.wantField(en, "password.value")
	nl := h.do(a.adminTok, "POST", path, typed("password", "password"), "Accept-Language", "nl-NL")
	h.wantField(nl, "password.value")
	if !strings.Contains(strings.ToLower(nl.errMessage()), "wachtwoord") || nl.errMessage() == en.errMessage() {
		t.Fatalf("policy refusal in Dutch: %q", nl.errMessage())
	}
	h.wantNoUser(a, "typed@"+a.domain)
	r = h.do(a.adminTok, "POST", path, typed("Quiet-Harbour-7413", "Quiet-Harbour-7413"))
	h.want(r, 201, "")
	if r.body["temporaryPassword"] != nil || r.body["setPasswordUrl"] != nil {
		t.Fatalf("typed mode returned a secret: %s", r.raw)
	}
	if s := newBrowser(h).signIn("typed@"+a.domain, "Quiet-Harbour-7413"); s.status != 200 || s.body["mustChangePassword"] != true {
		t.Fatalf("sign-in with the typed password: %d %s", s.status, s.raw)
	}
	if strings.Contains(h.logs.String(), "Quiet-Harbour-7413") {
		t.Fatal("the typed password is in the server log")
	}
}

// TestProvisionLicensesAndRoles: licenses, location, seat purchase and
// roles come with the user in one transaction; any failure leaves neither
// the user nor a seat nor a purchase behind.
func TestProvisionLicensesAndRoles(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	const path = "/api/users/provision"
	if _, err := a.admin.BuyLicenses(bg, skuBasic, 1, ""); err != nil {
		t.Fatal(err)
	}
	r := h.do(a.adminTok, "POST", path, newAccount(a, "anna", map[string]any{"usageLocation": "NL",
		"licenses": []map[string]any{lic(skuBasic, planChat)}, "roles": []string{authz.PasswordAdmin.TemplateID}}))
	h.want(r, 201, "")
	id := r.body["user"].(map[string]any)["id"].(string)
	if fmt.Sprint(r.body["licenses"]) != fmt.Sprintf("[map[disabledPlans:[%s] skuId:%s]]", planChat, skuBasic) ||
		fmt.Sprint(r.body["roles"]) != "["+authz.PasswordAdmin.TemplateID+"]" || fmt.Sprint(r.body["purchased"]) != "[]" ||
		r.body["user"].(map[string]any)["usageLocation"] != nil && r.body["user"].(map[string]any)["usageLocation"] != "NL" {
		t.Fatalf("provisioned: %s", r.raw)
	}
	d := h.do(a.adminTok, "GET", "/v1.0/users/"+id+"/licenseDetails", nil)
	if d.status != 200 || len(d.body["value"].([]any)) != 1 {
		t.Fatalf("licenseDetails: %s", d.raw)
	}
	if u := h.do(a.adminTok, "GET", "/v1.0/users/"+id+"?$select=usageLocation", nil); u.body["usageLocation"] != "NL" {
		t.Fatalf("usage location: %s", u.raw)
	}
	members, err := h.app.Directory.RoleMembers(authz.WithPrincipal(bg, authz.Operator), a.id, authz.PasswordAdmin.TemplateID)
	if err != nil || len(members) != 1 || members[0].ID != id {
		t.Fatalf("role members: %+v, %v", members, err)
	}
	h.wantAuditBy(a, "Add member to role", id)
	h.wantAuditBy(a, "Change user license", id)
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 1 || s.PrepaidUnits.Enabled != 1 {
		t.Fatalf("seats: %+v", s)
	}

	// No free seat: the user, created first in the transaction, is gone too.
	before := h.auditCount(a)
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "bert", map[string]any{"usageLocation": "NL",
		"licenses": []map[string]any{lic(skuBasic)}})), "licenses")
	h.wantNoUser(a, "bert@"+a.domain)
	// No location and no organization default.
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "bert", map[string]any{"licenses": []map[string]any{lic(skuBasic)}})), "usageLocation")
	h.wantNoUser(a, "bert@"+a.domain)
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "bert", map[string]any{"roles": []string{"not-a-role"}})), "roles")
	h.wantNoUser(a, "bert@"+a.domain)
	// A purchase followed by a role the rules refuse (Service admin needs
	// a workload admin role first): nothing stays, not even the seat.
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "bert", map[string]any{"usageLocation": "NL", "autoPurchase": true,
		"licenses": []map[string]any{lic(skuBasic)}, "roles": []string{authz.ServiceAdmin.TemplateID}})), "roles")
	h.wantNoUser(a, "bert@"+a.domain)
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 1 || s.PrepaidUnits.Enabled != 1 || h.auditCount(a) != before {
		t.Fatalf("a failed provisioning left seats or audit records: %+v", s)
	}

	// With auto-purchase the seat is bought and assigned.
	r = h.do(a.adminTok, "POST", path, newAccount(a, "bert", map[string]any{"usageLocation": "NL", "autoPurchase": true,
		"licenses": []map[string]any{lic(skuBasic)}, "roles": []string{authz.ServiceAdmin.TemplateID, authz.SkypeAdmin.TemplateID}}))
	h.want(r, 201, "")
	if fmt.Sprint(r.body["purchased"]) != "[map[quantity:1 skuId:"+skuBasic+"]]" || len(r.body["roles"].([]any)) != 2 {
		t.Fatalf("auto-purchase: %s", r.raw)
	}
	if s := h.skus(a)[skuBasic]; s.ConsumedUnits != 2 || s.PrepaidUnits.Enabled != 2 {
		t.Fatalf("seats after auto-purchase: %+v", s)
	}
	// The organization's default location fills a missing one.
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/organization/"+a.id, map[string]any{"defaultUsageLocation": "BE"}), 204, "")
	r = h.do(a.adminTok, "POST", path, newAccount(a, "cas", map[string]any{"autoPurchase": true, "licenses": []map[string]any{lic(skuBasic)}}))
	h.want(r, 201, "")
	if u := h.do(a.adminTok, "GET", "/v1.0/users/cas@"+a.domain+"?$select=usageLocation", nil); u.body["usageLocation"] != "BE" {
		t.Fatalf("default usage location: %s", u.raw)
	}
	h.wantAuditBy(a, "Purchase licenses", h.do(a.adminTok, "GET", "/api/billing/subscriptions", nil).body["value"].([]any)[0].(map[string]any)["id"].(string))
}

// TestProvisionDelivery sends the account details through the outbox to a
// real SMTP server, in the tenant's language, and follows the emailed
// set-password link to a sign-in.
func TestProvisionDelivery(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	const path = "/api/users/provision"
	smtpd := smtptest.Start(t)
	sender, err := mailer.NewSMTP("smtp://"+smtpd.Addr, "Atrium <no-reply@atrium.test>")
	if err != nil {
		t.Fatal(err)
	}
	deliver := func() int {
		return jobs.DeliverMail(bg, h.app.Directory, sender, slog.New(slog.NewTextHandler(io.Discard, nil)))
	}
	to := func(addrs ...string) map[string]any {
		return map[string]any{"delivery": map[string]any{"emailTo": addrs}}
	}
	six := []string{"1@example.net", "2@example.net", "3@example.net", "4@example.net", "5@example.net", "6@example.net"}
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "joep", to(six...))), "delivery.emailTo")
	h.wantField(h.do(a.adminTok, "POST", path, newAccount(a, "joep", to("not an address"))), "delivery.emailTo")
	own := h.do(a.adminTok, "POST", path, newAccount(a, "joep", to("boss@example.net", "JOEP@"+strings.ToUpper(a.domain))))
	h.wantField(own, "delivery.emailTo")
	if own.errMessage() != "Send the password to an address the user can reach now, not to their new mailbox." {
		t.Fatalf("own mailbox: %s", own.raw)
	}
	h.wantNoUser(a, "joep@"+a.domain)

	// A link, to two recipients after trimming and collapsing repeats.
	r := h.do(a.adminTok, "POST", path, newAccount(a, "joep", to("boss@example.net", " joep.private@example.org ", "BOSS@example.net", "")))
	h.want(r, 201, "")
	id := r.body["user"].(map[string]any)["id"].(string)
	if r.body["emailsQueued"] != 2.0 {
		t.Fatalf("queued: %s", r.raw)
	}
	h.wantAuditBy(a, "Email account details", id)
	if n := deliver(); n != 2 {
		t.Fatalf("sent %d mails, want 2", n)
	}
	msgs := smtpd.Messages()
	var got []string
	for _, m := range msgs {
		got = append(got, strings.Join(m.To, ","))
	}
	if fmt.Sprint(got) != "[boss@example.net joep.private@example.org]" {
		t.Fatalf("recipients: %v", got)
	}
	subject, body := readMail(t, msgs[1].Data)
	link := r.body["setPasswordUrl"].(string)
	if subject != "Your new account" || !strings.Contains(body, link) || !strings.Contains(body, "joep@"+a.domain) ||
		!strings.Contains(body, h.url+"/signin") || strings.Contains(strings.ToLower(body), "password:") {
		t.Fatalf("link mail:\n%s\n%s", subject, body)
	}
	token := regexp.MustCompile(`/set-password#(\S+)`).FindStringSubmatch(body)[1]
	h.want(h.do("", "POST", "/api/passwordLinks/redeem", map[string]any{"token": token, "newPassword": "Mailed-Harbour-5823"}), 204, "")
	if s := newBrowser(h).signIn("joep@"+a.domain, "Mailed-Harbour-5823"); s.status != 200 || s.body["mustChangePassword"] != false {
		t.Fatalf("sign-in after the emailed link: %d %s", s.status, s.raw)
	}

	// A Dutch tenant's mail is in Dutch; a generated password is in it.
	h.want(h.do(b.adminTok, "PATCH", "/v1.0/organization/"+b.id, map[string]any{"preferredLanguage": "nl-NL"}), 204, "")
	r = h.do(b.adminTok, "POST", path, newAccount(b, "sanne", map[string]any{"password": map[string]any{"mode": "generate"},
		"delivery": map[string]any{"emailTo": []string{"beheer@example.nl"}}}))
	h.want(r, 201, "")
	if n := deliver(); n != 1 {
		t.Fatalf("sent %d mails, want 1", n)
	}
	msgs = smtpd.Messages()
	last := msgs[len(msgs)-1]
	subject, body = readMail(t, last.Data)
	pw := r.body["temporaryPassword"].(string)
	if last.To[0] != "beheer@example.nl" || subject != "Uw nieuwe account" || !strings.Contains(body, "Tijdelijk wachtwoord: "+pw) ||
		!strings.Contains(body, "Aanmeldnaam: sanne@"+b.domain) || !strings.Contains(body, "nieuw wachtwoord") || strings.Contains(body, "set-password") {
		t.Fatalf("Dutch password mail:\n%s\n%s", subject, body)
	}

	// A Dutch link mail names the expiry in Dutch.
	r = h.do(b.adminTok, "POST", path, newAccount(b, "pim", to("beheer@example.nl")))
	h.want(r, 201, "")
	deliver()
	msgs = smtpd.Messages()
	_, body = readMail(t, msgs[len(msgs)-1].Data)
	if !strings.Contains(body, r.body["setPasswordUrl"].(string)) || !strings.Contains(body, "Kies uw wachtwoord") || strings.Contains(body, "wachtwoord:") {
		t.Fatalf("Dutch link mail:\n%s", body)
	}
	outbox, err := h.app.Directory.Outbox(authz.WithPrincipal(bg, authz.Operator), 10)
	if err != nil || len(outbox) != 4 {
		t.Fatalf("outbox: %d, %v", len(outbox), err)
	}
	for _, secret := range []string{pw, token} {
		if strings.Contains(h.logs.String(), secret) {
			t.Fatal("a password or link token is in the server log")
		}
		for _, m := range outbox {
			if m.SentAt.IsZero() || strings.Contains(m.Body, secret) {
				t.Fatalf("a sent message keeps its secret: %+v", m)
			}
		}
	}
}

// readMail returns the decoded subject and text body of a received mail.
func readMail(t *testing.T, data string) (string, string) {
	t.Helper()
	m, err := mail.ReadMessage(strings.NewReader(data))
	if err != nil {
		t.Fatalf("read mail: %v\n%s", err, data)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	var body io.Reader = m.Body
	if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
		body = quotedprintable.NewReader(m.Body)
	}
	b, err := io.ReadAll(body)
	if err != nil {
		t.Fatal(err)
	}
	return subject, strings.ReplaceAll(string(b), "\r\n", "\n")
}

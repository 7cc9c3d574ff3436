package api_test

import (
	"strings"
	"testing"
)

func TestPasswordPolicy(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	create := func(pw string, headers ...string) response {
		return h.do(a.adminTok, "POST", "/v1.0/users", map[string]any{"accountEnabled": true, "displayName": "Poll Jansen",
			"givenName": "Poll", "surname": "Jansen", "mailNickname": "poll", "userPrincipalName": "poll@" + a.domain,
			"passwordProfile": map[string]any{"password": pw}}, headers...)
	}
	for pw, rule := range map[string]string{
		"Password123!": "banned",
		"Welkom01!":    "banned",
		"p0LL23fb":     "personalName",
		"Alpha-2024-X": "", // the tenant's name is scored like a list term: alpha + 7 characters
		"Alphaalpha1!": "banned",
		"Ab1!":         "length",
		"abcdefghijkl": "complexity",
		"Zoë-Wachtw1":  "characters",
	} {
		r := create(pw)
		if rule == "" {
			h.want(r, 201, "")
			h.want(h.do(a.adminTok, "DELETE", "/v1.0/users/poll@"+a.domain, nil), 204, "")
			h.want(h.do(a.adminTok, "DELETE", "/v1.0/directory/deletedItems/"+r.body["id"].(string), nil), 204, "")
			continue
		}
		e, _ := r.body["error"].(map[string]any)
		ds, _ := e["details"].([]any)
		if r.status != 400 || len(ds) == 0 || ds[0].(map[string]any)["code"] != rule {
			t.Errorf("password %q: %d %s, want rule %s", pw, r.status, r.raw, rule)
		}
		if strings.Contains(string(r.raw), pw) {
			t.Errorf("refusal of %q echoes the password", pw)
		}
	}
	// The rule in the caller's language.
	r := create("Password123!", "Accept-Language", "nl-NL,nl;q=0.9")
	if !strings.HasPrefix(r.errMessage(), "Uw wachtwoord bevat helaas") {
		t.Errorf("Dutch refusal: %s", r.errMessage())
	}

	// The tenant's own banned terms.
	h.want(h.do(a.memberTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"customBannedPasswords": []string{"contoso"}}), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"customBannedPasswords": []string{"abc"}}), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"lockoutThreshold": 0, "lockoutDurationSeconds": 1}), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"colour": "red"}), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"customBannedPasswords": []string{"Contoso", "contoso"}}), 204, "")
	h.wantAudit(a, "Update password policy", a.id)
	p := h.do(a.memberTok, "GET", "/api/settings/passwordPolicy", nil)
	if p.body["lockoutThreshold"] != float64(10) || len(p.body["customBannedPasswords"].([]any)) != 1 {
		t.Errorf("policy: %s", p.raw)
	}
	r = create("C0ntos0Blank12")
	if r.status != 400 || !strings.Contains(r.errMessage(), "blocked by your administrator") {
		t.Errorf("custom term: %d %s", r.status, r.raw)
	}
	h.want(create("ContoS0Bl@nkf9!"), 201, "") // Entra's accepted example
}

func TestChangeOwnPassword(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	change := func(cur, next string) response {
		return h.do(a.memberTok, "POST", "/v1.0/me/changePassword", map[string]any{"currentPassword": cur, "newPassword": next})
	}
	h.want(h.do("", "POST", "/v1.0/me/changePassword", map[string]any{"currentPassword": "x", "newPassword": "y"}), 401, "InvalidAuthenticationToken")
	r := change("Wrong-Pass-1", "Brand-New-77")
	if r.status != 400 || r.errTarget() != "currentPassword" {
		t.Errorf("wrong current password: %d %s", r.status, r.raw)
	}
	r = change("Member-Pass-1", "Member-Pass-1")
	if r.status != 400 || !strings.Contains(r.errMessage(), "current password again") {
		t.Errorf("reuse: %d %s", r.status, r.raw)
	}
	h.want(change("Member-Pass-1", "password"), 400, "Request_BadRequest")
	h.want(h.do(a.memberTok, "POST", "/v1.0/me/changePassword", map[string]any{"currentPassword": "Member-Pass-1"}), 400, "Request_BadRequest")
	h.want(change("Member-Pass-1", "Brand-New-77"), 204, "")
	// The old password is gone: changing from it again fails, from the new one works.
	h.want(change("Member-Pass-1", "Other-New-88"), 400, "Request_BadRequest")
	h.want(change("Brand-New-77", "Other-New-88"), 204, "")
	page, _ := a.admin.ListAudit(bg, clientOpts("activityDisplayName eq 'Change user password'"))
	if len(page.Value) != 2 || page.Value[0].InitiatedBy.User == nil || page.Value[0].InitiatedBy.User.ID != a.memberID {
		t.Errorf("change audit: %+v", page.Value)
	}
	if raw := h.do(a.adminTok, "GET", "/v1.0/auditLogs/directoryAudits", nil).raw; strings.Contains(string(raw), "Brand-New-77") {
		t.Error("the audit log holds a password")
	}
}

func TestResetPassword(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	u := h.newUser(a, "joep", nil)
	const method = "28c10230-6103-485e-b985-444c60001490"
	graph := "/v1.0/users/" + u.ID + "/authentication/methods/" + method + "/resetPassword"
	h.want(h.do(a.memberTok, "POST", graph, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "POST", graph, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "POST", "/v1.0/users/"+u.ID+"/authentication/methods/x/resetPassword", nil), 404, "Request_ResourceNotFound")
	r := h.do(a.adminTok, "POST", graph, nil)
	h.want(r, 202, "")
	pw, _ := r.body["newPassword"].(string)
	if len(pw) != 16 {
		t.Fatalf("generated password: %s", r.raw)
	}
	h.wantAudit(a, "Reset user password", u.ID)
	// The generated password works, and must be changed.
	res, err := h.app.Directory.SignIn(bg, a.id, "joep@"+a.domain, pw, "127.0.0.1", "test")
	if err != nil || !res.MustChangePassword {
		t.Fatalf("sign-in with the generated password: %+v, %v", res, err)
	}
	r = h.do(a.adminTok, "POST", graph, map[string]any{"newPassword": "Typed-By-Admin-5"})
	if r.status != 202 || r.body["newPassword"] != nil {
		t.Errorf("typed reset: %d %s", r.status, r.raw)
	}
	h.want(h.do(a.adminTok, "POST", graph, map[string]any{"newPassword": "password"}), 400, "Request_BadRequest")

	// The Atrium form, and the seed-era 8-character format.
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"generatedFormat": "legacy8"}), 204, "")
	r = h.do(a.adminTok, "POST", "/api/users/"+u.ID+"/resetPassword", map[string]any{"generate": true, "forceChangePasswordNextSignIn": false})
	legacy, _ := r.body["temporaryPassword"].(string)
	if r.status != 200 || len(legacy) != 8 {
		t.Fatalf("legacy8 reset: %d %s", r.status, r.raw)
	}
	if res, err := h.app.Directory.SignIn(bg, a.id, "joep@"+a.domain, legacy, "127.0.0.1", "test"); err != nil || !res.MustChangePassword {
		t.Errorf("a legacy8 password must be changed even without the checkbox: %+v, %v", res, err)
	}
	h.want(h.do(a.adminTok, "POST", "/api/users/"+u.ID+"/resetPassword", map[string]any{"generate": true, "password": "X-y-z-1234"}), 400, "Request_BadRequest")
	// Self-reset through the admin path is refused.
	r = h.do(a.adminTok, "POST", "/api/users/"+a.adminID+"/resetPassword", map[string]any{"generate": true})
	if r.status != 403 || !strings.Contains(r.errMessage(), "My account") {
		t.Errorf("admin resetting their own password: %d %s", r.status, r.raw)
	}
}

// TestPasswordExpirationSetting: the tenant's expiration policy is set in
// the password settings and reported on every domain, as Graph does.
func TestPasswordExpirationSetting(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	d := h.do(a.adminTok, "GET", "/v1.0/domains/"+a.domain, nil)
	if d.body["passwordValidityPeriodInDays"] != float64(2147483647) {
		t.Fatalf("default validity: %s", d.raw)
	}
	r := h.do(a.adminTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"passwordValidityDays": 7})
	if r.status != 400 || r.errTarget() != "passwordValidityDays" {
		t.Fatalf("7 days: %d %s", r.status, r.raw)
	}
	h.want(h.do(a.memberTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"passwordValidityDays": 90}), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/passwordPolicy", map[string]any{"passwordValidityDays": 90}), 204, "")
	list := h.do(a.memberTok, "GET", "/v1.0/domains", nil)
	dom := list.body["value"].([]any)[0].(map[string]any)
	if dom["passwordValidityPeriodInDays"] != float64(90) || dom["passwordNotificationWindowInDays"] != float64(14) {
		t.Fatalf("domains after the policy: %s", list.raw)
	}
}

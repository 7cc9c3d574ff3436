package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

func TestCreateUser(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	body := map[string]any{"accountEnabled": true, "displayName": "Adele Vance", "mailNickname": "AdeleV",
		"userPrincipalName": "AdeleV@" + a.domain, "jobTitle": "Planner",
		"passwordProfile": map[string]any{"forceChangePasswordNextSignIn": true, "password": "xWwvJ]6NMw+bWH-d"}}

	h.want(h.do("", "POST", "/v1.0/users", body), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "POST", "/v1.0/users", body), 403, "Authorization_RequestDenied")

	r := h.do(a.adminTok, "POST", "/v1.0/users", body)
	h.want(r, 201, "")
	want := []string{"@odata.context", "businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone",
		"officeLocation", "preferredLanguage", "surname", "userPrincipalName"}
	if len(r.body) != len(want) {
		t.Errorf("create returned %d properties, want the %d defaults: %s", len(r.body), len(want), r.raw)
	}
	for _, k := range want {
		if _, ok := r.body[k]; !ok {
			t.Errorf("create response lacks %s", k)
		}
	}
	if strings.Contains(string(r.raw), "xWwvJ") || strings.Contains(string(r.raw), "password") {
		t.Errorf("create response leaks the password: %s", r.raw)
	}
	id := r.body["id"].(string)
	if r.body["givenName"] != nil || r.body["jobTitle"] != "Planner" || !strings.HasSuffix(r.header.Get("Location"), "/v1.0/users/"+id) {
		t.Errorf("unexpected create response: %s (Location %q)", r.raw, r.header.Get("Location"))
	}
	audit := h.wantAudit(a, "Add user", id)
	raw := h.do(a.adminTok, "GET", "/v1.0/auditLogs/directoryAudits", nil).raw
	if strings.Contains(string(raw), "xWwvJ") || strings.Contains(string(raw), "argon2") {
		t.Fatal("the audit log contains the password or its hash")
	}
	if audit.Category != "UserManagement" || audit.Result != "success" {
		t.Errorf("audit = %+v", audit)
	}

	// Read it back by id and by user principal name in another case.
	u, err := a.admin.GetUser(bg, strings.ToUpper("adelev@"+a.domain), "id", "accountEnabled", "createdDateTime")
	if err != nil || u.ID != id || u.AccountEnabled == nil || !*u.AccountEnabled || u.CreatedDateTime == nil {
		t.Fatalf("get by UPN: %+v, %v", u, err)
	}
	// A member may read users.
	if _, err := a.member.GetUser(bg, id); err != nil {
		t.Errorf("member read: %v", err)
	}
}

func TestCreateUserBadInput(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	h.newUser(a, "taken", map[string]any{"mail": "shared@" + a.domain})
	base := func(changes map[string]any) map[string]any {
		b := map[string]any{"accountEnabled": true, "displayName": "New", "mailNickname": "new",
			"userPrincipalName": "new@" + a.domain, "passwordProfile": map[string]any{"password": "Strong-Pass-1"}}
		for k, v := range changes {
			if v == nil {
				delete(b, k)
			} else {
				b[k] = v
			}
		}
		return b
	}
	cases := []struct {
		name   string
		body   any
		status int
		target string
		msg    string
	}{
		{"missing displayName", base(map[string]any{"displayName": nil}), 400, "displayName", "required"},
		{"missing passwordProfile", base(map[string]any{"passwordProfile": nil}), 400, "passwordProfile", "required"},
		{"missing accountEnabled", base(map[string]any{"accountEnabled": nil}), 400, "accountEnabled", "required"},
		{"unknown property", base(map[string]any{"favouriteColour": "blue"}), 400, "favouriteColour", "Property 'favouriteColour' does not exist on type 'microsoft.graph.user'."},
		{"read-only id", base(map[string]any{"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd"}), 400, "id", "read-only"},
		{"wrong type", base(map[string]any{"displayName": 42}), 400, "displayName", "must be a string"},
		{"accountEnabled null", base(map[string]any{"accountEnabled": "yes"}), 400, "accountEnabled", "true or false"},
		{"job title too long", base(map[string]any{"jobTitle": strings.Repeat("x", 129)}), 400, "jobTitle", "128 characters or fewer"},
		{"bad UPN characters", base(map[string]any{"userPrincipalName": "jöep@" + a.domain}), 400, "userPrincipalName", "not allowed"},
		{"UPN without @", base(map[string]any{"userPrincipalName": "joep"}), 400, "userPrincipalName", "alias@domain"},
		{"UPN with leading dot", base(map[string]any{"userPrincipalName": ".joep@" + a.domain}), 400, "userPrincipalName", "start or end"},
		{"unverified domain", base(map[string]any{"userPrincipalName": "joep@elsewhere.example"}), 400, "userPrincipalName", "verified domain names"},
		{"duplicate UPN in other case", base(map[string]any{"userPrincipalName": "TAKEN@" + strings.ToUpper(a.domain)}), 400, "userPrincipalName", "Another object with the same value for property userPrincipalName already exists."},
		{"UPN equal to another mail", base(map[string]any{"userPrincipalName": "shared@" + a.domain}), 400, "userPrincipalName", "already exists"},
		{"weak password", base(map[string]any{"passwordProfile": map[string]any{"password": "password"}}), 400, "passwordProfile.password", "complexity"},
		{"password profile unknown field", base(map[string]any{"passwordProfile": map[string]any{"password": "Strong-Pass-1", "x": 1}}), 400, "passwordProfile", "does not exist"},
		{"bad mail nickname", base(map[string]any{"mailNickname": "a b"}), 400, "mailNickname", "not allowed"},
		{"bad usage location", base(map[string]any{"usageLocation": "XX"}), 400, "usageLocation", "ISO 3166"},
		{"two business phones", base(map[string]any{"businessPhones": []string{"1", "2"}}), 400, "businessPhones", "at most 1"},
		{"bad other mail", base(map[string]any{"otherMails": []string{"not-an-address"}}), 400, "otherMails", "email address"},
		{"control character", base(map[string]any{"displayName": "a\u0007b"}), 400, "displayName", "control character"},
		{"malformed JSON", `{"displayName": `, 400, "", "not valid JSON"},
		{"JSON array", `[1,2]`, 400, "", "JSON object"},
		{"empty body", ``, 400, "", "empty"},
	}
	before := h.auditCount(a)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := h.do(a.adminTok, "POST", "/v1.0/users", c.body)
			if r.status != c.status || r.errCode() != "Request_BadRequest" || r.errTarget() != c.target || !strings.Contains(r.errMessage(), c.msg) {
				t.Errorf("got %d %s target %q: %s\nwant %d target %q containing %q", r.status, r.errCode(), r.errTarget(), r.errMessage(), c.status, c.target, c.msg)
			}
			if strings.Contains(string(r.raw), "Strong-Pass-1") {
				t.Error("error response echoes the password")
			}
		})
	}
	if after := h.auditCount(a); after != before {
		t.Errorf("refused creates wrote %d audit events", after-before)
	}
	// Oversized bodies are refused before they are parsed.
	big := `{"displayName":"` + strings.Repeat("x", 1<<20) + `"}`
	h.want(h.do(a.adminTok, "POST", "/v1.0/users", big), http.StatusRequestEntityTooLarge, "Request_EntityTooLarge")
	h.want(h.do(a.adminTok, "POST", "/v1.0/users", "x=1", "Content-Type", "text/plain"), http.StatusUnsupportedMediaType, "Request_BadRequest")
}

func TestUpdateUser(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	u := h.newUser(a, "joep", nil)
	path := "/v1.0/users/" + u.ID
	patch := map[string]any{"jobTitle": "Planner", "department": "Ops", "otherMails": []string{"joep@example.net"}}

	h.want(h.do("", "PATCH", path, patch), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "PATCH", path, patch), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "PATCH", path, patch), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "PATCH", path, patch), 204, "")
	audit := h.wantAudit(a, "Update user", u.ID)
	mods := map[string]client.ModifiedProperty{}
	for _, m := range audit.TargetResources[0].ModifiedProperties {
		mods[m.DisplayName] = m
	}
	if mods["jobTitle"].NewValue != `"Planner"` || mods["jobTitle"].OldValue != "" || mods["department"].NewValue != `"Ops"` {
		t.Errorf("modified properties = %+v", mods)
	}
	got, err := a.admin.GetUser(bg, u.ID, "jobTitle", "department", "otherMails")
	if err != nil || *got.JobTitle != "Planner" || *got.Department != "Ops" || got.OtherMails[0] != "joep@example.net" {
		t.Fatalf("after PATCH: %+v, %v", got, err)
	}
	// null clears a property; displayName can't be cleared.
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"jobTitle": nil}), 204, "")
	if got, _ := a.admin.GetUser(bg, u.ID, "jobTitle"); got.JobTitle != nil {
		t.Errorf("jobTitle not cleared: %v", *got.JobTitle)
	}
	r := h.do(a.adminTok, "PATCH", path, map[string]any{"displayName": ""})
	h.want(r, 400, "Request_BadRequest")
	// Renaming into an unverified domain is refused.
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"userPrincipalName": "joep@unverified.example"}), 400, "Request_BadRequest")

	// Block sign-in takes effect on the next request.
	userTok := h.token(a.id, u.ID)
	h.want(h.do(userTok, "GET", "/v1.0/me", nil), 200, "")
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"accountEnabled": false}), 204, "")
	h.wantAudit(a, "Disable account", u.ID)
	h.want(h.do(userTok, "GET", "/v1.0/me", nil), 401, "InvalidAuthenticationToken")

	// Nobody can lock themselves out by blocking their own sign-in.
	r = h.do(a.adminTok, "PATCH", "/v1.0/users/"+a.adminID, map[string]any{"accountEnabled": false})
	if r.status != 400 || r.errTarget() != "accountEnabled" {
		t.Errorf("self-block: %d %s", r.status, r.raw)
	}

	// An admin password reset is audited without the password.
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"passwordProfile": map[string]any{"password": "Another-Pass-2",
		"forceChangePasswordNextSignIn": true}}), 204, "")
	h.wantAudit(a, "Reset user password", u.ID)
	if raw := h.do(a.adminTok, "GET", "/v1.0/auditLogs/directoryAudits", nil).raw; strings.Contains(string(raw), "Another-Pass-2") {
		t.Fatal("audit log contains the reset password")
	}
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"passwordProfile": map[string]any{"password": "short"}}), 400, "Request_BadRequest")
}

func TestSyncedUserIsReadOnly(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	u := h.newUser(a, "synced", nil)
	// Mark the user synced directly in the store, as the sync engine will.
	on := true
	err := h.app.Store.Update(bg, a.id, func(tx directory.Tx) error {
		du, err := tx.GetUser(u.ID)
		if err != nil {
			return err
		}
		du.OnPremisesSyncEnabled = &on
		return tx.UpdateUser(&du)
	})
	if err != nil {
		t.Fatal(err)
	}
	path := "/v1.0/users/" + u.ID
	const msg = "Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration."
	for _, body := range []map[string]any{{"displayName": "Renamed"}, {"accountEnabled": false}, {"jobTitle": "x"},
		{"passwordProfile": map[string]any{"password": "Strong-Pass-9"}}} {
		r := h.do(a.adminTok, "PATCH", path, body)
		if r.status != 400 || r.errMessage() != msg {
			t.Errorf("PATCH %v on a synced user: %d %s", body, r.status, r.errMessage())
		}
	}
	h.want(h.do(a.adminTok, "DELETE", path, nil), 400, "Request_BadRequest")
	// Cloud-owned attributes stay writable.
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"usageLocation": "NL", "otherMails": []string{"x@example.net"}}), 204, "")
	if got, _ := a.admin.GetUser(bg, u.ID, "onPremisesSyncEnabled"); got.OnPremisesSyncEnabled == nil || !*got.OnPremisesSyncEnabled {
		t.Error("onPremisesSyncEnabled not reported")
	}
}

func TestDeleteRestorePurge(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	u := h.newUser(a, "leaver", nil)
	path := "/v1.0/users/" + u.ID

	h.want(h.do(a.memberTok, "DELETE", path, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "DELETE", path, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/users/"+a.adminID, nil), 400, "Request_BadRequest") // not yourself
	h.want(h.do(a.adminTok, "DELETE", path, nil), 204, "")
	h.wantAudit(a, "Delete user", u.ID)
	h.want(h.do(a.adminTok, "GET", path, nil), 404, "Request_ResourceNotFound")

	deleted := h.do(a.adminTok, "GET", "/v1.0/directory/deletedItems/microsoft.graph.user", nil)
	h.want(deleted, 200, "")
	items := deleted.body["value"].([]any)
	if len(items) != 1 || items[0].(map[string]any)["id"] != u.ID || items[0].(map[string]any)["deletedDateTime"] == nil {
		t.Fatalf("deleted items: %s", deleted.raw)
	}
	h.want(h.do(b.adminTok, "GET", "/v1.0/directory/deletedItems/"+u.ID, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(b.adminTok, "POST", "/v1.0/directory/deletedItems/"+u.ID+"/restore", nil), 404, "Request_ResourceNotFound")
	one := h.do(a.adminTok, "GET", "/v1.0/directory/deletedItems/"+u.ID, nil)
	h.want(one, 200, "")
	if one.body["@odata.type"] != "#microsoft.graph.user" {
		t.Errorf("deleted item lacks @odata.type: %s", one.raw)
	}

	// The name is free while deleted; restoring then conflicts with a clear error.
	taker := h.newUser(a, "leaver", nil)
	r := h.do(a.adminTok, "POST", "/v1.0/directory/deletedItems/"+u.ID+"/restore", nil)
	h.want(r, 400, "Request_BadRequest")
	if !strings.Contains(r.errMessage(), "userPrincipalName already exists") {
		t.Errorf("restore conflict message: %s", r.errMessage())
	}
	if err := a.admin.DeleteUser(bg, taker.ID); err != nil {
		t.Fatal(err)
	}
	r = h.do(a.adminTok, "POST", "/v1.0/directory/deletedItems/"+u.ID+"/restore", map[string]any{"autoReconcileProxyConflict": true})
	h.want(r, 200, "")
	if r.body["@odata.type"] != "#microsoft.graph.user" || r.body["id"] != u.ID {
		t.Errorf("restore response: %s", r.raw)
	}
	h.wantAudit(a, "Restore user", u.ID)

	h.want(h.do(a.memberTok, "DELETE", "/v1.0/directory/deletedItems/"+taker.ID, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "DELETE", "/v1.0/directory/deletedItems/"+taker.ID, nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/directory/deletedItems/"+taker.ID, nil), 204, "")
	h.wantAudit(a, "Hard delete user", taker.ID)
	h.want(h.do(a.adminTok, "GET", "/v1.0/directory/deletedItems/"+taker.ID, nil), 404, "Request_ResourceNotFound")
	// Groups are deleted for good, so the deleted groups list is empty.
	h.want(h.do(a.adminTok, "GET", "/v1.0/directory/deletedItems/microsoft.graph.group", nil), 200, "")
}

func TestMeAndTokens(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	r := h.do(a.memberTok, "GET", "/v1.0/me", nil)
	h.want(r, 200, "")
	if r.body["id"] != a.memberID || r.body["@odata.context"] != h.url+"/v1.0/$metadata#users/$entity" {
		t.Errorf("/me = %s", r.raw)
	}
	for name, tok := range map[string]string{
		"garbage":               "not-a-jwt",
		"tampered":              flip(a.memberTok, len(a.memberTok)-20),
		"other tenant's key":    forgeTenant(a.memberTok, b.id),
		"lowercase bearer only": "",
	} {
		r := h.do(tok, "GET", "/v1.0/me", nil)
		if r.status != 401 || r.errCode() != "InvalidAuthenticationToken" {
			t.Errorf("%s: %d %s", name, r.status, r.errCode())
		}
	}
	expired, err := h.app.Tokens.Mint(bg, a.id, a.memberID, -time1m, "test")
	if err != nil {
		t.Fatal(err)
	}
	if r := h.do(expired, "GET", "/v1.0/me", nil); r.status != 401 || !strings.Contains(r.errMessage(), "expired") ||
		!strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer ") {
		t.Errorf("expired token: %d %s (WWW-Authenticate %q)", r.status, r.errMessage(), r.header.Get("WWW-Authenticate"))
	}
	// A deleted user's token stops working.
	u := h.newUser(a, "temp", nil)
	tok := h.token(a.id, u.ID)
	if err := a.admin.DeleteUser(bg, u.ID); err != nil {
		t.Fatal(err)
	}
	h.want(h.do(tok, "GET", "/v1.0/users", nil), 401, "InvalidAuthenticationToken")
	// Operator principals are not reachable over HTTP.
	if _, ok := authz.FromContext(bg); ok {
		t.Fatal("background context carries a principal")
	}
}

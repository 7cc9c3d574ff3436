package api_test

import (
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

func TestHelpdesk(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	r := h.do(a.memberTok, "GET", "/api/settings/helpdesk", nil)
	if r.status != 200 || r.body["showAdminsToUsers"] != true || r.body["phone"] != "" {
		t.Fatalf("defaults: %s", r.raw)
	}
	_, userAdmin := h.roleUser(a, "useradmin", authz.UserAdmin)
	h.want(h.do(userAdmin, "PATCH", "/api/settings/helpdesk", map[string]any{"phone": "+31 20 555 0100"}), 403, "Authorization_RequestDenied")
	for field, v := range map[string]any{"email": "not-an-address", "url": "javascript:alert(1)", "phone": strings.Repeat("1", 65)} {
		r := h.do(a.adminTok, "PATCH", "/api/settings/helpdesk", map[string]any{field: v})
		h.want(r, 400, "Request_BadRequest")
		if !strings.Contains(string(r.raw), `"target":"`+field+`"`) {
			t.Errorf("%s: the error doesn't name the field: %s", field, r.raw)
		}
	}
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/helpdesk", map[string]any{"fax": "x"}), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/helpdesk", map[string]any{"phone": "+31 20 555 0100", "email": "help@" + a.domain,
		"url": "https://help.example/it", "showAdminsToUsers": false}), 204, "")
	h.wantAudit(a, "Update help desk information", a.id)
	// A partial change keeps the rest.
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/helpdesk", map[string]any{"url": "https://help.example/desk"}), 204, "")

	m := h.do(a.memberTok, "GET", "/api/myAdmins", nil)
	hd := m.body["helpdesk"].(map[string]any)
	if hd["phone"] != "+31 20 555 0100" || hd["url"] != "https://help.example/desk" || len(m.body["globalAdmins"].([]any)) != 0 {
		t.Errorf("member's myAdmins with admins hidden: %s", m.raw)
	}
	if m := h.do(userAdmin, "GET", "/api/myAdmins", nil); len(m.body["globalAdmins"].([]any)) != 1 {
		t.Errorf("admins still see the Global admins: %s", m.raw)
	}
	if r := h.do(b.memberTok, "GET", "/api/myAdmins", nil); strings.Contains(string(r.raw), "help.example") {
		t.Errorf("another tenant sees the help desk: %s", r.raw)
	}
	h.want(h.do(a.adminTok, "PATCH", "/api/settings/helpdesk", map[string]any{"showAdminsToUsers": true}), 204, "")
	if m := h.do(a.memberTok, "GET", "/api/myAdmins", nil); len(m.body["globalAdmins"].([]any)) != 1 {
		t.Errorf("admins shown again: %s", m.raw)
	}
}

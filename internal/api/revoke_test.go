package api_test

import (
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

func TestRevokeSignInSessions(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	br := newBrowser(h)
	h.want(br.signIn("member@"+a.domain, "Member-Pass-1"), 200, "")
	h.want(br.do("GET", "/v1.0/me", nil), 200, "")

	path := "/v1.0/users/" + a.memberID + "/revokeSignInSessions"
	h.want(h.do(a.memberTok, "POST", path, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "POST", path, nil), 404, "Request_ResourceNotFound")
	_, helpdesk := h.roleUser(a, "helpdesk", authz.PasswordAdmin)
	r := h.do(helpdesk, "POST", "/v1.0/users/"+a.adminID+"/revokeSignInSessions", nil)
	if r.status != 403 || !strings.Contains(r.errMessage(), "no admin role") {
		t.Errorf("helpdesk revoking an admin: %d %s", r.status, r.raw)
	}
	r = h.do(helpdesk, "POST", path, nil)
	if r.status != 200 || r.body["value"] != true {
		t.Fatalf("revoke: %d %s", r.status, r.raw)
	}
	h.want(br.do("GET", "/v1.0/me", nil), 401, "InvalidAuthenticationToken")
	h.wantAuditBy(a, "Revoke sign-in sessions", a.memberID)
}

func TestMySignIns(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	for _, c := range [][2]string{{"member@" + a.domain, "Member-Pass-1"}, {"member@" + a.domain, "Wrong-Pass-1"}, {"admin@" + a.domain, "Admin-Pass-1"}} {
		newBrowser(h).signIn(c[0], c[1])
	}
	br := newBrowser(h)
	h.want(br.signIn("member@"+a.domain, "Member-Pass-1"), 200, "")
	r := br.do("GET", "/api/me/signIns", nil)
	h.want(r, 200, "")
	items := r.body["value"].([]any)
	if len(items) != 3 {
		t.Fatalf("member sees %d sign-ins, want 3 (own only): %s", len(items), r.raw)
	}
	for _, it := range items {
		if it.(map[string]any)["userId"] != a.memberID {
			t.Errorf("another user's sign-in: %v", it)
		}
	}
	failed := br.do("GET", "/api/me/signIns?$filter=status/errorCode%20ne%200", nil)
	if n := len(failed.body["value"].([]any)); n != 1 {
		t.Errorf("failed own sign-ins: %d, want 1: %s", n, failed.raw)
	}
	// Asking for someone else's id narrows to nothing rather than widening.
	other := br.do("GET", "/api/me/signIns?$filter=userId%20eq%20'"+a.adminID+"'", nil)
	if n := len(other.body["value"].([]any)); n != 0 {
		t.Errorf("filter on another user's id shows %d entries", n)
	}
	h.want(br.do("GET", "/v1.0/auditLogs/signIns", nil), 403, "Authorization_RequestDenied")
}

package api_test

import (
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

// TestPasswordLink: an admin who may reset a user's password makes a
// one-time link; the link names the account, sets a password that meets
// the policy once, and every bad, used or foreign token gets the same
// answer.
func TestPasswordLink(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	anna := h.newUser(a, "anna", nil)
	path := "/api/users/" + anna.ID + "/passwordLink"
	h.want(h.do("", "POST", path, nil), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "POST", path, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "POST", path, nil), 404, "Request_ResourceNotFound")
	// A Password admin may not for an admin.
	_, pwTok := h.roleUser(a, "helpdesk", authz.PasswordAdmin)
	h.want(h.do(pwTok, "POST", "/api/users/"+a.adminID+"/passwordLink", nil), 403, "Authorization_RequestDenied")

	first := h.do(pwTok, "POST", path, nil)
	h.want(first, 201, "")
	r := h.do(a.adminTok, "POST", path, nil) // replaces the first
	h.want(r, 201, "")
	h.wantAuditBy(a, "Create set-password link", anna.ID)
	url := r.body["url"].(string)
	prefix := h.url + "/set-password#"
	if !strings.HasPrefix(url, prefix) || r.body["expiresDateTime"] == nil {
		t.Fatalf("link: %s", r.raw)
	}
	token := strings.TrimPrefix(url, prefix)
	oldToken := strings.TrimPrefix(first.body["url"].(string), prefix)

	info := h.do("", "POST", "/api/passwordLinks/inspect", map[string]any{"token": token})
	if info.status != 200 || info.body["userPrincipalName"] != *anna.UserPrincipalName || info.body["displayName"] != *anna.DisplayName {
		t.Fatalf("inspect: %s", info.raw)
	}
	tenantB := b.id + token[strings.Index(token, "."):]
	for _, bad := range []string{"", "nope", oldToken, tenantB, token + "x", a.id + ".short"} {
		r := h.do("", "POST", "/api/passwordLinks/inspect", map[string]any{"token": bad})
		if r.status != 400 || !strings.Contains(r.errMessage(), "not valid") {
			t.Fatalf("inspect %q: %d %s", bad, r.status, r.raw)
		}
	}
	before := newBrowser(h) // signed in with the old password; redeeming ends it
	h.want(before.signIn(*anna.UserPrincipalName, "Strong-Pass-1"), 200, "")
	h.want(before.do("GET", "/api/session", nil), 200, "")
	h.want(h.do("", "POST", "/api/passwordLinks/redeem", map[string]any{"token": token, "newPassword": "short"}), 400, "Request_BadRequest")
	h.want(h.do("", "POST", "/api/passwordLinks/redeem", map[string]any{"token": token, "newPassword": "Quiet-Harbour-7413", "extra": 1}), 400, "Request_BadRequest")
	h.want(h.do("", "POST", "/api/passwordLinks/redeem", map[string]any{"token": token, "newPassword": "Quiet-Harbour-7413"}), 204, "")
	h.want(h.do("", "POST", "/api/passwordLinks/redeem", map[string]any{"token": token, "newPassword": "Other-Harbour-7413"}), 400, "Request_BadRequest")
	h.wantAuditBy(a, "Set password with a one-time link", anna.ID)
	h.want(before.do("GET", "/api/session", nil), 401, "InvalidAuthenticationToken")
	if r := newBrowser(h).signIn(*anna.UserPrincipalName, "Quiet-Harbour-7413"); r.status != 200 {
		t.Fatalf("sign-in with the new password: %d %s", r.status, r.raw)
	}
}

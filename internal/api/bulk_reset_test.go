package api_test

import (
	"fmt"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

// TestBulkResetPasswords resets more than the real product's 40 at once,
// each user with the rules of a single reset; the caller is never among
// them, and every user has a result.
func TestBulkResetPasswords(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	pwID, pwTok := h.roleUser(a, "helpdesk", authz.PasswordAdmin)
	var ids []string
	for i := 0; i < 45; i++ {
		ids = append(ids, h.newUser(a, fmt.Sprint("u", i), nil).ID)
	}
	other := h.newUser(b, "x", nil).ID
	path := "/api/bulk/resetPasswords"
	h.want(h.do("", "POST", path, map[string]any{"userIds": ids}), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "POST", path, map[string]any{"userIds": ids}), 403, "Authorization_RequestDenied")
	h.want(h.do(pwTok, "POST", path, map[string]any{"userIds": []string{}}), 400, "Request_BadRequest")
	h.want(h.do(pwTok, "POST", path, map[string]any{"userIds": ids, "extra": 1}), 400, "Request_BadRequest")
	all := append(append([]string{}, ids...), pwID, a.adminID, other, ids[0])
	r := h.do(pwTok, "POST", path, map[string]any{"userIds": all, "forceChangePasswordNextSignIn": true})
	h.want(r, 200, "")
	res := r.body["results"].([]any)
	if len(res) != len(all) {
		t.Fatalf("results: %s", r.raw)
	}
	for i, want := range map[int]string{0: "done", 44: "done", 45: "skipped", 46: "failed", 47: "failed", 48: "skipped"} {
		got := res[i].(map[string]any)
		if got["status"] != want {
			t.Errorf("result %d: %v, want %s", i, got, want)
		}
	}
	first := res[0].(map[string]any)
	if pw, _ := first["temporaryPassword"].(string); len(pw) != 16 {
		t.Fatalf("a generated password: %v", first)
	}
	if r := newBrowser(h).signIn("u0@"+a.domain, first["temporaryPassword"].(string)); r.status != 200 {
		t.Fatalf("sign-in with the reset password: %d %s", r.status, r.raw)
	}
	h.wantAuditBy(a, "Reset user password", ids[44])
}

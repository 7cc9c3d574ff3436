package api_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

// TestLockoutThroughChangePassword: checking the current password counts
// as a sign-in; ten wrong ones lock the account, a Password admin may
// unlock a non-admin, and the sign-in log records every attempt without a
// password.
func TestLockoutThroughChangePassword(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	for i := 0; i < 10; i++ {
		r := h.do(a.memberTok, "POST", "/v1.0/me/changePassword", map[string]any{"currentPassword": fmt.Sprintf("Wrong-%d-Pass", i), "newPassword": "Brand-New-77"})
		h.want(r, 400, "Request_BadRequest")
	}
	// Now even the right current password is refused, with the same words.
	r := h.do(a.memberTok, "POST", "/v1.0/me/changePassword", map[string]any{"currentPassword": "Member-Pass-1", "newPassword": "Brand-New-77"})
	if r.status != 400 || r.errMessage() != "The current password is incorrect." {
		t.Fatalf("locked: %d %s", r.status, r.raw)
	}
	_, helpdeskTok := h.roleUser(a, "helpdesk", authz.PasswordAdmin)
	h.want(h.do(a.memberTok, "POST", "/api/users/"+a.adminID+"/unlock", nil), 403, "Authorization_RequestDenied")
	r = h.do(helpdeskTok, "POST", "/api/users/"+a.adminID+"/unlock", nil)
	if r.status != 403 || !strings.Contains(r.errMessage(), "no admin role") {
		t.Errorf("Password admin unlocking a Global admin: %d %s", r.status, r.raw)
	}
	h.want(h.do(b.adminTok, "POST", "/api/users/"+a.memberID+"/unlock", nil), 404, "Request_ResourceNotFound")
	h.want(h.do(helpdeskTok, "POST", "/api/users/"+a.memberID+"/unlock", nil), 204, "")
	h.want(h.do(a.memberTok, "POST", "/v1.0/me/changePassword", map[string]any{"currentPassword": "Member-Pass-1", "newPassword": "Brand-New-77"}), 204, "")

	log := h.do(a.adminTok, "GET", "/v1.0/auditLogs/signIns?$top=50", nil)
	h.want(log, 200, "")
	items := log.body["value"].([]any)
	var locked, bad, ok int
	for _, x := range items {
		st := x.(map[string]any)["status"].(map[string]any)
		switch st["errorCode"].(float64) {
		case 50053:
			locked++
		case 50126:
			bad++
		case 0:
			ok++
		}
	}
	if locked != 1 || bad != 10 || ok != 1 {
		t.Errorf("sign-in log: %d locked, %d bad, %d ok\n%s", locked, bad, ok, log.raw)
	}
	if strings.Contains(string(log.raw), "Wrong-") || strings.Contains(string(log.raw), "Member-Pass") {
		t.Error("the sign-in log holds a password")
	}
	h.want(h.do(a.memberTok, "GET", "/v1.0/auditLogs/signIns", nil), 403, "Authorization_RequestDenied")
	if other := h.do(b.adminTok, "GET", "/v1.0/auditLogs/signIns", nil); strings.Contains(string(other.raw), "member@"+a.domain) {
		t.Error("tenant B sees tenant A's sign-ins")
	}
	failed := h.do(a.adminTok, "GET", "/v1.0/auditLogs/signIns?$filter=status/errorCode%20eq%2050053", nil)
	if v := failed.body["value"].([]any); len(v) != 1 {
		t.Errorf("filter on errorCode: %s", failed.raw)
	}
}

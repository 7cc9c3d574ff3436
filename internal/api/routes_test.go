package api

import (
	"slices"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

// TestEveryRouteDeclaresPermission walks the route table: every route is
// either public (and on the short list of public routes) or declares the
// permissions that may call it.
func TestEveryRouteDeclaresPermission(t *testing.T) {
	publicRoutes := []string{"POST /api/signup", "POST /api/signin", "POST /api/sspr/start", "POST /api/sspr/verify", "POST /api/sspr/reset",
		"POST /api/passwordLinks/inspect", "POST /api/passwordLinks/redeem"}
	a := New(Config{})
	seen := map[string]bool{}
	for _, rt := range a.routeTable() {
		if seen[rt.pattern] {
			t.Errorf("route %s declared twice", rt.pattern)
		}
		seen[rt.pattern] = true
		switch {
		case rt.public && !slices.Contains(publicRoutes, rt.pattern):
			t.Errorf("route %s is public but not on the list of public routes", rt.pattern)
		case !rt.public && len(rt.perms) == 0:
			t.Errorf("route %s declares no permission", rt.pattern)
		case rt.h == nil:
			t.Errorf("route %s has no handler", rt.pattern)
		}
		for _, p := range rt.perms {
			if !slices.Contains(authz.AllPermissions, p) {
				t.Errorf("route %s declares unknown permission %q", rt.pattern, p)
			}
		}
		method, path, _ := strings.Cut(rt.pattern, " ")
		if method != "GET" && slices.Equal(rt.perms, read) && !rt.public && !rt.selfService && !rt.partnerAgent {
			t.Errorf("route %s changes data but only needs %s", rt.pattern, authz.OrgRead)
		}
		if !strings.HasPrefix(path, "/v1.0/") && !strings.HasPrefix(path, "/api/") {
			t.Errorf("route %s is outside /v1.0 and /api", rt.pattern)
		}
	}
}

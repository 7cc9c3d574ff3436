package authz

import (
	"context"
	"slices"
)

// Principal is who is calling: a signed-in user with the roles that apply
// in the tenant, or the operator working on the database directly.
type Principal struct {
	UserID      string
	TenantID    string
	UPN         string
	DisplayName string
	IPAddress   string
	Roles       []string // role keys held in TenantID
	Operator    bool     // the deployment operator (local CLI commands)
}

// Operator is the principal of local operator commands; it may do
// everything in every tenant.
var Operator = Principal{Operator: true, DisplayName: "Atrium operator"}

// Allowed reports whether p holds perm in tenantID.
func Allowed(p Principal, perm Permission, tenantID string) bool {
	if p.Operator {
		return true
	}
	if p.UserID == "" || p.TenantID != tenantID {
		return false
	}
	if slices.Contains(memberGrants, perm) {
		return true
	}
	for _, key := range p.Roles {
		for _, r := range Roles {
			if r.Key == key && slices.Contains(r.Grants, perm) {
				return true
			}
		}
	}
	return false
}

type ctxKey struct{}

// WithPrincipal returns a context carrying p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, ctxKey{}, p)
}

// FromContext returns the principal in ctx, if any.
func FromContext(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(ctxKey{}).(Principal)
	return p, ok
}

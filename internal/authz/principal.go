package authz

import "context"

// Principal is who is calling: a signed-in user with the roles that apply
// in the tenant, or the operator working on the database directly.
type Principal struct {
	UserID      string
	TenantID    string
	UPN         string
	DisplayName string
	IPAddress   string
	// Roles are the keys of the roles that apply in TenantID: the user's own
	// role assignments there, and roles a delegation (DAP, GDAP) grants.
	Roles    []string
	Operator bool // the deployment operator (local CLI commands)
	// AppID is set for an application acting on its own (client
	// credentials): its client id; UserID is empty then, and AppObjectID
	// and AppPermissions say which app and what it may do.
	AppID          string
	AppObjectID    string
	AppPermissions []string
	// MustChangePassword is set while the user signs in with a password
	// that must be changed first.
	MustChangePassword bool
	// Partner is set when UserID is a user of a partner tenant acting in
	// the customer tenant TenantID through a delegation (partners.md §4):
	// Roles are then the delegated roles alone.
	Partner *PartnerActor
}

// PartnerActor says on whose behalf a partner's user acts in a customer:
// the partner tenant and the delegation that gives the roles.
type PartnerActor struct {
	TenantID       string // the partner tenant, the user's home
	DisplayName    string // the partner organization's name
	Delegation     string // DelegationDAP or DelegationGDAP
	RelationshipID string // the GDAP relationship, if one
}

// HomeTenant is the tenant the principal's user belongs to: the partner
// tenant for a partner's user acting in a customer, else TenantID.
func (p Principal) HomeTenant() string {
	if p.Partner != nil {
		return p.Partner.TenantID
	}
	return p.TenantID
}

// Operator is the principal of local operator commands; it may do
// everything in every tenant.
var Operator = Principal{Operator: true, DisplayName: "Atrium operator"}

// Cell returns the best cell p holds for perm in tenantID across its
// roles; No for another tenant.
func (p Principal) Cell(perm Permission, tenantID string) Cell {
	if p.Operator {
		return Yes
	}
	if p.AppID != "" && p.TenantID == tenantID {
		return appCell(p.AppPermissions, perm)
	}
	if p.UserID == "" || p.TenantID != tenantID {
		return No
	}
	best := memberGrants[perm]
	for _, key := range p.Roles {
		if r, ok := RoleByKey(key); ok && r.Cells[perm] > best {
			best = r.Cells[perm]
		}
	}
	return best
}

// Allowed reports whether p holds perm in tenantID at all (perhaps
// limited to some targets).
func Allowed(p Principal, perm Permission, tenantID string) bool {
	return p.Cell(perm, tenantID) != No
}

// IsAdmin reports whether p holds any role in its tenant.
func (p Principal) IsAdmin() bool { return p.Operator || len(p.Roles) > 0 }

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

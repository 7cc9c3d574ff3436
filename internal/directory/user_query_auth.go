package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
)

// AssignedLicensesProp is the users' filter property of their licenses:
// assignedLicenses/any(x: x/skuId eq <skuId>).
const AssignedLicensesProp = "assignedLicenses"

// authorizeUserQuery checks that the caller may list users with q: reading
// the directory, and licenses.read as well when q filters on licenses
// (who holds a product is per-user license data, as assignedLicenses is).
func (s *Service) authorizeUserQuery(ctx context.Context, tenantID string, q ListQuery) error {
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return err
	}
	if mentions(q.Filter, AssignedLicensesProp) {
		_, err := s.authorize(ctx, authz.LicensesRead, tenantID)
		return err
	}
	return nil
}

// mentions reports whether e uses the collection property prop in a lambda.
func mentions(e Expr, prop string) bool {
	switch e := e.(type) {
	case And:
		return mentions(e.Left, prop) || mentions(e.Right, prop)
	case Or:
		return mentions(e.Left, prop) || mentions(e.Right, prop)
	case Not:
		return mentions(e.X, prop)
	case Any:
		return e.Prop == prop
	}
	return false
}

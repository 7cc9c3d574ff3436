package directory

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/google/uuid"
)

// MaxUserViews is how many custom user views a tenant may keep.
const MaxUserViews = 50

// ListUserViews returns the tenant's saved user views.
func (s *Service) ListUserViews(ctx context.Context, tenantID string) ([]UserView, error) {
	var out []UserView
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		out, err = tx.ListUserViews()
		return err
	})
	return out, err
}

// GetUserView returns one view.
func (s *Service) GetUserView(ctx context.Context, tenantID, id string) (UserView, error) {
	var v UserView
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return v, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		v, err = getView(tx, id)
		return err
	})
	return v, err
}

func getView(tx Tx, id string) (UserView, error) {
	if _, err := uuid.Parse(id); err != nil {
		return UserView{}, NotFound(id)
	}
	return tx.GetUserView(strings.ToLower(id))
}

func checkView(v *UserView) error {
	v.Name = strings.TrimSpace(v.Name)
	if n := utf8.RuneCountInString(v.Name); n < 1 || n > 64 || strings.ContainsFunc(v.Name, isControl) {
		return Invalid("name", "A view name must be 1 to 64 characters.")
	}
	c := v.Conditions
	if c.UsageLocation != "" && !IsCountryCode(c.UsageLocation) {
		return Invalid("conditions.usageLocation", "Use an ISO 3166-1 alpha-2 country code such as NL.")
	}
	if c.Domain != "" {
		d, err := NormalizeDomainName(c.Domain)
		if err != nil {
			return Invalid("conditions.domain", "%s", err.Error())
		}
		v.Conditions.Domain = d
	}
	if c.RoleTemplateID != "" {
		if _, ok := authz.RoleByTemplate(strings.ToLower(c.RoleTemplateID)); !ok {
			return Invalid("conditions.roleTemplateId", "'%s' is not a role template id.", c.RoleTemplateID)
		}
	}
	for name, val := range map[string]string{"department": c.Department, "city": c.City, "state": c.State, "country": c.Country, "jobTitle": c.JobTitle} {
		if utf8.RuneCountInString(val) > 128 {
			return Invalid("conditions."+name, "A condition must be 128 characters or fewer.")
		}
	}
	return nil
}

// CreateUserView saves a new view; a tenant keeps at most 50.
func (s *Service) CreateUserView(ctx context.Context, tenantID string, v UserView) (UserView, error) {
	if _, err := s.authorize(ctx, authz.UserViewsManage, tenantID); err != nil {
		return v, err
	}
	v.ID, v.CreatedAt = newID(), s.Now()
	if err := checkView(&v); err != nil {
		return v, err
	}
	err := s.store.Update(ctx, tenantID, func(tx Tx) error {
		views, err := tx.ListUserViews()
		if err != nil {
			return err
		}
		if len(views) >= MaxUserViews {
			return Invalid("name", "The organization already has %d custom views, the most it can keep; delete one first.", MaxUserViews)
		}
		return tx.CreateUserView(&v)
	})
	return v, err
}

// UpdateUserView replaces a view's name and conditions.
func (s *Service) UpdateUserView(ctx context.Context, tenantID string, v UserView) error {
	if _, err := s.authorize(ctx, authz.UserViewsManage, tenantID); err != nil {
		return err
	}
	if err := checkView(&v); err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		cur, err := getView(tx, v.ID)
		if err != nil {
			return err
		}
		v.ID, v.CreatedAt = cur.ID, cur.CreatedAt
		return tx.UpdateUserView(&v)
	})
}

// DeleteUserView removes a view.
func (s *Service) DeleteUserView(ctx context.Context, tenantID, id string) error {
	if _, err := s.authorize(ctx, authz.UserViewsManage, tenantID); err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		v, err := getView(tx, id)
		if err != nil {
			return err
		}
		return tx.DeleteUserView(v.ID)
	})
}

// RolesProp is the filter property of the role template ids a user holds.
// It is not a Graph property: only views use it, never client filters.
const RolesProp = "atrium.roles"

// Filter returns the view's conditions as a user filter (nil when the view
// has none).
func (c ViewConditions) Filter() Expr {
	var parts []Expr
	eq := func(prop, v string) {
		if v != "" {
			parts = append(parts, Compare{Prop: prop, Op: OpEq, Value: Value{Kind: KindString, Str: v}})
		}
	}
	if c.Domain != "" {
		parts = append(parts, EndsWith{Prop: "userPrincipalName", Suffix: "@" + c.Domain})
	}
	if c.SignInAllowed != nil {
		parts = append(parts, Compare{Prop: "accountEnabled", Op: OpEq, Value: Value{Kind: KindBool, Bool: *c.SignInAllowed}})
	}
	eq("usageLocation", c.UsageLocation)
	eq("department", c.Department)
	eq("city", c.City)
	eq("state", c.State)
	eq("country", c.Country)
	eq("jobTitle", c.JobTitle)
	if c.SyncedOnly {
		parts = append(parts, Compare{Prop: "onPremisesSyncEnabled", Op: OpEq, Value: Value{Kind: KindBool, Bool: true}})
	}
	if c.RoleTemplateID != "" {
		parts = append(parts, Any{Prop: RolesProp, Var: "r", Cond: Compare{Prop: "r", Op: OpEq,
			Value: Value{Kind: KindGUID, Str: strings.ToLower(c.RoleTemplateID)}}})
	}
	var e Expr
	for _, p := range parts {
		if e == nil {
			e = p
		} else {
			e = And{Left: e, Right: p}
		}
	}
	return e
}

// ListViewUsers returns a page of the users a view selects, narrowed by q.
func (s *Service) ListViewUsers(ctx context.Context, tenantID, viewID string, q ListQuery) (Page[User], error) {
	v, err := s.GetUserView(ctx, tenantID, viewID)
	if err != nil {
		return Page[User]{}, err
	}
	if f := v.Conditions.Filter(); f != nil && q.Filter != nil {
		q.Filter = And{Left: f, Right: q.Filter}
	} else if f != nil {
		q.Filter = f
	}
	return s.ListUsers(ctx, tenantID, q)
}

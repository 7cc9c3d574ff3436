package directory

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
)

// ErrLastGlobalAdmin refuses a change that would leave the tenant without an
// enabled Global admin.
var ErrLastGlobalAdmin = &Error{Kind: KindInvalid, Field: "roleDefinitionId",
	Message: "The organization must keep at least one enabled Global admin."}

// isAdmin reports whether the user holds any directory role in the tenant.
func isAdmin(tx Tx, userID string) (bool, error) {
	ras, err := tx.ListRoleAssignments(RoleFilter{PrincipalID: userID})
	return len(ras) > 0, err
}

// roleHolders returns the enabled, active users holding the role.
func roleHolders(tx Tx, templateID string) ([]User, error) {
	ras, err := tx.ListRoleAssignments(RoleFilter{RoleTemplateID: templateID})
	if err != nil {
		return nil, err
	}
	var out []User
	for _, ra := range ras {
		u, err := tx.GetUser(ra.PrincipalID)
		switch {
		case KindOf(err) == KindNotFound: // deleted: the assignment is dormant
		case err != nil:
			return nil, err
		case u.AccountEnabled:
			out = append(out, u)
		}
	}
	return out, nil
}

// keepGlobalAdmin refuses the change if userID is the last enabled Global
// admin. It runs in the transaction of the change, which the stores make
// serializable, so two admins removing each other can't both succeed.
func keepGlobalAdmin(tx Tx, userID string) error {
	holders, err := roleHolders(tx, authz.GlobalAdmin.TemplateID)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(holders, func(u User) bool { return u.ID != userID }) {
		return nil
	}
	if slices.ContainsFunc(holders, func(u User) bool { return u.ID == userID }) {
		return ErrLastGlobalAdmin
	}
	return nil
}

// RoleChange is the outcome of assigning a role: the assignment and the
// warnings an admin should act on.
type RoleChange struct {
	Assignment RoleAssignment
	Warnings   []AdminWarning
}

// AssignRole gives a user a built-in directory role. Only principals with
// roles.delegate (Global admins) may; the Service admin role needs a
// workload admin role first.
func (s *Service) AssignRole(ctx context.Context, tenantID, userID, templateID string) (RoleChange, error) {
	p, err := s.authorize(ctx, authz.RolesDelegate, tenantID)
	if err != nil {
		return RoleChange{}, err
	}
	role, ok := authz.RoleByTemplate(strings.ToLower(templateID))
	if !ok {
		return RoleChange{}, Invalid("roleDefinitionId", "'%s' is not a role definition of this organization; see /v1.0/roleManagement/directory/roleDefinitions.", templateID)
	}
	var out RoleChange
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, userID)
		if err != nil {
			return err
		}
		out, err = s.addRole(ctx, tx, p, &u, role)
		return err
	})
	return out, err
}

// addRole is the transaction body of AssignRole, also used when a user is
// provisioned: it refuses a role the user holds and the Service admin role
// without a workload admin role, assigns and activates the role, gathers
// the warnings and writes the audit record.
func (s *Service) addRole(ctx context.Context, tx Tx, p authz.Principal, u *User, role authz.Role) (RoleChange, error) {
	var out RoleChange
	held, err := tx.ListRoleAssignments(RoleFilter{PrincipalID: u.ID})
	if err != nil {
		return out, err
	}
	if slices.ContainsFunc(held, func(ra RoleAssignment) bool { return ra.RoleTemplateID == role.TemplateID }) {
		return out, &Error{Kind: KindConflict, Field: "principalId", Code: "ObjectConflict",
			Message: fmt.Sprintf("%s already holds the role %s.", u.UserPrincipalName, role.DisplayName)}
	}
	if role.Key == authz.ServiceAdmin.Key && !hasServiceLevelRole(held) {
		return out, Invalid("roleDefinitionId", "Assign the user an administrator role in Mail, Sites or Chat before assigning the Service admin role.")
	}
	ra := RoleAssignment{ID: newID(), RoleTemplateID: role.TemplateID, PrincipalID: u.ID, CreatedAt: s.Now()}
	if err := tx.AddRoleAssignment(&ra); err != nil {
		return out, err
	}
	if err := tx.ActivateRole(&ActivatedRole{ID: newID(), RoleTemplateID: role.TemplateID, ActivatedAt: s.Now()}); err != nil {
		return out, err
	}
	out.Assignment = ra
	if out.Warnings, err = assignWarnings(tx, u); err != nil {
		return out, err
	}
	if role.Key == authz.GlobalAdmin.Key {
		w, err := globalAdminCountWarning(tx)
		if err != nil {
			return out, err
		}
		out.Warnings = append(out.Warnings, w...)
	}
	return out, s.audit(ctx, tx, p, "RoleManagement", "Add member to role", "Assign", userTarget(u, []ModifiedProperty{
		{Name: "Role.DisplayName", New: role.DisplayName}, {Name: "Role.TemplateId", New: role.TemplateID},
		{Name: "Roles", Old: roleNames(held), New: roleNames(append(held, ra))}}))
}

// hasServiceLevelRole reports whether the assignments give a Mail, Sites or
// Chat admin role.
func hasServiceLevelRole(held []RoleAssignment) bool {
	for _, ra := range held {
		if r, ok := authz.RoleByTemplate(ra.RoleTemplateID); ok {
			for _, w := range r.Workload {
				if slices.Contains(authz.ServiceLevelRoles, w) {
					return true
				}
			}
		}
	}
	return false
}

// roleNames lists the roles of assignments for audit records ("a, b").
func roleNames(ras []RoleAssignment) string {
	var names []string
	for _, ra := range ras {
		if r, ok := authz.RoleByTemplate(ra.RoleTemplateID); ok {
			names = append(names, r.DisplayName)
		}
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// assignWarnings checks what seed 001 asks of an admin: an alternate email
// outside the organization's domains and a mobile phone with country code.
func assignWarnings(tx Tx, u *User) ([]AdminWarning, error) {
	var w []AdminWarning
	ds, err := tx.ListDomains()
	if err != nil {
		return nil, err
	}
	outside := slices.ContainsFunc(u.OtherMails, func(m string) bool {
		d := Fold(DomainOf(m))
		return !slices.ContainsFunc(ds, func(x Domain) bool { return x.Name == d || IsSubdomainOf(d, x.Name) })
	})
	if !outside {
		w = append(w, AdminWarning{Code: WarnNoAlternateEmail, UPN: u.UserPrincipalName})
	}
	if !strings.HasPrefix(strings.TrimSpace(u.MobilePhone), "+") {
		w = append(w, AdminWarning{Code: WarnNoMobilePhone, UPN: u.UserPrincipalName})
	}
	return w, nil
}

// globalAdminCountWarning warns when the tenant has fewer than 2 or more
// than 4 enabled Global admins (the API never blocks on these counts).
func globalAdminCountWarning(tx Tx) ([]AdminWarning, error) {
	gas, err := roleHolders(tx, authz.GlobalAdmin.TemplateID)
	switch {
	case err != nil:
		return nil, err
	case len(gas) < 2:
		return []AdminWarning{{Code: WarnFewGlobalAdmins, Count: len(gas)}}, nil
	case len(gas) > 4:
		return []AdminWarning{{Code: WarnManyGlobalAdmins, Count: len(gas)}}, nil
	}
	return nil, nil
}

// RemoveRoleAssignment removes an assignment by id and returns warnings
// about the Global admins that remain.
func (s *Service) RemoveRoleAssignment(ctx context.Context, tenantID, assignmentID string) ([]AdminWarning, error) {
	return s.removeRole(ctx, tenantID, func(tx Tx) (RoleAssignment, error) { return tx.GetRoleAssignment(assignmentID) })
}

// RemoveRoleMember removes a role from a user.
func (s *Service) RemoveRoleMember(ctx context.Context, tenantID, templateID, userID string) ([]AdminWarning, error) {
	return s.removeRole(ctx, tenantID, func(tx Tx) (RoleAssignment, error) {
		u, err := findUser(tx, userID)
		if err != nil {
			return RoleAssignment{}, err
		}
		ras, err := tx.ListRoleAssignments(RoleFilter{PrincipalID: u.ID, RoleTemplateID: strings.ToLower(templateID)})
		if err != nil || len(ras) == 0 {
			return RoleAssignment{}, orNotFound(err, userID)
		}
		return ras[0], nil
	})
}

func orNotFound(err error, id string) error {
	if err != nil {
		return err
	}
	return NotFound(id)
}

func (s *Service) removeRole(ctx context.Context, tenantID string, find func(Tx) (RoleAssignment, error)) ([]AdminWarning, error) {
	p, err := s.authorize(ctx, authz.RolesDelegate, tenantID)
	if err != nil {
		return nil, err
	}
	var warnings []AdminWarning
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		ra, err := find(tx)
		if err != nil {
			return err
		}
		if ra.RoleTemplateID == authz.GlobalAdmin.TemplateID {
			if err := keepGlobalAdmin(tx, ra.PrincipalID); err != nil {
				return err
			}
		}
		held, err := tx.ListRoleAssignments(RoleFilter{PrincipalID: ra.PrincipalID})
		if err != nil {
			return err
		}
		if err := tx.RemoveRoleAssignment(ra.ID); err != nil {
			return err
		}
		target := AuditTarget{ID: ra.PrincipalID, Type: "User"}
		u, err := tx.GetUser(ra.PrincipalID)
		switch {
		case err == nil:
			target = userTarget(&u, nil)
		case KindOf(err) != KindNotFound: // a deleted user's dormant assignment is still removable
			return err
		}
		role, _ := authz.RoleByTemplate(ra.RoleTemplateID)
		rest := slices.DeleteFunc(slices.Clone(held), func(x RoleAssignment) bool { return x.ID == ra.ID })
		target.ModifiedProperties = []ModifiedProperty{{Name: "Role.DisplayName", Old: role.DisplayName},
			{Name: "Role.TemplateId", Old: role.TemplateID}, {Name: "Roles", Old: roleNames(held), New: roleNames(rest)}}
		if role.Key == authz.GlobalAdmin.Key {
			if warnings, err = globalAdminCountWarning(tx); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, p, "RoleManagement", "Remove member from role", "Unassign", target)
	})
	return warnings, err
}

// ListRoleAssignments lists the tenant's role assignments.
func (s *Service) ListRoleAssignments(ctx context.Context, tenantID string, f RoleFilter) ([]RoleAssignment, error) {
	var out []RoleAssignment
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		out, err = tx.ListRoleAssignments(f)
		return err
	})
	return out, err
}

// GetRoleAssignment returns one assignment.
func (s *Service) GetRoleAssignment(ctx context.Context, tenantID, id string) (RoleAssignment, error) {
	var ra RoleAssignment
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return ra, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		ra, err = tx.GetRoleAssignment(id)
		return err
	})
	return ra, err
}

// ActivateRole makes a role appear among the tenant's directoryRoles.
func (s *Service) ActivateRole(ctx context.Context, tenantID, templateID string) (ActivatedRole, error) {
	if _, err := s.authorize(ctx, authz.RolesDelegate, tenantID); err != nil {
		return ActivatedRole{}, err
	}
	role, ok := authz.RoleByTemplate(strings.ToLower(templateID))
	if !ok {
		return ActivatedRole{}, Invalid("roleTemplateId", "'%s' is not a directory role template; see /v1.0/directoryRoleTemplates.", templateID)
	}
	var out ActivatedRole
	err := s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := tx.ActivateRole(&ActivatedRole{ID: newID(), RoleTemplateID: role.TemplateID, ActivatedAt: s.Now()}); err != nil {
			return err
		}
		roles, err := tx.ListActivatedRoles()
		i := slices.IndexFunc(roles, func(r ActivatedRole) bool { return r.RoleTemplateID == role.TemplateID })
		if err == nil && i >= 0 {
			out = roles[i]
		}
		return err
	})
	return out, err
}

// ListActivatedRoles returns the roles the tenant uses.
func (s *Service) ListActivatedRoles(ctx context.Context, tenantID string) ([]ActivatedRole, error) {
	var out []ActivatedRole
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		out, err = tx.ListActivatedRoles()
		return err
	})
	return out, err
}

// RoleMembers returns the users holding a role (blocked ones included;
// deleted ones, whose assignments are dormant, not).
func (s *Service) RoleMembers(ctx context.Context, tenantID, templateID string) ([]User, error) {
	var out []User
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		ras, err := tx.ListRoleAssignments(RoleFilter{RoleTemplateID: strings.ToLower(templateID)})
		if err != nil {
			return err
		}
		for _, ra := range ras {
			u, err := tx.GetUser(ra.PrincipalID)
			if err == nil {
				out = append(out, u)
			} else if KindOf(err) != KindNotFound {
				return err
			}
		}
		return nil
	})
	return out, err
}

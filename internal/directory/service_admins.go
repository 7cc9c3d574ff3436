package directory

import (
	"context"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
)

// WorkloadRoles returns the roles a user's directory roles give inside the
// Mail, Sites, Chat and CRM services (computed, never stored).
func (s *Service) WorkloadRoles(ctx context.Context, tenantID, userID string) ([]string, error) {
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	out := []string{}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, userID)
		if err != nil {
			return err
		}
		ras, err := tx.ListRoleAssignments(RoleFilter{PrincipalID: u.ID})
		for _, ra := range ras {
			if r, ok := authz.RoleByTemplate(ra.RoleTemplateID); ok {
				for _, w := range r.Workload {
					if !slices.Contains(out, w) {
						out = append(out, w)
					}
				}
			}
		}
		return err
	})
	slices.Sort(out)
	return out, err
}

// AdminContact is how a person reaches one of their admins.
type AdminContact struct {
	DisplayName       string
	UserPrincipalName string
	Mail              string
	BusinessPhones    []string
}

// Admins answers "who is my admin": the organization's Global admins and
// its technical contacts.
type Admins struct {
	Organization      string
	GlobalAdmins      []AdminContact
	TechnicalContacts []string
	Helpdesk          Helpdesk
}

// MyAdmins tells any signed-in user of the tenant whom to ask for help:
// the help desk, the technical contacts and, unless the organization hides
// them from people without a role, the Global admins.
func (s *Service) MyAdmins(ctx context.Context, tenantID string) (Admins, error) {
	var out Admins
	p, err := s.authorize(ctx, authz.OrgRead, tenantID)
	if err != nil {
		return out, err
	}
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		out.Organization, out.TechnicalContacts, out.Helpdesk = t.Org.DisplayName, t.Org.TechnicalNotificationMails, t.Settings.Helpdesk
		if t.Settings.Helpdesk.HideAdmins && !p.IsAdmin() {
			return nil
		}
		holders, err := roleHolders(tx, authz.GlobalAdmin.TemplateID)
		for _, u := range holders {
			out.GlobalAdmins = append(out.GlobalAdmins, AdminContact{DisplayName: u.DisplayName,
				UserPrincipalName: u.UserPrincipalName, Mail: u.Mail, BusinessPhones: u.BusinessPhones})
		}
		return err
	})
	return out, err
}

// AdminWarnings lists what the Roles page and the Home card warn about: too
// few or too many Global admins, and admins who could not reset their
// password (no mobile phone or no alternate email).
func (s *Service) AdminWarnings(ctx context.Context, tenantID string) ([]AdminWarning, error) {
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	var out []AdminWarning
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		w, err := globalAdminCountWarning(tx)
		if err != nil {
			return err
		}
		out = append(out, w...)
		ras, err := tx.ListRoleAssignments(RoleFilter{})
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, ra := range ras {
			if seen[ra.PrincipalID] {
				continue
			}
			seen[ra.PrincipalID] = true
			u, err := tx.GetUser(ra.PrincipalID)
			if KindOf(err) == KindNotFound {
				continue
			} else if err != nil {
				return err
			}
			w, err := assignWarnings(tx, &u)
			if err != nil {
				return err
			}
			out = append(out, w...)
		}
		return nil
	})
	return out, err
}

// BulkResult is the outcome of a bulk role change for one user.
type BulkResult struct {
	UserID string
	Status string // done, skipped, failed
	Reason string
	// TemporaryPassword is a bulk reset's generated password, once.
	TemporaryPassword string
}

// maxBulk bounds the users of one bulk role change.
const maxBulk = 1000

// BulkRoles assigns or revokes a role for many users, each in its own
// transaction: one user's failure changes nothing of that user and does not
// stop the others.
func (s *Service) BulkRoles(ctx context.Context, tenantID string, userIDs []string, templateID string, assign bool) ([]BulkResult, error) {
	if _, err := s.authorize(ctx, authz.RolesDelegate, tenantID); err != nil {
		return nil, err
	}
	if len(userIDs) == 0 || len(userIDs) > maxBulk {
		return nil, Invalid("userIds", "Give 1 to %d user ids.", maxBulk)
	}
	if _, ok := authz.RoleByTemplate(strings.ToLower(templateID)); !ok {
		return nil, Invalid("roleDefinitionId", "'%s' is not a role definition of this organization.", templateID)
	}
	results := make([]BulkResult, 0, len(userIDs))
	seen := map[string]bool{}
	for _, id := range userIDs {
		r := BulkResult{UserID: id, Status: "done"}
		var err error
		switch {
		case seen[strings.ToLower(id)]:
			r.Status, r.Reason = "skipped", "listed twice"
		case assign:
			var ch RoleChange
			ch, err = s.AssignRole(ctx, tenantID, id, templateID)
			r.Reason = warningMessages(ch.Warnings, "en")
		default:
			_, err = s.RemoveRoleMember(ctx, tenantID, templateID, id)
		}
		seen[strings.ToLower(id)] = true
		de, _ := AsError(err)
		switch {
		case err == nil:
		case assign && KindOf(err) == KindConflict:
			r.Status, r.Reason = "skipped", de.Message
		case !assign && KindOf(err) == KindNotFound && s.userExists(ctx, tenantID, id):
			r.Status, r.Reason = "skipped", "The user doesn't hold this role."
		case de != nil:
			r.Status, r.Reason = "failed", de.Message
		default:
			return results, err
		}
		results = append(results, r)
	}
	return results, nil
}

func (s *Service) userExists(ctx context.Context, tenantID, id string) bool {
	_, err := s.GetUser(ctx, tenantID, id)
	return err == nil
}

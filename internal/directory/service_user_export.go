package directory

import (
	"context"
	"slices"

	"github.com/atriumhq/atrium/internal/authz"
)

// exportPage is how many users an export reads per transaction.
const exportPage = 200

// ExportedUser is one user of an export with the names of its roles and
// the part numbers of its licenses.
type ExportedUser struct {
	User     User
	Roles    []string // role display names, sorted
	Licenses []string // SKU part numbers, sorted
}

// ExportUsers passes every active user of the tenant, or of a saved view
// when viewID is set, to emit in order, a page at a time with keyset
// paging, so memory stays flat however many users there are. An export
// of everything is an admin act: it needs users.write, and licenses.read
// for the license column. emit's error stops the export.
func (s *Service) ExportUsers(ctx context.Context, tenantID, viewID string, emit func(ExportedUser) error) error {
	if _, err := s.authorize(ctx, authz.UsersWrite, tenantID); err != nil {
		return err
	}
	if _, err := s.authorize(ctx, authz.LicensesRead, tenantID); err != nil {
		return err
	}
	q := ListQuery{Top: exportPage}
	if viewID != "" {
		v, err := s.GetUserView(ctx, tenantID, viewID)
		if err != nil {
			return err
		}
		q.Filter = v.Conditions.Filter()
	}
	for {
		var rows []ExportedUser
		var next string
		err := s.store.View(ctx, tenantID, func(tx Tx) error {
			page, err := tx.ListUsers(q)
			if err != nil {
				return err
			}
			ras, err := tx.ListRoleAssignments(RoleFilter{}) // a tenant's admins are few: one read per page
			if err != nil {
				return err
			}
			roles := map[string][]string{}
			for _, ra := range ras {
				if r, ok := authz.RoleByTemplate(ra.RoleTemplateID); ok {
					roles[ra.PrincipalID] = append(roles[ra.PrincipalID], r.DisplayName)
				}
			}
			rows, next = make([]ExportedUser, len(page.Items)), page.Next
			for i := range page.Items {
				if rows[i], err = s.exportedUser(tx, page.Items[i], roles[page.Items[i].ID]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, row := range rows {
			if err := emit(row); err != nil {
				return err
			}
		}
		if next == "" {
			return nil
		}
		q.After = next
	}
}

// exportedUser adds a user's role names and license part numbers.
func (s *Service) exportedUser(tx Tx, u User, roles []string) (ExportedUser, error) {
	out := ExportedUser{User: u, Roles: roles}
	ls, err := tx.ListLicenses(u.ID)
	if err != nil {
		return out, err
	}
	for _, l := range ls {
		if p, ok := s.catalog.Product(l.SkuID); ok {
			out.Licenses = append(out.Licenses, p.SkuPartNumber)
		}
	}
	slices.Sort(out.Roles)
	slices.Sort(out.Licenses)
	return out, nil
}

package directory

import (
	"context"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/google/uuid"
)

// ListGroups returns a page of the tenant's groups.
func (s *Service) ListGroups(ctx context.Context, tenantID string, q ListQuery) (Page[Group], error) {
	var page Page[Group]
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return page, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		page, err = tx.ListGroups(q)
		return err
	})
	return page, err
}

// CountGroups counts the groups q selects.
func (s *Service) CountGroups(ctx context.Context, tenantID string, q ListQuery) (int, error) {
	var n int
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return 0, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		n, err = tx.CountGroups(q)
		return err
	})
	return n, err
}

// GetGroup returns one group.
func (s *Service) GetGroup(ctx context.Context, tenantID, id string) (Group, error) {
	var g Group
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return g, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		g, err = getGroup(tx, id)
		return err
	})
	return g, err
}

func getGroup(tx Tx, id string) (Group, error) {
	if _, err := uuid.Parse(id); err != nil {
		return Group{}, NotFound(id)
	}
	return tx.GetGroup(strings.ToLower(id))
}

// CreateGroup creates a security group, a mail-enabled security group or a
// distribution list, with optional first members and owners.
func (s *Service) CreateGroup(ctx context.Context, tenantID string, in GroupInput) (Group, error) {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return Group{}, err
	}
	for name, missing := range map[string]bool{"displayName": in.DisplayName == nil, "mailNickname": in.MailNickname == nil,
		"mailEnabled": in.MailEnabled == nil, "securityEnabled": in.SecurityEnabled == nil} {
		if missing {
			return Group{}, Invalid(name, "Property '%s' is required when creating a group.", name)
		}
	}
	if len(in.Members)+len(in.Owners) > 20 {
		return Group{}, Invalid("members@odata.bind", "A new group takes at most 20 members and owners together; add more afterwards.")
	}
	g := Group{ID: newID(), GroupTypes: []string{}, CreatedAt: s.Now()}
	if in.GroupTypes != nil {
		for _, t := range *in.GroupTypes {
			switch strings.ToLower(t) {
			case "unified":
				return Group{}, Invalid("groupTypes", "Microsoft 365 (Unified) groups are not supported; create a security group or a distribution list.")
			case "dynamicmembership":
				return Group{}, Invalid("groupTypes", "Dynamic membership is not supported.")
			default:
				return Group{}, Invalid("groupTypes", "Unknown group type '%s'.", t)
			}
		}
	}
	if err := applyGroupInput(&g, in, true); err != nil {
		return Group{}, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := setGroupMail(tx, &g); err != nil {
			return err
		}
		if err := tx.CreateGroup(&g); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, p, "GroupManagement", "Add group", "Add", groupTarget(&g)); err != nil {
			return err
		}
		for _, id := range in.Members {
			if err := s.addMember(ctx, tx, p, &g, id); err != nil {
				return err
			}
		}
		for _, id := range in.Owners {
			if err := s.addOwner(ctx, tx, p, &g, id); err != nil {
				return err
			}
		}
		return nil
	})
	return g, err
}

func groupTarget(g *Group, mods ...ModifiedProperty) AuditTarget {
	return AuditTarget{ID: g.ID, DisplayName: g.DisplayName, Type: "Group", ModifiedProperties: mods}
}

// applyGroupInput validates in and applies it to g.
func applyGroupInput(g *Group, in GroupInput, create bool) error {
	if !create && (in.MailEnabled != nil && *in.MailEnabled != g.MailEnabled ||
		in.SecurityEnabled != nil && *in.SecurityEnabled != g.SecurityEnabled || in.GroupTypes != nil) {
		return Invalid("mailEnabled", "The kind of a group (mailEnabled, securityEnabled, groupTypes) can't change after it is created.")
	}
	if in.MailEnabled != nil {
		g.MailEnabled = *in.MailEnabled
	}
	if in.SecurityEnabled != nil {
		g.SecurityEnabled = *in.SecurityEnabled
	}
	if !g.MailEnabled && !g.SecurityEnabled {
		return Invalid("securityEnabled", "A group must be security-enabled, mail-enabled, or both.")
	}
	fields := []struct {
		name  string
		val   *string
		dst   *string
		max   int
		check func(string) string
	}{
		{"displayName", in.DisplayName, &g.DisplayName, 256, nil},
		{"description", in.Description, &g.Description, 1024, nil},
		{"mailNickname", in.MailNickname, &g.MailNickname, 64, checkMailNickname},
		{"visibility", in.Visibility, &g.Visibility, 16, checkVisibility},
	}
	for _, f := range fields {
		if f.val == nil {
			continue
		}
		v := strings.TrimSpace(*f.val)
		if v != "" {
			if err := checkString(f.name, f.max, f.check, v); err != nil {
				return err
			}
		}
		*f.dst = v
	}
	if g.DisplayName == "" {
		return Invalid("displayName", "Property 'displayName' can't be empty.")
	}
	if g.MailNickname == "" {
		return Invalid("mailNickname", "Property 'mailNickname' can't be empty.")
	}
	return nil
}

func checkVisibility(s string) string {
	if s != "Public" && s != "Private" && s != "HiddenMembership" {
		return "use Public, Private or HiddenMembership."
	}
	return ""
}

// setGroupMail gives a mail-enabled group the address mailNickname@ the
// default domain.
func setGroupMail(tx Tx, g *Group) error {
	if !g.MailEnabled {
		g.Mail = ""
		return nil
	}
	ds, err := tx.ListDomains()
	if err != nil {
		return err
	}
	for _, d := range ds {
		if d.IsDefault {
			g.Mail = g.MailNickname + "@" + d.Name
		}
	}
	return nil
}

// UpdateGroup applies a PATCH to a group.
func (s *Service) UpdateGroup(ctx context.Context, tenantID, id string, in GroupInput) error {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		g, err := getGroup(tx, id)
		if err != nil {
			return err
		}
		if g.Synced() {
			return ErrSyncMastered
		}
		old := g
		if err := applyGroupInput(&g, in, false); err != nil {
			return err
		}
		if g.DisplayName != old.DisplayName || g.MailNickname != old.MailNickname {
			if err := guardAgentGroup(tx, p, &g, true); err != nil {
				return err
			}
		}
		if g.MailNickname != old.MailNickname {
			if err := setGroupMail(tx, &g); err != nil {
				return err
			}
		}
		var mods []ModifiedProperty
		for _, f := range [][3]string{{"displayName", old.DisplayName, g.DisplayName}, {"description", old.Description, g.Description},
			{"mailNickname", old.MailNickname, g.MailNickname}, {"mail", old.Mail, g.Mail}, {"visibility", old.Visibility, g.Visibility}} {
			if f[1] != f[2] {
				mods = append(mods, ModifiedProperty{Name: f[0], Old: f[1], New: f[2]})
			}
		}
		if len(mods) == 0 {
			return nil
		}
		if err := tx.UpdateGroup(&g); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "GroupManagement", "Update group", "Update", groupTarget(&g, mods...))
	})
}

// DeleteGroup deletes a group permanently (security groups and
// distribution lists are not soft-deleted, as in Graph).
func (s *Service) DeleteGroup(ctx context.Context, tenantID, id string) error {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		g, err := getGroup(tx, id)
		if err != nil {
			return err
		}
		if g.Synced() {
			return ErrSyncMastered
		}
		if err := guardAgentGroup(tx, p, &g, true); err != nil {
			return err
		}
		if err := tx.DeleteGroup(g.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "GroupManagement", "Delete group", "Delete", groupTarget(&g))
	})
}

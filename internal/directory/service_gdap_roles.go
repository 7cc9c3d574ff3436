package directory

import (
	"slices"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// gdapRoles returns the role keys the active GDAP access assignments give
// the user userID of the partner of pt in the customer of ct at now, and the
// relationship they come from (the first of several): the union of the
// roles of the active assignments, in active relationships with that
// customer, of the partner groups the user is a direct member of
// (partners.md §5.7; nested groups don't count). A relationship past its
// end grants nothing even before the GDAP job marks it expired, unless it
// auto-extends.
func gdapRoles(ct, pt Tx, userID string, now time.Time) ([]string, string, error) {
	cten, err := ct.Tenant()
	if err != nil {
		return nil, "", err
	}
	rels, err := pt.ListGDAPRelationships(cten.ID)
	if err != nil || len(rels) == 0 {
		return nil, "", err
	}
	var groups, keys []string
	relationshipID := ""
	for _, rel := range rels {
		if rel.Status != partner.GDAPActive || (!now.Before(rel.EndAt) && !rel.AutoExtends()) {
			continue
		}
		if groups == nil {
			if groups, err = directGroups(pt, userID); err != nil || len(groups) == 0 {
				return nil, "", err
			}
		}
		as, err := pt.ListGDAPAssignments(rel.ID)
		if err != nil {
			return nil, "", err
		}
		for _, a := range as {
			if a.Status != partner.AssignmentActive || !slices.Contains(groups, a.GroupID) {
				continue
			}
			if relationshipID == "" {
				relationshipID = rel.ID
			}
			for _, id := range a.Roles {
				if r, ok := authz.BuiltInRole(id); ok && slices.Contains(rel.Roles, id) && !slices.Contains(keys, r.Key) {
					keys = append(keys, r.Key)
				}
			}
		}
	}
	slices.Sort(keys)
	return keys, relationshipID, nil
}

// gdapPartners lists the partner tenants with a GDAP relationship with the
// customer of tx that is neither terminated nor expired.
func gdapPartners(tx Tx) ([]string, error) {
	rels, err := tx.CustomerGDAPRelationships()
	var ids []string
	for _, r := range rels {
		if r.IsLive() && !slices.Contains(ids, r.PartnerTenantID) {
			ids = append(ids, r.PartnerTenantID)
		}
	}
	return ids, err
}

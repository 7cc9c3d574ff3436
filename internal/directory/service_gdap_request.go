package directory

import (
	"context"
	"fmt"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// The actions of a delegatedAdminRelationshipRequest.
const (
	GDAPLockForApproval = "lockForApproval"
	GDAPTerminate       = "terminate"
)

// GDAPRequest is an action a partner asked for on a relationship (Graph's
// delegatedAdminRelationshipRequest). Atrium carries it out at once, so
// its status is succeeded when it is returned.
type GDAPRequest struct {
	ID         string
	Action     string
	Status     string
	CreatedAt  time.Time
	ModifiedAt time.Time
}

// RequestGDAP carries out a partner's request on a relationship:
// lockForApproval sends a created relationship to the customer's Global
// admins for approval, with the link to the approval page under
// publicURL; terminate ends an active one and its access assignments at
// once (terminationRequested and terminating pass within the
// transaction).
func (s *Service) RequestGDAP(ctx context.Context, partnerID, id, action, publicURL string) (GDAPRequest, error) {
	if action != GDAPLockForApproval && action != GDAPTerminate {
		return GDAPRequest{}, Invalid("action", "'%s' is not an action; use lockForApproval or terminate.", action)
	}
	now := s.Now()
	err := s.partnerGDAPPair(ctx, partnerID, id, func(ct, pt Tx, p authz.Principal, rel *partner.GDAPRelationship) error {
		if action == GDAPTerminate {
			if rel.Status != partner.GDAPActive {
				return Invalid("action", "The relationship is %s; only an active relationship can be terminated.", rel.Status)
			}
			return s.endGDAP(ctx, ct, pt, p, rel, partner.GDAPTerminated, "Terminate GDAP relationship")
		}
		if rel.Status != partner.GDAPCreated {
			return Invalid("action", "The relationship is %s; only a created relationship can be locked for approval.", rel.Status)
		}
		cten, pten, err := pairTenants(ct, pt)
		if err != nil {
			return err
		}
		rel.Status, rel.LockedAt, rel.Notices = partner.GDAPApprovalPending, now, 0
		if err := s.saveGDAP(pt, rel, true); err != nil {
			return err
		}
		if err := s.auditGDAPBoth(ctx, ct, pt, p, "Request GDAP relationship approval", "Update", *rel); err != nil {
			return err
		}
		return s.queueToGlobalAdmins(ct, gdapApprovalNotice(pten.Org.DisplayName, cten.Org.DisplayName, *rel, GDAPApprovalURL(publicURL, rel.ID)))
	})
	if err != nil {
		return GDAPRequest{}, err
	}
	return GDAPRequest{ID: newID(), Action: action, Status: "succeeded", CreatedAt: now, ModifiedAt: now}, nil
}

// partnerGDAPPair runs fn for an Admin agent of partnerID on relationship
// id, in one transaction over the partner and the customer.
func (s *Service) partnerGDAPPair(ctx context.Context, partnerID, id string, fn func(ct, pt Tx, p authz.Principal, rel *partner.GDAPRelationship) error) error {
	var customerID string
	if err := s.store.View(ctx, partnerID, func(tx Tx) error {
		if _, _, err := s.agentFor(ctx, tx, partnerID, authz.PartnerGDAP); err != nil {
			return err
		}
		rel, err := tx.GetGDAPRelationship(id)
		customerID = rel.CustomerTenantID
		return err
	}); err != nil {
		return err
	}
	return s.store.UpdatePair(ctx, customerID, partnerID, func(ct, pt Tx) error {
		p, _, err := s.agentFor(ctx, pt, partnerID, authz.PartnerGDAP)
		if err != nil {
			return err
		}
		rel, err := pt.GetGDAPRelationship(id)
		if err != nil {
			return err
		}
		return fn(ct, pt, p, &rel)
	})
}

func pairTenants(ct, pt Tx) (Tenant, Tenant, error) {
	cten, err := ct.Tenant()
	if err != nil {
		return cten, Tenant{}, err
	}
	pten, err := pt.Tenant()
	return cten, pten, err
}

// saveGDAP stores rel with its next due time; a change of state (not
// only of notice bookkeeping) gets a new version and modification time.
func (s *Service) saveGDAP(pt Tx, rel *partner.GDAPRelationship, changed bool) error {
	if changed {
		rel.Version++
		rel.ModifiedAt = s.Now()
	}
	rel.DueAt = rel.NextDue()
	return pt.UpdateGDAPRelationship(rel)
}

// endGDAP ends an active or pending relationship with status (expired or
// terminated), removing its access assignments, audited on both sides
// with both sides told.
func (s *Service) endGDAP(ctx context.Context, ct, pt Tx, p authz.Principal, rel *partner.GDAPRelationship, status, activity string) error {
	cten, pten, err := pairTenants(ct, pt)
	if err != nil {
		return err
	}
	wasPending := rel.Status == partner.GDAPApprovalPending
	rel.Status = status
	if err := pt.DeleteGDAPAssignments(rel.ID); err != nil {
		return err
	}
	if err := s.saveGDAP(pt, rel, true); err != nil {
		return err
	}
	if err := s.auditGDAPBoth(ctx, ct, pt, p, activity, "Update", *rel); err != nil {
		return err
	}
	n := gdapEndNotice(pten.Org.DisplayName, cten.Org.DisplayName, *rel, p.DisplayName)
	if err := s.queueToGroup(pt, pten.Settings.Partner.AdminAgents, n); err != nil {
		return err
	}
	if wasPending && status == partner.GDAPExpired {
		return nil // the customer never approved it: only the partner is told
	}
	return s.queueToGlobalAdmins(ct, n)
}

// auditGDAPBoth records activity on rel in the customer's and the
// partner's audit logs. In the customer's log a partner agent's action
// names the partner it acted for, like actions through a delegation.
func (s *Service) auditGDAPBoth(ctx context.Context, ct, pt Tx, p authz.Principal, activity, op string, rel partner.GDAPRelationship) error {
	cp := p
	if p.UserID != "" && p.TenantID == rel.PartnerTenantID && p.Partner == nil {
		pten, err := pt.Tenant()
		if err != nil {
			return err
		}
		cp.Partner = &authz.PartnerActor{TenantID: pten.ID, DisplayName: pten.Org.DisplayName, Delegation: authz.DelegationGDAP, RelationshipID: rel.ID}
	}
	if err := s.audit(ctx, ct, cp, "Partner", activity, op, gdapTarget(rel)); err != nil {
		return err
	}
	return s.audit(ctx, pt, p, "Partner", activity, op, gdapTarget(rel))
}

// gdapRoleNames lists the display names of a relationship's roles.
func gdapRoleNames(templateIDs []string) string {
	out := ""
	for i, id := range templateIDs {
		name := id
		if r, ok := authz.BuiltInRole(id); ok {
			name = r.DisplayName
		}
		if i > 0 {
			out += ", "
		}
		out += name
	}
	return out
}

func gdapApprovalNotice(partnerName, customerName string, rel partner.GDAPRelationship, link string) partnerNotice {
	return partnerNotice{
		subjectEN: partnerName + " requests admin roles in " + customerName,
		bodyEN: fmt.Sprintf("%s asks for these admin roles in %s for %s (relationship \"%s\"): %s.\n\nA Global admin can approve or decline the request here:\n%s\n\nThe request expires after 90 days.\n",
			partnerName, customerName, rel.Duration, rel.DisplayName, gdapRoleNames(rel.Roles), link),
		subjectNL: partnerName + " vraagt beheerdersrollen aan in " + customerName,
		bodyNL: fmt.Sprintf("%s vraagt deze beheerdersrollen aan in %s voor %s (relatie \"%s\"): %s.\n\nEen globale beheerder kan de aanvraag hier goedkeuren of weigeren:\n%s\n\nDe aanvraag verloopt na 90 dagen.\n",
			partnerName, customerName, rel.Duration, rel.DisplayName, gdapRoleNames(rel.Roles), link),
	}
}

func gdapEndNotice(partnerName, customerName string, rel partner.GDAPRelationship, by string) partnerNotice {
	what, wat := "expired", "verlopen"
	if rel.Status == partner.GDAPTerminated {
		what, wat = "was ended by "+by, "is beëindigd door "+by
	}
	return partnerNotice{
		subjectEN: fmt.Sprintf("GDAP relationship \"%s\" %s", rel.DisplayName, what),
		bodyEN: fmt.Sprintf("The GDAP relationship \"%s\" between %s and %s %s. Its roles (%s) no longer apply; the partner can request a new relationship.\n",
			rel.DisplayName, partnerName, customerName, what, gdapRoleNames(rel.Roles)),
		subjectNL: fmt.Sprintf("GDAP-relatie \"%s\" %s", rel.DisplayName, wat),
		bodyNL: fmt.Sprintf("De GDAP-relatie \"%s\" tussen %s en %s %s. De rollen (%s) gelden niet meer; de partner kan een nieuwe relatie aanvragen.\n",
			rel.DisplayName, partnerName, customerName, wat, gdapRoleNames(rel.Roles)),
	}
}

package directory

import (
	"context"
	"fmt"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// GDAPApproval is a GDAP relationship as the customer's Global admins see
// it on the approval page (partners.md §5.5): with the partner's name and
// whether the partner still holds DAP, which approval can remove.
type GDAPApproval struct {
	partner.GDAPRelationship
	PartnerName   string
	PartnerHasDAP bool
}

// CustomerGDAPRelationships lists the GDAP relationships partners
// requested from the customer tenantID, for its Global admins. A
// relationship the partner hasn't locked for approval yet isn't shown.
func (s *Service) CustomerGDAPRelationships(ctx context.Context, customerID string) ([]GDAPApproval, error) {
	if _, err := s.customerAdmin(ctx, customerID); err != nil {
		return nil, err
	}
	var rels []partner.GDAPRelationship
	err := s.store.View(ctx, customerID, func(tx Tx) error {
		all, err := tx.CustomerGDAPRelationships()
		for _, r := range all {
			if r.Status != partner.GDAPCreated {
				rels = append(rels, r)
			}
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]GDAPApproval, 0, len(rels))
	for _, r := range rels {
		a, err := s.gdapApproval(ctx, customerID, r)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// CustomerGDAPRelationship returns one relationship a partner requested
// from the customer: what the approval link shows.
func (s *Service) CustomerGDAPRelationship(ctx context.Context, customerID, id string) (GDAPApproval, error) {
	if _, err := s.customerAdmin(ctx, customerID); err != nil {
		return GDAPApproval{}, err
	}
	rel, err := s.customerGDAP(ctx, customerID, id)
	if err != nil {
		return GDAPApproval{}, err
	}
	return s.gdapApproval(ctx, customerID, rel)
}

// customerGDAP reads relationship id from the customer's side; one the
// partner hasn't locked for approval yet is not found.
func (s *Service) customerGDAP(ctx context.Context, customerID, id string) (partner.GDAPRelationship, error) {
	var rel partner.GDAPRelationship
	err := s.store.View(ctx, customerID, func(tx Tx) error {
		var err error
		rel, err = tx.GetCustomerGDAPRelationship(id)
		if err == nil && rel.Status == partner.GDAPCreated {
			err = NotFound(id)
		}
		return err
	})
	return rel, err
}

func (s *Service) gdapApproval(ctx context.Context, customerID string, rel partner.GDAPRelationship) (GDAPApproval, error) {
	a := GDAPApproval{GDAPRelationship: rel}
	err := s.store.ViewPair(ctx, customerID, rel.PartnerTenantID, func(ct, pt Tx) error {
		pten, err := pt.Tenant()
		if err != nil {
			return err
		}
		a.PartnerName = pten.Org.DisplayName
		if pr, err := ct.GetPartnerRelationship(rel.PartnerTenantID); err == nil {
			a.PartnerHasDAP = pr.HasDAP()
		} else if KindOf(err) != KindNotFound {
			return err
		}
		return nil
	})
	return a, err
}

// ApproveGDAP is a customer Global admin's approval of a relationship in
// approvalPending: it becomes active at once, for its duration. With
// removeDAP the partner's delegated admin (DAP) ends in the same
// transaction, as Microsoft requires before GDAP (partners.md §5.5).
func (s *Service) ApproveGDAP(ctx context.Context, customerID, id string, removeDAP bool) (partner.GDAPRelationship, error) {
	return s.customerGDAPPair(ctx, customerID, id, "Approve GDAP relationship", func(ct, pt Tx, p authz.Principal, rel *partner.GDAPRelationship) error {
		cten, pten, err := pairTenants(ct, pt)
		if err != nil {
			return err
		}
		now := s.Now()
		if err := approvable(*rel, pten.Org.DisplayName, now); err != nil {
			return err
		}
		rel.Activate(now)
		if err := s.saveGDAP(pt, rel, true); err != nil {
			return err
		}
		if err := s.auditGDAPBoth(ctx, ct, pt, p, "Approve GDAP relationship", "Update", *rel); err != nil {
			return err
		}
		if removeDAP {
			if err := s.dropDAP(ctx, ct, pt, p, cten, pten); err != nil {
				return err
			}
		}
		n := gdapApprovedNotice(pten.Org.DisplayName, cten.Org.DisplayName, *rel, p.DisplayName)
		if err := s.queueToGlobalAdmins(ct, n); err != nil {
			return err
		}
		return s.queueToGroup(pt, pten.Settings.Partner.AdminAgents, n)
	})
}

// approvable explains why rel can't be approved at now, if it can't.
func approvable(rel partner.GDAPRelationship, partnerName string, now time.Time) error {
	switch {
	case rel.Status == partner.GDAPApprovalPending && !now.Before(rel.ApprovalDeadline()):
		return Invalid("status", "This request expired: it waited more than 90 days for approval. Ask %s for a new one.", partnerName)
	case rel.Status == partner.GDAPApprovalPending:
		return nil
	case rel.Status == partner.GDAPExpired:
		return Invalid("status", "This relationship expired and can't be approved. Ask %s for a new one.", partnerName)
	case rel.Status == partner.GDAPTerminated:
		return Invalid("status", "This relationship was declined or terminated and can't be approved. Ask %s for a new one.", partnerName)
	}
	return Invalid("status", "This relationship is already approved (it is %s).", rel.Status)
}

// dropDAP ends the partner's DAP in the customer, if it holds it.
func (s *Service) dropDAP(ctx context.Context, ct, pt Tx, p authz.Principal, cten, pten Tenant) error {
	pr, err := ct.GetPartnerRelationship(pten.ID)
	if KindOf(err) == KindNotFound || (err == nil && !pr.HasDAP()) {
		return nil
	} else if err != nil {
		return err
	}
	pr.DAPSince = time.Time{}
	if err := ct.PutPartnerRelationship(&pr); err != nil {
		return err
	}
	custTarget := AuditTarget{ID: cten.ID, DisplayName: cten.Org.DisplayName, Type: "Organization"}
	partTarget := AuditTarget{ID: pten.ID, DisplayName: pten.Org.DisplayName, Type: "Partner"}
	if err := s.audit(ctx, ct, p, "Partner", "Remove delegated admin", "Delete", partTarget, custTarget); err != nil {
		return err
	}
	return s.audit(ctx, pt, p, "Partner", "Remove delegated admin", "Delete", custTarget, partTarget)
}

// DeclineGDAP is a customer Global admin's refusal of a relationship in
// approvalPending; it ends as terminated.
func (s *Service) DeclineGDAP(ctx context.Context, customerID, id string) (partner.GDAPRelationship, error) {
	return s.customerGDAPPair(ctx, customerID, id, "Decline GDAP relationship", func(ct, pt Tx, p authz.Principal, rel *partner.GDAPRelationship) error {
		if rel.Status != partner.GDAPApprovalPending {
			return Invalid("status", "The relationship is %s; only a relationship waiting for approval can be declined.", rel.Status)
		}
		return s.endGDAP(ctx, ct, pt, p, rel, partner.GDAPTerminated, "Decline GDAP relationship")
	})
}

// TerminateGDAPByCustomer is a customer Global admin ending an active
// relationship (Terminate on the Partner relationships page).
func (s *Service) TerminateGDAPByCustomer(ctx context.Context, customerID, id string) (partner.GDAPRelationship, error) {
	return s.customerGDAPPair(ctx, customerID, id, "Terminate GDAP relationship", func(ct, pt Tx, p authz.Principal, rel *partner.GDAPRelationship) error {
		if rel.Status != partner.GDAPActive {
			return Invalid("status", "The relationship is %s; only an active relationship can be terminated.", rel.Status)
		}
		return s.endGDAP(ctx, ct, pt, p, rel, partner.GDAPTerminated, "Terminate GDAP relationship")
	})
}

// customerGDAPPair runs fn for a Global admin of customerID on
// relationship id, in one transaction over the customer and the partner.
// A refusal by fn (KindInvalid) is audited in the customer's log.
func (s *Service) customerGDAPPair(ctx context.Context, customerID, id, activity string, fn func(ct, pt Tx, p authz.Principal, rel *partner.GDAPRelationship) error) (partner.GDAPRelationship, error) {
	p, err := s.customerAdmin(ctx, customerID)
	if err != nil {
		return partner.GDAPRelationship{}, err
	}
	rel, err := s.customerGDAP(ctx, customerID, id)
	if err != nil {
		return rel, err
	}
	err = s.store.UpdatePair(ctx, customerID, rel.PartnerTenantID, func(ct, pt Tx) error {
		cur, err := pt.GetGDAPRelationship(id)
		if err != nil {
			return err
		}
		if cur.CustomerTenantID != customerID {
			return NotFound(id)
		}
		rel = cur
		return fn(ct, pt, p, &rel)
	})
	if KindOf(err) == KindInvalid {
		_ = s.store.Update(ctx, customerID, func(tx Tx) error {
			e := s.auditEvent(ctx, p, "Partner", activity, "Update", gdapTarget(rel))
			e.Result, e.ResultReason = "failure", err.Error()
			return tx.AppendAudit(e)
		})
	}
	return rel, err
}

func gdapApprovedNotice(partnerName, customerName string, rel partner.GDAPRelationship, by string) partnerNotice {
	end := rel.EndAt.Format("2 January 2006")
	return partnerNotice{
		subjectEN: fmt.Sprintf("GDAP relationship \"%s\" approved", rel.DisplayName),
		bodyEN: fmt.Sprintf("%s approved the GDAP relationship \"%s\" between %s and %s. Its roles (%s) apply until %s once the partner assigns them to its security groups.\n",
			by, rel.DisplayName, partnerName, customerName, gdapRoleNames(rel.Roles), end),
		subjectNL: fmt.Sprintf("GDAP-relatie \"%s\" goedgekeurd", rel.DisplayName),
		bodyNL: fmt.Sprintf("%s heeft de GDAP-relatie \"%s\" tussen %s en %s goedgekeurd. De rollen (%s) gelden tot %s zodra de partner ze aan zijn beveiligingsgroepen toewijst.\n",
			by, rel.DisplayName, partnerName, customerName, gdapRoleNames(rel.Roles), end),
	}
}

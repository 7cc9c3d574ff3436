package directory

import (
	"context"
	"fmt"
	"time"

	"github.com/atriumhq/atrium/internal/directory/partner"
)

// gdapBatch is how many due relationships the GDAP job reads at a time.
const gdapBatch = 100

// AdvanceGDAP does the GDAP job's due work (partners.md §5.5, §5.8) for
// every relationship of every partner: reminders about unanswered
// requests and their expiry after 90 days; notices 30, 7 and 1 days
// before the end; at the end, an auto-extension by 180 days or expiry with
// the access assignments removed. Each relationship moves in one
// transaction over both tenants that re-reads it, so replicas running the
// job together do each step once. It returns how many steps it took.
func (s *Service) AdvanceGDAP(ctx context.Context) (int, error) {
	total := 0
	for ctx.Err() == nil {
		now := s.Now()
		due, err := s.store.DueGDAPRelationships(ctx, now, gdapBatch)
		if err != nil {
			return total, err
		}
		for _, d := range due {
			n, err := s.advanceGDAP(ctx, d.TenantID, d.ID, now)
			if err != nil && KindOf(err) != KindNotFound { // not found: gone meanwhile
				return total, fmt.Errorf("advance GDAP relationship %s: %w", d.ID, err)
			}
			total += n
		}
		if len(due) < gdapBatch {
			break
		}
	}
	return total, nil
}

func (s *Service) advanceGDAP(ctx context.Context, partnerID, id string, now time.Time) (int, error) {
	var customerID string
	if err := s.store.View(ctx, partnerID, func(tx Tx) error {
		rel, err := tx.GetGDAPRelationship(id)
		customerID = rel.CustomerTenantID
		return err
	}); err != nil {
		return 0, err
	}
	steps := 0
	err := s.store.UpdatePair(ctx, customerID, partnerID, func(ct, pt Tx) error {
		steps = 0
		rel, err := pt.GetGDAPRelationship(id)
		if err != nil {
			return err
		}
		for !rel.DueAt.IsZero() && !rel.DueAt.After(now) {
			if err := s.gdapStep(ctx, ct, pt, &rel, now); err != nil {
				return err
			}
			steps++
		}
		return nil
	})
	return steps, err
}

// gdapStep does the one thing due for rel at now and stores it.
func (s *Service) gdapStep(ctx context.Context, ct, pt Tx, rel *partner.GDAPRelationship, now time.Time) error {
	cten, pten, err := pairTenants(ct, pt)
	if err != nil {
		return err
	}
	switch {
	case rel.Status == partner.GDAPApprovalPending && !now.Before(rel.ApprovalDeadline()):
		return s.endGDAP(ctx, ct, pt, lifecycleActor, rel, partner.GDAPExpired, "GDAP relationship request expired")
	case rel.Status == partner.GDAPApprovalPending:
		rel.Notices |= partner.NoticeApprovalReminder
		if !now.Before(rel.ApprovalDeadline().Add(-7 * 24 * time.Hour)) {
			rel.Notices |= partner.NoticeApprovalLastWeek
		}
		if err := s.queueToGlobalAdmins(ct, gdapReminderNotice(pten.Org.DisplayName, cten.Org.DisplayName, *rel)); err != nil {
			return err
		}
		return s.saveGDAP(pt, rel, false)
	case rel.Status == partner.GDAPActive && !now.Before(rel.EndAt) && rel.AutoExtends():
		rel.EndAt, rel.Notices = rel.EndAt.Add(partner.AutoExtendBy), 0
		if err := s.saveGDAP(pt, rel, true); err != nil {
			return err
		}
		if err := s.auditGDAPBoth(ctx, ct, pt, lifecycleActor, "Auto-extend GDAP relationship", "Update", *rel); err != nil {
			return err
		}
		return s.gdapNoticeBoth(ct, pt, pten, gdapExtendedNotice(pten.Org.DisplayName, cten.Org.DisplayName, *rel))
	case rel.Status == partner.GDAPActive && !now.Before(rel.EndAt):
		return s.endGDAP(ctx, ct, pt, lifecycleActor, rel, partner.GDAPExpired, "GDAP relationship expired")
	case rel.Status == partner.GDAPActive:
		days := 0
		for _, n := range partner.EndNotices {
			if rel.Notices&n.Bit == 0 && !now.Before(rel.EndAt.Add(-n.Before)) {
				rel.Notices |= n.Bit
				days = int(n.Before / (24 * time.Hour))
			}
		}
		if err := s.gdapNoticeBoth(ct, pt, pten, gdapEndingNotice(pten.Org.DisplayName, cten.Org.DisplayName, *rel, days)); err != nil {
			return err
		}
		return s.saveGDAP(pt, rel, false)
	}
	return s.saveGDAP(pt, rel, false) // nothing to do in this status: clears DueAt
}

// gdapNoticeBoth tells the customer's Global admins and the partner's
// Admin agents.
func (s *Service) gdapNoticeBoth(ct, pt Tx, pten Tenant, n partnerNotice) error {
	if err := s.queueToGlobalAdmins(ct, n); err != nil {
		return err
	}
	return s.queueToGroup(pt, pten.Settings.Partner.AdminAgents, n)
}

func gdapReminderNotice(partnerName, customerName string, rel partner.GDAPRelationship) partnerNotice {
	end := rel.ApprovalDeadline().Format("2 January 2006")
	return partnerNotice{
		subjectEN: "Reminder: " + partnerName + " is waiting for your approval",
		bodyEN: fmt.Sprintf("%s asked for admin roles in %s (relationship \"%s\": %s). A Global admin can approve or decline it on the Partner relationships page until %s.\n",
			partnerName, customerName, rel.DisplayName, gdapRoleNames(rel.Roles), end),
		subjectNL: "Herinnering: " + partnerName + " wacht op uw goedkeuring",
		bodyNL: fmt.Sprintf("%s heeft beheerdersrollen aangevraagd in %s (relatie \"%s\": %s). Een globale beheerder kan de aanvraag tot %s goedkeuren of weigeren op de pagina Partnerrelaties.\n",
			partnerName, customerName, rel.DisplayName, gdapRoleNames(rel.Roles), end),
	}
}

func gdapEndingNotice(partnerName, customerName string, rel partner.GDAPRelationship, days int) partnerNotice {
	end := rel.EndAt.Format("2 January 2006")
	in, over := fmt.Sprintf("%d days", days), fmt.Sprintf("%d dagen", days)
	if days == 1 {
		in, over = "1 day", "1 dag"
	}
	return partnerNotice{
		subjectEN: fmt.Sprintf("GDAP relationship \"%s\" ends in %s", rel.DisplayName, in),
		bodyEN: fmt.Sprintf("The GDAP relationship \"%s\" between %s and %s ends on %s. After that its roles (%s) no longer apply; the partner can request a new relationship.\n",
			rel.DisplayName, partnerName, customerName, end, gdapRoleNames(rel.Roles)),
		subjectNL: fmt.Sprintf("GDAP-relatie \"%s\" eindigt over %s", rel.DisplayName, over),
		bodyNL: fmt.Sprintf("De GDAP-relatie \"%s\" tussen %s en %s eindigt op %s. Daarna gelden de rollen (%s) niet meer; de partner kan een nieuwe relatie aanvragen.\n",
			rel.DisplayName, partnerName, customerName, end, gdapRoleNames(rel.Roles)),
	}
}

func gdapExtendedNotice(partnerName, customerName string, rel partner.GDAPRelationship) partnerNotice {
	end := rel.EndAt.Format("2 January 2006")
	return partnerNotice{
		subjectEN: fmt.Sprintf("GDAP relationship \"%s\" extended", rel.DisplayName),
		bodyEN: fmt.Sprintf("The GDAP relationship \"%s\" between %s and %s was extended automatically by 180 days, until %s.\n",
			rel.DisplayName, partnerName, customerName, end),
		subjectNL: fmt.Sprintf("GDAP-relatie \"%s\" verlengd", rel.DisplayName),
		bodyNL: fmt.Sprintf("De GDAP-relatie \"%s\" tussen %s en %s is automatisch met 180 dagen verlengd, tot %s.\n",
			rel.DisplayName, partnerName, customerName, end),
	}
}

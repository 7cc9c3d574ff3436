package directory

import (
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
)

// partnerNotice is a notification about a partner relationship
// (partners.md §9) in English and Dutch.
type partnerNotice struct {
	subjectEN, bodyEN string
	subjectNL, bodyNL string
}

// queueToGlobalAdmins puts n in tx's outbox for each Global admin of the
// tenant, in the tenant's language.
func (s *Service) queueToGlobalAdmins(tx Tx, n partnerNotice) error {
	ras, err := tx.ListRoleAssignments(RoleFilter{RoleTemplateID: authz.GlobalAdmin.TemplateID})
	if err != nil {
		return err
	}
	var to []string
	for _, ra := range ras {
		if u, err := tx.GetUser(ra.PrincipalID); err == nil {
			to = append(to, noticeAddress(u))
		}
	}
	return s.queueNotice(tx, to, n)
}

// queueToGroup puts n in tx's outbox for each direct user member of a
// group (a partner's AdminAgents).
func (s *Service) queueToGroup(tx Tx, groupID string, n partnerNotice) error {
	var to []string
	q := ListQuery{Top: 999}
	for {
		page, err := tx.ListMembers(groupID, q)
		if err != nil {
			return err
		}
		for _, o := range page.Items {
			if o.User != nil && o.User.AccountEnabled {
				to = append(to, noticeAddress(*o.User))
			}
		}
		if page.Next == "" {
			break
		}
		q.After = page.Next
	}
	return s.queueNotice(tx, to, n)
}

func noticeAddress(u User) string {
	if u.Mail != "" {
		return u.Mail
	}
	return u.UserPrincipalName
}

func (s *Service) queueNotice(tx Tx, to []string, n partnerNotice) error {
	if len(to) == 0 {
		return nil
	}
	t, err := tx.Tenant()
	if err != nil {
		return err
	}
	subject, body := n.subjectEN, n.bodyEN
	if mailLanguage(t.Org) == "nl" {
		subject, body = n.subjectNL, n.bodyNL
	}
	now := s.Now()
	for _, r := range to {
		if strings.TrimSpace(r) == "" {
			continue
		}
		msg := OutboxMessage{ID: newID(), CreatedAt: now, Channel: "email", Recipient: r, Subject: subject, Body: body, NextAt: now}
		if err := tx.EnqueueMessage(&msg); err != nil {
			return err
		}
	}
	return nil
}

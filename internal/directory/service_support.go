package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
)

// ListSupportRequests returns a page of the tenant's service requests,
// newest first unless q orders otherwise.
func (s *Service) ListSupportRequests(ctx context.Context, tenantID string, q ListQuery) (Page[SupportRequest], error) {
	var page Page[SupportRequest]
	if _, err := s.authorize(ctx, authz.TicketsManage, tenantID); err != nil {
		return page, err
	}
	if len(q.OrderBy) == 0 {
		q.OrderBy = []Order{{Prop: "createdDateTime", Desc: true}}
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		page, err = tx.ListSupportRequests(q)
		return err
	})
	return page, err
}

// GetSupportRequest returns a request with its thread.
func (s *Service) GetSupportRequest(ctx context.Context, tenantID, id string) (SupportRequest, error) {
	var r SupportRequest
	if _, err := s.authorize(ctx, authz.TicketsManage, tenantID); err != nil {
		return r, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		r, err = getSupportRequest(tx, id)
		return err
	})
	return r, err
}

func getSupportRequest(tx Tx, id string) (SupportRequest, error) {
	canon, ok := supportID(id)
	if !ok {
		return SupportRequest{}, NotFound(id)
	}
	return tx.GetSupportRequest(canon)
}

// CreateSupportRequest opens a request with the operator's support. Its id
// counts the tenant's requests of the day, in the same transaction, so two
// admins submitting at once get consecutive numbers.
func (s *Service) CreateSupportRequest(ctx context.Context, tenantID string, in SupportInput) (SupportRequest, error) {
	p, err := s.authorize(ctx, authz.TicketsManage, tenantID)
	if err != nil {
		return SupportRequest{}, err
	}
	r, err := in.build(p.DisplayName, p.UPN)
	if err != nil {
		return r, err
	}
	r.Status, r.CreatedByID, r.CreatedByUPN = "open", p.UserID, p.UPN
	if p.Partner != nil {
		r.PartnerTenantID, r.PartnerName = p.Partner.TenantID, p.Partner.DisplayName
	}
	r.CreatedAt = s.Now()
	r.UpdatedAt = r.CreatedAt
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		n, err := tx.NextNumber(supportSequence(r.CreatedAt))
		if err != nil {
			return err
		}
		r.ID = newSupportID(r.CreatedAt, n)
		if err := tx.CreateSupportRequest(&r); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Support", "Create service request", "Add", supportTarget(&r, []ModifiedProperty{
			{Name: "Service", New: r.Service}, {Name: "Severity", New: r.Severity}}))
	})
	return r, err
}

// AddSupportMessage adds a message to a request's thread: from the
// customer, or from support when the operator replies. The status follows
// the conversation (afterMessage).
func (s *Service) AddSupportMessage(ctx context.Context, tenantID, id, text string) (SupportMessage, error) {
	p, err := s.authorize(ctx, authz.TicketsManage, tenantID)
	if err != nil {
		return SupportMessage{}, err
	}
	m := SupportMessage{At: s.Now(), AuthorID: p.UserID, AuthorName: p.UPN, FromSupport: p.Operator}
	if m.Text, err = checkText("text", text, maxSupportText); err != nil {
		return m, err
	}
	if p.Operator {
		m.AuthorName = supportOperatorAuthor
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		r, err := getSupportRequest(tx, id)
		if err != nil {
			return err
		}
		if r.Status == "closed" {
			return Invalid("status", "Request %s is closed; open a new request instead.", r.ID)
		}
		if len(r.Messages) >= maxSupportMessages {
			return Invalid("text", "Request %s has %d messages, the most it can hold; open a new request instead.", r.ID, maxSupportMessages)
		}
		var mods []ModifiedProperty
		if next := afterMessage(r.Status, m.FromSupport); next != r.Status {
			mods = append(mods, ModifiedProperty{Name: "Status", Old: r.Status, New: next})
			r.Status, r.UpdatedAt = next, m.At
			if err := tx.UpdateSupportRequest(&r); err != nil {
				return err
			}
		}
		if err := tx.AddSupportMessage(r.ID, &m); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Support", "Add message to service request", "Update", supportTarget(&r, mods))
	})
	return m, err
}

// CloseSupportRequest closes a request for good; a closed request takes no
// more messages.
func (s *Service) CloseSupportRequest(ctx context.Context, tenantID, id string) (SupportRequest, error) {
	return s.setSupportStatus(ctx, tenantID, id, "closed", "Close service request")
}

// SetSupportStatus moves a request to status; only the operator's support
// does this (admins close requests with CloseSupportRequest).
func (s *Service) SetSupportStatus(ctx context.Context, tenantID, id, status string) (SupportRequest, error) {
	if p, _ := authz.FromContext(ctx); !p.Operator {
		return SupportRequest{}, Denied(nil)
	}
	if err := oneOf("status", status, SupportStatuses); err != nil {
		return SupportRequest{}, err
	}
	return s.setSupportStatus(ctx, tenantID, id, status, "Update service request status")
}

func (s *Service) setSupportStatus(ctx context.Context, tenantID, id, status, activity string) (SupportRequest, error) {
	var r SupportRequest
	p, err := s.authorize(ctx, authz.TicketsManage, tenantID)
	if err != nil {
		return r, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if r, err = getSupportRequest(tx, id); err != nil {
			return err
		}
		if r.Status == status {
			return Invalid("status", "Request %s is %s already.", r.ID, status)
		}
		mods := []ModifiedProperty{{Name: "Status", Old: r.Status, New: status}}
		r.Status, r.UpdatedAt = status, s.Now()
		if err := tx.UpdateSupportRequest(&r); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Support", activity, "Update", supportTarget(&r, mods))
	})
	return r, err
}

// SupportQueue lists the newest requests of every tenant (of one status
// when status is set), for the operator's support desk.
func (s *Service) SupportQueue(ctx context.Context, status string, limit int) ([]SupportRequest, error) {
	if p, _ := authz.FromContext(ctx); !p.Operator {
		return nil, Denied(nil)
	}
	if status != "" {
		if err := oneOf("status", status, SupportStatuses); err != nil {
			return nil, err
		}
	}
	return s.store.SupportQueue(ctx, status, limit)
}

package directory

import (
	"context"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
)

// HealthOverviews returns every service's status.
func (s *Service) HealthOverviews(ctx context.Context, tenantID string) ([]HealthOverview, error) {
	issues, err := s.HealthIssues(ctx, tenantID)
	if err != nil {
		return nil, err
	}
	return overviews(issues), nil
}

// HealthIssues returns the open issues and those resolved in the last 30
// days, most recently updated first.
func (s *Service) HealthIssues(ctx context.Context, tenantID string) ([]HealthIssue, error) {
	var out []HealthIssue
	if _, err := s.authorize(ctx, authz.HealthRead, tenantID); err != nil {
		return nil, err
	}
	err := s.store.ViewDeployment(ctx, func(tx DeploymentTx) (err error) {
		out, err = tx.ListHealthIssues(s.Now().Add(-healthHistory))
		return err
	})
	return out, err
}

// HealthIssue returns one issue with its posts.
func (s *Service) HealthIssue(ctx context.Context, tenantID, id string) (HealthIssue, error) {
	var is HealthIssue
	if _, err := s.authorize(ctx, authz.HealthRead, tenantID); err != nil {
		return is, err
	}
	err := s.store.ViewDeployment(ctx, func(tx DeploymentTx) (err error) {
		is, err = tx.GetHealthIssue(strings.ToUpper(id))
		return err
	})
	return is, err
}

// ServiceMessages returns the message center's current posts, newest
// first, with the caller's read, archive and favourite state.
func (s *Service) ServiceMessages(ctx context.Context, tenantID string) ([]UserMessage, error) {
	p, err := s.authorize(ctx, authz.HealthRead, tenantID)
	if err != nil {
		return nil, err
	}
	var msgs []ServiceMessage
	err = s.store.ViewDeployment(ctx, func(tx DeploymentTx) (err error) {
		msgs, err = tx.ListServiceMessages(s.Now(), maxMessageListed)
		return err
	})
	if err != nil {
		return nil, err
	}
	views, err := s.messageViews(ctx, p, tenantID)
	out := make([]UserMessage, len(msgs))
	for i, m := range msgs {
		out[i] = UserMessage{ServiceMessage: m, View: views[m.ID]}
		out[i].View.MessageID = m.ID
	}
	return out, err
}

// ServiceMessage returns one post with the caller's state of it.
func (s *Service) ServiceMessage(ctx context.Context, tenantID, id string) (UserMessage, error) {
	var um UserMessage
	p, err := s.authorize(ctx, authz.HealthRead, tenantID)
	if err != nil {
		return um, err
	}
	err = s.store.ViewDeployment(ctx, func(tx DeploymentTx) (err error) {
		um.ServiceMessage, err = tx.GetServiceMessage(strings.ToUpper(id))
		return err
	})
	if err != nil {
		return um, err
	}
	views, err := s.messageViews(ctx, p, tenantID)
	um.View = views[um.ID]
	um.View.MessageID = um.ID
	return um, err
}

// messageViews returns the caller's message states; none for a caller
// without a user (the operator).
func (s *Service) messageViews(ctx context.Context, p authz.Principal, tenantID string) (map[string]MessageView, error) {
	var views map[string]MessageView
	if p.UserID == "" {
		return views, nil
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		views, err = tx.MessageViews(p.UserID)
		return err
	})
	return views, err
}

// MarkMessages applies one of MessageActions to the caller's state of
// the messages ids. The state is the user's own, so it is not audited.
func (s *Service) MarkMessages(ctx context.Context, tenantID, action string, ids []string) error {
	p, err := s.authorize(ctx, authz.HealthRead, tenantID)
	if err != nil {
		return err
	}
	if p.UserID == "" {
		return Invalid("", "Message states belong to a user; call this with a user's token.")
	}
	if err := oneOf("action", action, MessageActions); err != nil {
		return err
	}
	if len(ids) == 0 || len(ids) > maxMarkMessages {
		return Invalid("messageIds", "Property 'messageIds' must list 1 to %d message ids.", maxMarkMessages)
	}
	canon := make([]string, 0, len(ids))
	err = s.store.ViewDeployment(ctx, func(tx DeploymentTx) error {
		for _, id := range ids {
			m, err := tx.GetServiceMessage(strings.ToUpper(strings.TrimSpace(id)))
			if KindOf(err) == KindNotFound {
				return Invalid("messageIds", "Message '%s' does not exist.", id)
			} else if err != nil {
				return err
			}
			if !slices.Contains(canon, m.ID) {
				canon = append(canon, m.ID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		views, err := tx.MessageViews(p.UserID)
		if err != nil {
			return err
		}
		for _, id := range canon {
			v := views[id]
			v.MessageID = id
			v.apply(action)
			if err := tx.PutMessageView(p.UserID, &v); err != nil {
				return err
			}
		}
		return nil
	})
}

package directory

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// IssueInput is a new health issue.
type IssueInput struct {
	Service, Title, ImpactDescription, Classification, Status, Feature string
	Post                                                               string // optional first post
}

// IssueChange changes an open issue; nil fields stay, a non-empty Post is
// added.
type IssueChange struct {
	Title, ImpactDescription, Classification, Status *string
	Post                                             string
}

// MessageInput is a new message center post.
type MessageInput struct {
	Title, Category, Severity, Body string
	Services, Tags                  []string
	IsMajorChange                   bool
	ActBy, End                      time.Time // optional
}

// operatorOnly refuses everyone but the deployment operator: health
// issues and messages are published for every tenant.
func operatorOnly(ctx context.Context) error {
	if p, _ := authz.FromContext(ctx); !p.Operator {
		return Denied(nil)
	}
	return nil
}

// apply validates c and applies it to is at now.
func (c IssueChange) apply(is *HealthIssue, now time.Time) error {
	var err error
	if c.Title != nil {
		if is.Title, err = oneLine("title", *c.Title, maxHealthTitle); err != nil {
			return err
		}
	}
	if c.ImpactDescription != nil {
		if is.ImpactDescription, err = checkText("impactDescription", *c.ImpactDescription, 1000); err != nil {
			return err
		}
	}
	if c.Classification != nil {
		if err := oneOf("classification", *c.Classification, IssueClassifications); err != nil {
			return err
		}
		is.Classification = *c.Classification
	}
	if c.Status != nil {
		if err := oneOf("status", *c.Status, openStatuses); err != nil {
			return err
		}
		is.Status = *c.Status
	}
	if post, err := optional("post", c.Post, maxHealthText); err != nil {
		return err
	} else if post != "" {
		is.Posts = append(is.Posts, IssuePost{At: now, Type: "regular", Text: post})
	}
	is.UpdatedAt = now
	return nil
}

// CreateHealthIssue publishes an issue of one service; its status shows on
// that service's health at once.
func (s *Service) CreateHealthIssue(ctx context.Context, in IssueInput) (HealthIssue, error) {
	if err := operatorOnly(ctx); err != nil {
		return HealthIssue{}, err
	}
	hs, ok := LookupHealthService(in.Service)
	if !ok {
		return HealthIssue{}, Invalid("service", "Unknown service '%s'; use one of the service health ids, such as AtriumMail.", in.Service)
	}
	now := s.Now()
	is := HealthIssue{Service: hs.ID, StartAt: now}
	feature, err := optional("feature", in.Feature, 128)
	if err != nil {
		return is, err
	}
	is.Feature = feature
	c := IssueChange{Title: &in.Title, ImpactDescription: &in.ImpactDescription, Classification: &in.Classification, Status: &in.Status, Post: in.Post}
	if err := c.apply(&is, now); err != nil {
		return is, err
	}
	err = s.store.UpdateDeployment(ctx, func(tx DeploymentTx) error {
		n, err := tx.NextNumber("issue")
		if err != nil {
			return err
		}
		is.ID = healthID(hs.code, n)
		return tx.CreateHealthIssue(&is)
	})
	return is, err
}

// UpdateHealthIssue changes an open issue and adds a post.
func (s *Service) UpdateHealthIssue(ctx context.Context, id string, c IssueChange) (HealthIssue, error) {
	return s.changeIssue(ctx, id, func(is *HealthIssue, now time.Time) error {
		if c.Title == nil && c.ImpactDescription == nil && c.Classification == nil && c.Status == nil && strings.TrimSpace(c.Post) == "" {
			return Invalid("", "Nothing to change: give a new status, title, impact, classification or a post.")
		}
		return c.apply(is, now)
	})
}

// ResolveHealthIssue ends an issue with one of ResolvedStatuses.
func (s *Service) ResolveHealthIssue(ctx context.Context, id, status, post string) (HealthIssue, error) {
	return s.changeIssue(ctx, id, func(is *HealthIssue, now time.Time) error {
		if err := oneOf("status", status, ResolvedStatuses); err != nil {
			return err
		}
		if err := (IssueChange{Post: post}).apply(is, now); err != nil {
			return err
		}
		is.Status, is.IsResolved, is.EndAt = status, true, now
		return nil
	})
}

func (s *Service) changeIssue(ctx context.Context, id string, change func(*HealthIssue, time.Time) error) (HealthIssue, error) {
	var is HealthIssue
	if err := operatorOnly(ctx); err != nil {
		return is, err
	}
	err := s.store.UpdateDeployment(ctx, func(tx DeploymentTx) (err error) {
		if is, err = tx.GetHealthIssue(strings.ToUpper(id)); err != nil {
			return err
		}
		if is.IsResolved {
			return Invalid("status", "Issue %s is resolved already; publish a new issue.", is.ID)
		}
		if err := change(&is, s.Now()); err != nil {
			return err
		}
		return tx.UpdateHealthIssue(&is)
	})
	return is, err
}

// PostServiceMessage publishes a message center post to every tenant.
func (s *Service) PostServiceMessage(ctx context.Context, in MessageInput) (ServiceMessage, error) {
	var m ServiceMessage
	if err := operatorOnly(ctx); err != nil {
		return m, err
	}
	var err error
	if m.Title, err = oneLine("title", in.Title, maxHealthTitle); err != nil {
		return m, err
	}
	if m.Body, err = checkText("body", in.Body, maxHealthText); err != nil {
		return m, err
	}
	m.Category, m.Severity = orDefault(in.Category, "stayInformed"), orDefault(in.Severity, "normal")
	if err := oneOf("category", m.Category, MessageCategories); err != nil {
		return m, err
	}
	if err := oneOf("severity", m.Severity, SupportSeverities); err != nil {
		return m, err
	}
	if len(in.Services) == 0 {
		return m, Invalid("services", "Name at least one service the message is about.")
	}
	for _, name := range in.Services {
		hs, ok := LookupHealthService(strings.TrimSpace(name))
		if !ok {
			return m, Invalid("services", "Unknown service '%s'; use a service health id or name, such as AtriumMail.", name)
		}
		if !slices.Contains(m.Services, hs.Name) {
			m.Services = append(m.Services, hs.Name)
		}
	}
	if m.Tags, err = checkTags(in.Tags); err != nil {
		return m, err
	}
	m.StartAt = s.Now()
	m.UpdatedAt, m.IsMajorChange, m.ActBy, m.EndAt = m.StartAt, in.IsMajorChange, in.ActBy.UTC(), in.End.UTC()
	if !in.End.IsZero() && !m.EndAt.After(m.StartAt) {
		return m, Invalid("endDateTime", "The end must be in the future.")
	}
	err = s.store.UpdateDeployment(ctx, func(tx DeploymentTx) error {
		n, err := tx.NextNumber("message")
		if err != nil {
			return err
		}
		m.ID = healthID("MC", n)
		return tx.CreateServiceMessage(&m)
	})
	return m, err
}

package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
)

// SessionProfile is what a browser session shows about its user besides
// the principal: the organization's name and the language to speak.
type SessionProfile struct {
	TenantName string
	// Language is the user's preferred language, else the organization's;
	// empty when neither is set.
	Language string
}

// GetSessionProfile returns the session profile of the calling user in
// tenantID. Every member may read it (it holds only the caller's own
// language and their organization's name); an app or another tenant's
// principal may not.
func (s *Service) GetSessionProfile(ctx context.Context, tenantID string) (SessionProfile, error) {
	var sp SessionProfile
	p, err := s.authorize(ctx, authz.OrgRead, tenantID)
	if err != nil {
		return sp, err
	}
	if p.UserID == "" {
		return sp, &Error{Kind: KindInvalid, Message: "A session profile belongs to a signed-in user."}
	}
	err = s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		u, err := tx.GetUser(p.UserID)
		if err != nil {
			return err
		}
		sp = SessionProfile{TenantName: t.Org.DisplayName, Language: u.PreferredLanguage}
		if sp.Language == "" {
			sp.Language = t.Org.PreferredLanguage
		}
		return nil
	})
	return sp, err
}

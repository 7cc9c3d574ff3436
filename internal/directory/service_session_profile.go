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
		sp.TenantName = t.Org.DisplayName
		if p.Partner != nil { // a partner's user acting here: the language is their own
			if sp.Language, err = s.homeLanguage(ctx, p); err != nil {
				return err
			}
		} else {
			u, err := tx.GetUser(p.UserID)
			if err != nil {
				return err
			}
			sp.Language = u.PreferredLanguage
		}
		if sp.Language == "" {
			sp.Language = t.Org.PreferredLanguage
		}
		return nil
	})
	return sp, err
}

// homeLanguage is the preferred language of a partner's user acting in a
// customer, else their own organization's.
func (s *Service) homeLanguage(ctx context.Context, p authz.Principal) (string, error) {
	lang := ""
	err := s.store.View(ctx, p.HomeTenant(), func(tx Tx) error {
		u, err := tx.GetUser(p.UserID)
		if err != nil {
			return err
		}
		t, err := tx.Tenant()
		lang = u.PreferredLanguage
		if lang == "" {
			lang = t.Org.PreferredLanguage
		}
		return err
	})
	return lang, err
}

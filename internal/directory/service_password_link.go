package directory

import (
	"context"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// InspectPasswordLink tells the set-password page whose account a link is
// for; anyone holding the link may ask.
func (s *Service) InspectPasswordLink(ctx context.Context, token string) (LinkInfo, error) {
	var info LinkInfo
	tenantID, hash, ok := splitLinkToken(token)
	if !ok {
		return info, ErrPasswordLink
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		u, _, err := s.openLink(tx, hash)
		if err != nil {
			return err
		}
		l, err := tx.GetPasswordLink(hash)
		info = LinkInfo{TenantID: tenantID, UserPrincipalName: u.UserPrincipalName, DisplayName: u.DisplayName, ExpiresAt: l.ExpiresAt}
		return err
	})
	if KindOf(err) == KindNotFound {
		return info, ErrPasswordLink
	}
	return info, err
}

// RedeemPasswordLink sets the user's password from a one-time link: the
// policy applies, the link is spent, other sign-ins of the user end, and
// the user signs in with it without a forced change.
func (s *Service) RedeemPasswordLink(ctx context.Context, token, newPassword, ip string) error {
	tenantID, hash, ok := splitLinkToken(token)
	if !ok {
		return ErrPasswordLink
	}
	var u User
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		var err error
		u, _, err = s.openLink(tx, hash)
		return err
	})
	if KindOf(err) == KindNotFound {
		return ErrPasswordLink
	} else if err != nil {
		return err
	}
	np, self, err := s.ownNewPassword(ctx, tenantID, &u, newPassword, ip)
	if err != nil {
		return err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		user, l, err := s.openLink(tx, hash)
		if err != nil {
			return err
		}
		l.UsedAt = s.Now()
		if err := tx.UpdatePasswordLink(&l); err != nil {
			return err
		}
		if err := setOwnPassword(tx, &user, np); err != nil {
			return err
		}
		return s.audit(ctx, tx, self, "UserManagement", "Set password with a one-time link", "Update", userTarget(&user, nil))
	})
	if KindOf(err) == KindNotFound {
		return ErrPasswordLink
	}
	return err
}

// openLink returns a link that is still valid and its active user.
func (s *Service) openLink(tx Tx, hash string) (User, PasswordLink, error) {
	l, err := tx.GetPasswordLink(hash)
	if err != nil {
		return User{}, l, err
	}
	if !l.UsedAt.IsZero() || !s.Now().Before(l.ExpiresAt) {
		return User{}, l, ErrPasswordLink
	}
	u, err := tx.GetUser(l.UserID)
	return u, l, err
}

// NewPasswordLink gives a user a new one-time link to set their password,
// replacing earlier ones; it needs the right to reset the user's password.
// The user's current password keeps working until the link is used.
func (s *Service) NewPasswordLink(ctx context.Context, tenantID, idOrUPN string) (string, time.Time, error) {
	var token string
	var expires time.Time
	p, err := s.authorize(ctx, authz.PasswordsReset, tenantID)
	if err != nil {
		return "", expires, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, idOrUPN)
		if err != nil {
			return err
		}
		if err := checkTarget(tx, p, authz.PasswordsReset, tenantID, authz.ActResetPassword, &u); err != nil {
			return err
		}
		if token, expires, err = s.issuePasswordLink(tx, tenantID, u.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Create set-password link", "Add", userTarget(&u, nil))
	})
	return token, expires, err
}

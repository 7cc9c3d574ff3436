package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
)

// RevokeSignInSessions ends every browser session of a user and revokes
// their refresh tokens, so that apps must sign them in again (Graph's
// revokeSignInSessions). It is a helpdesk task: the roles that reset
// passwords may do it, with the same target rules (only Global admins
// may for admins). People end their own sessions with "sign out
// everywhere".
func (s *Service) RevokeSignInSessions(ctx context.Context, tenantID, userID string) error {
	p, err := s.authorize(ctx, authz.PasswordsReset, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, userID)
		if err != nil {
			return err
		}
		if u.ID != p.UserID {
			if err := checkTarget(tx, p, authz.PasswordsReset, tenantID, authz.ActResetPassword, &u); err != nil {
				return err
			}
		}
		if err := endSignIns(tx, u.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Revoke sign-in sessions", "Update", userTarget(&u, nil))
	})
}

// ListMySignIns lists the caller's own sign-ins (My account → Sign-ins),
// newest first; q may narrow them further.
func (s *Service) ListMySignIns(ctx context.Context, tenantID string, q ListQuery) (Page[SignInEvent], error) {
	var page Page[SignInEvent]
	p, err := s.authorize(ctx, authz.OrgRead, tenantID)
	if err != nil {
		return page, err
	}
	if p.UserID == "" {
		return page, &Error{Kind: KindInvalid, Message: "Own sign-ins belong to a signed-in user."}
	}
	own := Compare{Prop: "userId", Op: OpEq, Value: Value{Kind: KindString, Str: p.UserID}}
	if q.Filter == nil {
		q.Filter = own
	} else {
		q.Filter = And{Left: own, Right: q.Filter}
	}
	err = s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		page, err = tx.ListSignIns(q)
		return err
	})
	return page, err
}

package directory

import (
	"context"
	"errors"
)

// The OpenID Connect provider keeps its state through these methods. They
// act for the protocol, not for an admin, so they check no permission; the
// provider checks clients, codes and tokens before it calls them.

// ErrRefreshReused reports that a refresh token was presented after it
// had been exchanged already: a sign that it was stolen. Its whole family
// is revoked.
var ErrRefreshReused = errors.New("refresh token used twice; all tokens from that sign-in are revoked")

// CreateAuthRequest stores a new authorization request.
func (s *Service) CreateAuthRequest(ctx context.Context, tenantID string, spec AuthRequestSpec) (AuthRequest, error) {
	a := AuthRequest{ID: newID(), Spec: spec, Expires: s.Now().Add(AuthRequestLifetime)}
	return a, s.store.Update(ctx, tenantID, func(tx Tx) error { return tx.CreateAuthRequest(&a) })
}

// AuthRequest returns an authorization request that has not expired.
func (s *Service) AuthRequest(ctx context.Context, tenantID, id string) (AuthRequest, error) {
	var a AuthRequest
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		a, err = tx.GetAuthRequest(id)
		return err
	})
	if err == nil && !s.Now().Before(a.Expires) {
		return a, NotFound(id)
	}
	return a, err
}

// CompleteAuthRequest records that userID signed in for the request, by
// the methods in amr ("pwd", "mfa").
func (s *Service) CompleteAuthRequest(ctx context.Context, tenantID, id, userID string, amr []string) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		a, err := tx.GetAuthRequest(id)
		if err != nil {
			return err
		}
		if a.UserID != "" && a.UserID != userID {
			return Invalid("request", "This sign-in request belongs to another user; start again.")
		}
		a.UserID, a.Spec.AuthTime, a.Spec.AMR = userID, s.Now(), amr
		return tx.UpdateAuthRequest(&a)
	})
}

// SetAuthCode records the hash of the code issued for a request.
func (s *Service) SetAuthCode(ctx context.Context, tenantID, id, codeHash string) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		a, err := tx.GetAuthRequest(id)
		if err != nil {
			return err
		}
		a.CodeHash = codeHash
		return tx.UpdateAuthRequest(&a)
	})
}

// AuthRequestByCode returns the unexpired request a code was issued for.
func (s *Service) AuthRequestByCode(ctx context.Context, tenantID, codeHash string) (AuthRequest, error) {
	var a AuthRequest
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		a, err = tx.GetAuthRequestByCode(codeHash)
		return err
	})
	if err == nil && !s.Now().Before(a.Expires) {
		return a, NotFound("code")
	}
	return a, err
}

// DeleteAuthRequest removes a request once its code is exchanged; a
// request that is gone already is not an error.
func (s *Service) DeleteAuthRequest(ctx context.Context, tenantID, id string) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := tx.DeleteAuthRequest(id); KindOf(err) != KindNotFound {
			return err
		}
		return nil
	})
}

// IssueRefreshToken stores a refresh token. With oldID set, it replaces
// that token (rotation): the old one is marked used in the same
// transaction, and a second use of it revokes the family.
func (s *Service) IssueRefreshToken(ctx context.Context, tenantID, oldID string, r *RefreshToken) error {
	now := s.Now()
	r.CreatedAt, r.ExpiresAt = now, now.Add(RefreshLifetime)
	reused := false
	err := s.store.Update(ctx, tenantID, func(tx Tx) error {
		if oldID != "" {
			old, err := tx.GetRefreshToken(oldID)
			if err != nil {
				return err
			}
			if err := tx.MarkRefreshTokenUsed(oldID, now); KindOf(err) == KindNotFound {
				reused = true
				return tx.DeleteRefreshFamily(old.FamilyID)
			} else if err != nil {
				return err
			}
			r.FamilyID = old.FamilyID
		}
		if r.FamilyID == "" {
			r.FamilyID = newID()
		}
		return tx.CreateRefreshToken(r)
	})
	if err == nil && reused {
		return ErrRefreshReused
	}
	return err
}

// RefreshToken returns a refresh token that may be exchanged: known,
// unexpired and unused. A used one revokes its family.
func (s *Service) RefreshToken(ctx context.Context, tenantID, id string) (RefreshToken, error) {
	var r RefreshToken
	reused := false
	err := s.store.Update(ctx, tenantID, func(tx Tx) (err error) {
		if r, err = tx.GetRefreshToken(id); err != nil {
			return err
		}
		if !r.UsedAt.IsZero() {
			reused = true
			return tx.DeleteRefreshFamily(r.FamilyID)
		}
		return nil
	})
	switch {
	case err != nil:
		return r, err
	case reused:
		return r, ErrRefreshReused
	case !s.Now().Before(r.ExpiresAt):
		return r, NotFound("refreshToken")
	}
	return r, nil
}

// RevokeRefreshFamily revokes a refresh token and every token rotated
// from the same sign-in.
func (s *Service) RevokeRefreshFamily(ctx context.Context, tenantID, id string) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		r, err := tx.GetRefreshToken(id)
		if err != nil {
			return err
		}
		return tx.DeleteRefreshFamily(r.FamilyID)
	})
}

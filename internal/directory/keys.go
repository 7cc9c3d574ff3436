package directory

import (
	"context"
	"errors"
	"slices"
	"time"
)

// Signing key rotation. Every tenant signs its tokens with its own key. A
// new key is published KeyOverlap before it starts signing, so that every
// replica's cache (one minute) and relying parties that fetch keys daily
// know it before the first token it signs; the old key stays published
// KeyRetireAfter longer, past the life of any token it signed (ID tokens
// one hour, access tokens at most 90 minutes).
const (
	KeyRotationPeriod = 90 * 24 * time.Hour
	KeyOverlap        = 24 * time.Hour
	KeyRetireAfter    = 24 * time.Hour
)

// activeKey is the key that signs at now: of the keys activated by now,
// the one activated last.
func activeKey(keys []SigningKey, now time.Time) (SigningKey, bool) {
	var best SigningKey
	found := false
	for _, k := range keys {
		if k.ActivatesAt.After(now) || (!k.RetiresAt.IsZero() && !k.RetiresAt.After(now)) {
			continue
		}
		if !found || k.ActivatesAt.After(best.ActivatesAt) || (k.ActivatesAt.Equal(best.ActivatesAt) && k.CreatedAt.After(best.CreatedAt)) {
			best, found = k, true
		}
	}
	return best, found
}

// publishedKeys are the keys a tenant's JWKS shows at now: the signing
// key first, then the rest, none retired.
func publishedKeys(keys []SigningKey, now time.Time) []SigningKey {
	active, ok := activeKey(keys, now)
	out := make([]SigningKey, 0, len(keys))
	if ok {
		out = append(out, active)
	}
	for _, k := range keys {
		if (k.RetiresAt.IsZero() || k.RetiresAt.After(now)) && k.KID != active.KID {
			out = append(out, k)
		}
	}
	return out
}

// ErrNoSigningKey means a tenant has no key that may sign now.
var ErrNoSigningKey = errors.New("tenant has no active signing key")

// SigningKey returns the key that signs the tenant's tokens now.
func (s *Service) SigningKey(ctx context.Context, tenantID string) (SigningKey, error) {
	var keys []SigningKey
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		keys, err = tx.SigningKeys()
		return err
	})
	if err != nil {
		return SigningKey{}, err
	}
	k, ok := activeKey(keys, s.Now())
	if !ok {
		return k, ErrNoSigningKey
	}
	return k, nil
}

// RotateSigningKey gives a tenant a new signing key. Normally the new key
// signs after KeyOverlap and the current one retires KeyRetireAfter
// later; with immediate (a key that may have leaked) the new key signs at
// once and every older key stops being published, so every token signed
// before is refused. A rotation already under way is left alone unless
// immediate. Like the purge, it acts for the operator or a job, not an
// admin.
func (s *Service) RotateSigningKey(ctx context.Context, tenantID string, immediate bool) (SigningKey, error) {
	key, err := s.newKey()
	if err != nil {
		return key, err
	}
	now := s.Now()
	key.CreatedAt, key.ActivatesAt = now, now.Add(KeyOverlap)
	if immediate {
		key.ActivatesAt = now
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		keys, err := tx.SigningKeys()
		if err != nil {
			return err
		}
		if !immediate && slices.ContainsFunc(keys, func(k SigningKey) bool { return k.ActivatesAt.After(now) }) {
			key = SigningKey{}
			return nil // a new key is waiting to sign already
		}
		for _, k := range keys {
			retire := key.ActivatesAt.Add(KeyRetireAfter)
			if immediate {
				retire = now
			}
			switch {
			case !k.RetiresAt.IsZero() && !k.RetiresAt.After(now):
				err = tx.DeleteSigningKey(k.KID) // retired: gone
			case k.RetiresAt.IsZero() || retire.Before(k.RetiresAt):
				err = tx.RetireSigningKey(k.KID, retire)
			}
			if err != nil {
				return err
			}
		}
		return tx.AddSigningKey(&key)
	})
	return key, err
}

// keyRotationBatch is how many tenants one pass of the job rotates.
const keyRotationBatch = 100

// RotateDueKeys starts a rotation in every tenant whose newest key is
// older than KeyRotationPeriod, and drops retired keys there; it returns
// how many tenants it rotated.
func (s *Service) RotateDueKeys(ctx context.Context) (int, error) {
	total := 0
	for ctx.Err() == nil {
		ids, err := s.store.TenantsDueForKeyRotation(ctx, s.Now().Add(-KeyRotationPeriod), keyRotationBatch)
		if err != nil {
			return total, err
		}
		for _, id := range ids {
			if _, err := s.RotateSigningKey(ctx, id, false); err != nil {
				return total, err
			}
		}
		total += len(ids)
		if len(ids) < keyRotationBatch {
			break
		}
	}
	return total, nil
}

// PurgeOIDC deletes expired authorization requests and refresh tokens in
// every tenant (a background job).
func (s *Service) PurgeOIDC(ctx context.Context) (int, error) {
	return s.store.PurgeOIDC(ctx, s.Now())
}

package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

// testOIDC checks the provider's state: authorization requests found by id
// and by code hash, refresh tokens used once, families revoked together,
// and none of it visible from another tenant.
func testOIDC(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	u := f.addUser("u", "U")
	at := time.Date(2026, 3, 1, 8, 0, 0, 123456000, time.UTC)
	a := directory.AuthRequest{ID: uuid.NewString(), Expires: at, Spec: directory.AuthRequestSpec{ClientID: "c", RedirectURI: "https://app.example/cb",
		Scopes: []string{"openid", "profile"}, State: "s", Nonce: "n", CodeChallenge: "x", CodeChallengeMethod: "S256"}}
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateAuthRequest(&a) })
	a.UserID, a.CodeHash, a.Spec.AuthTime, a.Spec.AMR = u.ID, "hash-1", at, []string{"pwd"}
	f.mustUpdate(func(tx directory.Tx) error { return tx.UpdateAuthRequest(&a) })
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetAuthRequestByCode("hash-1")
		if err != nil || got.ID != a.ID || got.UserID != u.ID || !got.Expires.Equal(at) || !got.Spec.AuthTime.Equal(at) || got.Spec.Scopes[1] != "profile" {
			t.Errorf("GetAuthRequestByCode = %+v, %v", got, err)
		}
		if _, err := tx.GetAuthRequestByCode(""); directory.KindOf(err) != directory.KindNotFound {
			t.Errorf("an empty code hash finds %v", err)
		}
		return nil
	})
	other.view(func(tx directory.Tx) error {
		if _, err := tx.GetAuthRequest(a.ID); directory.KindOf(err) != directory.KindNotFound {
			t.Errorf("another tenant reads the auth request: %v", err)
		}
		if _, err := tx.GetAuthRequestByCode("hash-1"); directory.KindOf(err) != directory.KindNotFound {
			t.Errorf("another tenant finds the code: %v", err)
		}
		return nil
	})
	if err := other.update(func(tx directory.Tx) error { return tx.DeleteAuthRequest(a.ID) }); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("another tenant deletes the auth request: %v", err)
	}
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteAuthRequest(a.ID) })

	family := uuid.NewString()
	r1 := directory.RefreshToken{ID: "rt-1", FamilyID: family, UserID: u.ID, ClientID: "c", CreatedAt: at, ExpiresAt: at.Add(time.Hour),
		Spec: directory.RefreshSpec{Scopes: []string{"openid", "offline_access"}, AuthTime: at, AMR: []string{"pwd", "mfa"}}}
	r2 := r1
	r2.ID = "rt-2"
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateRefreshToken(&r1) })
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateRefreshToken(&r2) })
	if err := other.update(func(tx directory.Tx) error { return tx.MarkRefreshTokenUsed("rt-1", at) }); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("another tenant uses the refresh token: %v", err)
	}
	f.mustUpdate(func(tx directory.Tx) error { return tx.MarkRefreshTokenUsed("rt-1", at) })
	if err := f.update(func(tx directory.Tx) error { return tx.MarkRefreshTokenUsed("rt-1", at) }); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("a used refresh token is used again: %v", err)
	}
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetRefreshToken("rt-1")
		if err != nil || !got.UsedAt.Equal(at) || got.FamilyID != family || len(got.Spec.AMR) != 2 || !got.ExpiresAt.Equal(at.Add(time.Hour)) {
			t.Errorf("GetRefreshToken = %+v, %v", got, err)
		}
		return nil
	})
	other.mustUpdate(func(tx directory.Tx) error { return tx.DeleteRefreshFamily(family) })
	other.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUserRefreshTokens(u.ID) })
	f.view(func(tx directory.Tx) error {
		if _, err := tx.GetRefreshToken("rt-2"); err != nil {
			t.Errorf("another tenant's deletes reached this tenant: %v", err)
		}
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteRefreshFamily(family) })
	f.view(func(tx directory.Tx) error {
		if _, err := tx.GetRefreshToken("rt-2"); directory.KindOf(err) != directory.KindNotFound {
			t.Errorf("the family was not revoked: %v", err)
		}
		return nil
	})
}

// testKeysAndPurge checks key retirement and deletion per tenant, the
// rotation query, and the purge of expired OpenID Connect state.
func testKeysAndPurge(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	long := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) // older than every other test's keys
	k := directory.SigningKey{KID: "kid-" + uuid.NewString(), PrivatePEM: []byte("pem"), CreatedAt: long, ActivatesAt: long.Add(time.Hour)}
	f.mustUpdate(func(tx directory.Tx) error { return tx.AddSigningKey(&k) })
	if err := other.update(func(tx directory.Tx) error { return tx.RetireSigningKey(k.KID, long) }); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("another tenant retires the key: %v", err)
	}
	if err := other.update(func(tx directory.Tx) error { return tx.DeleteSigningKey(k.KID) }); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("another tenant deletes the key: %v", err)
	}
	f.mustUpdate(func(tx directory.Tx) error { return tx.RetireSigningKey(k.KID, long.Add(2*time.Hour)) })
	f.view(func(tx directory.Tx) error {
		keys, err := tx.SigningKeys()
		for _, got := range keys {
			if got.KID == k.KID && (!got.ActivatesAt.Equal(k.ActivatesAt) || !got.RetiresAt.Equal(long.Add(2*time.Hour))) {
				t.Errorf("key times: %+v", got)
			}
		}
		return err
	})
	// Tenants whose newest key predates the cutoff; fixtures get no key,
	// so f is due only through the key above.
	due, err := s.TenantsDueForKeyRotation(ctx, long.Add(time.Minute), 1000)
	if err != nil || !slices.Contains(due, f.id) || slices.Contains(due, other.id) {
		t.Errorf("due tenants %v (%v): want %s", due, err, f.id)
	}
	later := directory.SigningKey{KID: "kid-" + uuid.NewString(), PrivatePEM: []byte("pem"), CreatedAt: long.Add(time.Hour)}
	f.mustUpdate(func(tx directory.Tx) error { return tx.AddSigningKey(&later) })
	if due, _ := s.TenantsDueForKeyRotation(ctx, long.Add(time.Minute), 1000); slices.Contains(due, f.id) {
		t.Error("a tenant with a newer key is still due")
	}
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteSigningKey(k.KID) })

	// The purge removes what expired, and only that.
	now := time.Now().UTC()
	gone := directory.AuthRequest{ID: uuid.NewString(), Expires: now.Add(-time.Minute)}
	kept := directory.AuthRequest{ID: uuid.NewString(), Expires: now.Add(time.Hour)}
	old := directory.RefreshToken{ID: "old-" + uuid.NewString(), FamilyID: "f", UserID: "u", ClientID: "c", CreatedAt: now, ExpiresAt: now.Add(-time.Minute)}
	live := directory.RefreshToken{ID: "live-" + uuid.NewString(), FamilyID: "f", UserID: "u", ClientID: "c", CreatedAt: now, ExpiresAt: now.Add(time.Hour), UsedAt: now}
	f.mustUpdate(func(tx directory.Tx) error {
		for _, a := range []*directory.AuthRequest{&gone, &kept} {
			if err := tx.CreateAuthRequest(a); err != nil {
				return err
			}
		}
		if err := tx.CreateRefreshToken(&old); err != nil {
			return err
		}
		return tx.CreateRefreshToken(&live)
	})
	if n, err := s.PurgeOIDC(ctx, now); err != nil || n < 2 {
		t.Errorf("purge: %d %v", n, err)
	}
	f.view(func(tx directory.Tx) error {
		if _, err := tx.GetAuthRequest(gone.ID); directory.KindOf(err) != directory.KindNotFound {
			t.Errorf("an expired auth request survived: %v", err)
		}
		if _, err := tx.GetAuthRequest(kept.ID); err != nil {
			t.Errorf("a live auth request was purged: %v", err)
		}
		if _, err := tx.GetRefreshToken(old.ID); directory.KindOf(err) != directory.KindNotFound {
			t.Errorf("an expired refresh token survived: %v", err)
		}
		if _, err := tx.GetRefreshToken(live.ID); err != nil {
			t.Errorf("a used but unexpired refresh token was purged (reuse detection needs it): %v", err)
		}
		return nil
	})
}

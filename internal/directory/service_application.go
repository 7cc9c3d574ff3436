package directory

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/google/uuid"
)

// ListApplications returns the tenant's app registrations.
func (s *Service) ListApplications(ctx context.Context, tenantID string) ([]Application, error) {
	var out []Application
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		out, err = tx.ListApplications()
		return err
	})
	return out, err
}

// GetApplication returns one app registration by object id or client id.
func (s *Service) GetApplication(ctx context.Context, tenantID, id string) (Application, error) {
	var a Application
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return a, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		a, err = getApplication(tx, id)
		return err
	})
	return a, err
}

func getApplication(tx Tx, id string) (Application, error) {
	if _, err := uuid.Parse(id); err != nil {
		return Application{}, NotFound(id)
	}
	return tx.GetApplication(strings.ToLower(id))
}

// CreateApplication registers an application; its client id is new.
func (s *Service) CreateApplication(ctx context.Context, tenantID string, in AppInput) (Application, error) {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return Application{}, err
	}
	if in.DisplayName == nil {
		return Application{}, Invalid("displayName", "displayName is required.")
	}
	a := Application{ID: newID(), AppID: newID(), CreatedAt: s.Now()}
	if err := in.apply(&a); err != nil {
		return Application{}, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := tx.CreateApplication(&a); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "ApplicationManagement", "Add application", "Add", appTarget(&a))
	})
	return a, err
}

// UpdateApplication changes an app registration's name and redirect URIs.
func (s *Service) UpdateApplication(ctx context.Context, tenantID, id string, in AppInput) (Application, error) {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return Application{}, err
	}
	var a Application
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if a, err = getApplication(tx, id); err != nil {
			return err
		}
		old := a
		if err := in.apply(&a); err != nil {
			return err
		}
		if err := tx.UpdateApplication(&a); err != nil {
			return err
		}
		t := appTarget(&a)
		t.ModifiedProperties = appChanges(&old, &a)
		return s.audit(ctx, tx, p, "ApplicationManagement", "Update application", "Update", t)
	})
	return a, err
}

// DeleteApplication removes an app registration and its secrets.
func (s *Service) DeleteApplication(ctx context.Context, tenantID, id string) error {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		a, err := getApplication(tx, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteApplication(a.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "ApplicationManagement", "Delete application", "Delete", appTarget(&a))
	})
}

// AddAppSecret adds a client secret to an application and returns it with
// its value, which is never available again. A zero end means the longest
// lifetime allowed.
func (s *Service) AddAppSecret(ctx context.Context, tenantID, id, displayName string, end time.Time) (AppSecret, string, error) {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return AppSecret{}, "", err
	}
	now := s.Now()
	if end.IsZero() {
		end = now.Add(maxSecretLifetime)
	}
	switch {
	case !end.After(now):
		return AppSecret{}, "", Invalid("endDateTime", "endDateTime must lie in the future.")
	case end.Sub(now) > maxSecretLifetime:
		return AppSecret{}, "", Invalid("endDateTime", "A client secret can live at most 24 months; pick an earlier endDateTime.")
	}
	displayName = strings.TrimSpace(displayName)
	if utf8.RuneCountInString(displayName) > 256 || strings.ContainsFunc(displayName, isControl) {
		return AppSecret{}, "", Invalid("displayName", "displayName can be at most 256 characters, without control characters.")
	}
	value := newClientSecret()
	sec := AppSecret{KeyID: newID(), DisplayName: displayName, Hint: value[:3], Hash: clientSecretHash(value), StartAt: now, EndAt: end}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		a, err := getApplication(tx, id)
		if err != nil {
			return err
		}
		if len(a.Secrets) >= maxAppSecrets {
			return Invalid("passwordCredential", "An application can have at most %d client secrets; remove one you no longer use first.", maxAppSecrets)
		}
		if err := tx.AddAppSecret(a.ID, &sec); err != nil {
			return err
		}
		t := appTarget(&a)
		t.ModifiedProperties = []ModifiedProperty{{Name: "KeyDescription", New: "[KeyIdentifier=" + sec.KeyID + ",KeyType=Password,DisplayName=" + displayName + "]"}}
		return s.audit(ctx, tx, p, "ApplicationManagement", "Update application – Certificates and secrets management", "Update", t)
	})
	if err != nil {
		return AppSecret{}, "", err
	}
	return sec, value, nil
}

// RemoveAppSecret removes one of an application's client secrets.
func (s *Service) RemoveAppSecret(ctx context.Context, tenantID, id, keyID string) error {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		a, err := getApplication(tx, id)
		if err != nil {
			return err
		}
		if err := tx.RemoveAppSecret(a.ID, strings.ToLower(keyID)); err != nil {
			if KindOf(err) == KindNotFound {
				return Invalid("keyId", "The application has no client secret with keyId %s.", keyID)
			}
			return err
		}
		t := appTarget(&a)
		t.ModifiedProperties = []ModifiedProperty{{Name: "KeyDescription", Old: "[KeyIdentifier=" + keyID + ",KeyType=Password]"}}
		return s.audit(ctx, tx, p, "ApplicationManagement", "Update application – Certificates and secrets management", "Update", t)
	})
}

func appTarget(a *Application) AuditTarget {
	return AuditTarget{ID: a.ID, DisplayName: a.DisplayName, Type: "Application"}
}

func appChanges(old, cur *Application) []ModifiedProperty {
	var out []ModifiedProperty
	add := func(name, o, n string) {
		if o != n {
			out = append(out, ModifiedProperty{Name: name, Old: o, New: n})
		}
	}
	add("DisplayName", old.DisplayName, cur.DisplayName)
	add("WebRedirectUris", strings.Join(old.Spec.WebRedirectURIs, " "), strings.Join(cur.Spec.WebRedirectURIs, " "))
	add("SpaRedirectUris", strings.Join(old.Spec.SPARedirectURIs, " "), strings.Join(cur.Spec.SPARedirectURIs, " "))
	add("PublicClientRedirectUris", strings.Join(old.Spec.PublicRedirectURIs, " "), strings.Join(cur.Spec.PublicRedirectURIs, " "))
	add("IsFallbackPublicClient", strconv.FormatBool(old.Spec.IsFallbackPublicClient), strconv.FormatBool(cur.Spec.IsFallbackPublicClient))
	add("AppPermissions", strings.Join(old.Spec.AppPermissions, " "), strings.Join(cur.Spec.AppPermissions, " "))
	return out
}

// secretAlphabet is the alphabet of client secrets: 64 characters, so
// each random byte maps to one without bias.
const secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"

// newClientSecret returns 40 random characters (240 bits).
func newClientSecret() string {
	b := make([]byte, 40)
	rand.Read(b)
	for i := range b {
		b[i] = secretAlphabet[b[i]&63]
	}
	return string(b)
}

// clientSecretHash is the stored form of a client secret. A fast hash is
// enough: the secret has about 240 random bits, so unlike a password it
// can't be guessed from its hash, and checking it stays cheap per token
// request.
func clientSecretHash(secret string) string {
	sum := sha256.Sum256([]byte("atrium client secret\x00" + secret))
	return hex.EncodeToString(sum[:])
}

// ClientApplication returns the app registration with client id appID, for
// the OpenID Connect provider (which acts for no admin).
func (s *Service) ClientApplication(ctx context.Context, tenantID, appID string) (Application, error) {
	var a Application
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		a, err = getApplication(tx, appID)
		return err
	})
	if err == nil && a.AppID != strings.ToLower(appID) {
		return Application{}, NotFound(appID) // found by object id; clients name themselves by client id
	}
	return a, err
}

// ErrBadClientSecret is returned for a wrong or expired client secret.
var ErrBadClientSecret = errors.New("invalid client secret")

// CheckClientSecret checks a client secret against an application's
// unexpired secrets, in constant time for each.
func (s *Service) CheckClientSecret(a *Application, secret string) error {
	want := []byte(clientSecretHash(secret))
	now, ok := s.Now(), 0
	for _, sec := range a.Secrets {
		if subtle.ConstantTimeCompare([]byte(sec.Hash), want) == 1 && now.Before(sec.EndAt) {
			ok++
		}
	}
	if ok == 0 {
		return ErrBadClientSecret
	}
	return nil
}

// LoadAppPrincipal builds the principal of an application acting on its
// own from the current directory state (by object id), so that deleting
// the app or removing a permission takes effect on the next request.
func (s *Service) LoadAppPrincipal(ctx context.Context, tenantID, objectID string) (authz.Principal, error) {
	var a Application
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		a, err = getApplication(tx, objectID)
		return err
	})
	if err != nil {
		return authz.Principal{}, err
	}
	return authz.Principal{TenantID: tenantID, AppID: a.AppID, AppObjectID: a.ID, DisplayName: a.DisplayName,
		AppPermissions: a.Spec.AppPermissions}, nil
}

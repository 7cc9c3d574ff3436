package directory

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"
)

// PasswordLinkTTL is how long a set-password link stays valid.
const PasswordLinkTTL = 7 * 24 * time.Hour

// PasswordLink is a one-time link that lets a user set their own password
// (issue 6: the safe default for delivering a new account). The link's
// token is "<tenant id>.<secret>"; only the secret's hash is stored.
type PasswordLink struct {
	TokenHash string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    time.Time // zero until used
}

// LinkInfo is what the set-password page shows before the user chooses a
// password.
type LinkInfo struct {
	TenantID          string
	UserPrincipalName string
	DisplayName       string
	ExpiresAt         time.Time
}

// ErrPasswordLink is the one answer to a link that is unknown, used,
// expired or whose user is gone, so a guess learns nothing.
var ErrPasswordLink = &Error{Kind: KindInvalid, Field: "token", Code: "InvalidLink",
	Message: "This link to set a password is not valid: it may have expired or been used already. Ask your admin for a new one."}

// issuePasswordLink makes a new one-time link for a user in tx, replacing
// any earlier link of theirs, and returns its token.
func (s *Service) issuePasswordLink(tx Tx, tenantID, userID string) (string, time.Time, error) {
	token, l, err := s.newPasswordLink(tenantID, userID)
	if err != nil {
		return "", time.Time{}, err
	}
	if err := tx.DeletePasswordLinks(userID); err != nil {
		return "", time.Time{}, err
	}
	if err := tx.CreatePasswordLink(&l); err != nil {
		return "", time.Time{}, err
	}
	return token, l.ExpiresAt, nil
}

// newPasswordLink makes a link for a user without storing it, and returns
// its token.
func (s *Service) newPasswordLink(tenantID, userID string) (string, PasswordLink, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", PasswordLink{}, err
	}
	secret := base64.RawURLEncoding.EncodeToString(b)
	now := s.Now()
	l := PasswordLink{TokenHash: linkHash(secret), UserID: userID, CreatedAt: now, ExpiresAt: now.Add(PasswordLinkTTL)}
	return tenantID + "." + secret, l, nil
}

// PasswordLinkURL is the address a one-time set-password link opens on
// the server at publicURL: the token travels in the fragment, so it never
// reaches a server log or a Referer header.
func PasswordLinkURL(publicURL, token string) string { return publicURL + "/set-password#" + token }

// splitLinkToken returns the tenant and the secret's hash of a token.
func splitLinkToken(token string) (tenantID, hash string, ok bool) {
	tenantID, secret, ok := strings.Cut(token, ".")
	if !ok || tenantID == "" || len(secret) != 43 {
		return "", "", false
	}
	return tenantID, linkHash(secret), true
}

func linkHash(secret string) string {
	sum := sha256.Sum256([]byte("atrium password link\x00" + secret))
	return hex.EncodeToString(sum[:])
}

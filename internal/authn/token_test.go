package authn_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

const base = "https://atrium.test"

type fixture struct {
	svc    *directory.Service
	tokens *authn.Tokens
	tenant directory.CreatedTenant
	now    time.Time
}

func setup(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{now: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	clock := func() time.Time { return f.now }
	svc := directory.NewService(directory.Config{Store: testdb.SQLite(t), PlatformDomain: "atrium.test",
		NewSigningKey: authn.NewSigningKey, Hasher: password.Hasher{Params: password.Params{Memory: 1024, Time: 1, Threads: 1}}, Now: clock})
	var err error
	f.tenant, err = svc.CreateTenant(authz.WithPrincipal(context.Background(), authz.Operator), directory.NewTenant{
		Name: "Org", DomainPrefix: "org", AdminUsername: "admin", AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	f.svc, f.tokens = svc, authn.NewTokens(svc, base, clock)
	return f
}

func (f *fixture) mint(t *testing.T, ttl time.Duration) string {
	t.Helper()
	tok, err := f.tokens.Mint(context.Background(), f.tenant.TenantID, f.tenant.AdminID, ttl, "test")
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestMintAndVerify(t *testing.T) {
	f := setup(t)
	c, err := f.tokens.Verify(context.Background(), f.mint(t, time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if c.TenantID != f.tenant.TenantID || c.ObjectID != f.tenant.AdminID || c.UPN != f.tenant.AdminUPN || c.Version != "2.0" ||
		c.Issuer != base+"/"+f.tenant.TenantID+"/v2.0" || len(c.WIDs) != 1 || c.WIDs[0] != authz.GlobalAdmin.TemplateID {
		t.Errorf("claims = %+v", c)
	}
	if c.Expiry.Time().Sub(f.now) != time.Hour {
		t.Errorf("expiry %v", c.Expiry.Time())
	}
}

func TestVerifyRefuses(t *testing.T) {
	f := setup(t)
	good := f.mint(t, time.Hour)
	parts := strings.Split(good, ".")
	enc := base64.RawURLEncoding
	header := func(h string) string { return enc.EncodeToString([]byte(h)) }

	// A token signed by a key the tenant never published.
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	signer, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: other}, (&jose.SignerOptions{}).WithType("JWT"))
	c, _ := f.tokens.Verify(context.Background(), good)
	foreign, _ := jwt.Signed(signer).Claims(c).Serialize()

	cases := map[string]string{
		"alg none":        header(`{"alg":"none","typ":"JWT"}`) + "." + parts[1] + ".",
		"HS256 confusion": header(`{"alg":"HS256","typ":"JWT"}`) + "." + parts[1] + "." + parts[2],
		"foreign key":     foreign,
		"not a JWT":       "abc",
		"payload swapped": parts[0] + "." + enc.EncodeToString([]byte(`{"tid":"`+f.tenant.TenantID+`","oid":"x"}`)) + "." + parts[2],
		"unknown tenant":  parts[0] + "." + enc.EncodeToString([]byte(`{"tid":"00000000-0000-0000-0000-000000000000"}`)) + "." + parts[2],
		"empty":           "",
	}
	for name, tok := range cases {
		if _, err := f.tokens.Verify(context.Background(), tok); err == nil {
			t.Errorf("%s: verified", name)
		}
	}

	// Lifetime is checked against the service clock, with 30 s of leeway.
	f.now = f.now.Add(time.Hour + 10*time.Second)
	if _, err := f.tokens.Verify(context.Background(), good); err != nil {
		t.Errorf("within leeway: %v", err)
	}
	f.now = f.now.Add(time.Minute)
	if _, err := f.tokens.Verify(context.Background(), good); err == nil || !strings.Contains(err.Error(), "expired") {
		t.Errorf("expired: %v", err)
	}
}

// TestOtherDeployment checks that a token from a deployment with another
// public URL (issuer and audience) is refused even with the same keys.
func TestOtherDeployment(t *testing.T) {
	f := setup(t)
	elsewhere := authn.NewTokens(f.svc, "https://other.example", func() time.Time { return f.now })
	tok, err := elsewhere.Mint(context.Background(), f.tenant.TenantID, f.tenant.AdminID, time.Hour, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.tokens.Verify(context.Background(), tok); err == nil || !strings.Contains(err.Error(), "--public-url") {
		t.Errorf("token of another deployment: %v", err)
	}
}

func TestJWKS(t *testing.T) {
	f := setup(t)
	set, err := f.tokens.JWKS(context.Background(), f.tenant.TenantID)
	if err != nil || len(set.Keys) != 1 {
		t.Fatalf("JWKS: %v, %v", set, err)
	}
	k := set.Keys[0]
	if !k.IsPublic() || k.Algorithm != "RS256" || k.Use != "sig" || k.KeyID == "" {
		t.Errorf("JWK = %+v", k)
	}
	if _, err := f.tokens.JWKS(context.Background(), "00000000-0000-0000-0000-000000000000"); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("JWKS of unknown tenant: %v", err)
	}
}

// TestKeyRotationOverlap: a token signed before a rotation verifies while
// the old key is published and is refused once it retires; tokens minted
// after the overlap carry the new key's id. An immediate rotation refuses
// every older token at once (after the one-minute key cache).
func TestKeyRotationOverlap(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	old := f.mint(t, 72*time.Hour)
	next, err := f.svc.RotateSigningKey(ctx, f.tenant.TenantID, false)
	if err != nil {
		t.Fatal(err)
	}
	kid := func(raw string) string {
		tok, err := jwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
		if err != nil {
			t.Fatal(err)
		}
		return tok.Headers[0].KeyID
	}
	if kid(f.mint(t, time.Hour)) == next.KID {
		t.Fatal("the new key signs before the overlap ends")
	}
	f.now = f.now.Add(directory.KeyOverlap)
	fresh := f.mint(t, 72*time.Hour)
	if kid(fresh) != next.KID {
		t.Fatal("the new key doesn't sign after the overlap")
	}
	if _, err := f.tokens.Verify(ctx, old); err != nil {
		t.Fatalf("a token of the old key during its retirement period: %v", err)
	}
	f.now = f.now.Add(directory.KeyRetireAfter + time.Minute)
	if _, err := f.tokens.Verify(ctx, old); err == nil || !strings.Contains(err.Error(), "signing key is unknown") {
		t.Fatalf("a token of a retired key: %v", err)
	}
	if _, err := f.tokens.Verify(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.RotateSigningKey(ctx, f.tenant.TenantID, true); err != nil {
		t.Fatal(err)
	}
	f.now = f.now.Add(time.Minute + time.Second)
	if _, err := f.tokens.Verify(ctx, fresh); err == nil {
		t.Fatal("an immediate rotation left an older token valid")
	}
}

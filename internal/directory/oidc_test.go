package directory_test

import (
	"errors"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// TestRefreshTokenRotation checks rotation and reuse detection: a token is
// exchanged once; presenting it again revokes every token of that sign-in.
func TestRefreshTokenRotation(t *testing.T) {
	svc, clk, ctx, ct := newService(t)
	first := directory.RefreshToken{ID: "h1", UserID: ct.AdminID, ClientID: "app"}
	if err := svc.IssueRefreshToken(ctx, ct.TenantID, "", &first); err != nil || first.FamilyID == "" {
		t.Fatalf("issue: %v %+v", err, first)
	}
	if _, err := svc.RefreshToken(ctx, ct.TenantID, "h1"); err != nil {
		t.Fatal(err)
	}
	second := directory.RefreshToken{ID: "h2", UserID: ct.AdminID, ClientID: "app"}
	if err := svc.IssueRefreshToken(ctx, ct.TenantID, "h1", &second); err != nil || second.FamilyID != first.FamilyID {
		t.Fatalf("rotate: %v %+v", err, second)
	}
	// The thief (or a confused client) presents the old token: refused, and
	// the new one dies with it.
	if _, err := svc.RefreshToken(ctx, ct.TenantID, "h1"); !errors.Is(err, directory.ErrRefreshReused) {
		t.Fatalf("reuse: %v", err)
	}
	if _, err := svc.RefreshToken(ctx, ct.TenantID, "h2"); directory.KindOf(err) != directory.KindNotFound {
		t.Fatalf("the family's newest token survived reuse: %v", err)
	}
	// Two clients racing to rotate the same token: one wins, the other
	// revokes the family.
	third := directory.RefreshToken{ID: "h3", UserID: ct.AdminID, ClientID: "app"}
	if err := svc.IssueRefreshToken(ctx, ct.TenantID, "", &third); err != nil {
		t.Fatal(err)
	}
	if err := svc.IssueRefreshToken(ctx, ct.TenantID, "h3", &directory.RefreshToken{ID: "h4", UserID: ct.AdminID, ClientID: "app"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.IssueRefreshToken(ctx, ct.TenantID, "h3", &directory.RefreshToken{ID: "h5", UserID: ct.AdminID, ClientID: "app"}); !errors.Is(err, directory.ErrRefreshReused) {
		t.Fatalf("second rotation of one token: %v", err)
	}
	if _, err := svc.RefreshToken(ctx, ct.TenantID, "h4"); directory.KindOf(err) != directory.KindNotFound {
		t.Fatalf("the winner's token survived the race's reuse: %v", err)
	}
	// Tokens expire after 90 days; signing out everywhere revokes them.
	old := directory.RefreshToken{ID: "h6", UserID: ct.AdminID, ClientID: "app"}
	if err := svc.IssueRefreshToken(ctx, ct.TenantID, "", &old); err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.Add(directory.RefreshLifetime + time.Second)
	if _, err := svc.RefreshToken(ctx, ct.TenantID, "h6"); directory.KindOf(err) != directory.KindNotFound {
		t.Fatalf("an expired token: %v", err)
	}
	live := directory.RefreshToken{ID: "h7", UserID: ct.AdminID, ClientID: "app"}
	if err := svc.IssueRefreshToken(ctx, ct.TenantID, "", &live); err != nil {
		t.Fatal(err)
	}
	if err := svc.EndUserSessions(ctx, ct.TenantID, ct.AdminID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.RefreshToken(ctx, ct.TenantID, "h7"); directory.KindOf(err) != directory.KindNotFound {
		t.Fatalf("signing out everywhere left a refresh token: %v", err)
	}
}

// TestAuthRequestLifetime checks that a sign-in must finish within its
// lifetime.
func TestAuthRequestLifetime(t *testing.T) {
	svc, clk, ctx, ct := newService(t)
	a, err := svc.CreateAuthRequest(ctx, ct.TenantID, directory.AuthRequestSpec{ClientID: "app", Scopes: []string{"openid"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.CompleteAuthRequest(ctx, ct.TenantID, a.ID, ct.AdminID, []string{"pwd"}); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetAuthCode(ctx, ct.TenantID, a.ID, "code-hash"); err != nil {
		t.Fatal(err)
	}
	got, err := svc.AuthRequestByCode(ctx, ct.TenantID, "code-hash")
	if err != nil || got.UserID != ct.AdminID || !got.Spec.AuthTime.Equal(clk.t) {
		t.Fatalf("by code: %+v %v", got, err)
	}
	clk.t = clk.t.Add(directory.AuthRequestLifetime)
	if _, err := svc.AuthRequestByCode(ctx, ct.TenantID, "code-hash"); directory.KindOf(err) != directory.KindNotFound {
		t.Fatalf("an expired request's code still works: %v", err)
	}
	if _, err := svc.AuthRequest(ctx, ct.TenantID, a.ID); directory.KindOf(err) != directory.KindNotFound {
		t.Fatalf("an expired request: %v", err)
	}
}

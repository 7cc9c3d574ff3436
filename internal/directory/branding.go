package directory

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
)

// Branding is a tenant's company branding of the sign-in page, the set
// Entra ID Free offers (Graph's organizationalBranding).
type Branding struct {
	Spec      BrandingSpec
	Logo      []byte // the banner logo, PNG or JPEG; empty for none
	LogoType  string // its media type
	UpdatedAt time.Time
}

// BrandingSpec are the texts and the colour.
type BrandingSpec struct {
	BackgroundColor  string `json:"backgroundColor"`  // #RRGGBB or empty
	SignInPageText   string `json:"signInPageText"`   // shown under the form
	UsernameHintText string `json:"usernameHintText"` // the user name field's placeholder
}

// BrandingInput changes branding; nil fields stay.
type BrandingInput struct {
	BackgroundColor, SignInPageText, UsernameHintText *string
}

// Limits of branding, as Entra sets them for the texts; the logo limit is
// Atrium's (Entra asks for a 245×36 banner of at most 36 KB; Atrium takes
// up to 64 KB and doesn't resize).
const (
	maxSignInPageText   = 1024
	maxUsernameHintText = 64
	MaxBannerLogo       = 64 << 10
)

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

func (in BrandingInput) apply(b *BrandingSpec) error {
	if in.BackgroundColor != nil {
		c := strings.TrimSpace(*in.BackgroundColor)
		if c != "" && !hexColor.MatchString(c) {
			return Invalid("backgroundColor", "backgroundColor must be a colour as #RRGGBB, such as #0078D4.")
		}
		b.BackgroundColor = strings.ToUpper(c)
	}
	text := func(field string, v *string, max int, dst *string) error {
		if v == nil {
			return nil
		}
		s := strings.TrimSpace(*v)
		if utf8.RuneCountInString(s) > max || strings.ContainsFunc(s, func(r rune) bool { return isControl(r) && r != '\n' }) {
			return Invalid(field, "%s can be at most %d characters, without control characters.", field, max)
		}
		*dst = s
		return nil
	}
	if err := text("signInPageText", in.SignInPageText, maxSignInPageText, &b.SignInPageText); err != nil {
		return err
	}
	return text("usernameHintText", in.UsernameHintText, maxUsernameHintText, &b.UsernameHintText)
}

// logoType recognises PNG and JPEG by their first bytes; nothing else is
// served, so an uploaded file can't turn into a script.
func logoType(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "image/jpeg"
	}
	return ""
}

// GetBranding returns the tenant's branding.
func (s *Service) GetBranding(ctx context.Context, tenantID string) (Branding, error) {
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return Branding{}, err
	}
	return s.SignInBranding(ctx, tenantID)
}

// SignInBranding returns the branding the sign-in page shows; anyone may
// see it, as on Entra's sign-in page.
func (s *Service) SignInBranding(ctx context.Context, tenantID string) (Branding, error) {
	var b Branding
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		b, err = tx.GetBranding()
		return err
	})
	return b, err
}

// UpdateBranding changes the branding's colour and texts.
func (s *Service) UpdateBranding(ctx context.Context, tenantID string, in BrandingInput) (Branding, error) {
	return s.changeBranding(ctx, tenantID, "Update company branding", func(b *Branding) error { return in.apply(&b.Spec) })
}

// SetBannerLogo replaces the banner logo (PNG or JPEG, at most
// MaxBannerLogo bytes); empty data removes it.
func (s *Service) SetBannerLogo(ctx context.Context, tenantID string, data []byte) (Branding, error) {
	return s.changeBranding(ctx, tenantID, "Update company branding banner logo", func(b *Branding) error {
		if len(data) > MaxBannerLogo {
			return Invalid("bannerLogo", "The banner logo can be at most %d KB.", MaxBannerLogo>>10)
		}
		t := logoType(data)
		if len(data) > 0 && t == "" {
			return Invalid("bannerLogo", "The banner logo must be a PNG or JPEG image.")
		}
		b.Logo, b.LogoType = data, t
		return nil
	})
}

func (s *Service) changeBranding(ctx context.Context, tenantID, activity string, fn func(*Branding) error) (Branding, error) {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return Branding{}, err
	}
	var b Branding
	err = s.store.Update(ctx, tenantID, func(tx Tx) (err error) {
		if b, err = tx.GetBranding(); err != nil {
			return err
		}
		if err := fn(&b); err != nil {
			return err
		}
		b.UpdatedAt = s.Now()
		if err := tx.PutBranding(&b); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", activity, "Update", AuditTarget{ID: tenantID, DisplayName: "Company branding", Type: "Organization"})
	})
	return b, err
}

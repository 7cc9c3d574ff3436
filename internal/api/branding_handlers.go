package api

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

func (a *API) brandingJSON(tenantID string, b *directory.Branding) map[string]any {
	logo := any(nil)
	if len(b.Logo) > 0 {
		logo = "/" + tenantID + "/branding/bannerLogo?v=" + strconv.FormatInt(b.UpdatedAt.Unix(), 10)
	}
	return map[string]any{"@odata.context": a.odataContext("organization('" + tenantID + "')/branding/$entity"), "id": "0",
		"backgroundColor": nullableStr(b.Spec.BackgroundColor), "signInPageText": nullableStr(b.Spec.SignInPageText),
		"usernameHintText": nullableStr(b.Spec.UsernameHintText), "bannerLogoRelativeUrl": logo, "cdnList": []string{}}
}

// orgPath checks that the {id} of an /organization path is the caller's
// tenant; another id is not found.
func orgPath(r *http.Request) (string, error) {
	tenant := tenantOf(r.Context())
	if !strings.EqualFold(r.PathValue("id"), tenant) {
		return "", directory.NotFound(r.PathValue("id"))
	}
	return tenant, nil
}

func (a *API) getBranding(w http.ResponseWriter, r *http.Request) error {
	tenant, err := orgPath(r)
	if err != nil {
		return err
	}
	if err := noOptions(r); err != nil {
		return err
	}
	b, err := a.dir.GetBranding(r.Context(), tenant)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a.brandingJSON(tenant, &b))
	return nil
}

func (a *API) updateBranding(w http.ResponseWriter, r *http.Request) error {
	tenant, err := orgPath(r)
	if err != nil {
		return err
	}
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var in directory.BrandingInput
	for _, k := range sortedKeys(m) {
		var dst **string
		switch k {
		case "backgroundColor":
			dst = &in.BackgroundColor
		case "signInPageText":
			dst = &in.SignInPageText
		case "usernameHintText":
			dst = &in.UsernameHintText
		case "bannerLogo":
			return badRequest(k, "Upload the banner logo with PUT …/branding/localizations/0/bannerLogo and the image as the body.")
		default:
			return badRequest(k, "Property '%s' does not exist on organizationalBranding or can't be set in Atrium.", k)
		}
		v, err := decodeValue(k, directory.PropString, m[k])
		if err != nil {
			return err
		}
		s, _ := v.(string) // null clears
		*dst = &s
	}
	if _, err := a.dir.UpdateBranding(r.Context(), tenant, in); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// putBannerLogo takes the banner logo as the raw request body (Graph:
// Content-Type image/png or image/jpeg); an empty body removes it.
func (a *API) putBannerLogo(w http.ResponseWriter, r *http.Request) error {
	tenant, err := orgPath(r)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, directory.MaxBannerLogo+1))
	if err != nil {
		return err
	}
	if _, err := a.dir.SetBannerLogo(r.Context(), tenant, bytes.Clone(data)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// bannerLogo serves a tenant's banner logo to anyone, as the sign-in page
// needs it before anyone signs in.
func (a *API) bannerLogo(w http.ResponseWriter, r *http.Request) error {
	tid, err := a.dir.ResolveTenant(r.Context(), r.PathValue("tenant"))
	if err != nil {
		return directory.NotFound("bannerLogo")
	}
	b, err := a.dir.SignInBranding(r.Context(), tid)
	if err != nil {
		return err
	}
	if len(b.Logo) == 0 {
		return directory.NotFound("bannerLogo")
	}
	h := w.Header()
	h.Set("Content-Type", b.LogoType)
	h.Set("Cache-Control", "public, max-age=3600")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'")
	_, err = w.Write(b.Logo)
	return err
}

package api

import (
	"net/http"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// passwordLinkURL is the address a one-time set-password link opens.
func (a *API) passwordLinkURL(token string) string {
	return directory.PasswordLinkURL(a.publicURL, token)
}

func (a *API) inspectPasswordLink(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Token string `json:"token"`
	}
	if err := readInto(w, r, "passwordLinks", &req); err != nil {
		return err
	}
	info, err := a.dir.InspectPasswordLink(r.Context(), req.Token)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"userPrincipalName": info.UserPrincipalName, "displayName": info.DisplayName,
		"expiresDateTime": info.ExpiresAt.Format(time.RFC3339)})
	return nil
}

func (a *API) redeemPasswordLink(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Token       string `json:"token"`
		NewPassword string `json:"newPassword"`
	}
	if err := readInto(w, r, "passwordLinks", &req); err != nil {
		return err
	}
	if err := a.dir.RedeemPasswordLink(r.Context(), req.Token, req.NewPassword, signupPrincipal(r).IPAddress); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) newPasswordLink(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	token, expires, err := a.dir.NewPasswordLink(ctx, tenantOf(ctx), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, map[string]any{"url": a.passwordLinkURL(token), "expiresDateTime": expires.Format(time.RFC3339)})
	return nil
}

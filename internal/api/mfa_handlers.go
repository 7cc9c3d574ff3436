package api

import (
	"net/http"

	"github.com/atriumhq/atrium/internal/directory"
)

func (a *API) getMFA(w http.ResponseWriter, r *http.Request) error {
	st, err := a.dir.GetMFAStatus(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"authenticatorApp": st.TOTP, "recoveryCodesLeft": st.RecoveryCodesLeft})
	return nil
}

// beginTOTP starts registering an authenticator app; the secret goes to
// the app (as text or as the otpauth URL in a QR code).
func (a *API) beginTOTP(w http.ResponseWriter, r *http.Request) error {
	secret, url, err := a.dir.BeginTOTP(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"secret": secret, "otpauthUrl": url})
	return nil
}

// confirmTOTP completes the registration with a code from the app and
// returns the recovery codes, this once. A session that had to register
// is then complete.
func (a *API) confirmTOTP(w http.ResponseWriter, r *http.Request) error {
	code, err := readCode(w, r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	codes, err := a.dir.ConfirmTOTP(ctx, tenantOf(ctx), code)
	if err != nil {
		return err
	}
	if cur := sessionFrom(ctx); cur.Session.Stage == directory.StageEnroll {
		if err := a.dir.SetSessionStage(ctx, tenantOf(ctx), cur.Session.ID, directory.StageComplete, 0); err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"recoveryCodes": codes})
	return nil
}

func (a *API) removeTOTP(w http.ResponseWriter, r *http.Request) error {
	code, err := readCode(w, r)
	if err != nil {
		return err
	}
	if err := a.dir.RemoveTOTP(r.Context(), tenantOf(r.Context()), code); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

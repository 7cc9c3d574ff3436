package api

import (
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// passwordPolicyJSON is the wire form of the tenant's password policy.
type passwordPolicyJSON struct {
	CustomBannedPasswords         []string `json:"customBannedPasswords"`
	LockoutThreshold              int      `json:"lockoutThreshold"`
	LockoutDurationSeconds        int      `json:"lockoutDurationSeconds"`
	TemporaryPasswordLifetimeDays int      `json:"temporaryPasswordLifetimeDays"`
	GeneratedFormat               string   `json:"generatedFormat"`
	SSPRScope                     string   `json:"ssprScope"`
	PasswordValidityDays          int      `json:"passwordValidityDays"`
	PasswordNotificationDays      int      `json:"passwordNotificationDays"`
}

func (a *API) getPasswordPolicy(w http.ResponseWriter, r *http.Request) error {
	p, err := a.dir.GetPasswordPolicy(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, passwordPolicyJSON(p))
	return nil
}

// updatePasswordPolicy changes the properties the body names and keeps the
// others.
func (a *API) updatePasswordPolicy(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	cur, err := a.dir.GetPasswordPolicy(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	in := passwordPolicyJSON(cur)
	if err := decodeStrict("passwordPolicy", mustJSON(m), &in); err != nil {
		return err
	}
	if err := a.dir.UpdatePasswordPolicy(r.Context(), tenantOf(r.Context()), directory.PasswordPolicy(in)); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) changeOwnPassword(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var req struct {
		CurrentPassword string `json:"currentPassword"`
		NewPassword     string `json:"newPassword"`
	}
	if err := decodeStrict("changePassword", mustJSON(m), &req); err != nil {
		return err
	}
	if req.CurrentPassword == "" || req.NewPassword == "" {
		return badRequest("newPassword", "currentPassword and newPassword are required.")
	}
	if err := a.dir.ChangeOwnPassword(r.Context(), tenantOf(r.Context()), req.CurrentPassword, req.NewPassword); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// passwordMethodID is the well-known id of the password authentication
// method in Graph.
const passwordMethodID = "28c10230-6103-485e-b985-444c60001490"

// resetPasswordGraph serves POST /users/{id}/authentication/methods/{id}/
// resetPassword: with newPassword, that password; without, a generated one,
// returned once. Graph answers 202 and may finish later; Atrium finishes
// before it answers, so there is no operation to poll.
func (a *API) resetPasswordGraph(w http.ResponseWriter, r *http.Request) error {
	if !strings.EqualFold(r.PathValue("method"), passwordMethodID) {
		return directory.NotFound(r.PathValue("method"))
	}
	var req struct {
		NewPassword *string `json:"newPassword"`
	}
	if r.ContentLength != 0 {
		m, err := readObject(w, r)
		if err != nil {
			return err
		}
		if err := decodeStrict("resetPassword", mustJSON(m), &req); err != nil {
			return err
		}
	}
	typed := ""
	if req.NewPassword != nil {
		typed = *req.NewPassword
	}
	generated, err := a.dir.ResetPassword(r.Context(), tenantOf(r.Context()), r.PathValue("id"), typed, true)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"newPassword": nullable(generated)})
	return nil
}

// resetPasswordAtrium serves POST /api/users/{id}/resetPassword with
// {"generate": true} or {"password": "..."}, and forceChangePasswordNextSignIn
// (default true).
func (a *API) resetPasswordAtrium(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	req := struct {
		Generate bool   `json:"generate"`
		Password string `json:"password"`
		Force    *bool  `json:"forceChangePasswordNextSignIn"`
	}{}
	if err := decodeStrict("resetPassword", mustJSON(m), &req); err != nil {
		return err
	}
	if req.Generate == (req.Password != "") {
		return badRequest("generate", "Give either generate: true or a password.")
	}
	force := req.Force == nil || *req.Force
	generated, err := a.dir.ResetPassword(r.Context(), tenantOf(r.Context()), r.PathValue("id"), req.Password, force)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"temporaryPassword": nullable(generated)})
	return nil
}

package api

import (
	"net/http"

	"github.com/atriumhq/atrium/internal/directory"
)

// passwordPolicyJSON is the wire form of the tenant's password policy.
type passwordPolicyJSON struct {
	CustomBannedPasswords         []string `json:"customBannedPasswords"`
	LockoutThreshold              int      `json:"lockoutThreshold"`
	LockoutDurationSeconds        int      `json:"lockoutDurationSeconds"`
	TemporaryPasswordLifetimeDays int      `json:"temporaryPasswordLifetimeDays"`
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

package api

import (
	"context"
	"net/http"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// ssprTenant finds the tenant of a self-service reset from the user name's
// domain; an unknown domain is answered like a known one.
func (a *API) ssprTenant(r *http.Request, username string) (string, error) {
	id, err := a.dir.ResolveTenant(r.Context(), directory.DomainOf(username))
	if directory.KindOf(err) == directory.KindNotFound {
		return "", nil
	}
	return id, err
}

// ssprStart begins "forgot my password": codes go to the user's methods.
// The answer is the same for every user name.
// ssprFloor is the least time a reset start takes to answer: starting a
// reset writes a challenge and messages, an unknown account writes
// nothing, and without the floor the difference would tell which
// accounts exist.
const ssprFloor = 400 * time.Millisecond

func (a *API) ssprStart(w http.ResponseWriter, r *http.Request) error {
	defer waitUntil(r.Context(), time.Now().Add(ssprFloor))
	ip := signupPrincipal(r).IPAddress
	if !a.signins.allow(ip) {
		return &httpError{status: http.StatusTooManyRequests, code: "TooManyRequests", message: "Too many requests from this address; try again later."}
	}
	var req struct {
		Username string `json:"username"`
	}
	if err := readInto(w, r, "sspr", &req); err != nil {
		return err
	}
	if req.Username == "" {
		return badRequest("username", "Property 'username' is required.")
	}
	challenge := directory.NewID()
	tenant, err := a.ssprTenant(r, req.Username)
	if err != nil {
		return err
	}
	if tenant != "" {
		if challenge, err = a.dir.StartPasswordReset(r.Context(), tenant, req.Username, ip); err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"challengeId": challenge,
		"message": "If this account can reset its password, codes are on their way to the methods registered for it."})
	return nil
}

func (a *API) ssprVerify(w http.ResponseWriter, r *http.Request) error {
	if !a.signins.allow(signupPrincipal(r).IPAddress) {
		return &httpError{status: http.StatusTooManyRequests, code: "TooManyRequests", message: "Too many requests from this address; try again later."}
	}
	var req struct {
		Username    string `json:"username"`
		ChallengeID string `json:"challengeId"`
		Channel     string `json:"channel"`
		Code        string `json:"code"`
	}
	if err := readInto(w, r, "sspr", &req); err != nil {
		return err
	}
	tenant, err := a.ssprTenant(r, req.Username)
	if err != nil {
		return err
	}
	if tenant == "" {
		return directory.ErrResetCode
	}
	if err := a.dir.VerifyResetCode(r.Context(), tenant, req.ChallengeID, req.Channel, req.Code); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) ssprReset(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		Username    string `json:"username"`
		ChallengeID string `json:"challengeId"`
		NewPassword string `json:"newPassword"`
	}
	if err := readInto(w, r, "sspr", &req); err != nil {
		return err
	}
	tenant, err := a.ssprTenant(r, req.Username)
	if err != nil {
		return err
	}
	if tenant == "" {
		return directory.ErrResetCode
	}
	if err := a.dir.CompletePasswordReset(r.Context(), tenant, req.ChallengeID, req.NewPassword, signupPrincipal(r).IPAddress); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// waitUntil sleeps until t or until ctx ends.
func waitUntil(ctx context.Context, t time.Time) {
	timer := time.NewTimer(time.Until(t))
	defer timer.Stop()
	select {
	case <-ctx.Done():
	case <-timer.C:
	}
}

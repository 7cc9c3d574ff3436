package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

var signInProperties = []string{"id", "createdDateTime", "userDisplayName", "userPrincipalName", "userId", "appDisplayName",
	"ipAddress", "clientAppUsed", "status"}

var signInRules = &rules{
	typeName: "signIn", resource: "signIn", noAdvanced: true,
	filter: map[string]propRule{
		"createdDateTime":   {def: opRange},
		"userId":            {def: opEq},
		"userPrincipalName": {def: opEq | opSw},
		"ipAddress":         {def: opEq},
		"appDisplayName":    {def: opEq},
		"status/errorCode":  {def: opEq | opNe},
	},
	order:      map[string]bool{"createdDateTime": false},
	selectable: signInProperties,
	defaults:   signInProperties,
}

func signInJSON(e *directory.SignInEvent) map[string]any {
	return map[string]any{"id": e.ID, "createdDateTime": e.At.UTC().Format(time.RFC3339), "userDisplayName": nullable(e.DisplayName),
		"userPrincipalName": e.UPN, "userId": nullable(e.UserID), "appDisplayName": e.ClientApp, "ipAddress": e.IPAddress,
		"clientAppUsed": e.ClientApp, "status": map[string]any{"errorCode": e.ErrorCode, "failureReason": nullable(e.FailureReason),
			"additionalDetails": nullable(aadsts(e.ErrorCode))}}
}

func aadsts(code int) string {
	if code == 0 {
		return ""
	}
	return "AADSTS" + strconv.Itoa(code)
}

func (a *API) listSignIns(w http.ResponseWriter, r *http.Request) error {
	return a.writeSignIns(w, r, a.dir.ListSignIns)
}

// listMySignIns is My account's sign-in list: the caller's own sign-ins,
// with the same query options as the tenant's log.
func (a *API) listMySignIns(w http.ResponseWriter, r *http.Request) error {
	return a.writeSignIns(w, r, a.dir.ListMySignIns)
}

func (a *API) writeSignIns(w http.ResponseWriter, r *http.Request,
	list func(context.Context, string, directory.ListQuery) (directory.Page[directory.SignInEvent], error)) error {
	ctx := r.Context()
	lp, err := a.parseList(ctx, r, signInRules)
	if err != nil {
		return err
	}
	if lp.q.Search != nil {
		return badRequest("$search", "$search is not supported on signIns; use $filter.")
	}
	page, err := list(ctx, tenantOf(ctx), lp.q)
	if err != nil {
		return err
	}
	items := make([]any, len(page.Items))
	for i := range page.Items {
		m := signInJSON(&page.Items[i])
		sel := make(map[string]any, len(lp.selected))
		for _, k := range lp.selected {
			sel[k] = m[k]
		}
		items[i] = sel
	}
	return a.writeCollection(w, r, a.odataContext("auditLogs/signIns"), items, page.Next, lp.advanced, nil)
}

// revokeSignInSessions is Graph's POST /users/{id}/revokeSignInSessions.
func (a *API) revokeSignInSessions(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.RevokeSignInSessions(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("Edm.Boolean"), "value": true})
	return nil
}

func (a *API) unlockUser(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.UnlockUser(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

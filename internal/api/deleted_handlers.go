package api

import (
	"net/http"

	"github.com/atriumhq/atrium/internal/directory"
)

func (a *API) getDeletedItem(w http.ResponseWriter, r *http.Request) error {
	switch r.PathValue("id") {
	case "microsoft.graph.user":
		return a.listUsersOf(w, r, true)
	case "microsoft.graph.group":
		// Security groups and distribution lists are deleted for good, as
		// in Graph, so there are never deleted groups to list.
		writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("directoryObjects/microsoft.graph.group"), "value": []any{}})
		return nil
	}
	selected, err := a.parseEntity(r, deletedUserRules)
	if err != nil {
		return err
	}
	u, err := a.dir.GetDeletedUser(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	return a.writeDirectoryUser(w, &u, selected)
}

func (a *API) writeDirectoryUser(w http.ResponseWriter, u *directory.User, selected []string) error {
	body := userJSON(u, selected)
	body["@odata.context"] = a.odataContext("directoryObjects/$entity")
	body["@odata.type"] = "#microsoft.graph.user"
	writeJSON(w, http.StatusOK, body)
	return nil
}

func (a *API) restoreDeletedItem(w http.ResponseWriter, r *http.Request) error {
	if r.ContentLength != 0 {
		m, err := readObject(w, r)
		if err != nil {
			return err
		}
		for _, k := range sortedKeys(m) {
			if k != "autoReconcileProxyConflict" {
				return badRequest(k, "Property '%s' is not a parameter of restore.", k)
			}
		}
	}
	u, err := a.dir.RestoreUser(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	return a.writeDirectoryUser(w, &u, []string{"id", "displayName", "userPrincipalName"})
}

func (a *API) purgeDeletedItem(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.PurgeDeletedUser(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

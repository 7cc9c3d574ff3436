package api

import (
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

func assignmentJSON(as *partner.GDAPAssignment) client.DelegatedAdminAccessAssignment {
	created, modified := as.CreatedAt, as.ModifiedAt
	return client.DelegatedAdminAccessAssignment{ETag: as.ETag(), ID: as.ID,
		AccessContainer: client.DelegatedAdminGroup{AccessContainerID: as.GroupID, AccessContainerType: "securityGroup"},
		AccessDetails:   unifiedRoles(as.Roles), Status: as.Status, CreatedDateTime: &created, LastModifiedDateTime: &modified}
}

func writeAssignment(w http.ResponseWriter, status int, as *partner.GDAPAssignment) {
	w.Header().Set("ETag", as.ETag())
	writeJSON(w, status, assignmentJSON(as))
}

// readAssignment reads an access assignment's body: accessContainer (on
// create only) and accessDetails; the status and dates are read-only.
func readAssignment(w http.ResponseWriter, r *http.Request, create bool) (groupID string, roles []string, err error) {
	m, err := readObject(w, r)
	if err != nil {
		return "", nil, err
	}
	allowed := []string{"accessDetails"}
	if create {
		allowed = append(allowed, "accessContainer")
	}
	if err := onlyFields(m, allowed...); err != nil {
		return "", nil, err
	}
	var in client.DelegatedAdminAccessAssignment
	if err := decodeStrict("delegatedAdminAccessAssignment", mustJSON(m), &in); err != nil {
		return "", nil, err
	}
	if c := in.AccessContainer; create && (c.AccessContainerID == "" || c.AccessContainerType != "securityGroup") {
		return "", nil, badRequest("accessContainer", "Set accessContainer to {\"accessContainerId\": \"<security group id>\", \"accessContainerType\": \"securityGroup\"}.")
	}
	return in.AccessContainer.AccessContainerID, roleIDs(&in.AccessDetails), nil
}

func (a *API) listGDAPAssignments(w http.ResponseWriter, r *http.Request) error {
	as, err := a.dir.ListGDAPAssignments(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := make([]client.DelegatedAdminAccessAssignment, len(as))
	for i := range as {
		out[i] = assignmentJSON(&as[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func (a *API) createGDAPAssignment(w http.ResponseWriter, r *http.Request) error {
	groupID, roles, err := readAssignment(w, r, true)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	as, err := a.dir.CreateGDAPAssignment(r.Context(), tenantOf(r.Context()), id, groupID, roles)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+gdapPath+id+"/accessAssignments/"+as.ID)
	writeAssignment(w, http.StatusCreated, &as)
	return nil
}

func (a *API) getGDAPAssignment(w http.ResponseWriter, r *http.Request) error {
	as, err := a.dir.GetGDAPAssignment(r.Context(), tenantOf(r.Context()), r.PathValue("id"), r.PathValue("assignmentId"))
	if err != nil {
		return err
	}
	writeAssignment(w, http.StatusOK, &as)
	return nil
}

func (a *API) updateGDAPAssignment(w http.ResponseWriter, r *http.Request) error {
	_, roles, err := readAssignment(w, r, false)
	if err != nil {
		return err
	}
	as, err := a.dir.UpdateGDAPAssignment(r.Context(), tenantOf(r.Context()), r.PathValue("id"), r.PathValue("assignmentId"),
		r.Header.Get("If-Match"), roles)
	if err != nil {
		return err
	}
	writeAssignment(w, http.StatusOK, &as)
	return nil
}

func (a *API) deleteGDAPAssignment(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteGDAPAssignment(r.Context(), tenantOf(r.Context()), r.PathValue("id"), r.PathValue("assignmentId"),
		r.Header.Get("If-Match")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

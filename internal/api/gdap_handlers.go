package api

import (
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// gdapPath is where a partner's GDAP relationships live in Graph.
const gdapPath = "/v1.0/tenantRelationships/delegatedAdminRelationships/"

func gdapJSON(rel *partner.GDAPRelationship) client.DelegatedAdminRelationship {
	created, modified := rel.CreatedAt, rel.ModifiedAt
	return client.DelegatedAdminRelationship{ETag: rel.ETag(), ID: rel.ID, DisplayName: rel.DisplayName, Duration: rel.Duration,
		Customer:      &client.DelegatedAdminParticipant{TenantID: rel.CustomerTenantID, DisplayName: rel.CustomerName},
		AccessDetails: unifiedRoles(rel.Roles), AutoExtendDuration: rel.AutoExtend, Status: rel.Status,
		CreatedDateTime: &created, LastModifiedDateTime: &modified, ActivatedDateTime: timeOrNil(rel.ActivatedAt), EndDateTime: timeOrNil(rel.EndAt)}
}

func unifiedRoles(ids []string) client.DelegatedAdminAccess {
	out := client.DelegatedAdminAccess{UnifiedRoles: make([]client.UnifiedRole, len(ids))}
	for i, id := range ids {
		out.UnifiedRoles[i].RoleDefinitionID = id
	}
	return out
}

func roleIDs(a *client.DelegatedAdminAccess) []string {
	ids := make([]string, len(a.UnifiedRoles))
	for i, r := range a.UnifiedRoles {
		ids[i] = r.RoleDefinitionID
	}
	return ids
}

// readGDAPChange reads a relationship's POST or PATCH body strictly.
func readGDAPChange(w http.ResponseWriter, r *http.Request) (directory.GDAPInput, error) {
	var c client.DelegatedAdminRelationshipChange
	if err := readInto(w, r, "delegatedAdminRelationship", &c); err != nil {
		return directory.GDAPInput{}, err
	}
	in := directory.GDAPInput{DisplayName: c.DisplayName, Duration: c.Duration, AutoExtend: c.AutoExtendDuration}
	if c.Customer != nil {
		in.CustomerTenantID = &c.Customer.TenantID
	}
	if c.AccessDetails != nil {
		ids := roleIDs(c.AccessDetails)
		in.Roles = &ids
	}
	return in, nil
}

func writeGDAP(w http.ResponseWriter, status int, rel *partner.GDAPRelationship) {
	w.Header().Set("ETag", rel.ETag())
	writeJSON(w, status, gdapJSON(rel))
}

func (a *API) listGDAPRelationships(w http.ResponseWriter, r *http.Request) error {
	rels, err := a.dir.ListGDAPRelationships(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	out := make([]client.DelegatedAdminRelationship, len(rels))
	for i := range rels {
		out[i] = gdapJSON(&rels[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func (a *API) createGDAPRelationship(w http.ResponseWriter, r *http.Request) error {
	in, err := readGDAPChange(w, r)
	if err != nil {
		return err
	}
	rel, err := a.dir.CreateGDAPRelationship(r.Context(), tenantOf(r.Context()), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+gdapPath+rel.ID)
	writeGDAP(w, http.StatusCreated, &rel)
	return nil
}

func (a *API) getGDAPRelationship(w http.ResponseWriter, r *http.Request) error {
	rel, err := a.dir.GetGDAPRelationship(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeGDAP(w, http.StatusOK, &rel)
	return nil
}

func (a *API) updateGDAPRelationship(w http.ResponseWriter, r *http.Request) error {
	in, err := readGDAPChange(w, r)
	if err != nil {
		return err
	}
	rel, err := a.dir.UpdateGDAPRelationship(r.Context(), tenantOf(r.Context()), r.PathValue("id"), r.Header.Get("If-Match"), in)
	if err != nil {
		return err
	}
	writeGDAP(w, http.StatusOK, &rel)
	return nil
}

func (a *API) deleteGDAPRelationship(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteGDAPRelationship(r.Context(), tenantOf(r.Context()), r.PathValue("id"), r.Header.Get("If-Match")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) createGDAPRequest(w http.ResponseWriter, r *http.Request) error {
	var in client.DelegatedAdminRelationshipRequest
	if err := readInto(w, r, "delegatedAdminRelationshipRequest", &in); err != nil {
		return err
	}
	if in.ID != "" || in.Status != "" || in.CreatedDateTime != nil || in.LastModifiedDateTime != nil {
		return badRequest("action", "Only the action of a request can be set.")
	}
	id := r.PathValue("id")
	req, err := a.dir.RequestGDAP(r.Context(), tenantOf(r.Context()), id, in.Action, a.publicURL)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+gdapPath+id+"/requests/"+req.ID)
	writeJSON(w, http.StatusCreated, client.DelegatedAdminRelationshipRequest{ID: req.ID, Action: req.Action, Status: req.Status,
		CreatedDateTime: &req.CreatedAt, LastModifiedDateTime: &req.ModifiedAt})
	return nil
}

func (a *API) listGDAPCustomers(w http.ResponseWriter, r *http.Request) error {
	cs, err := a.dir.GDAPCustomers(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	out := make([]client.DelegatedAdminCustomer, len(cs))
	for i, c := range cs {
		out[i] = client.DelegatedAdminCustomer{ID: c.TenantID, TenantID: c.TenantID, DisplayName: c.DisplayName}
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

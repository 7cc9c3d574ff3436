package api

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

func roleDefinitionJSON(r authz.Role) client.RoleDefinition {
	var actions []string
	for _, p := range authz.AllPermissions {
		if r.Cells[p] != authz.No {
			actions = append(actions, "atrium/"+string(p))
		}
	}
	return client.RoleDefinition{ID: r.TemplateID, TemplateID: r.TemplateID, DisplayName: r.DisplayName, Description: r.Description,
		IsBuiltIn: true, IsEnabled: true, ResourceScopes: []string{"/"}, Version: "1",
		RolePermissions: []client.RolePermission{{AllowedResourceActions: actions}}}
}

func (a *API) listRoleDefinitions(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	items := make([]any, len(authz.Roles))
	for i, role := range authz.Roles {
		items[i] = roleDefinitionJSON(role)
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("roleManagement/directory/roleDefinitions"), "value": items})
	return nil
}

func (a *API) getRoleDefinition(w http.ResponseWriter, r *http.Request) error {
	role, ok := authz.RoleByTemplate(strings.ToLower(r.PathValue("id")))
	if !ok {
		return directory.NotFound(r.PathValue("id"))
	}
	writeJSON(w, http.StatusOK, roleDefinitionJSON(role))
	return nil
}

func (a *API) listDirectoryRoleTemplates(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	items := make([]any, len(authz.Roles))
	for i, role := range authz.Roles {
		items[i] = map[string]any{"id": role.TemplateID, "displayName": role.DisplayName, "description": role.Description, "deletedDateTime": nil}
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("directoryRoleTemplates"), "value": items})
	return nil
}

func roleAssignmentJSON(ra directory.RoleAssignment) client.RoleAssignment {
	return client.RoleAssignment{ID: ra.ID, RoleDefinitionID: ra.RoleTemplateID, PrincipalID: ra.PrincipalID, DirectoryScopeID: "/"}
}

// roleAssignmentFilter reads $filter of roleAssignments: eq on principalId,
// roleDefinitionId or directoryScopeId, joined with and.
func roleAssignmentFilter(r *http.Request) (directory.RoleFilter, error) {
	var f directory.RoleFilter
	opts, err := queryOptions(r)
	if err != nil {
		return f, err
	}
	for k := range opts {
		if k != "$filter" {
			return f, badRequest(k, "Query option '%s' is not supported on roleAssignments.", k)
		}
	}
	clause := opts["$filter"]
	for clause != "" {
		var part string
		part, clause, _ = strings.Cut(clause, " and ")
		prop, val, ok := strings.Cut(strings.TrimSpace(part), " eq ")
		val = strings.Trim(strings.TrimSpace(val), "'")
		switch {
		case ok && prop == "principalId":
			f.PrincipalID = strings.ToLower(val)
		case ok && prop == "roleDefinitionId":
			f.RoleTemplateID = strings.ToLower(val)
		case ok && prop == "directoryScopeId" && val == "/":
		default:
			return f, unsupportedQuery("roleAssignments support $filter with eq on principalId, roleDefinitionId and directoryScopeId, joined with and.")
		}
	}
	return f, nil
}

func (a *API) listRoleAssignments(w http.ResponseWriter, r *http.Request) error {
	f, err := roleAssignmentFilter(r)
	if err != nil {
		return err
	}
	ras, err := a.dir.ListRoleAssignments(r.Context(), tenantOf(r.Context()), f)
	if err != nil {
		return err
	}
	items := make([]any, len(ras))
	for i, ra := range ras {
		items[i] = roleAssignmentJSON(ra)
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("roleManagement/directory/roleAssignments"), "value": items})
	return nil
}

func (a *API) getRoleAssignment(w http.ResponseWriter, r *http.Request) error {
	ra, err := a.dir.GetRoleAssignment(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, roleAssignmentJSON(ra))
	return nil
}

// writeWarnings adds the warnings of a role change as HTTP Warning headers
// (code 299, "miscellaneous persistent warning"), in the caller's language:
// the Graph body has no place for them.
func writeWarnings(w http.ResponseWriter, r *http.Request, warnings []directory.AdminWarning) {
	for _, aw := range warnings {
		w.Header().Add("Warning", `299 atrium "`+strings.ReplaceAll(aw.Message(pageLang(r)), `"`, `'`)+`"`)
	}
}

func (a *API) createRoleAssignment(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var req client.RoleAssignment
	fields := map[string]*string{"roleDefinitionId": &req.RoleDefinitionID, "principalId": &req.PrincipalID, "directoryScopeId": &req.DirectoryScopeID}
	for _, k := range sortedKeys(m) {
		dst, ok := fields[k]
		if !ok {
			return badRequest(k, "Property '%s' does not exist on type 'microsoft.graph.unifiedRoleAssignment' or can't be set.", k)
		}
		if err := json.Unmarshal(m[k], dst); err != nil {
			return badRequest(k, "Property '%s' must be a string.", k)
		}
	}
	switch {
	case req.RoleDefinitionID == "" || req.PrincipalID == "":
		return badRequest("roleDefinitionId", "roleDefinitionId and principalId are required.")
	case req.DirectoryScopeID != "" && req.DirectoryScopeID != "/":
		return badRequest("directoryScopeId", "Only the directory scope '/' is supported (there are no administrative units).")
	}
	ch, err := a.dir.AssignRole(r.Context(), tenantOf(r.Context()), req.PrincipalID, req.RoleDefinitionID)
	if err != nil {
		return err
	}
	writeWarnings(w, r, ch.Warnings)
	w.Header().Set("Location", a.publicURL+"/v1.0/roleManagement/directory/roleAssignments/"+ch.Assignment.ID)
	body := struct {
		Context string `json:"@odata.context"`
		client.RoleAssignment
	}{a.odataContext("roleManagement/directory/roleAssignments/$entity"), roleAssignmentJSON(ch.Assignment)}
	writeJSON(w, http.StatusCreated, body)
	return nil
}

func (a *API) deleteRoleAssignment(w http.ResponseWriter, r *http.Request) error {
	warnings, err := a.dir.RemoveRoleAssignment(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeWarnings(w, r, warnings)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// directoryRoleJSON renders an activated role.
func directoryRoleJSON(ar directory.ActivatedRole) map[string]any {
	role, _ := authz.RoleByTemplate(ar.RoleTemplateID)
	return map[string]any{"id": ar.ID, "displayName": role.DisplayName, "description": role.Description,
		"roleTemplateId": ar.RoleTemplateID, "deletedDateTime": nil}
}

// activatedRole finds the tenant's activated role with the given id.
func (a *API) activatedRole(r *http.Request) (directory.ActivatedRole, error) {
	roles, err := a.dir.ListActivatedRoles(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return directory.ActivatedRole{}, err
	}
	id := r.PathValue("id")
	template, byTemplate := strings.CutPrefix(id, "roleTemplateId=")
	for _, ar := range roles {
		if (!byTemplate && strings.EqualFold(ar.ID, id)) || (byTemplate && strings.EqualFold(ar.RoleTemplateID, template)) {
			return ar, nil
		}
	}
	return directory.ActivatedRole{}, directory.NotFound(r.PathValue("id"))
}

func (a *API) listDirectoryRoles(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	roles, err := a.dir.ListActivatedRoles(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]any, len(roles))
	for i, ar := range roles {
		items[i] = directoryRoleJSON(ar)
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("directoryRoles"), "value": items})
	return nil
}

func (a *API) getDirectoryRole(w http.ResponseWriter, r *http.Request) error {
	ar, err := a.activatedRole(r)
	if err != nil {
		return err
	}
	body := directoryRoleJSON(ar)
	body["@odata.context"] = a.odataContext("directoryRoles/$entity")
	writeJSON(w, http.StatusOK, body)
	return nil
}

func (a *API) activateDirectoryRole(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var template string
	for _, k := range sortedKeys(m) {
		if k != "roleTemplateId" {
			return badRequest(k, "Property '%s' can't be set when activating a directory role; send roleTemplateId.", k)
		}
	}
	if err := json.Unmarshal(m["roleTemplateId"], &template); err != nil || template == "" {
		return badRequest("roleTemplateId", "Property 'roleTemplateId' is required.")
	}
	ar, err := a.dir.ActivateRole(r.Context(), tenantOf(r.Context()), template)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, directoryRoleJSON(ar))
	return nil
}

func (a *API) listDirectoryRoleMembers(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	ar, err := a.activatedRole(r)
	if err != nil {
		return err
	}
	users, err := a.dir.RoleMembers(r.Context(), tenantOf(r.Context()), ar.RoleTemplateID)
	if err != nil {
		return err
	}
	items := make([]any, len(users))
	for i := range users {
		items[i] = objectJSON(directory.DirectoryObject{Type: directory.TypeUser, User: &users[i]})
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("directoryObjects"), "value": items})
	return nil
}

func (a *API) addDirectoryRoleMember(w http.ResponseWriter, r *http.Request) error {
	id, err := readRef(w, r)
	if err != nil {
		return err
	}
	ar, err := a.activatedRole(r)
	if err != nil {
		return err
	}
	ch, err := a.dir.AssignRole(r.Context(), tenantOf(r.Context()), id, ar.RoleTemplateID)
	if err != nil {
		return err
	}
	writeWarnings(w, r, ch.Warnings)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) removeDirectoryRoleMember(w http.ResponseWriter, r *http.Request) error {
	ar, err := a.activatedRole(r)
	if err != nil {
		return err
	}
	warnings, err := a.dir.RemoveRoleMember(r.Context(), tenantOf(r.Context()), ar.RoleTemplateID, r.PathValue("member"))
	if err != nil {
		return err
	}
	writeWarnings(w, r, warnings)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// permissionMatrix answers GET /api/permissions: the seed's table as data,
// so that the admin center shows exactly what Atrium enforces; labels and
// descriptions are in the caller's language.
func (a *API) permissionMatrix(w http.ResponseWriter, r *http.Request) error {
	out := client.PermissionMatrix{Permissions: make([]string, len(authz.AllPermissions)), Roles: make([]client.MatrixRoleCells, 0, len(authz.Roles))}
	for i, perm := range authz.AllPermissions {
		out.Permissions[i] = string(perm)
	}
	for _, role := range authz.Roles {
		cells := make(map[string]string, len(authz.AllPermissions))
		for _, perm := range authz.AllPermissions {
			cells[string(perm)] = role.Grants(perm).String()
		}
		label, desc := role.Label, role.Description
		if pageLang(r) == "nl" {
			label, desc = role.LabelNL, role.DescriptionNL
		}
		out.Roles = append(out.Roles, client.MatrixRoleCells{TemplateID: role.TemplateID, DisplayName: role.DisplayName,
			Label: label, Description: desc, Cells: cells})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

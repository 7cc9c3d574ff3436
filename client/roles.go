package client

import (
	"context"
	"net/http"
	"net/url"
)

// ListRoleDefinitions returns the built-in roles.
func (c *Client) ListRoleDefinitions(ctx context.Context) ([]RoleDefinition, error) {
	var p Page[RoleDefinition]
	err := c.Do(ctx, http.MethodGet, "/v1.0/roleManagement/directory/roleDefinitions", nil, nil, nil, &p)
	return p.Value, err
}

// ListRoleAssignments returns role assignments; filter is an OData $filter
// with eq on principalId and roleDefinitionId (empty for all).
func (c *Client) ListRoleAssignments(ctx context.Context, filter string) ([]RoleAssignment, error) {
	var p Page[RoleAssignment]
	var q url.Values
	if filter != "" {
		q = url.Values{"$filter": {filter}}
	}
	err := c.Do(ctx, http.MethodGet, "/v1.0/roleManagement/directory/roleAssignments", q, nil, nil, &p)
	return p.Value, err
}

// AssignRole gives a user a role; the returned warnings say what the
// admin should still do (alternate email, mobile phone).
func (c *Client) AssignRole(ctx context.Context, userID, roleDefinitionID string) (RoleAssignment, []string, error) {
	var ra RoleAssignment
	var hdr http.Header
	err := c.do(ctx, http.MethodPost, "/v1.0/roleManagement/directory/roleAssignments", nil, nil,
		RoleAssignment{RoleDefinitionID: roleDefinitionID, PrincipalID: userID, DirectoryScopeID: "/"}, &ra, &hdr)
	return ra, warnings(hdr), err
}

// RemoveRoleAssignment removes an assignment.
func (c *Client) RemoveRoleAssignment(ctx context.Context, id string) error {
	return c.Do(ctx, http.MethodDelete, "/v1.0/roleManagement/directory/roleAssignments/"+esc(id), nil, nil, nil, nil)
}

// BulkRoles assigns or revokes a role for many users.
func (c *Client) BulkRoles(ctx context.Context, req BulkRolesRequest) (BulkRolesResponse, error) {
	var out BulkRolesResponse
	err := c.Do(ctx, http.MethodPost, "/api/bulk/roles", nil, nil, req, &out)
	return out, err
}

// MyAdmins tells whom to ask for help.
func (c *Client) MyAdmins(ctx context.Context) (MyAdmins, error) {
	var out MyAdmins
	err := c.Do(ctx, http.MethodGet, "/api/myAdmins", nil, nil, nil, &out)
	return out, err
}

// WorkloadRoles lists the roles a user holds inside the services.
func (c *Client) WorkloadRoles(ctx context.Context, userID string) ([]string, error) {
	var out WorkloadRoles
	err := c.Do(ctx, http.MethodGet, "/api/users/"+esc(userID)+"/workloadRoles", nil, nil, nil, &out)
	return out.Roles, err
}

// warnings reads the texts of HTTP Warning headers (299 atrium "text").
func warnings(h http.Header) []string {
	var out []string
	for _, v := range h.Values("Warning") {
		if i := len(`299 atrium "`); len(v) > i+1 && v[:i] == `299 atrium "` {
			out = append(out, v[i:len(v)-1])
		}
	}
	return out
}

// PermissionMatrix is the seed's permission table as GET /api/permissions
// returns it: the permission ids in the table's order and, per built-in
// role, its cell for each permission (Y, R, L1, L2 or N).
type PermissionMatrix struct {
	Permissions []string          `json:"permissions"`
	Roles       []MatrixRoleCells `json:"roles"`
}

// MatrixRoleCells is one role's column of the permission table.
type MatrixRoleCells struct {
	TemplateID  string            `json:"templateId"`
	DisplayName string            `json:"displayName"`
	Label       string            `json:"label"`
	Description string            `json:"description"`
	Cells       map[string]string `json:"cells"`
}

package client

import (
	"context"
	"net/http"
	"net/url"
)

func esc(s string) string { return url.PathEscape(s) }

// ListUsers returns the first page of users.
func (c *Client) ListUsers(ctx context.Context, o ListOptions) (Page[User], error) {
	return list[User](ctx, c, "/v1.0/users", o)
}

// ListDeletedUsers returns the first page of deleted users.
func (c *Client) ListDeletedUsers(ctx context.Context, o ListOptions) (Page[User], error) {
	return list[User](ctx, c, "/v1.0/directory/deletedItems/microsoft.graph.user", o)
}

// GetUser returns a user by id or user principal name.
func (c *Client) GetUser(ctx context.Context, idOrUPN string, selectProps ...string) (User, error) {
	var u User
	var q url.Values
	if len(selectProps) > 0 {
		q = ListOptions{Select: selectProps}.query()
	}
	err := c.Do(ctx, http.MethodGet, "/v1.0/users/"+esc(idOrUPN), q, nil, nil, &u)
	return u, err
}

// Me returns the signed-in user.
func (c *Client) Me(ctx context.Context) (User, error) {
	var u User
	err := c.Do(ctx, http.MethodGet, "/v1.0/me", nil, nil, nil, &u)
	return u, err
}

// CreateUser creates a user from Graph properties (including
// passwordProfile).
func (c *Client) CreateUser(ctx context.Context, props map[string]any) (User, error) {
	var u User
	err := c.Do(ctx, http.MethodPost, "/v1.0/users", nil, nil, props, &u)
	return u, err
}

// UpdateUser PATCHes a user.
func (c *Client) UpdateUser(ctx context.Context, idOrUPN string, props map[string]any) error {
	return c.Do(ctx, http.MethodPatch, "/v1.0/users/"+esc(idOrUPN), nil, nil, props, nil)
}

// DeleteUser moves a user to deleted items.
func (c *Client) DeleteUser(ctx context.Context, idOrUPN string) error {
	return c.Do(ctx, http.MethodDelete, "/v1.0/users/"+esc(idOrUPN), nil, nil, nil, nil)
}

// RestoreUser restores a deleted user.
func (c *Client) RestoreUser(ctx context.Context, id string) (User, error) {
	var u User
	err := c.Do(ctx, http.MethodPost, "/v1.0/directory/deletedItems/"+esc(id)+"/restore", nil, nil, nil, &u)
	return u, err
}

// PurgeUser removes a deleted user for good.
func (c *Client) PurgeUser(ctx context.Context, id string) error {
	return c.Do(ctx, http.MethodDelete, "/v1.0/directory/deletedItems/"+esc(id), nil, nil, nil, nil)
}

// ListGroups returns the first page of groups.
func (c *Client) ListGroups(ctx context.Context, o ListOptions) (Page[Group], error) {
	return list[Group](ctx, c, "/v1.0/groups", o)
}

// GetGroup returns a group.
func (c *Client) GetGroup(ctx context.Context, id string) (Group, error) {
	var g Group
	err := c.Do(ctx, http.MethodGet, "/v1.0/groups/"+esc(id), nil, nil, nil, &g)
	return g, err
}

// CreateGroup creates a group from Graph properties.
func (c *Client) CreateGroup(ctx context.Context, props map[string]any) (Group, error) {
	var g Group
	err := c.Do(ctx, http.MethodPost, "/v1.0/groups", nil, nil, props, &g)
	return g, err
}

// UpdateGroup PATCHes a group.
func (c *Client) UpdateGroup(ctx context.Context, id string, props map[string]any) error {
	return c.Do(ctx, http.MethodPatch, "/v1.0/groups/"+esc(id), nil, nil, props, nil)
}

// DeleteGroup deletes a group.
func (c *Client) DeleteGroup(ctx context.Context, id string) error {
	return c.Do(ctx, http.MethodDelete, "/v1.0/groups/"+esc(id), nil, nil, nil, nil)
}

func ref(c *Client, id string) map[string]any {
	return map[string]any{"@odata.id": c.BaseURL + "/v1.0/directoryObjects/" + id}
}

// AddMember adds a user or group to a group.
func (c *Client) AddMember(ctx context.Context, groupID, memberID string) error {
	return c.Do(ctx, http.MethodPost, "/v1.0/groups/"+esc(groupID)+"/members/$ref", nil, nil, ref(c, memberID), nil)
}

// RemoveMember removes a member from a group.
func (c *Client) RemoveMember(ctx context.Context, groupID, memberID string) error {
	return c.Do(ctx, http.MethodDelete, "/v1.0/groups/"+esc(groupID)+"/members/"+esc(memberID)+"/$ref", nil, nil, nil, nil)
}

// AddOwner makes a user an owner of a group.
func (c *Client) AddOwner(ctx context.Context, groupID, userID string) error {
	return c.Do(ctx, http.MethodPost, "/v1.0/groups/"+esc(groupID)+"/owners/$ref", nil, nil, ref(c, userID), nil)
}

// RemoveOwner removes an owner from a group.
func (c *Client) RemoveOwner(ctx context.Context, groupID, userID string) error {
	return c.Do(ctx, http.MethodDelete, "/v1.0/groups/"+esc(groupID)+"/owners/"+esc(userID)+"/$ref", nil, nil, nil, nil)
}

// ListMembers returns the first page of a group's members.
func (c *Client) ListMembers(ctx context.Context, groupID string, o ListOptions) (Page[DirectoryObject], error) {
	return list[DirectoryObject](ctx, c, "/v1.0/groups/"+esc(groupID)+"/members", o)
}

// ListOwners returns the first page of a group's owners.
func (c *Client) ListOwners(ctx context.Context, groupID string, o ListOptions) (Page[DirectoryObject], error) {
	return list[DirectoryObject](ctx, c, "/v1.0/groups/"+esc(groupID)+"/owners", o)
}

// ListDomains returns the tenant's domains.
func (c *Client) ListDomains(ctx context.Context) ([]Domain, error) {
	var p Page[Domain]
	err := c.Do(ctx, http.MethodGet, "/v1.0/domains", nil, nil, nil, &p)
	return p.Value, err
}

// GetDomain returns one domain.
func (c *Client) GetDomain(ctx context.Context, name string) (Domain, error) {
	var d Domain
	err := c.Do(ctx, http.MethodGet, "/v1.0/domains/"+esc(name), nil, nil, nil, &d)
	return d, err
}

// AddDomain adds a domain.
func (c *Client) AddDomain(ctx context.Context, name string) (Domain, error) {
	var d Domain
	err := c.Do(ctx, http.MethodPost, "/v1.0/domains", nil, nil, map[string]any{"id": name}, &d)
	return d, err
}

// DomainVerificationRecords returns the DNS records that verify a domain.
func (c *Client) DomainVerificationRecords(ctx context.Context, name string) ([]DomainDNSRecord, error) {
	var p Page[DomainDNSRecord]
	err := c.Do(ctx, http.MethodGet, "/v1.0/domains/"+esc(name)+"/verificationDnsRecords", nil, nil, nil, &p)
	return p.Value, err
}

// VerifyDomain asks the server to look up the verification record.
func (c *Client) VerifyDomain(ctx context.Context, name string) (Domain, error) {
	var d Domain
	err := c.Do(ctx, http.MethodPost, "/v1.0/domains/"+esc(name)+"/verify", nil, nil, nil, &d)
	return d, err
}

// SetDefaultDomain makes a verified domain the default.
func (c *Client) SetDefaultDomain(ctx context.Context, name string) error {
	return c.Do(ctx, http.MethodPatch, "/v1.0/domains/"+esc(name), nil, nil, map[string]any{"isDefault": true}, nil)
}

// DeleteDomain removes a domain.
func (c *Client) DeleteDomain(ctx context.Context, name string) error {
	return c.Do(ctx, http.MethodDelete, "/v1.0/domains/"+esc(name), nil, nil, nil, nil)
}

// GetOrganization returns the tenant's organization profile.
func (c *Client) GetOrganization(ctx context.Context) (Organization, error) {
	var p Page[Organization]
	err := c.Do(ctx, http.MethodGet, "/v1.0/organization", nil, nil, nil, &p)
	if err == nil && len(p.Value) == 1 {
		return p.Value[0], nil
	}
	return Organization{}, err
}

// UpdateOrganization PATCHes the organization profile.
func (c *Client) UpdateOrganization(ctx context.Context, id string, props map[string]any) error {
	return c.Do(ctx, http.MethodPatch, "/v1.0/organization/"+esc(id), nil, nil, props, nil)
}

// ListAudit returns the first page of the directory audit log.
func (c *Client) ListAudit(ctx context.Context, o ListOptions) (Page[DirectoryAudit], error) {
	return list[DirectoryAudit](ctx, c, "/v1.0/auditLogs/directoryAudits", o)
}

// Signup creates a tenant on a deployment that allows sign-up.
func (c *Client) Signup(ctx context.Context, req SignupRequest) (SignupResponse, error) {
	var out SignupResponse
	err := c.Do(ctx, http.MethodPost, "/api/signup", nil, nil, req, &out)
	return out, err
}

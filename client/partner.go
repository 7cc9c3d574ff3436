package client

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// TenantHeader names the customer a partner's user acts in: every /api
// and /v1.0 request carrying it runs in that tenant with the user's
// delegated roles there.
const TenantHeader = "Atrium-Tenant"

// PartnerAgent says which agent groups of their partner tenant a user is in.
type PartnerAgent struct {
	Admin    bool `json:"admin"`
	Helpdesk bool `json:"helpdesk"`
	Sales    bool `json:"sales"`
}

// PartnerProfile says whether the caller's organization is a partner
// (GET /api/partner).
type PartnerProfile struct {
	IsPartner         bool         `json:"isPartner"`
	PartnerTenantType string       `json:"partnerTenantType"`
	Agent             PartnerAgent `json:"agent"`
	DAPEnabled        bool         `json:"dapEnabled"`
}

// PartnerInvitation is a reseller relationship request to send to a
// customer (POST /api/partner/invitations).
type PartnerInvitation struct {
	Token          string `json:"token"`
	URL            string `json:"url"`
	DelegatedAdmin bool   `json:"delegatedAdmin"`
	EmailSubject   string `json:"emailSubject"`
	EmailBody      string `json:"emailBody"`
}

// InvitationInfo is what a customer sees before accepting an invitation.
type InvitationInfo struct {
	PartnerTenantID string `json:"partnerTenantId"`
	PartnerName     string `json:"partnerName"`
	ContactEmail    string `json:"contactEmail"`
	ContactPhone    string `json:"contactPhone"`
	InvitedBy       string `json:"invitedBy"`
	DelegatedAdmin  bool   `json:"delegatedAdmin"`
	Existing        string `json:"existing"` // "", "reseller" or "delegatedAdmin"
}

// PartnerCustomer is one row of a partner's Customers list.
type PartnerCustomer struct {
	TenantID            string     `json:"tenantId"`
	DisplayName         string     `json:"displayName"`
	DefaultDomainName   string     `json:"defaultDomainName"`
	ContractID          string     `json:"contractId"`
	ResellerSince       time.Time  `json:"resellerSince"`
	DelegatedAdmin      bool       `json:"delegatedAdmin"`
	DelegatedAdminSince *time.Time `json:"delegatedAdminSince"`
}

// PartnerRelationship is one partner on a customer's Partner
// relationships page.
type PartnerRelationship struct {
	PartnerTenantID string `json:"partnerTenantId"`
	DisplayName     string `json:"displayName"`
	ContactEmail    string `json:"contactEmail"`
	ContactPhone    string `json:"contactPhone"`
	// Reseller is false for a partner with GDAP relationships alone.
	Reseller            bool       `json:"reseller"`
	ResellerSince       *time.Time `json:"resellerSince"`
	DelegatedAdmin      bool       `json:"delegatedAdmin"`
	DelegatedAdminSince *time.Time `json:"delegatedAdminSince"`
	// GDAP lists the partner's GDAP relationships with the organization
	// (in the list; not on acceptance).
	GDAP []GDAPApproval `json:"gdap,omitempty"`
}

// Contract is Graph's contract: a partner's customer.
type Contract struct {
	ID                string `json:"id"`
	ContractType      string `json:"contractType"`
	CustomerID        string `json:"customerId"`
	DefaultDomainName string `json:"defaultDomainName"`
	DisplayName       string `json:"displayName"`
}

// PartnerActivity is an entry of a partner's activity log: an audit event
// one of its users caused in a customer.
type PartnerActivity struct {
	CustomerTenantID string `json:"customerTenantId"`
	DirectoryAudit
}

// PartnerInvite makes a reseller relationship request.
func (c *Client) PartnerInvite(ctx context.Context, delegatedAdmin bool) (PartnerInvitation, error) {
	var out PartnerInvitation
	err := c.Do(ctx, http.MethodPost, "/api/partner/invitations", nil, nil, map[string]bool{"delegatedAdmin": delegatedAdmin}, &out)
	return out, err
}

// AcceptInvitation accepts a partner's invitation for the caller's
// organization.
func (c *Client) AcceptInvitation(ctx context.Context, token string) (PartnerRelationship, error) {
	var out PartnerRelationship
	err := c.Do(ctx, http.MethodPost, "/api/partner/invitations/"+url.PathEscape(token)+"/accept", nil, nil, nil, &out)
	return out, err
}

// PartnerCustomers lists all of the caller's partner organization's
// customers, page after page.
func (c *Client) PartnerCustomers(ctx context.Context) ([]PartnerCustomer, error) {
	var all []PartnerCustomer
	path := "/api/partner/customers"
	for path != "" {
		var out struct {
			Value    []PartnerCustomer `json:"value"`
			NextLink string            `json:"@odata.nextLink"`
		}
		if err := c.Do(ctx, http.MethodGet, path, nil, nil, nil, &out); err != nil {
			return all, err
		}
		all, path = append(all, out.Value...), out.NextLink
	}
	return all, nil
}

// PartnerRelationships lists the caller's organization's partners.
func (c *Client) PartnerRelationships(ctx context.Context) ([]PartnerRelationship, error) {
	var out struct {
		Value []PartnerRelationship `json:"value"`
	}
	err := c.Do(ctx, http.MethodGet, "/api/partnerRelationships", nil, nil, nil, &out)
	return out.Value, err
}

// RemoveDelegatedAdmin ends a partner's delegated admin privileges in the
// caller's organization, keeping it as reseller.
func (c *Client) RemoveDelegatedAdmin(ctx context.Context, partnerTenantID string) error {
	return c.Do(ctx, http.MethodDelete, "/api/partnerRelationships/"+url.PathEscape(partnerTenantID)+"/delegatedAdmin", nil, nil, nil, nil)
}

// ActingIn returns a copy of the client whose requests act in the customer
// tenant customerID with the user's delegated roles.
func (c *Client) ActingIn(customerID string) *Client {
	cp := *c
	cp.Tenant = customerID
	return &cp
}

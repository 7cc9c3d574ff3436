// Package partner holds the data of partner relationships (partners.md):
// a partner tenant's agent groups, the reseller relationship with delegated
// admin (DAP) between a partner and a customer, and reseller invitations.
// It is pure: the directory service stores and enforces them.
package partner

import "time"

// TenantType is the organization's partnerTenantType of a partner tenant.
const TenantType = "resellerPartnerDelegatedAdmin"

// Profile marks a tenant as a partner and names its agent groups, which
// are created with it and can be neither renamed nor deleted.
type Profile struct {
	Type           string `json:"type,omitempty"` // TenantType, or "" for an ordinary tenant
	AdminAgents    string `json:"adminAgents,omitempty"`
	HelpdeskAgents string `json:"helpdeskAgents,omitempty"`
	SalesAgents    string `json:"salesAgents,omitempty"`
}

// IsPartner reports whether the tenant is a partner tenant.
func (p Profile) IsPartner() bool { return p.Type != "" }

// IsAgentGroup reports whether groupID is one of the agent groups.
func (p Profile) IsAgentGroup(groupID string) bool {
	return p.IsPartner() && (groupID == p.AdminAgents || groupID == p.HelpdeskAgents || groupID == p.SalesAgents)
}

// The agent groups' names (mailNickname and displayName).
const (
	AdminAgentsName    = "AdminAgents"
	HelpdeskAgentsName = "HelpdeskAgents"
	SalesAgentsName    = "SalesAgents"
)

// Relationship is the reseller relationship between a partner and a
// customer, stored once and seen from both sides. DAPSince is set while
// the customer grants the partner delegated admin privileges.
type Relationship struct {
	PartnerTenantID  string
	CustomerTenantID string
	// ContractID is the id of the Graph contract the partner sees.
	ContractID string
	// PartnerName, CustomerName and CustomerDomain are copies taken at
	// acceptance; like Graph's contract they are not refreshed.
	PartnerName    string
	CustomerName   string
	CustomerDomain string
	ResellerSince  time.Time
	DAPSince       time.Time // zero: no delegated admin
}

// CustomerKey is where a page of a partner's customers ends: the last
// customer's name and tenant id (zero: from the start).
type CustomerKey struct {
	Name     string
	TenantID string
}

// Key returns the relationship's place in the customer list.
func (r Relationship) Key() CustomerKey {
	return CustomerKey{Name: r.CustomerName, TenantID: r.CustomerTenantID}
}

// HasDAP reports whether delegated admin is granted.
func (r Relationship) HasDAP() bool { return !r.DAPSince.IsZero() }

// InvitationTTL is how long a reseller invitation link may be accepted.
// Partner Center's links don't expire; Atrium's do, so that a leaked old
// link can't bring delegated admin rights years later.
const InvitationTTL = 30 * 24 * time.Hour

// Invitation is a reseller relationship request a partner's agent made.
// Its link carries "<partner tenant id>.<secret>"; only the secret's hash
// is stored, and a link is accepted once.
type Invitation struct {
	TokenHash      string
	DelegatedAdmin bool
	CreatedBy      string // the agent's user id
	CreatedByName  string
	CreatedAt      time.Time
	ExpiresAt      time.Time
	AcceptedAt     time.Time // zero until accepted
	AcceptedBy     string    // the customer tenant
}

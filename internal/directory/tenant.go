package directory

import "time"

// Tenant is an organization: one directory with its own users, groups and
// domains, and the profile its admins keep.
type Tenant struct {
	ID           string
	CreatedAt    time.Time
	CursorSecret []byte // signs paging tokens; never leaves the server
	Org          Organization
}

// Organization is the profile a tenant's admins keep.
type Organization struct {
	DisplayName                         string
	Street                              string
	City                                string
	State                               string
	PostalCode                          string
	Country                             string
	CountryLetterCode                   string
	BusinessPhones                      []string
	PreferredLanguage                   string
	DefaultUsageLocation                string
	TechnicalNotificationMails          []string
	MarketingNotificationEmails         []string
	SecurityComplianceNotificationMails []string
}

// SigningKey is a tenant's token signing key as the store keeps it. The
// key material is opaque to the directory.
type SigningKey struct {
	KID        string
	PrivatePEM []byte
	CreatedAt  time.Time
}

// RoleAssignment gives a principal a directory role in the tenant.
type RoleAssignment struct {
	ID             string
	RoleTemplateID string
	PrincipalID    string
	CreatedAt      time.Time
}

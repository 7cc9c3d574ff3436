package directory

import (
	"time"

	"github.com/atriumhq/atrium/internal/directory/partner"
)

// Tenant is an organization: one directory with its own users, groups and
// domains, and the profile its admins keep.
type Tenant struct {
	ID           string
	CreatedAt    time.Time
	CursorSecret []byte // signs paging tokens; never leaves the server
	Org          Organization
	Settings     Settings
}

// Settings are the tenant settings a Global admin keeps.
type Settings struct {
	PasswordPolicy PasswordPolicy `json:"passwordPolicy"`
	// SecurityDefaults makes every admin register and use an authenticator
	// app; nil means on, as for new tenants.
	SecurityDefaults *bool `json:"securityDefaults,omitempty"`
	// Helpdesk is the help desk information people without admin rights see.
	Helpdesk Helpdesk `json:"helpdesk,omitzero"`
	// DirSync are the directory synchronization settings.
	DirSync DirSyncSettings `json:"dirSync,omitzero"`
	// Partner marks a partner tenant; only the operator sets it.
	Partner partner.Profile `json:"partner,omitzero"`
}

// PasswordPolicy is the tenant's part of the password rules: its own banned
// terms, smart lockout, and the lifetime of temporary passwords. Zero
// values mean the defaults.
type PasswordPolicy struct {
	CustomBannedPasswords         []string `json:"customBannedPasswords,omitempty"`
	LockoutThreshold              int      `json:"lockoutThreshold,omitempty"`
	LockoutDurationSeconds        int      `json:"lockoutDurationSeconds,omitempty"`
	TemporaryPasswordLifetimeDays int      `json:"temporaryPasswordLifetimeDays,omitempty"`
	// GeneratedFormat is how generated passwords look: "modern16" (the
	// default) or the seed era's "legacy8".
	GeneratedFormat string `json:"generatedFormat,omitempty"`
	// SSPRScope is who may reset a forgotten password themselves: "none"
	// (the default) or "all". Admins always may, under the admin policy.
	SSPRScope string `json:"ssprScope,omitempty"`
	// PasswordValidityDays is the tenant's password expiration policy:
	// 0 (the default) never expires; else 14 to 730 days, after which the
	// user must choose a new password at sign-in.
	PasswordValidityDays int `json:"passwordValidityDays,omitempty"`
	// PasswordNotificationDays is how long before expiry users are told
	// (1 to 30; 14 when expiry is on).
	PasswordNotificationDays int `json:"passwordNotificationDays,omitempty"`
}

// The password policy defaults (users-and-passwords.md §4.5, §8).
const (
	DefaultLockoutThreshold       = 10
	DefaultLockoutDurationSeconds = 60
	DefaultTemporaryLifetimeDays  = 90
)

// WithDefaults fills zero values with the defaults.
func (p PasswordPolicy) WithDefaults() PasswordPolicy {
	if p.LockoutThreshold == 0 {
		p.LockoutThreshold = DefaultLockoutThreshold
	}
	if p.LockoutDurationSeconds == 0 {
		p.LockoutDurationSeconds = DefaultLockoutDurationSeconds
	}
	if p.TemporaryPasswordLifetimeDays == 0 {
		p.TemporaryPasswordLifetimeDays = DefaultTemporaryLifetimeDays
	}
	if p.SSPRScope == "" {
		p.SSPRScope = "none"
	}
	if p.GeneratedFormat == "" {
		p.GeneratedFormat = "modern16"
	}
	if p.CustomBannedPasswords == nil {
		p.CustomBannedPasswords = []string{}
	}
	if p.PasswordValidityDays > 0 && p.PasswordNotificationDays == 0 {
		p.PasswordNotificationDays = 14
	}
	return p
}

// PasswordExpired reports whether the policy has expired the password a
// user last set at changedAt.
func (p PasswordPolicy) PasswordExpired(changedAt, now time.Time) bool {
	return p.PasswordValidityDays > 0 && !changedAt.IsZero() && now.After(changedAt.AddDate(0, 0, p.PasswordValidityDays))
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
	// ActivatesAt is when the key starts signing (zero: at once); it is
	// published from CreatedAt on, so that caches learn it first.
	ActivatesAt time.Time
	// RetiresAt is when the key stops being published (zero: not retiring).
	RetiresAt time.Time
}

// RoleAssignment gives a principal a directory role in the tenant.
type RoleAssignment struct {
	ID             string
	RoleTemplateID string
	PrincipalID    string
	CreatedAt      time.Time
}

// RoleFilter selects role assignments; empty fields match everything.
type RoleFilter struct {
	PrincipalID    string
	RoleTemplateID string
}

// ActivatedRole is a role the tenant uses, with its per-tenant id (Graph's
// directoryRole).
type ActivatedRole struct {
	ID             string
	RoleTemplateID string
	ActivatedAt    time.Time
}

// UserView is a saved filter of the Active users list.
type UserView struct {
	ID         string
	Name       string
	Conditions ViewConditions
	CreatedAt  time.Time
}

// ViewConditions are the conditions of a user view; all must match. Empty
// fields match everything.
type ViewConditions struct {
	Domain         string `json:"domain,omitempty"`
	SignInAllowed  *bool  `json:"signInAllowed,omitempty"`
	UsageLocation  string `json:"usageLocation,omitempty"`
	Department     string `json:"department,omitempty"`
	City           string `json:"city,omitempty"`
	State          string `json:"state,omitempty"`
	Country        string `json:"country,omitempty"`
	JobTitle       string `json:"jobTitle,omitempty"`
	SyncedOnly     bool   `json:"syncedOnly,omitempty"`
	RoleTemplateID string `json:"roleTemplateId,omitempty"`
}

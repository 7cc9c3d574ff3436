package directory

import (
	"strings"
	"time"
)

// User is a person's account in a tenant. Empty strings mean "not set" and
// are shown as null by the API.
type User struct {
	ID                    string
	AccountEnabled        bool
	DisplayName           string
	GivenName             string
	Surname               string
	UserPrincipalName     string
	Mail                  string
	MailNickname          string
	JobTitle              string
	Department            string
	OfficeLocation        string
	CompanyName           string
	EmployeeID            string
	BusinessPhones        []string
	MobilePhone           string
	FaxNumber             string
	StreetAddress         string
	City                  string
	State                 string
	PostalCode            string
	Country               string
	UsageLocation         string
	PreferredLanguage     string
	OtherMails            []string
	UserType              string
	OnPremisesSyncEnabled *bool // nil: never synced
	OnPremisesImmutableID string
	Licenses              []License // filled only by WithLicenses, for assignedLicenses

	PasswordHash        string // argon2id PHC string; never leaves the service
	ForceChangePassword bool
	PasswordChangedAt   time.Time
	CreatedAt           time.Time
	DeletedAt           time.Time // zero while active
}

// Deleted reports whether the user is in deleted items.
func (u *User) Deleted() bool { return !u.DeletedAt.IsZero() }

// Synced reports whether directory synchronization masters the user.
func (u *User) Synced() bool { return u.OnPremisesSyncEnabled != nil && *u.OnPremisesSyncEnabled }

// ProxyAddresses derives the user's proxy addresses from mail: the primary
// SMTP address in capitals.
func (u *User) ProxyAddresses() []string {
	if u.Mail == "" {
		return []string{}
	}
	return []string{"SMTP:" + u.Mail}
}

// Addresses lists the addresses the user claims in the tenant's shared
// address space (UPN, mail), each with the property that claims it,
// folded to lower case and without repeats.
func (u *User) Addresses() []Address {
	var out []Address
	seen := map[string]bool{}
	add := func(prop, addr string) {
		f := Fold(addr)
		if addr == "" || seen[f] {
			return
		}
		seen[f] = true
		out = append(out, Address{Address: f, Domain: DomainOf(f), Property: prop})
	}
	add("userPrincipalName", u.UserPrincipalName)
	add("mail", u.Mail)
	return out
}

// Address is an entry in a tenant's address space: user principal names,
// mail and proxy addresses of users and groups are unique across it.
type Address struct {
	Address  string // folded
	Domain   string // folded domain part
	Property string // which property of the owner uses it
}

// Fold is the case folding used for every case-insensitive comparison and
// unique index.
func Fold(s string) string { return strings.ToLower(s) }

// DomainOf returns the part after the last '@', or "".
func DomainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		return addr[i+1:]
	}
	return ""
}

// PasswordProfile is the write-only password part of a user create or
// update.
type PasswordProfile struct {
	Password                      string
	ForceChangePasswordNextSignIn bool
}

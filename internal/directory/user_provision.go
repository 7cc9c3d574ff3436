package directory

import (
	"slices"
	"strings"
	"time"
)

// Ways to give a new user their first password (NewAccount.Password.Mode).
const (
	PasswordByLink     = "link"     // a one-time link to choose one (the default)
	PasswordGenerated  = "generate" // Atrium makes a temporary password
	PasswordTyped      = "typed"    // the admin types one twice
	MaxAccountMailings = 5          // recipients of the account details (spec §6.1)
)

// NewAccount is everything the add-user wizard decides at once (issue 6,
// spec §3.3): the user, the first password, location, licenses, roles
// and who gets the account details by email.
type NewAccount struct {
	User          Changes // Graph user properties
	Password      PasswordChoice
	UsageLocation string
	Licenses      []License
	AutoPurchase  bool     // buy a seat of a license that has none free
	Roles         []string // role template ids
	EmailTo       []string // recipients of the account details
	// PublicURL is the server's address, for the sign-in and set-password
	// links in the email; the directory doesn't know it.
	PublicURL string
}

// PasswordChoice is how a new user gets a first password.
type PasswordChoice struct {
	Mode        string // PasswordByLink, PasswordGenerated or PasswordTyped
	Value       string // the typed password
	Confirm     string // the typed password again
	ForceChange bool   // change at next sign-in (not for links: the user chooses)
}

// ProvisionedAccount is the outcome of ProvisionUser. The temporary
// password and the link are returned this once and kept nowhere else.
type ProvisionedAccount struct {
	User              User
	TemporaryPassword string // generated passwords only
	SetPasswordURL    string // link mode only
	SetPasswordExpiry time.Time
	Licenses          []License
	Roles             []string // template ids
	Purchased         []Purchase
	EmailsQueued      int
}

// ErrOwnMailbox refuses to send a new user's account details to the
// mailbox they can't open until they sign in (spec §6.1).
var ErrOwnMailbox = Invalid("delivery.emailTo", "Send the password to an address the user can reach now, not to their new mailbox.")

// accountRecipients trims, drops empty entries and collapses duplicates
// of the recipient list, then checks each address and the limit.
func accountRecipients(list []string) ([]string, error) {
	var out []string
	for _, a := range list {
		a = strings.TrimSpace(a)
		if a == "" || slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, a) }) {
			continue
		}
		if msg := checkMail(a); msg != "" {
			return nil, Invalid("delivery.emailTo", "'%s' is not a valid email address: %s", a, msg)
		}
		out = append(out, a)
	}
	if len(out) > MaxAccountMailings {
		return nil, Invalid("delivery.emailTo", "Send the account details to at most %d addresses.", MaxAccountMailings)
	}
	return out, nil
}

// checkReachable refuses recipients that are the new user's own addresses
// (user principal name, mail, proxy addresses).
func checkReachable(u *User, recipients []string) error {
	for _, a := range u.Addresses() {
		if slices.ContainsFunc(recipients, func(r string) bool { return Fold(r) == a.Address }) {
			return ErrOwnMailbox
		}
	}
	return nil
}

// inField renames the field of a validation or conflict error to where it
// sits in the provisioning request; other errors pass unchanged.
func inField(err error, rename func(field string) string) error {
	de, ok := AsError(err)
	if !ok || (de.Kind != KindInvalid && de.Kind != KindConflict) {
		return err
	}
	c := *de
	c.Field = rename(de.Field)
	return &c
}

// userField places a user property's error under "user.".
func userField(f string) string {
	if f == "" {
		return "user"
	}
	return "user." + f
}

// licenseField places the license rules' errors: location and purchase
// keep their names, every other one is about "licenses".
func licenseField(f string) string {
	if f == "usageLocation" || f == "autoPurchase" {
		return f
	}
	return "licenses"
}

// rolesField places every role error under "roles".
func rolesField(string) string { return "roles" }

// passwordField places the policy's refusal under "password.value".
func passwordField(string) string { return "password.value" }

package authz

import (
	"fmt"
	"strings"
)

// Refusal explains why a principal may not act: the permission it lacks
// and the roles that carry it, or the target rule that applied.
type Refusal struct {
	Permission Permission
	Rule       string // "" for a missing permission; "L1", "L2", "self" for target rules
	Message    string
}

func (r *Refusal) Error() string { return r.Message }

// MessageIn is the refusal in lang: Dutch for "nl…", else the English
// Message.
func (r *Refusal) MessageIn(lang string) string {
	if !strings.HasPrefix(strings.ToLower(lang), "nl") {
		return r.Message
	}
	switch r.Rule {
	case "":
		if r.Permission == "" {
			return "Onvoldoende bevoegdheden om de bewerking uit te voeren."
		}
		return fmt.Sprintf("Onvoldoende bevoegdheden om de bewerking uit te voeren. Hiervoor is de machtiging %s nodig, die deze rollen hebben: %s.",
			r.Permission, strings.Join(HoldersOf(r.Permission, true), ", "))
	case "self":
		return "Als beheerder kunt u uw eigen wachtwoord niet opnieuw instellen; wijzig het in Mijn account."
	case "L1":
		return "Wachtwoordbeheerders en gebruikersbeheerders kunnen alleen wachtwoorden opnieuw instellen van personen zonder beheerdersrol; vraag het een globale beheerder."
	case "photo":
		return "Alleen de gebruiker zelf kan de eigen foto instellen of verwijderen, in Mijn account."
	case "L2":
		return "Gebruikersbeheerders kunnen een gebruiker met een beheerdersrol niet blokkeren, hernoemen, verwijderen of herstellen, en diens alternatieve e-mailadres, telefoonnummers of wachtwoord niet wijzigen; vraag het een globale beheerder."
	}
	return r.Message
}

// Check returns nil if p holds perm in tenantID, else a Refusal that names
// the permission and the roles that carry it.
func Check(p Principal, perm Permission, tenantID string) error {
	if Allowed(p, perm, tenantID) {
		return nil
	}
	return missing(perm)
}

func missing(perm Permission) *Refusal {
	return &Refusal{Permission: perm, Message: fmt.Sprintf(
		"Insufficient privileges to complete the operation. It needs the permission %s, which these roles carry: %s.",
		perm, strings.Join(HoldersOf(perm, false), ", "))}
}

// Action is what a principal does to a target user, for the target rules.
type Action int

// The actions the target rules tell apart.
const (
	// ActEdit changes non-sensitive properties (names, job data, address,
	// usage location).
	ActEdit Action = iota
	// ActSensitive is an account-takeover path: block or unblock sign-in,
	// change the user name, alternate email, phones or immutable id, delete
	// or restore the user, revoke sessions.
	ActSensitive
	// ActResetPassword sets a new password for another user.
	ActResetPassword
)

// Target describes the user an action is aimed at.
type Target struct {
	IsAdmin bool // holds at least one directory role in the tenant
	IsSelf  bool // is the principal itself
}

// CheckTarget applies the target rules of roles-and-permissions.md §6 on top
// of Check: limited roles may act only on users who hold no admin role,
// and nobody resets their own password through the admin path.
func CheckTarget(p Principal, perm Permission, tenantID string, act Action, t Target) error {
	cell := p.Cell(perm, tenantID)
	switch {
	case cell == No || cell == ReadOnly:
		return missing(perm)
	case act == ActResetPassword && t.IsSelf && !p.Operator:
		return &Refusal{Permission: perm, Rule: "self", Message: "You can't reset your own password as an admin; change it in My account."}
	case cell == Yes:
		return nil
	case act == ActResetPassword && cell == Limited1 && t.IsAdmin:
		return &Refusal{Permission: perm, Rule: "L1", Message: "Password admins and User management admins can reset passwords only of people who hold no admin role; ask a Global admin."}
	case act == ActSensitive && cell == Limited2 && t.IsAdmin:
		return &Refusal{Permission: perm, Rule: "L2", Message: "User management admins can't block, rename, delete or restore a user who holds an admin role, or change their alternate email, phones or password; ask a Global admin."}
	}
	return nil
}

package password

import (
	"strings"
	"unicode/utf8"
)

// Symbols are the non-alphanumeric characters a password may contain
// (users-and-passwords.md §4.2).
const Symbols = "@#$%^&*-_!+=[]{}|\\:',.?/`~\"();<> "

// Rule names a password rule, so that a refusal can say which one failed.
type Rule string

// The password rules.
const (
	RuleLength     Rule = "length"
	RuleCharacters Rule = "characters"
	RuleComplexity Rule = "complexity"
	RuleBanned     Rule = "banned"       // a commonly used word or pattern
	RuleCustom     Rule = "bannedCustom" // a term the organization banned
	RuleName       Rule = "personalName" // the user's own name
	RuleReuse      Rule = "reuse"        // the current password again
)

// PolicyError tells which rule a password broke, in English and Dutch. Its
// messages never contain the password.
type PolicyError struct {
	Rule Rule
	Msg  string // English
	NL   string // Dutch
}

func (e *PolicyError) Error() string { return e.Msg }

// Message returns the refusal in the language lang ("nl…" for Dutch,
// English otherwise).
func (e *PolicyError) Message(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "nl") {
		return e.NL
	}
	return e.Msg
}

func refuse(rule Rule) *PolicyError {
	m := messages[rule]
	return &PolicyError{Rule: rule, Msg: m[0], NL: m[1]}
}

// messages holds each rule's refusal in English and Dutch; the banned ones
// are Entra's verbatim English texts.
var messages = map[Rule][2]string{
	RuleLength: {"The password must be 8 to 256 characters long.", "Het wachtwoord moet 8 tot 256 tekens lang zijn."},
	RuleCharacters: {"The password contains a character that isn't allowed; use letters A-Z, digits, spaces and common symbols.",
		"Het wachtwoord bevat een teken dat niet is toegestaan; gebruik letters A-Z, cijfers, spaties en gangbare symbolen."},
	RuleComplexity: {"The password must contain at least three of: lowercase letters, uppercase letters, digits, symbols.",
		"Het wachtwoord moet ten minste drie van deze bevatten: kleine letters, hoofdletters, cijfers, symbolen."},
	RuleBanned: {"Unfortunately, your password contains a word, phrase, or pattern that makes your password easily guessable. Please try again with a different password.",
		"Uw wachtwoord bevat helaas een woord, zin of patroon waardoor het makkelijk te raden is. Probeer een ander wachtwoord."},
	RuleCustom: {"Unfortunately, you can't use that password because it contains words or characters that have been blocked by your administrator. Please try again with a different password.",
		"U kunt dit wachtwoord helaas niet gebruiken, omdat het woorden of tekens bevat die uw beheerder heeft geblokkeerd. Probeer een ander wachtwoord."},
	RuleName: {"The password is too close to your own name; add more that has nothing to do with it.",
		"Het wachtwoord lijkt te veel op uw eigen naam; voeg meer toe dat er niets mee te maken heeft."},
	RuleReuse: {"You can't use your current password again; choose a new one.",
		"U kunt uw huidige wachtwoord niet opnieuw gebruiken; kies een nieuw wachtwoord."},
}

// Check applies the length, character and 3-of-4 class rules.
func Check(pw string) error {
	if n := utf8.RuneCountInString(pw); n < 8 || n > 256 {
		return refuse(RuleLength)
	}
	var lower, upper, digit, symbol bool
	for _, r := range pw {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(Symbols, r):
			symbol = true
		default:
			return refuse(RuleCharacters)
		}
	}
	classes := 0
	for _, b := range []bool{lower, upper, digit, symbol} {
		if b {
			classes++
		}
	}
	if classes < 3 {
		return refuse(RuleComplexity)
	}
	return nil
}

// CheckAll applies every rule a new password must meet: Check and the
// banned-password check against the global list and terms.
func CheckAll(pw string, terms Terms) error {
	if err := Check(pw); err != nil {
		return err
	}
	switch v := CheckBanned(pw, terms); {
	case !v.Refused:
		return nil
	case v.PersonalRule:
		return refuse(RuleName)
	case v.CustomHit:
		return refuse(RuleCustom)
	default:
		return refuse(RuleBanned)
	}
}

// Reused returns the refusal for choosing the current password again.
func Reused() error { return refuse(RuleReuse) }

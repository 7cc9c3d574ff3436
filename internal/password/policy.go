package password

import (
	"fmt"
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
)

// PolicyError tells which rule a password broke. Its message never contains
// the password.
type PolicyError struct {
	Rule Rule
	Msg  string
}

func (e *PolicyError) Error() string { return e.Msg }

// Check applies the length, character and 3-of-4 class rules.
func Check(pw string) error {
	n := utf8.RuneCountInString(pw)
	if n < 8 || n > 256 {
		return &PolicyError{RuleLength, fmt.Sprintf("The password must be 8 to 256 characters long (it has %d).", n)}
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
			return &PolicyError{RuleCharacters, "The password contains a character that isn't allowed; use letters A-Z, digits and common symbols."}
		}
	}
	classes := 0
	for _, b := range []bool{lower, upper, digit, symbol} {
		if b {
			classes++
		}
	}
	if classes < 3 {
		return &PolicyError{RuleComplexity, "The password must contain at least three of: lowercase letters, uppercase letters, digits, symbols."}
	}
	return nil
}

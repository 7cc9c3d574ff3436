package odata

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLength is the longest option value, in bytes, that the parsers accept.
const MaxLength = 4096

// MaxDepth is the deepest nesting of parentheses, 'not' operators and
// lambdas that ParseFilter and ParseSearch accept.
const MaxDepth = 50

// SyntaxError reports a malformed query option.
type SyntaxError struct {
	Option string // "$filter", "$orderby", "$select" or "$search"
	Pos    int    // 0-based byte offset in the option value where parsing stopped
	Msg    string // what was wrong, for a person to read
}

// Error formats the error as
// "syntax error at position 14 in $filter: expected a literal after 'eq'".
func (e *SyntaxError) Error() string {
	if e.Option == "" {
		return fmt.Sprintf("syntax error at position %d: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("syntax error at position %d in %s: %s", e.Pos, e.Option, e.Msg)
}

func syntaxErr(option string, pos int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Option: option, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// checkSize rejects empty and over-long option values.
func checkSize(option, s string) error {
	if len(s) > MaxLength {
		return syntaxErr(option, MaxLength, "%s is longer than %d bytes", option, MaxLength)
	}
	if strings.TrimLeft(s, spaceChars) == "" {
		return syntaxErr(option, len(s), "%s is empty", option)
	}
	return nil
}

// spaceChars are the characters the parsers skip between tokens.
const spaceChars = " \t\r\n"

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// isIdent reports whether s is an identifier [A-Za-z_][A-Za-z0-9_]*.
func isIdent(s string) bool {
	if s == "" || !isIdentStart(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isIdentChar(s[i]) {
			return false
		}
	}
	return true
}

// quote renders a piece of the input for an error message, in single quotes,
// shortened if it is long and with unprintable characters escaped.
func quote(s string) string { return "'" + shorten(s) + "'" }

// shorten truncates s to a length fit for an error message and escapes
// unprintable characters and invalid UTF-8 as Go does.
func shorten(s string) string {
	const max = 40
	if len(s) > max {
		cut := max
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
		s = s[:cut] + "..."
	}
	for _, r := range s {
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			q := strconv.Quote(s)
			return strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
		}
	}
	return s
}

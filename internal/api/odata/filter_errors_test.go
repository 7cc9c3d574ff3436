package odata

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

type errCase struct {
	in   string
	pos  int
	want string // substring of the message
}

// checkErrors runs parse on each case and checks the *SyntaxError.
func checkErrors(t *testing.T, option string, parse func(string) error, cases []errCase) {
	t.Helper()
	for _, tt := range cases {
		err := parse(tt.in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%s %q: got error %v, want a *SyntaxError", option, tt.in, err)
			continue
		}
		prefix := fmt.Sprintf("syntax error at position %d in %s: ", tt.pos, option)
		if se.Pos != tt.pos || !strings.HasPrefix(err.Error(), prefix) || !strings.Contains(se.Msg, tt.want) {
			t.Errorf("%s %q:\n got  %v\n want position %d and a message containing %q", option, tt.in, err, tt.pos, tt.want)
		}
	}
}

func TestParseFilterErrors(t *testing.T) {
	long := "a eq '" + strings.Repeat("x", MaxLength) + "'"
	cases := []errCase{
		{"", 0, "$filter is empty"},
		{"   ", 3, "$filter is empty"},
		{long, MaxLength, "longer than 4096 bytes"},
		{"displayName eq", 14, "expected a literal after 'eq'"},
		{"displayName EQ ", 15, "expected a literal after 'EQ'"},
		{"displayName eq mail", 15, "comparing two properties is not supported"},
		{"displayName eq )", 15, "expected a literal after 'eq', found ')'"},
		{"displayName", 11, "expected an operator (eq, ne, gt, ge, lt, le or in) after 'displayName'"},
		{"displayName like 'a'", 12, "unknown operator 'like' after 'displayName'"},
		{"displayName = 'a'", 12, "comparison operators are written eq"},
		{"displayName eq 'a", 17, "unterminated string literal starting at position 15"},
		{"displayName eq 'it''s", 21, "unterminated string literal"},
		{"'a' eq displayName", 0, "the property must be on the left"},
		{"true eq accountEnabled", 0, "the property must be on the left"},
		{"42 eq age", 0, "the property must be on the left"},
		{"(a eq 1", 7, "expected ')' to close the '(' at position 0"},
		{"((a eq 1)", 9, "expected ')' to close the '(' at position 0"},
		{"a eq 1)", 6, "unbalanced parentheses"},
		{"()", 1, "expected a property name, a function call or '(', found ')'"},
		{"a eq 1 b eq 2", 7, "expected 'and', 'or' or the end of the expression, found 'b'"},
		{"a eq 1 and", 10, "expected an expression after 'and'"},
		{"a eq 1 or or b eq 1", 10, "found 'or'"},
		{"and a eq 1", 0, "found 'and'"},
		{"a eq 1 2", 7, "found '2'"},
		{"a eq 12abc", 5, "invalid literal '12abc'"},
		{"a eq 1.5", 5, "only integers are allowed"},
		{"a eq 1e3", 5, "only integers are allowed"},
		{"a eq 99999999999999999999", 5, "out of range"},
		{"a eq -", 5, "invalid literal '-'"},
		{"a eq 2025-03-01", 5, "needs a time of day"},
		{"a eq 2025-02-30T00:00:00Z", 5, "day out of range"},
		{"a eq 2025-03-01T25:00:00Z", 5, "hour out of range"},
		{"a eq 2025-03-01T09:30:00", 5, "invalid literal"},
		{"a eq 2025-03-01T09:30:00+24:00", 5, "invalid time zone offset"},
		{"a eq 0000-01-01T00:00:00+01:00", 5, "out of range"},
		{"a eq 4c379c46-e966-4606-9a6c-1c591d62591", 5, "invalid literal"},
		{"a eq 4c379c46-e966-4606-9a6c-1c591d62591dd", 5, "invalid literal"},
		{"a eq 'x' extra", 9, "found 'extra'"},
		{"a in 'x'", 5, "expected '(' after 'in'"},
		{"a in ()", 6, "needs at least one value"},
		{"a in ('x'", 9, "expected ',' or ')' in the list of 'in'"},
		{"a in ('x',)", 10, "expected a literal after ','"},
		{"a in ('x' 'y')", 10, "expected ',' or ')'"},
		{"not a eq 1", 4, "put the comparison in parentheses"},
		{"not", 3, "expected '(' or a function call after 'not'"},
		{"not 'a'", 4, "expected '(' or a function call after 'not'"},
		{"startswith(displayName)", 22, "expected ',' after the first argument of startswith"},
		{"startswith(displayName,1)", 23, "second argument of startswith must be a string literal"},
		{"endswith(displayName,mail)", 21, "second argument of endswith must be a string literal"},
		{"startswith('a',displayName)", 11, "expected a property name as the first argument of startswith"},
		{"startswith(displayName,'a'", 26, "expected ')' to close startswith( at position 0"},
		{"startswith(displayName,'a') eq true", 28, "expected 'and', 'or'"},
		{"a/all(x:x eq 1)", 2, "'all' lambda operator is not supported"},
		{"a/any()", 6, "any() needs a range variable and a condition"},
		{"a/any(x)", 7, "expected ':' after the range variable 'x'"},
		{"a/any(1:x eq 1)", 6, "invalid literal '1:x'"},
		{"a/any('x':x eq 1)", 6, "expected a range variable name after 'any(', found ''x''"},
		{"a/any(x:x eq 1", 14, "expected ')' to close the 'any(' at position 5"},
		{"a/any(x:)", 8, "expected a property name"},
		{"a/ eq 1", 2, "expected a property name right after '/', found 'eq'"},
		{"a /b eq 1", 1, "unexpected space before '/'"},
		{"startswith(a/ b,'x')", 13, "expected a property name right after '/'"},
		{"a//b eq 1", 2, "expected a property name after '/'"},
		{"a/$top eq 1", 2, "'$top' is not supported in a property path"},
		{"a/$count eq 'x'", 12, "must be compared with an integer"},
		{"a/$count in (1)", 9, "expected eq, ne, gt, ge, lt or le after 'a/$count'"},
		{"a/$count/b eq 1", 8, "expected an operator"},
		{"$count eq 1", 0, "expected a property name"},
		{"a eq $", 5, "expected a name such as $count after '$'"},
		{"a eq 1 & b eq 2", 7, "unexpected character '&'"},
		{"a eq 1 ä", 7, "unexpected character 'ä'"},
		{"a eq \x00", 5, `unexpected character '\x00'`},
		{"'a\n\x00\"' eq b", 0, `found the literal ''a\n\x00"''`},
		{"a eq 1 \"x\"", 7, `unexpected character '"'`},
	}
	checkErrors(t, "$filter", func(s string) error { _, err := ParseFilter(s); return err }, cases)
}

func TestParseFilterTooDeep(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("(", 60) + "a eq 1" + strings.Repeat(")", 60),
		strings.Repeat("not ", 60) + "(a eq 1)",
		strings.Repeat("a/any(x:", 60) + "x eq 1" + strings.Repeat(")", 60),
		strings.Repeat("(", MaxLength), // would overflow a naive parser
	} {
		_, err := ParseFilter(in)
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.Contains(se.Msg, "nested too deeply") {
			t.Errorf("ParseFilter(%.30q...): got %v, want a nesting error", in, err)
		}
	}
}

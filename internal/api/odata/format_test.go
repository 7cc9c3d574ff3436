package odata

import (
	"reflect"
	"testing"

	"github.com/atriumhq/atrium/internal/directory"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		in, want string
		parse    func(string) (directory.Expr, error)
	}{
		{"displayName   EQ 'it''s'", "displayName eq 'it''s'", ParseFilter},
		{"(a eq 1 or b eq 2) and c eq 3", "(a eq 1 or b eq 2) and c eq 3", ParseFilter},
		{"a eq 1 or (b eq 2 and c eq 3)", "a eq 1 or b eq 2 and c eq 3", ParseFilter},
		{"a eq 1 or (b eq 2 or c eq 3)", "a eq 1 or (b eq 2 or c eq 3)", ParseFilter},
		{"((a eq 1 or b eq 2)) or c eq 3", "a eq 1 or b eq 2 or c eq 3", ParseFilter},
		{"a eq 1 and (b eq 2 and c eq 3)", "a eq 1 and (b eq 2 and c eq 3)", ParseFilter},
		{"NOT(a eq 1)", "not (a eq 1)", ParseFilter},
		{"not(StartsWith(a, 'x'))", "not startswith(a,'x')", ParseFilter},
		{"not (not (a in ( 1 , 2 )))", "not not (a in (1,2))", ParseFilter},
		{"endswith(mail,'@x')", "endswith(mail,'@x')", ParseFilter},
		{"x/Any(y: y/id eq 4C379C46-E966-4606-9A6C-1C591D62591D)",
			"x/any(y:y/id eq 4c379c46-e966-4606-9a6c-1c591d62591d)", ParseFilter},
		{"t gt 2025-03-01T09:30+01:00", "t gt 2025-03-01T08:30:00Z", ParseFilter},
		{"t gt 2025-03-01T09:30:00.1230Z", "t gt 2025-03-01T09:30:00.123Z", ParseFilter},
		{"a eq null and b ne TRUE and c lt -05", "a eq null and b ne true and c lt -5", ParseFilter},
		{"otherMails/$Count eq 0", "otherMails/$count eq 0", ParseFilter},
		{`"displayName:Anna"`, `"displayName:Anna"`, ParseSearch},
		{`"a:x\"y\\z" or ("b:2" or "c:3") and "d:4"`, `"a:x\"y\\z" OR ("b:2" OR "c:3") AND "d:4"`, ParseSearch},
	}
	for _, tt := range tests {
		e, err := tt.parse(tt.in)
		if err != nil {
			t.Errorf("parse(%q): %v", tt.in, err)
			continue
		}
		got := Format(e)
		if got != tt.want {
			t.Errorf("Format(parse(%q)) = %q, want %q", tt.in, got, tt.want)
		}
		again, err := tt.parse(got)
		if err != nil || !reflect.DeepEqual(again, e) {
			t.Errorf("parse(%q) = %#v, %v; want %#v", got, again, err, e)
		}
	}
}

func TestFormatValue(t *testing.T) {
	for _, tt := range []struct {
		v    directory.Value
		want string
	}{
		{null, "null"},
		{str("a'b"), "'a''b'"},
		{boolean(false), "false"},
		{num(-12), "-12"},
		{guid("4c379c46-e966-4606-9a6c-1c591d62591d"), "4c379c46-e966-4606-9a6c-1c591d62591d"},
		{tm("2025-03-01T09:30:00.5-01:00"), "2025-03-01T10:30:00.5Z"},
	} {
		if got := FormatValue(tt.v); got != tt.want {
			t.Errorf("FormatValue(%+v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

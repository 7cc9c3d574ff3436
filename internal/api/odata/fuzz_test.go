package odata

import (
	"reflect"
	"testing"

	"github.com/atriumhq/atrium/internal/directory"
)

// roundTrip checks that Format(e) parses back to e.
func roundTrip(t *testing.T, in string, e directory.Expr, parse func(string) (directory.Expr, error)) {
	out := Format(e)
	if len(out) > MaxLength {
		return // canonical spacing made a near-limit input too long
	}
	again, err := parse(out)
	if err != nil {
		t.Fatalf("input %q formats as %q, which does not parse: %v", in, out, err)
	}
	if !reflect.DeepEqual(again, e) {
		t.Fatalf("input %q formats as %q, which parses differently:\n %#v\n %#v", in, out, e, again)
	}
}

func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{
		"displayName eq 'Anna'",
		"displayName eq 'it''s' and not (mail eq null)",
		"startswith(displayName,'a') or endswith(mail,'@contoso.com')",
		"not startswith(displayName,'a')",
		"proxyAddresses/any(x:startswith(x,'smtp:j'))",
		"assignedLicenses/any(x:x/skuId eq 4c379c46-e966-4606-9a6c-1c591d62591d)",
		"otherMails/$count eq 0",
		"id in ('a', 'b', 3, true, null)",
		"createdDateTime ge 2025-03-01T09:30:00.123+01:00 and age lt -5",
		"(a eq 1 or b eq 2) and c eq 3",
		"a eq 1 or (b eq 2 or c eq 3)",
		"not not (x/any(y:y/z/any(w:w eq ABCDEF01-0000-0000-0000-000000000000)))",
		"a eq 2025-03-01T09:30Z",
		"((((a eq 1",
		"'a' eq b",
		"a/all(x:x eq 1)",
		"a eq 12abc",
		"a eq 'unterminated",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseFilter(s)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("ParseFilter(%q) returned %T, want *SyntaxError", s, err)
			}
			return
		}
		if e == nil {
			t.Fatalf("ParseFilter(%q) returned neither an expression nor an error", s)
		}
		roundTrip(t, s, e, ParseFilter)
	})
}

func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{
		`"displayName:Anna"`,
		`"displayName:OneVideo" OR "mail:onevideo"`,
		`"a:1" AND ("b:2" OR "c:3")`,
		`"a:say \"hi\" \\ \x"`,
		`"a: padded "`,
		`"x"`,
		`displayName:Anna`,
		`"a:1" "b:2"`,
		`(("a:1")`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseSearch(s)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("ParseSearch(%q) returned %T, want *SyntaxError", s, err)
			}
			return
		}
		roundTrip(t, s, e, ParseSearch)
	})
}

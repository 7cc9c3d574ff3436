package odata

import (
	"reflect"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/directory"
)

func srch(prop, term string) directory.Expr { return directory.Search{Prop: prop, Term: term} }

func TestParseSearch(t *testing.T) {
	tests := []struct {
		in   string
		want directory.Expr
	}{
		{`"displayName:Anna"`, srch("displayName", "Anna")},
		{`  "displayName:Anna"  `, srch("displayName", "Anna")},
		{`"displayName: Anna Berg "`, srch("displayName", "Anna Berg")},
		{`" displayName :x"`, srch("displayName", "x")},
		{`"mail:a:b@c"`, srch("mail", "a:b@c")},
		{`"displayName:say \"hi\""`, srch("displayName", `say "hi"`)},
		{`"displayName:back\\slash"`, srch("displayName", `back\slash`)},
		{`"displayName:a\b"`, srch("displayName", `a\b`)},
		{`"displayName:(AND) OR 'x'"`, srch("displayName", "(AND) OR 'x'")},
		{`"displayName:OneVideo" OR "mail:onevideo"`, or(srch("displayName", "OneVideo"), srch("mail", "onevideo"))},
		{`"a:1" AND "b:2"`, and(srch("a", "1"), srch("b", "2"))},
		{`"a:1" and "b:2" or "c:3"`, or(and(srch("a", "1"), srch("b", "2")), srch("c", "3"))},
		{`"a:1" OR "b:2" AND "c:3"`, or(srch("a", "1"), and(srch("b", "2"), srch("c", "3")))},
		{`"a:1" Or "b:2" oR "c:3"`, or(or(srch("a", "1"), srch("b", "2")), srch("c", "3"))},
		{`("a:1" OR "b:2") AND "c:3"`, and(or(srch("a", "1"), srch("b", "2")), srch("c", "3"))},
		{`"a:1"AND"b:2"`, and(srch("a", "1"), srch("b", "2"))},
		{`((("a:1")))`, srch("a", "1")},
	}
	for _, tt := range tests {
		got, err := ParseSearch(tt.in)
		if err != nil {
			t.Errorf("ParseSearch(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseSearch(%q)\n got  %s\n want %s", tt.in, Format(got), Format(tt.want))
		}
	}
}

func TestParseSearchErrors(t *testing.T) {
	cases := []errCase{
		{"", 0, "$search is empty"},
		{`   `, 3, "$search is empty"},
		{`"a:` + strings.Repeat("x", MaxLength) + `"`, MaxLength, "longer than 4096 bytes"},
		{`"x"`, 0, `$search clause "x" must have the form "property:text"`},
		{`"a:1" OR "anna"`, 9, `$search clause "anna" must have the form "property:text"`},
		{`displayName:Anna`, 0, `must be enclosed in double quotes: write "displayName:Anna"`},
		{`"displayName:Anna`, 17, "unterminated $search clause starting at position 0"},
		{`"displayName:Anna\"`, 19, "unterminated $search clause"},
		{`"displayName:"`, 0, "has no text to search for"},
		{`"displayName:   "`, 0, "has no text to search for"},
		{`":Anna"`, 1, `invalid property name ""`},
		{`"display name:Anna"`, 1, `invalid property name "display name"`},
		{`"a:1" "b:2"`, 6, "expected AND, OR or the end of $search, found '\"'"},
		{`"a:1" AND`, 9, "found the end of $search"},
		{`"a:1" OR OR "b:2"`, 9, "found 'OR'"},
		{`AND "a:1"`, 0, "found 'AND'"},
		{`"a:1" NOT "b:2"`, 6, "expected AND, OR or the end of $search, found 'NOT'"},
		{`("a:1"`, 6, "expected ')' to close the '(' at position 0, found the end of $search"},
		{`"a:1")`, 5, "unbalanced parentheses"},
		{`()`, 1, "found ')'"},
		{strings.Repeat("(", 60) + `"a:1"` + strings.Repeat(")", 60), 50, "nested too deeply"},
	}
	checkErrors(t, "$search", func(s string) error { _, err := ParseSearch(s); return err }, cases)
}

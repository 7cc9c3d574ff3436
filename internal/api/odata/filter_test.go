package odata

import (
	"reflect"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// Helpers to build expected trees compactly.

func str(s string) directory.Value { return directory.Value{Kind: directory.KindString, Str: s} }
func num(n int64) directory.Value  { return directory.Value{Kind: directory.KindNumber, Num: n} }
func boolean(b bool) directory.Value {
	return directory.Value{Kind: directory.KindBool, Bool: b}
}
func guid(s string) directory.Value { return directory.Value{Kind: directory.KindGUID, Str: s} }
func tm(s string) directory.Value {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return directory.Value{Kind: directory.KindTime, Time: t.UTC()}
}

var null = directory.Value{Kind: directory.KindNull}

func eq(prop string, v directory.Value) directory.Expr {
	return directory.Compare{Prop: prop, Op: directory.OpEq, Value: v}
}

func cmp(prop string, op directory.CmpOp, v directory.Value) directory.Expr {
	return directory.Compare{Prop: prop, Op: op, Value: v}
}

func and(l, r directory.Expr) directory.Expr { return directory.And{Left: l, Right: r} }
func or(l, r directory.Expr) directory.Expr  { return directory.Or{Left: l, Right: r} }
func not(x directory.Expr) directory.Expr    { return directory.Not{X: x} }

func TestParseFilter(t *testing.T) {
	const skuGUID = "4c379c46-e966-4606-9a6c-1c591d62591d"
	tests := []struct {
		in   string
		want directory.Expr
	}{
		// Comparisons and literals.
		{"displayName eq 'Anna'", eq("displayName", str("Anna"))},
		{"displayName EQ 'Anna'", eq("displayName", str("Anna"))},
		{"displayName ne 'it''s'", cmp("displayName", directory.OpNe, str("it's"))},
		{"displayName eq ''", eq("displayName", str(""))},
		{"displayName eq ''''", eq("displayName", str("'"))},
		{"displayName eq 'a and b or (c)'", eq("displayName", str("a and b or (c)"))},
		{"displayName eq 'Zoë 東京'", eq("displayName", str("Zoë 東京"))},
		{"accountEnabled eq true", eq("accountEnabled", boolean(true))},
		{"accountEnabled eq FALSE", eq("accountEnabled", boolean(false))},
		{"manager eq null", eq("manager", null)},
		{"age gt 42", cmp("age", directory.OpGt, num(42))},
		{"age ge -7", cmp("age", directory.OpGe, num(-7))},
		{"age lt 0", cmp("age", directory.OpLt, num(0))},
		{"age Le 9223372036854775807", cmp("age", directory.OpLe, num(9223372036854775807))},
		{"age eq -9223372036854775808", eq("age", num(-9223372036854775808))},
		{"id eq " + skuGUID, eq("id", guid(skuGUID))},
		{"id eq 4C379C46-E966-4606-9A6C-1C591D62591D", eq("id", guid(skuGUID))},
		{"id eq abcdef01-e966-4606-9a6c-1c591d62591d", eq("id", guid("abcdef01-e966-4606-9a6c-1c591d62591d"))},
		{"id eq 12345678-1234-1234-1234-123456789012", eq("id", guid("12345678-1234-1234-1234-123456789012"))},
		{"createdDateTime ge 2025-03-01T09:30:00Z",
			cmp("createdDateTime", directory.OpGe, tm("2025-03-01T09:30:00Z"))},
		{"createdDateTime ge 2025-03-01T09:30:00.123Z",
			cmp("createdDateTime", directory.OpGe, tm("2025-03-01T09:30:00.123Z"))},
		{"createdDateTime lt 2025-03-01T09:30:00+01:00",
			cmp("createdDateTime", directory.OpLt, tm("2025-03-01T08:30:00Z"))},
		{"createdDateTime lt 2025-03-01T00:30:00-02:30",
			cmp("createdDateTime", directory.OpLt, tm("2025-03-01T03:00:00Z"))},
		{"createdDateTime lt 2025-03-01T09:30Z", cmp("createdDateTime", directory.OpLt, tm("2025-03-01T09:30:00Z"))},
		{"createdDateTime lt 2025-03-01t09:30:00z", cmp("createdDateTime", directory.OpLt, tm("2025-03-01T09:30:00Z"))},
		{"createdDateTime eq 2025-03-01T09:30:00.1234567Z", eq("createdDateTime", tm("2025-03-01T09:30:00.1234567Z"))},
		{"createdDateTime eq 2024-02-29T23:59:59Z", eq("createdDateTime", tm("2024-02-29T23:59:59Z"))},

		// Paths, whitespace, parentheses.
		{"initiatedBy/user/id eq 'x'", eq("initiatedBy/user/id", str("x"))},
		{"  displayName   eq\t'a'  ", eq("displayName", str("a"))},
		{"(displayName eq 'a')", eq("displayName", str("a"))},
		{"((((displayName eq 'a'))))", eq("displayName", str("a"))},
		{"(displayName eq 'a')and(mail eq 'b')", and(eq("displayName", str("a")), eq("mail", str("b")))},
		{"_x1 eq 1", eq("_x1", num(1))},

		// In.
		{"id in ('a')", directory.In{Prop: "id", Values: []directory.Value{str("a")}}},
		{"id IN ('a', 'b' ,'c')", directory.In{Prop: "id", Values: []directory.Value{str("a"), str("b"), str("c")}}},
		{"id in (1,true,null," + skuGUID + ")",
			directory.In{Prop: "id", Values: []directory.Value{num(1), boolean(true), null, guid(skuGUID)}}},

		// Logic and precedence.
		{"a eq 1 and b eq 2", and(eq("a", num(1)), eq("b", num(2)))},
		{"a eq 1 And b eq 2 AND c eq 3", and(and(eq("a", num(1)), eq("b", num(2))), eq("c", num(3)))},
		{"a eq 1 or b eq 2 or c eq 3", or(or(eq("a", num(1)), eq("b", num(2))), eq("c", num(3)))},
		{"a eq 1 or b eq 2 and c eq 3", or(eq("a", num(1)), and(eq("b", num(2)), eq("c", num(3))))},
		{"a eq 1 and b eq 2 or c eq 3", or(and(eq("a", num(1)), eq("b", num(2))), eq("c", num(3)))},
		{"a eq 1 and (b eq 2 or c eq 3)", and(eq("a", num(1)), or(eq("b", num(2)), eq("c", num(3))))},
		{"a eq 1 or (b eq 2 or c eq 3)", or(eq("a", num(1)), or(eq("b", num(2)), eq("c", num(3))))},
		{"not (a eq 1)", not(eq("a", num(1)))},
		{"NOT(a eq 1 or b eq 2)", not(or(eq("a", num(1)), eq("b", num(2))))},
		{"not (a eq 1) and b eq 2", and(not(eq("a", num(1))), eq("b", num(2)))},
		{"not not (a eq 1)", not(not(eq("a", num(1))))},
		{"not(startswith(displayName,'a'))", not(directory.StartsWith{Prop: "displayName", Prefix: "a"})},
		{"not startswith(displayName,'a')", not(directory.StartsWith{Prop: "displayName", Prefix: "a"})},

		// Functions.
		{"startswith(displayName,'a')", directory.StartsWith{Prop: "displayName", Prefix: "a"}},
		{"StartsWith( displayName , 'J''s' )", directory.StartsWith{Prop: "displayName", Prefix: "J's"}},
		{"endswith(mail,'@contoso.com')", directory.EndsWith{Prop: "mail", Suffix: "@contoso.com"}},
		{"ENDSWITH(a/b,'')", directory.EndsWith{Prop: "a/b", Suffix: ""}},
		{"startswith(displayName,'a') or endswith(mail,'b')", or(
			directory.StartsWith{Prop: "displayName", Prefix: "a"}, directory.EndsWith{Prop: "mail", Suffix: "b"})},
		{"startswith eq 'a'", eq("startswith", str("a"))},

		// Lambdas and counts.
		{"proxyAddresses/any(x:x eq 'a')",
			directory.Any{Prop: "proxyAddresses", Var: "x", Cond: eq("x", str("a"))}},
		{"proxyAddresses/ANY( x : startswith(x,'smtp:j') )",
			directory.Any{Prop: "proxyAddresses", Var: "x", Cond: directory.StartsWith{Prop: "x", Prefix: "smtp:j"}}},
		{"assignedLicenses/any(x:x/skuId eq 4c379c46-e966-4606-9a6c-1c591d62591d)",
			directory.Any{Prop: "assignedLicenses", Var: "x", Cond: eq("x/skuId", guid(skuGUID))}},
		{"a/b/any(x:x eq 1 or x eq 2)",
			directory.Any{Prop: "a/b", Var: "x", Cond: or(eq("x", num(1)), eq("x", num(2)))}},
		{"not groupTypes/any(c:c eq 'Unified')",
			not(directory.Any{Prop: "groupTypes", Var: "c", Cond: eq("c", str("Unified"))})},
		{"a/any(x:x/b/any(y:y in (1,2)))", directory.Any{Prop: "a", Var: "x", Cond: directory.Any{
			Prop: "x/b", Var: "y", Cond: directory.In{Prop: "y", Values: []directory.Value{num(1), num(2)}}}}},
		{"otherMails/$count eq 0", eq("otherMails/$count", num(0))},
		{"otherMails/$COUNT gt 2 and a eq 1", and(cmp("otherMails/$count", directory.OpGt, num(2)), eq("a", num(1)))},
	}
	for _, tt := range tests {
		got, err := ParseFilter(tt.in)
		if err != nil {
			t.Errorf("ParseFilter(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseFilter(%q)\n got  %s\n      %#v\n want %s\n      %#v", tt.in, Format(got), got, Format(tt.want), tt.want)
		}
	}
}

func TestParseFilterDepthLimit(t *testing.T) {
	deep := func(n int) string {
		s := "a eq 1"
		for range n {
			s = "(" + s + ")"
		}
		return s
	}
	if _, err := ParseFilter(deep(MaxDepth)); err != nil {
		t.Errorf("depth %d: %v", MaxDepth, err)
	}
	if _, err := ParseFilter(deep(MaxDepth + 1)); err == nil {
		t.Errorf("depth %d: no error", MaxDepth+1)
	}
	// Long flat chains are not nesting and parse fine.
	s := "a eq 1"
	for len(s) < MaxLength-20 {
		s += " or a eq 1"
	}
	if _, err := ParseFilter(s); err != nil {
		t.Errorf("long chain: %v", err)
	}
}

package odata

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// Format renders an expression as canonical OData text: lowercase keywords,
// single spaces, parentheses only where precedence needs them, GUIDs in
// lowercase and date-times in UTC. For every expression returned by
// ParseFilter, ParseFilter(Format(e)) returns an expression equal to e.
//
// A tree made only of directory.Search clauses joined by And and Or is
// rendered in $search syntax, such as "displayName:anna" AND "mail:anna", so
// that ParseSearch(Format(e)) likewise returns an equal expression. Format expects
// the value (not pointer) node types that the parsers produce; anything else
// is rendered as a placeholder such as <*directory.And>.
func Format(e directory.Expr) string {
	f := formatter{search: isSearchTree(e)}
	f.expr(e)
	return f.b.String()
}

type formatter struct {
	b      strings.Builder
	search bool // render And and Or as the $search keywords AND and OR
}

// Precedences of the operators, higher binds tighter.
const (
	precOr = iota + 1
	precAnd
	precAtom
)

func precedence(e directory.Expr) int {
	switch e.(type) {
	case directory.Or:
		return precOr
	case directory.And:
		return precAnd
	}
	return precAtom
}

func (f *formatter) expr(e directory.Expr) {
	b := &f.b
	switch e := e.(type) {
	case directory.Or:
		f.binary(e.Left, e.Right, "or", precOr)
	case directory.And:
		f.binary(e.Left, e.Right, "and", precAnd)
	case directory.Not:
		switch e.X.(type) {
		case directory.StartsWith, directory.EndsWith, directory.Any, directory.Not:
			b.WriteString("not ")
			f.expr(e.X)
		default:
			b.WriteString("not (")
			f.expr(e.X)
			b.WriteByte(')')
		}
	case directory.Compare:
		fmt.Fprintf(b, "%s %s %s", e.Prop, e.Op, FormatValue(e.Value))
	case directory.In:
		b.WriteString(e.Prop + " in (")
		for i, v := range e.Values {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(FormatValue(v))
		}
		b.WriteByte(')')
	case directory.StartsWith:
		fmt.Fprintf(b, "startswith(%s,%s)", e.Prop, quoteString(e.Prefix))
	case directory.EndsWith:
		fmt.Fprintf(b, "endswith(%s,%s)", e.Prop, quoteString(e.Suffix))
	case directory.Any:
		fmt.Fprintf(b, "%s/any(%s:", e.Prop, e.Var)
		f.expr(e.Cond)
		b.WriteByte(')')
	case directory.Search:
		r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
		fmt.Fprintf(b, `"%s:%s"`, e.Prop, r.Replace(e.Term))
	default:
		fmt.Fprintf(b, "<%T>", e)
	}
}

// binary renders left op right, parenthesizing operands that bind more
// loosely, and a right operand of the same operator (the parsers associate
// to the left).
func (f *formatter) binary(left, right directory.Expr, op string, prec int) {
	if f.search {
		op = strings.ToUpper(op)
	}
	f.operand(left, precedence(left) < prec)
	f.b.WriteString(" " + op + " ")
	f.operand(right, precedence(right) <= prec)
}

func (f *formatter) operand(e directory.Expr, paren bool) {
	if paren {
		f.b.WriteByte('(')
	}
	f.expr(e)
	if paren {
		f.b.WriteByte(')')
	}
}

// FormatValue renders a literal as OData text: 'text' with quotes doubled,
// true, false, null, an integer, a GUID or a date-time in UTC.
func FormatValue(v directory.Value) string {
	switch v.Kind {
	case directory.KindString:
		return quoteString(v.Str)
	case directory.KindBool:
		return strconv.FormatBool(v.Bool)
	case directory.KindNumber:
		return strconv.FormatInt(v.Num, 10)
	case directory.KindGUID:
		return v.Str
	case directory.KindTime:
		return v.Time.UTC().Format(time.RFC3339Nano)
	}
	return "null"
}

func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// isSearchTree reports whether e consists of Search clauses joined by And
// and Or.
func isSearchTree(e directory.Expr) bool {
	switch e := e.(type) {
	case directory.Search:
		return true
	case directory.And:
		return isSearchTree(e.Left) && isSearchTree(e.Right)
	case directory.Or:
		return isSearchTree(e.Left) && isSearchTree(e.Right)
	}
	return false
}

package directory

import "time"

// Expr is one node of a filter or search expression over an object's
// properties. The API layer parses OData into it; the store translates it to
// SQL. Property names are the Graph JSON names ("displayName"), and nested
// properties are joined with '/' ("initiatedBy/user/id").
type Expr interface{ isExpr() }

// And is true when both sides are.
type And struct{ Left, Right Expr }

// Or is true when either side is.
type Or struct{ Left, Right Expr }

// Not negates its operand.
type Not struct{ X Expr }

// CmpOp is a comparison operator.
type CmpOp string

// The comparison operators of OData $filter.
const (
	OpEq CmpOp = "eq"
	OpNe CmpOp = "ne"
	OpGt CmpOp = "gt"
	OpGe CmpOp = "ge"
	OpLt CmpOp = "lt"
	OpLe CmpOp = "le"
)

// Compare compares a property with a literal.
type Compare struct {
	Prop  string
	Op    CmpOp
	Value Value
}

// In is true when the property equals one of the values.
type In struct {
	Prop   string
	Values []Value
}

// StartsWith is true when the string property starts with Prefix
// (case-insensitively).
type StartsWith struct {
	Prop   string
	Prefix string
}

// EndsWith is true when the string property ends with Suffix
// (case-insensitively).
type EndsWith struct {
	Prop   string
	Suffix string
}

// Any is a lambda over a collection property: Prop/any(Var: Cond). Inside
// Cond, the range variable appears as the property name Var.
type Any struct {
	Prop string
	Var  string
	Cond Expr
}

// Search is one clause of $search: the words of Term must all occur in the
// property (tokenized for displayName and description, a prefix match for
// other properties).
type Search struct {
	Prop string
	Term string
}

func (And) isExpr()        {}
func (Or) isExpr()         {}
func (Not) isExpr()        {}
func (Compare) isExpr()    {}
func (In) isExpr()         {}
func (StartsWith) isExpr() {}
func (EndsWith) isExpr()   {}
func (Any) isExpr()        {}
func (Search) isExpr()     {}

// ValueKind tells which field of a Value holds the literal.
type ValueKind int

// The literal kinds of OData $filter.
const (
	KindNull ValueKind = iota
	KindString
	KindBool
	KindNumber
	KindGUID
	KindTime
)

// Value is a literal of a filter expression.
type Value struct {
	Kind ValueKind
	Str  string // KindString, and KindGUID in lowercase canonical form
	Bool bool
	Num  int64
	Time time.Time // KindTime, in UTC
}

// Order is one key of $orderby.
type Order struct {
	Prop string
	Desc bool
}

package odata

import (
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// ParseFilter parses a $filter expression, for example
//
//	startswith(displayName,'a') and accountEnabled eq true
//
// into a directory.Expr. It accepts comparisons (eq, ne, gt, ge, lt, le),
// 'in' lists, the functions startswith and endswith, 'any' lambdas, counts
// of collections (otherMails/$count eq 0) and the logical operators not,
// and, or with parentheses. Keywords are case-insensitive. Literals are
// strings in single quotes, true, false, null, integers, unquoted GUIDs and
// unquoted DateTimeOffset values, which are converted to UTC.
//
// Inside a lambda prop/any(x: cond), the range variable appears in cond as
// a property named x, or as the first segment of a path (x/skuId).
//
// Errors are of type *SyntaxError.
func ParseFilter(s string) (directory.Expr, error) {
	if err := checkSize("$filter", s); err != nil {
		return nil, err
	}
	toks, err := lex(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	e, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tRParen {
		return nil, p.errorf(t.pos, "unbalanced parentheses: ')' has no matching '('")
	} else if t.kind != tEOF {
		return nil, p.errorf(t.pos, "expected 'and', 'or' or the end of the expression, found %s", describe(t))
	}
	return e, nil
}

// parser is a recursive-descent parser over the tokens of a $filter.
type parser struct {
	toks  []token
	i     int
	depth int
}

func (p *parser) peek() token { return p.toks[p.i] }

// peek2 returns the token after the next one; the next one must not be tEOF.
func (p *parser) peek2() token { return p.toks[p.i+1] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

// prev is the text of the token consumed last, for messages.
func (p *parser) prev() string {
	if p.i == 0 {
		return ""
	}
	return p.toks[p.i-1].text
}

func (p *parser) errorf(pos int, format string, args ...any) error {
	return syntaxErr("$filter", pos, format, args...)
}

// enter counts one level of nesting starting at pos; leave undoes it.
func (p *parser) enter(pos int) error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errorf(pos, "expression is nested too deeply (more than %d levels)", MaxDepth)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

// describe names a token for an error message.
func describe(t token) string {
	if t.kind == tEOF {
		return "the end of the expression"
	}
	return quote(t.text)
}

func isKeyword(t token, kw string) bool { return t.kind == tIdent && strings.EqualFold(t.text, kw) }

// reserved are the identifiers that cannot name a property or a variable.
var reserved = map[string]bool{"and": true, "or": true, "not": true, "true": true, "false": true, "null": true}

func isReserved(t token) bool { return t.kind == tIdent && reserved[strings.ToLower(t.text)] }

// parseOr parses: and-expr { 'or' and-expr }.
func (p *parser) parseOr() (directory.Expr, error) {
	left, err := p.parseAnd()
	for err == nil && isKeyword(p.peek(), "or") {
		p.next()
		var right directory.Expr
		if right, err = p.parseAnd(); err == nil {
			left = directory.Or{Left: left, Right: right}
		}
	}
	return left, err
}

// parseAnd parses: unary { 'and' unary }.
func (p *parser) parseAnd() (directory.Expr, error) {
	left, err := p.parseUnary()
	for err == nil && isKeyword(p.peek(), "and") {
		p.next()
		var right directory.Expr
		if right, err = p.parseUnary(); err == nil {
			left = directory.And{Left: left, Right: right}
		}
	}
	return left, err
}

// parseUnary parses: 'not' unary | primary, where the operand of 'not' must
// be parenthesized, a function call, a lambda or another 'not'.
func (p *parser) parseUnary() (directory.Expr, error) {
	t := p.peek()
	if !isKeyword(t, "not") {
		return p.parsePrimary()
	}
	p.next()
	if err := p.enter(t.pos); err != nil {
		return nil, err
	}
	defer p.leave()
	n := p.peek()
	if n.kind != tLParen && (n.kind != tIdent || isReserved(n) && !isKeyword(n, "not")) {
		return nil, p.errorf(n.pos, "expected '(' or a function call after %s, found %s", quote(t.text), describe(n))
	}
	x, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	switch x.(type) {
	case directory.Compare, directory.In:
		if n.kind != tLParen {
			return nil, p.errorf(n.pos, "%s must be followed by a parenthesized expression or a function call; "+
				"put the comparison in parentheses", quote(t.text))
		}
	}
	return directory.Not{X: x}, nil
}

// parsePrimary parses a parenthesized expression, a function call, a
// lambda, or a comparison or 'in' test on a property.
func (p *parser) parsePrimary() (directory.Expr, error) {
	t := p.peek()
	switch {
	case t.kind == tLParen:
		p.next()
		if err := p.enter(t.pos); err != nil {
			return nil, err
		}
		defer p.leave()
		e, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tRParen {
			return nil, p.errorf(c.pos, "expected ')' to close the '(' at position %d, found %s", t.pos, describe(c))
		}
		return e, nil
	case t.kind == tLiteral || isKeyword(t, "true") || isKeyword(t, "false") || isKeyword(t, "null"):
		return nil, p.errorf(t.pos, "expected a property name, found the literal %s; "+
			"the property must be on the left of the operator", quote(t.text))
	case t.kind == tIdent && !isReserved(t):
		name := strings.ToLower(t.text)
		if (name == "startswith" || name == "endswith") && p.peek2().kind == tLParen {
			return p.parseFunc(name)
		}
		return p.parseTest()
	case t.kind == tEOF && p.i > 0:
		return nil, p.errorf(t.pos, "expected an expression after %s", quote(p.prev()))
	}
	return nil, p.errorf(t.pos, "expected a property name, a function call or '(', found %s", describe(t))
}

// parseTest parses what starts with a property path: a comparison, an 'in'
// test, a lambda or a $count comparison.
func (p *parser) parseTest() (directory.Expr, error) {
	segs := []string{p.next().text}
	count := false
	for !count && p.peek().kind == tSlash {
		if err := p.adjacentSlash(); err != nil {
			return nil, err
		}
		n := p.peek()
		switch {
		case (isKeyword(n, "any") || isKeyword(n, "all")) && p.peek2().kind == tLParen:
			if isKeyword(n, "all") {
				return nil, p.errorf(n.pos, "the 'all' lambda operator is not supported; only 'any' is")
			}
			p.next()
			return p.parseLambda(strings.Join(segs, "/"))
		case n.kind == tIdent:
			segs = append(segs, p.next().text)
		case n.kind == tDollar && strings.EqualFold(n.text, "$count"):
			segs = append(segs, "$count")
			count = true
			p.next()
		case n.kind == tDollar:
			return nil, p.errorf(n.pos, "%s is not supported in a property path; only $count is", quote(n.text))
		default:
			return nil, p.errorf(n.pos, "expected a property name after '/', found %s", describe(n))
		}
	}
	prop := strings.Join(segs, "/")
	op := p.peek()
	if op.kind != tIdent {
		return nil, p.errorf(op.pos, "expected an operator (eq, ne, gt, ge, lt, le or in) after %s, found %s",
			quote(prop), describe(op))
	}
	name := strings.ToLower(op.text)
	switch {
	case name == "in" && !count:
		p.next()
		return p.parseIn(prop, op)
	case cmpOps[name] != "":
		p.next()
		v, err := p.parseLiteral(op)
		if err != nil {
			return nil, err
		}
		if count && v.Kind != directory.KindNumber {
			return nil, p.errorf(p.toks[p.i-1].pos, "%s must be compared with an integer", quote(prop))
		}
		return directory.Compare{Prop: prop, Op: cmpOps[name], Value: v}, nil
	case count:
		return nil, p.errorf(op.pos, "expected eq, ne, gt, ge, lt or le after %s, found %s", quote(prop), quote(op.text))
	}
	return nil, p.errorf(op.pos, "unknown operator %s after %s; expected eq, ne, gt, ge, lt, le or in",
		quote(op.text), quote(prop))
}

// adjacentSlash consumes the '/' of a property path, which must not have
// spaces on either side.
func (p *parser) adjacentSlash() error {
	prev := p.toks[p.i-1]
	slash := p.next()
	if prev.pos+len(prev.text) != slash.pos {
		return p.errorf(prev.pos+len(prev.text), "unexpected space before '/' in a property path")
	}
	if n := p.peek(); n.pos != slash.pos+1 {
		return p.errorf(slash.pos+1, "expected a property name right after '/', found %s", describe(n))
	}
	return nil
}

var cmpOps = map[string]directory.CmpOp{
	"eq": directory.OpEq, "ne": directory.OpNe, "gt": directory.OpGt,
	"ge": directory.OpGe, "lt": directory.OpLt, "le": directory.OpLe,
}

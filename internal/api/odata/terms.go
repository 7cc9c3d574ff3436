package odata

import (
	"github.com/atriumhq/atrium/internal/directory"
)

// parseLiteral parses the literal after the operator token op.
func (p *parser) parseLiteral(op token) (directory.Value, error) {
	t := p.peek()
	switch {
	case t.kind == tLiteral:
		p.next()
		return t.val, nil
	case isKeyword(t, "true"), isKeyword(t, "false"):
		p.next()
		return directory.Value{Kind: directory.KindBool, Bool: isKeyword(t, "true")}, nil
	case isKeyword(t, "null"):
		p.next()
		return directory.Value{Kind: directory.KindNull}, nil
	case t.kind == tEOF:
		return directory.Value{}, p.errorf(t.pos, "expected a literal after %s", quote(op.text))
	case t.kind == tIdent:
		return directory.Value{}, p.errorf(t.pos, "expected a literal after %s, found %s; "+
			"comparing two properties is not supported", quote(op.text), quote(t.text))
	}
	return directory.Value{}, p.errorf(t.pos, "expected a literal after %s, found %s", quote(op.text), describe(t))
}

// parseIn parses the list of an 'in' test: ( literal { , literal } ).
func (p *parser) parseIn(prop string, op token) (directory.Expr, error) {
	lp := p.next()
	if lp.kind != tLParen {
		return nil, p.errorf(lp.pos, "expected '(' after %s, found %s", quote(op.text), describe(lp))
	}
	if t := p.peek(); t.kind == tRParen {
		return nil, p.errorf(t.pos, "the list after %s needs at least one value", quote(op.text))
	}
	in := directory.In{Prop: prop}
	for {
		v, err := p.parseLiteral(p.toks[p.i-1])
		if err != nil {
			return nil, err
		}
		in.Values = append(in.Values, v)
		switch t := p.next(); t.kind {
		case tComma:
			continue
		case tRParen:
			return in, nil
		default:
			return nil, p.errorf(t.pos, "expected ',' or ')' in the list of %s at position %d, found %s",
				quote(op.text), lp.pos, describe(t))
		}
	}
}

// parsePath parses a property path: identifier { / identifier }.
func (p *parser) parsePath(what string) (string, error) {
	t := p.next()
	if t.kind != tIdent || isReserved(t) {
		return "", p.errorf(t.pos, "expected a property name as %s, found %s", what, describe(t))
	}
	path := t.text
	for p.peek().kind == tSlash {
		if err := p.adjacentSlash(); err != nil {
			return "", err
		}
		n := p.next()
		if n.kind != tIdent {
			return "", p.errorf(n.pos, "expected a property name after '/', found %s", describe(n))
		}
		path += "/" + n.text
	}
	return path, nil
}

// parseFunc parses startswith(prop,'text') or endswith(prop,'text'); name
// is the lowercased function name.
func (p *parser) parseFunc(name string) (directory.Expr, error) {
	fn := p.next()
	p.next() // '('
	prop, err := p.parsePath("the first argument of " + name)
	if err != nil {
		return nil, err
	}
	if t := p.next(); t.kind != tComma {
		return nil, p.errorf(t.pos, "expected ',' after the first argument of %s, found %s", name, describe(t))
	}
	arg := p.next()
	if arg.kind != tLiteral || arg.val.Kind != directory.KindString {
		return nil, p.errorf(arg.pos, "the second argument of %s must be a string literal in single quotes, found %s",
			name, describe(arg))
	}
	if t := p.next(); t.kind != tRParen {
		return nil, p.errorf(t.pos, "expected ')' to close %s( at position %d, found %s", name, fn.pos, describe(t))
	}
	if name == "startswith" {
		return directory.StartsWith{Prop: prop, Prefix: arg.val.Str}, nil
	}
	return directory.EndsWith{Prop: prop, Suffix: arg.val.Str}, nil
}

// parseLambda parses the part of prop/any(x: cond) after "any".
func (p *parser) parseLambda(prop string) (directory.Expr, error) {
	lp := p.next() // '('
	if err := p.enter(lp.pos); err != nil {
		return nil, err
	}
	defer p.leave()
	v := p.next()
	if v.kind == tRParen {
		return nil, p.errorf(v.pos, "any() needs a range variable and a condition, e.g. %s/any(x: x eq 'a')", prop)
	}
	if v.kind != tIdent || isReserved(v) {
		return nil, p.errorf(v.pos, "expected a range variable name after 'any(', found %s", describe(v))
	}
	if t := p.next(); t.kind != tColon {
		return nil, p.errorf(t.pos, "expected ':' after the range variable %s, found %s", quote(v.text), describe(t))
	}
	cond, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if t := p.next(); t.kind != tRParen {
		return nil, p.errorf(t.pos, "expected ')' to close the 'any(' at position %d, found %s", lp.pos, describe(t))
	}
	return directory.Any{Prop: prop, Var: v.text, Cond: cond}, nil
}

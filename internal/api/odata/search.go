package odata

import (
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// ParseSearch parses a $search value: one or more clauses in double quotes
// of the form "property:text", joined by AND and OR (in any case), for
// example
//
//	"displayName:OneVideo" OR "mail:onevideo"
//
// Each clause becomes a directory.Search. AND binds tighter than OR, both
// associate to the left, and parentheses may group clauses. Inside a clause,
// \" stands for a double quote and \\ for a backslash; the property and the
// text are trimmed of surrounding spaces.
//
// Errors are of type *SyntaxError.
func ParseSearch(s string) (directory.Expr, error) {
	if err := checkSize("$search", s); err != nil {
		return nil, err
	}
	p := &searchParser{s: s}
	e, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	switch {
	case p.i == len(s):
		return e, nil
	case s[p.i] == ')':
		return nil, p.errorf(p.i, "unbalanced parentheses: ')' has no matching '('")
	}
	return nil, p.errorf(p.i, "expected AND, OR or the end of $search, found %s", quote(p.word()))
}

type searchParser struct {
	s     string
	i     int
	depth int
}

func (p *searchParser) errorf(pos int, format string, args ...any) error {
	return syntaxErr("$search", pos, format, args...)
}

func (p *searchParser) skipSpace() {
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
	}
}

// word returns the text from p.i up to the next space, quote or parenthesis,
// or the single character there if it is one of those.
func (p *searchParser) word() string {
	j := p.i
	for j < len(p.s) && !isSpace(p.s[j]) && strings.IndexByte(`"()`, p.s[j]) < 0 {
		j++
	}
	if j == p.i && j < len(p.s) {
		j++
	}
	return p.s[p.i:j]
}

// keyword consumes the keyword kw (case-insensitive) if it comes next.
func (p *searchParser) keyword(kw string) bool {
	p.skipSpace()
	if w := p.word(); strings.EqualFold(w, kw) {
		p.i += len(w)
		return true
	}
	return false
}

func (p *searchParser) parseOr() (directory.Expr, error) {
	left, err := p.parseAnd()
	for err == nil && p.keyword("or") {
		var right directory.Expr
		if right, err = p.parseAnd(); err == nil {
			left = directory.Or{Left: left, Right: right}
		}
	}
	return left, err
}

func (p *searchParser) parseAnd() (directory.Expr, error) {
	left, err := p.parsePrimary()
	for err == nil && p.keyword("and") {
		var right directory.Expr
		if right, err = p.parsePrimary(); err == nil {
			left = directory.And{Left: left, Right: right}
		}
	}
	return left, err
}

// parsePrimary parses a quoted clause or a parenthesized expression.
func (p *searchParser) parsePrimary() (directory.Expr, error) {
	p.skipSpace()
	start := p.i
	if start == len(p.s) {
		return nil, p.errorf(start, `expected a clause in double quotes such as "displayName:text", found the end of $search`)
	}
	switch p.s[start] {
	case '"':
		return p.parseClause()
	case '(':
		p.i++
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > MaxDepth {
			return nil, p.errorf(start, "expression is nested too deeply (more than %d levels)", MaxDepth)
		}
		e, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.i == len(p.s) || p.s[p.i] != ')' {
			return nil, p.errorf(p.i, "expected ')' to close the '(' at position %d, found %s", start, p.found())
		}
		p.i++
		return e, nil
	}
	w := p.word()
	if strings.EqualFold(w, "and") || strings.EqualFold(w, "or") || w == ")" {
		return nil, p.errorf(start, `expected a clause in double quotes such as "displayName:text", found %s`, quote(w))
	}
	return nil, p.errorf(start, `$search clauses must be enclosed in double quotes: write "%s"`, shorten(w))
}

// found describes what is at p.i for an error message.
func (p *searchParser) found() string {
	if p.i == len(p.s) {
		return "the end of $search"
	}
	return quote(p.word())
}

// parseClause parses "property:text" starting at the opening quote.
func (p *searchParser) parseClause() (directory.Expr, error) {
	start := p.i
	var b strings.Builder
	for j := start + 1; j < len(p.s); j++ {
		c := p.s[j]
		switch {
		case c == '"':
			p.i = j + 1
			return p.clause(start, b.String())
		case c == '\\' && j+1 < len(p.s) && (p.s[j+1] == '"' || p.s[j+1] == '\\'):
			j++
			b.WriteByte(p.s[j])
		default:
			b.WriteByte(c)
		}
	}
	return nil, p.errorf(len(p.s), "unterminated $search clause starting at position %d; a closing \" is missing", start)
}

// clause splits the unescaped text of a clause into property and term.
func (p *searchParser) clause(start int, text string) (directory.Expr, error) {
	prop, term, ok := strings.Cut(text, ":")
	if !ok {
		return nil, p.errorf(start, `$search clause %s must have the form "property:text"`, clauseQuote(text))
	}
	prop = strings.Trim(prop, spaceChars)
	term = strings.Trim(term, spaceChars)
	if !isIdent(prop) {
		return nil, p.errorf(start+1, "$search clause %s has an invalid property name %s",
			clauseQuote(text), clauseQuote(prop))
	}
	if term == "" {
		return nil, p.errorf(start, "$search clause %s has no text to search for after the ':'", clauseQuote(text))
	}
	return directory.Search{Prop: prop, Term: term}, nil
}

// clauseQuote renders clause text in double quotes for an error message.
func clauseQuote(s string) string { return `"` + shorten(s) + `"` }

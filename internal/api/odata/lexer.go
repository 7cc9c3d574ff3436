package odata

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/directory"
)

type tokKind int

const (
	tEOF     tokKind = iota
	tIdent           // displayName, and, eq, true, startswith
	tDollar          // $count
	tLiteral         // 'text', 42, a GUID or a date-time
	tLParen          // (
	tRParen          // )
	tComma           // ,
	tSlash           // /
	tColon           // :
)

// token is one lexical element of a $filter expression.
type token struct {
	kind tokKind
	pos  int             // byte offset of the token in the input
	text string          // the token as written
	val  directory.Value // the value of a tLiteral
}

var (
	guidRE     = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)
	dateTimeRE = regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}:[0-9]{2})(:[0-9]{2}(?:\.[0-9]{1,12})?)?([Zz]|[+-]([0-9]{2}):([0-9]{2}))$`)
	dateRE     = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	intRE      = regexp.MustCompile(`^-?[0-9]+$`)
	decimalRE  = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([Ee][+-]?[0-9]+)?$`)
)

// lex splits a $filter expression into tokens, ending with a tEOF token.
func lex(s string) ([]token, error) {
	var toks []token
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i == len(s) {
			return append(toks, token{kind: tEOF, pos: i}), nil
		}
		start, c := i, s[i]
		if k, ok := punct[c]; ok {
			toks = append(toks, token{kind: k, pos: i, text: s[i : i+1]})
			i++
			continue
		}
		switch {
		case c == '\'':
			str, end, err := lexString(s, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: tLiteral, pos: start, text: s[start:end],
				val: directory.Value{Kind: directory.KindString, Str: str}})
			i = end
		case c == '$':
			i++
			for i < len(s) && isIdentChar(s[i]) {
				i++
			}
			if i == start+1 {
				return nil, syntaxErr("$filter", start, "expected a name such as $count after '$'")
			}
			toks = append(toks, token{kind: tDollar, pos: start, text: s[start:i]})
		case c >= '0' && c <= '9' || c == '-' || isGUIDAt(s, i):
			for i < len(s) && (isIdentChar(s[i]) || strings.IndexByte("-+:.", s[i]) >= 0) {
				i++
			}
			v, err := literalWord(s[start:i], start)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{kind: tLiteral, pos: start, text: s[start:i], val: v})
		case isIdentStart(c):
			for i < len(s) && isIdentChar(s[i]) {
				i++
			}
			toks = append(toks, token{kind: tIdent, pos: start, text: s[start:i]})
		case strings.IndexByte("=<>!", c) >= 0:
			return nil, syntaxErr("$filter", start,
				"unexpected character '%c'; comparison operators are written eq, ne, gt, ge, lt and le", c)
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return nil, syntaxErr("$filter", start, "unexpected character %q", r)
		}
	}
}

var punct = map[byte]tokKind{'(': tLParen, ')': tRParen, ',': tComma, '/': tSlash, ':': tColon}

// isGUIDAt reports whether an unquoted GUID starts at s[i].
func isGUIDAt(s string, i int) bool {
	const n = 36
	if i+n > len(s) || !guidRE.MatchString(s[i:i+n]) {
		return false
	}
	return i+n == len(s) || !isIdentChar(s[i+n]) && s[i+n] != '-'
}

// lexString reads the string literal whose opening quote is s[i], returning
// its unescaped value and the offset just past the closing quote.
func lexString(s string, i int) (string, int, error) {
	var b strings.Builder
	j := i + 1
	for {
		k := strings.IndexByte(s[j:], '\'')
		if k < 0 {
			return "", 0, syntaxErr("$filter", len(s),
				"unterminated string literal starting at position %d; a closing ' is missing", i)
		}
		b.WriteString(s[j : j+k])
		j += k + 1
		if j < len(s) && s[j] == '\'' { // '' is an escaped quote
			b.WriteByte('\'')
			j++
			continue
		}
		return b.String(), j, nil
	}
}

// literalWord classifies an unquoted literal starting with a digit or '-':
// a GUID, a date-time or an integer.
func literalWord(w string, pos int) (directory.Value, error) {
	switch {
	case guidRE.MatchString(w):
		return directory.Value{Kind: directory.KindGUID, Str: strings.ToLower(w)}, nil
	case dateTimeRE.MatchString(w):
		return parseDateTime(w, pos)
	case dateRE.MatchString(w):
		return directory.Value{}, syntaxErr("$filter", pos,
			"date %s needs a time of day and an offset, e.g. %sT00:00:00Z", quote(w), w)
	case intRE.MatchString(w):
		n, err := strconv.ParseInt(w, 10, 64)
		if err != nil {
			return directory.Value{}, syntaxErr("$filter", pos, "number %s is out of range", quote(w))
		}
		return directory.Value{Kind: directory.KindNumber, Num: n}, nil
	case decimalRE.MatchString(w):
		return directory.Value{}, syntaxErr("$filter", pos,
			"number %s is not supported; only integers are allowed", quote(w))
	}
	return directory.Value{}, syntaxErr("$filter", pos, "invalid literal %s", quote(w))
}

// parseDateTime parses a DateTimeOffset literal that matches dateTimeRE.
func parseDateTime(w string, pos int) (directory.Value, error) {
	m := dateTimeRE.FindStringSubmatch(w)
	sec := m[3]
	if sec == "" {
		sec = ":00"
	}
	zone := strings.ToUpper(m[4])
	if zone != "Z" && (m[5] > "23" || m[6] > "59") {
		return directory.Value{}, syntaxErr("$filter", pos, "invalid time zone offset in %s", quote(w))
	}
	t, err := time.Parse(time.RFC3339Nano, m[1]+"T"+m[2]+sec+zone)
	if err != nil {
		why := err.Error()
		if k := strings.LastIndex(why, ": "); k >= 0 {
			why = why[k+2:] // e.g. "day out of range"
		}
		return directory.Value{}, syntaxErr("$filter", pos, "invalid date-time %s: %s", quote(w), why)
	}
	t = t.UTC()
	if t.Year() < 0 || t.Year() > 9999 {
		return directory.Value{}, syntaxErr("$filter", pos, "date-time %s is out of range", quote(w))
	}
	return directory.Value{Kind: directory.KindTime, Time: t}, nil
}

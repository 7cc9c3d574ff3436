package odata

import (
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// ParseOrderBy parses a $orderby value: comma-separated items of the form
// "property [asc|desc]", where the property may be a path such as
// "manager/displayName" and the direction is case-insensitive and defaults
// to ascending. An empty item, an unknown direction or a property listed
// twice (compared case-insensitively) is an error of type *SyntaxError.
func ParseOrderBy(s string) ([]directory.Order, error) {
	if err := checkSize("$orderby", s); err != nil {
		return nil, err
	}
	var orders []directory.Order
	seen := map[string]bool{}
	pos := 0
	for item := range strings.SplitSeq(s, ",") {
		fields := splitFields(item, pos)
		pos += len(item) + 1
		if len(fields) == 0 {
			return nil, syntaxErr("$orderby", pos-1, "empty item in $orderby; expected a property name")
		}
		prop := fields[0]
		if bad := checkPath(prop.text); bad >= 0 {
			return nil, syntaxErr("$orderby", prop.pos+bad, "invalid property name %s in $orderby", quote(prop.text))
		}
		o := directory.Order{Prop: prop.text}
		if len(fields) > 1 {
			switch dir := fields[1]; strings.ToLower(dir.text) {
			case "asc":
			case "desc":
				o.Desc = true
			default:
				return nil, syntaxErr("$orderby", dir.pos, "unknown sort direction %s after %s; expected asc or desc",
					quote(dir.text), quote(prop.text))
			}
		}
		if len(fields) > 2 {
			return nil, syntaxErr("$orderby", fields[2].pos, "unexpected %s after the sort direction; "+
				"separate properties with ','", quote(fields[2].text))
		}
		key := strings.ToLower(o.Prop)
		if seen[key] {
			return nil, syntaxErr("$orderby", prop.pos, "property %s appears more than once in $orderby", quote(prop.text))
		}
		seen[key] = true
		orders = append(orders, o)
	}
	return orders, nil
}

// field is a space-separated word of an option value and its byte offset.
type field struct {
	text string
	pos  int
}

// splitFields splits s, which starts at offset base of the option value,
// into space-separated words.
func splitFields(s string, base int) []field {
	var fs []field
	for i := 0; i < len(s); {
		if isSpace(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		fs = append(fs, field{text: s[i:j], pos: base + i})
		i = j
	}
	return fs
}

// checkPath returns -1 if p is identifiers joined by '/', and otherwise the
// offset of the first byte in p where it goes wrong.
func checkPath(p string) int {
	start := 0
	for i := 0; i <= len(p); i++ {
		if i < len(p) && p[i] != '/' {
			if !isIdentChar(p[i]) || i == start && !isIdentStart(p[i]) {
				return i
			}
			continue
		}
		if i == start { // empty segment
			return i
		}
		start = i + 1
	}
	return -1
}

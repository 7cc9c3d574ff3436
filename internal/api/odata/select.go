package odata

import "strings"

// ParseSelect parses a $select value: comma-separated property names,
// each an identifier such as "displayName", with spaces around them
// ignored. A property listed again (compared case-insensitively) is dropped,
// keeping the order and spelling of first occurrences. An empty item or a
// name with invalid characters is an error of type *SyntaxError.
func ParseSelect(s string) ([]string, error) {
	if err := checkSize("$select", s); err != nil {
		return nil, err
	}
	var props []string
	seen := map[string]bool{}
	pos := 0
	for item := range strings.SplitSeq(s, ",") {
		start := pos + len(item) - len(strings.TrimLeft(item, spaceChars))
		pos += len(item) + 1
		name := strings.Trim(item, spaceChars)
		if name == "" {
			return nil, syntaxErr("$select", pos-1, "empty item in $select; expected a property name")
		}
		if !isIdent(name) {
			bad := 0
			for bad < len(name) && isIdentChar(name[bad]) && (bad > 0 || isIdentStart(name[0])) {
				bad++
			}
			return nil, syntaxErr("$select", start+bad, "invalid property name %s in $select", quote(name))
		}
		if key := strings.ToLower(name); !seen[key] {
			seen[key] = true
			props = append(props, name)
		}
	}
	return props, nil
}

package directory

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// applyChanges validates c and applies it to obj, returning the audit
// record of what changed. typ names the Graph type for errors.
func applyChanges[T any](obj *T, props []Prop[T], typ string, c Changes) ([]ModifiedProperty, error) {
	known := 0
	var mods []ModifiedProperty
	for _, p := range props {
		v, ok := c[p.Name]
		if !ok {
			continue
		}
		known++
		old := p.value(obj)
		if err := p.set(obj, v); err != nil {
			return nil, err
		}
		if nv := p.value(obj); nv != old {
			mods = append(mods, ModifiedProperty{Name: p.Name, Old: old, New: nv})
		}
	}
	if known < len(c) {
		for name := range c {
			if !slices.ContainsFunc(props, func(p Prop[T]) bool { return p.Name == name }) {
				return nil, Invalid(name, "Property '%s' does not exist on type 'microsoft.graph.%s'.", name, typ)
			}
		}
	}
	return mods, nil
}

// applyUserChanges validates c and applies it to u, returning the audit
// record of what changed. On create every required property must be set.
func applyUserChanges(u *User, c Changes, create bool) ([]ModifiedProperty, error) {
	mods, err := applyChanges(u, UserProps, "user", c)
	if err != nil {
		return nil, err
	}
	if create {
		for _, req := range []string{"accountEnabled", "displayName", "mailNickname", "userPrincipalName"} {
			if _, ok := c[req]; !ok {
				return nil, Invalid(req, "Property '%s' is required when creating a user.", req)
			}
		}
	}
	if u.DisplayName == "" {
		return nil, Invalid("displayName", "Property 'displayName' can't be empty.")
	}
	if u.UserPrincipalName == "" || u.MailNickname == "" {
		field := "userPrincipalName"
		if u.MailNickname == "" {
			field = "mailNickname"
		}
		return nil, Invalid(field, "Property '%s' can't be empty.", field)
	}
	return mods, nil
}

func (p *Prop[T]) set(u *T, v any) error {
	switch p.Kind {
	case PropBool:
		b, ok := v.(bool)
		if !ok {
			return Invalid(p.Name, "Property '%s' must be true or false.", p.Name)
		}
		*p.boolean(u) = b
	case PropStringList:
		var l []string
		if v != nil {
			var ok bool
			if l, ok = v.([]string); !ok {
				return Invalid(p.Name, "Property '%s' must be a list of strings.", p.Name)
			}
		}
		if len(l) > p.MaxItems {
			return Invalid(p.Name, "Property '%s' takes at most %d value(s).", p.Name, p.MaxItems)
		}
		out := make([]string, 0, len(l))
		for _, s := range l {
			s = strings.TrimSpace(s)
			if err := checkString(p.Name, p.Max, p.check, s); err != nil {
				return err
			}
			if s != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, s) }) {
				out = append(out, s)
			}
		}
		*p.list(u) = out
	default:
		var s string
		if v != nil {
			var ok bool
			if s, ok = v.(string); !ok {
				return Invalid(p.Name, "Property '%s' must be a string.", p.Name)
			}
		}
		s = strings.TrimSpace(s)
		if s != "" {
			if err := checkString(p.Name, p.Max, p.check, s); err != nil {
				return err
			}
		}
		*p.str(u) = s
	}
	return nil
}

func checkString(name string, max int, check func(string) string, s string) error {
	if n := utf8.RuneCountInString(s); n > max {
		return Invalid(name, "Property '%s' must be %d characters or fewer (got %d).", name, max, n)
	}
	if !utf8.ValidString(s) || strings.ContainsFunc(s, isControl) {
		return Invalid(name, "Property '%s' contains a control character or invalid text.", name)
	}
	if check != nil {
		if msg := check(s); msg != "" {
			return Invalid(name, "Property '%s' is invalid: %s", name, msg)
		}
	}
	return nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

const upnSpecials = "'.-_!#^~"

// checkUPN applies the user name rules: alias@domain, ASCII letters,
// digits and ' . - _ ! # ^ ~ in the alias, no leading, doubled or final dot.
func checkUPN(s string) string {
	at := strings.IndexByte(s, '@')
	if at < 0 || strings.Count(s, "@") != 1 {
		return "it must have the form alias@domain with exactly one '@'."
	}
	alias, domain := s[:at], s[at+1:]
	switch {
	case alias == "":
		return "the part before '@' is empty."
	case len(alias) > 64:
		return "the part before '@' must be 64 characters or fewer."
	case len(domain) > 48:
		return "the domain part must be 48 characters or fewer."
	case strings.HasPrefix(alias, "."), strings.HasSuffix(alias, "."), strings.Contains(alias, ".."):
		return "the part before '@' can't start or end with '.' or contain '..'."
	}
	for _, r := range alias {
		if !isASCIIAlnum(r) && !strings.ContainsRune(upnSpecials, r) {
			return fmt.Sprintf("the character %q is not allowed; use letters A-Z, digits and ' . - _ ! # ^ ~.", r)
		}
	}
	if msg := checkDomainName(domain); msg != "" {
		return "the domain part " + msg
	}
	return ""
}

// checkMail accepts an SMTP address without accents.
func checkMail(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 || at == len(s)-1 {
		return "it must be an email address like name@example.com."
	}
	for _, r := range s[:at] {
		if r > 0x7e || r <= ' ' || strings.ContainsRune(`()<>[]\,;:"@`, r) {
			return fmt.Sprintf("the character %q is not allowed in an email address.", r)
		}
	}
	if msg := checkDomainName(strings.ToLower(s[at+1:])); msg != "" {
		return "the domain part " + msg
	}
	return ""
}

// MailNicknameFrom derives a valid mail nickname from a user name: the
// characters a nickname can't hold are dropped ("john.doe" → "johndoe").
func MailNicknameFrom(alias string) string {
	return strings.Map(func(r rune) rune {
		if r > 0x7e || r <= ' ' || strings.ContainsRune(`@()\[]";:.<>,`, r) {
			return -1
		}
		return r
	}, alias)
}

// checkMailNickname accepts ASCII without @ () \ [] " ; : . <> , and space.
func checkMailNickname(s string) string {
	for _, r := range s {
		if r > 0x7e || r <= ' ' || strings.ContainsRune(`@()\[]";:.<>,`, r) {
			return fmt.Sprintf("the character %q is not allowed; use ASCII without @ ( ) \\ [ ] \" ; : . < > , and spaces.", r)
		}
	}
	return ""
}

func checkUsageLocation(s string) string {
	if !IsCountryCode(s) {
		return "use an ISO 3166-1 alpha-2 country code in capitals, such as NL or US."
	}
	return ""
}

// checkLanguage accepts a BCP 47 tag such as "nl" or "nl-NL".
func checkLanguage(s string) string {
	for i, part := range strings.Split(s, "-") {
		ok := len(part) >= 2 && len(part) <= 8
		for _, r := range part {
			ok = ok && isASCIIAlnum(r)
		}
		if !ok || (i == 0 && len(part) > 3) {
			return "use a language tag such as en-US or nl-NL."
		}
	}
	return ""
}

func checkUserType(s string) string {
	if s != "Member" && s != "Guest" {
		return "use Member or Guest."
	}
	return ""
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

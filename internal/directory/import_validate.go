package directory

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/atriumhq/atrium/internal/password"
)

// importCheck is what validating a row needs to know about the tenant.
type importCheck struct {
	format  string
	domains map[string]string // verified domain → authentication type
	terms   password.Terms    // the tenant's banned terms, for initial passwords
}

// checkRow finds every problem of a row that the row itself shows: a
// missing or malformed value, a domain the tenant can't use, a password
// the policy refuses. Duplicates are found over all rows afterwards.
func (c *importCheck) checkRow(row *ImportRow) {
	add := func(f importField, msg string) {
		row.Problems = append(row.Problems, ImportProblem{Column: labelOf(c.format, f), Message: msg})
	}
	cells := row.Cells
	if cells[fUPN] == "" {
		add(fUPN, "A user name is required.")
	} else if d, ok := c.domainOf(cells[fUPN]); !ok {
		add(fUPN, "The domain '"+d+"' isn't a verified domain of the organization.")
	} else if c.domains[d] == "Federated" {
		add(fUPN, "The domain '"+d+"' is federated; users of federated domains can't be added in bulk.")
	}
	if cells[fDisplayName] == "" {
		add(fDisplayName, "A display name is required.")
	}
	changes := Changes{}
	for f, prop := range userProp {
		v := cells[f]
		switch {
		case prop == "" || v == "":
			continue
		case f == int(fOfficePhone) || f == int(fAltEmail):
			changes[prop] = []string{v}
		case f == int(fCountry):
			if _, ok := CountryCode(v); !ok {
				add(fCountry, "'"+truncate(v, 40)+"' isn't a country or region; use its name in English or Dutch, or its two-letter code.")
			}
			continue
		default:
			changes[prop] = v
		}
		if f == int(fOfficePhone) || f == int(fMobilePhone) || f == int(fFax) {
			if msg := checkPhone(v); msg != "" {
				add(importField(f), msg)
				continue
			}
		}
		var u User
		if _, err := applyChanges(&u, UserProps, "user", Changes{prop: changes[prop]}); err != nil {
			de, _ := AsError(err)
			add(importField(f), strings.TrimPrefix(de.Message, "Invalid value specified for property '"+prop+"' of resource 'User'. "))
		}
	}
	if at := strings.IndexByte(cells[fUPN], '@'); at > 0 {
		if msg := checkMailNickname(cells[fUPN][:at]); msg != "" {
			add(fUPN, "The part before '@' becomes the mail alias, and "+msg)
		}
	}
	if c.format == "entra" {
		c.checkEntra(row, add)
	}
	if len(row.Problems) > 0 {
		row.Status = RowInvalid
	}
}

func (c *importCheck) checkEntra(row *ImportRow, add func(importField, string)) {
	switch strings.ToLower(row.Cells[fBlockSignIn]) {
	case "yes", "no", "ja", "nee":
	default:
		add(fBlockSignIn, "Write Yes or No.")
	}
	if pw := row.Cells[fPassword]; pw == "" {
		add(fPassword, "An initial password is required.")
	} else {
		terms := c.terms
		terms.Personal = password.NameTokens(row.Cells[fGivenName], row.Cells[fSurname])
		if err := password.CheckAll(pw, terms); err != nil {
			add(fPassword, "The password doesn't meet the policy: "+err.Error())
		}
	}
}

// domainOf returns the domain of a user name and whether it is one of the
// tenant's verified domains.
func (c *importCheck) domainOf(upn string) (string, bool) {
	at := strings.LastIndexByte(upn, '@')
	if at < 0 {
		return "", true // the format check reports it
	}
	d := strings.ToLower(upn[at+1:])
	_, ok := c.domains[d]
	return d, ok
}

// checkPhone accepts what people write in phone numbers: digits, spaces,
// + ( ) - . / and an extension x, with at least three digits.
func checkPhone(s string) string {
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r) && r < 0x80:
			digits++
		case strings.ContainsRune(" +()-./xX", r):
		default:
			return "'" + truncate(s, 40) + "' isn't a phone number: use digits, spaces and + ( ) - . / only."
		}
	}
	if digits < 3 {
		return "'" + truncate(s, 40) + "' isn't a phone number: it has fewer than three digits."
	}
	return ""
}

var (
	countryOnce  sync.Once
	countryNames map[string]string
)

// CountryCode finds the ISO 3166-1 code of a country or region given by
// its code or its English or Dutch name, in any case.
func CountryCode(s string) (string, bool) {
	countryOnce.Do(func() {
		countryNames = map[string]string{}
		nl := display.Regions(language.Dutch)
		for _, code := range strings.Fields(countryCodes) {
			r := language.MustParseRegion(code)
			countryNames[strings.ToLower(code)] = code
			countryNames[strings.ToLower(display.English.Regions().Name(r))] = code
			countryNames[strings.ToLower(nl.Name(r))] = code
		}
	})
	code, ok := countryNames[strings.ToLower(strings.TrimSpace(s))]
	return code, ok
}

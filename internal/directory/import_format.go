package directory

import (
	"fmt"
	"regexp"
	"strings"
)

// importField is a canonical column of an import; every format maps its
// columns onto these, and rows are stored in this order.
type importField int

const (
	fUPN importField = iota
	fGivenName
	fSurname
	fDisplayName
	fJobTitle
	fDepartment
	fOffice
	fOfficePhone
	fMobilePhone
	fFax
	fAltEmail
	fStreet
	fCity
	fState
	fPostalCode
	fCountry
	fPassword
	fBlockSignIn
	fUsageLocation
	fieldCount
)

// userProp is the user property each field sets ("" for fields that
// aren't one).
var userProp = [fieldCount]string{"userPrincipalName", "givenName", "surname", "displayName", "jobTitle", "department",
	"officeLocation", "businessPhones", "mobilePhone", "faxNumber", "otherMails", "streetAddress", "city", "state",
	"postalCode", "country", "", "", "usageLocation"}

// ImportTemplate is the admin center's CSV header (users-and-passwords
// spec §15), exactly; TemplateNL is its Dutch translation.
var (
	ImportTemplate = []string{"User Name", "First Name", "Last Name", "Display Name", "Job Title", "Department", "Office Number",
		"Office Phone", "Mobile Phone", "Fax", "Alternate email address", "Address", "City", "State or Province",
		"ZIP or Postal Code", "Country or Region"}
	templateNL = []string{"Gebruikersnaam", "Voornaam", "Achternaam", "Weergavenaam", "Functie", "Afdeling", "Kantoornummer",
		"Telefoon op kantoor", "Mobiele telefoon", "Fax", "Alternatief e-mailadres", "Adres", "Plaats", "Provincie",
		"Postcode", "Land of regio"}
)

// entraProps maps the property names in the Entra bulk-create template's
// headers ("Name [displayName] Required") to fields.
var entraProps = map[string]importField{"displayName": fDisplayName, "userPrincipalName": fUPN, "passwordProfile": fPassword,
	"accountEnabled": fBlockSignIn, "givenName": fGivenName, "surname": fSurname, "jobTitle": fJobTitle, "department": fDepartment,
	"usageLocation": fUsageLocation, "streetAddress": fStreet, "state": fState, "country": fCountry,
	"physicalDeliveryOfficeName": fOffice, "city": fCity, "postalCode": fPostalCode, "telephoneNumber": fOfficePhone, "mobile": fMobilePhone}

var entraRequired = []importField{fDisplayName, fUPN, fPassword, fBlockSignIn}

var bracketed = regexp.MustCompile(`\[([A-Za-z]+)\]`)

// importLayout is how one file's columns map to fields, and what each
// field is called in the file (for problems).
type importLayout struct {
	format string
	column []importField      // field of each column of the file
	label  [fieldCount]string // the file's name of each field it has
	has    [fieldCount]bool
}

// layoutOf reads a header row: the admin center template (English or
// Dutch, its 16 columns in order) or an Entra bulk-create template.
func layoutOf(header []string, entra bool) (*importLayout, error) {
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	if entra {
		return entraLayout(header)
	}
	for _, labels := range [][]string{ImportTemplate, templateNL} {
		if equalFoldAll(header, labels) {
			l := &importLayout{format: "admincenter"}
			for i := range labels {
				l.column = append(l.column, importField(i))
				l.label[i], l.has[i] = labels[i], true
			}
			return l, nil
		}
	}
	return nil, headerProblem(header)
}

// headerProblem explains how a header differs from the template.
func headerProblem(header []string) error {
	want := strings.Join(ImportTemplate, ",")
	for i, h := range header {
		if i >= len(ImportTemplate) {
			return Invalid("file", "The header has %d columns; the template has %d: %s", len(header), len(ImportTemplate), want)
		}
		if strings.EqualFold(h, ImportTemplate[i]) || strings.EqualFold(h, templateNL[i]) {
			continue
		}
		for j := range ImportTemplate {
			if strings.EqualFold(h, ImportTemplate[j]) || strings.EqualFold(h, templateNL[j]) {
				return Invalid("file", "Column %d is '%s', but the template has '%s' there: keep the template's columns in their order: %s", i+1, h, ImportTemplate[i], want)
			}
		}
		return Invalid("file", "Column %d is '%s', which isn't a column of the template (%s). Is this the template's CSV file?", i+1, truncate(h, 40), want)
	}
	return Invalid("file", "The header has %d columns; the template has %d: the columns from '%s' on are missing.", len(header), len(ImportTemplate), ImportTemplate[len(header)])
}

func entraLayout(header []string) (*importLayout, error) {
	l := &importLayout{format: "entra"}
	for i, h := range header {
		f := fieldCount // ignored column
		if m := bracketed.FindStringSubmatch(h); m != nil {
			if v, ok := entraProps[m[1]]; ok {
				f = v
			}
		}
		if f != fieldCount {
			if l.has[f] {
				return nil, Invalid("file", "Column %d repeats '%s'.", i+1, h)
			}
			l.label[f], l.has[f] = h, true
		}
		l.column = append(l.column, f)
	}
	for _, f := range entraRequired {
		if !l.has[f] {
			return nil, Invalid("file", "The required column [%s] is missing from the header.", entraName(f))
		}
	}
	return l, nil
}

func entraName(f importField) string {
	for k, v := range entraProps {
		if v == f {
			return k
		}
	}
	return fmt.Sprint(f)
}

func equalFoldAll(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// labelOf names a field as the import's file does, for problems.
func labelOf(format string, f importField) string {
	if format == "entra" {
		for k, v := range entraProps {
			if v == f {
				return "[" + k + "]"
			}
		}
	}
	if int(f) < len(ImportTemplate) {
		return ImportTemplate[f]
	}
	return ""
}

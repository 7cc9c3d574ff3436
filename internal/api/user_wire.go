package api

import (
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// nullable renders "" as JSON null, as Graph does for unset strings.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func list(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func timeOrNull(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

// userFields renders each readable user property.
var userFields = map[string]func(u *directory.User) any{
	"id":                      func(u *directory.User) any { return u.ID },
	"accountEnabled":          func(u *directory.User) any { return u.AccountEnabled },
	"displayName":             func(u *directory.User) any { return nullable(u.DisplayName) },
	"givenName":               func(u *directory.User) any { return nullable(u.GivenName) },
	"surname":                 func(u *directory.User) any { return nullable(u.Surname) },
	"userPrincipalName":       func(u *directory.User) any { return u.UserPrincipalName },
	"mail":                    func(u *directory.User) any { return nullable(u.Mail) },
	"mailNickname":            func(u *directory.User) any { return nullable(u.MailNickname) },
	"jobTitle":                func(u *directory.User) any { return nullable(u.JobTitle) },
	"department":              func(u *directory.User) any { return nullable(u.Department) },
	"officeLocation":          func(u *directory.User) any { return nullable(u.OfficeLocation) },
	"companyName":             func(u *directory.User) any { return nullable(u.CompanyName) },
	"employeeId":              func(u *directory.User) any { return nullable(u.EmployeeID) },
	"businessPhones":          func(u *directory.User) any { return list(u.BusinessPhones) },
	"mobilePhone":             func(u *directory.User) any { return nullable(u.MobilePhone) },
	"faxNumber":               func(u *directory.User) any { return nullable(u.FaxNumber) },
	"streetAddress":           func(u *directory.User) any { return nullable(u.StreetAddress) },
	"city":                    func(u *directory.User) any { return nullable(u.City) },
	"state":                   func(u *directory.User) any { return nullable(u.State) },
	"postalCode":              func(u *directory.User) any { return nullable(u.PostalCode) },
	"country":                 func(u *directory.User) any { return nullable(u.Country) },
	"usageLocation":           func(u *directory.User) any { return nullable(u.UsageLocation) },
	"preferredLanguage":       func(u *directory.User) any { return nullable(u.PreferredLanguage) },
	"otherMails":              func(u *directory.User) any { return list(u.OtherMails) },
	"proxyAddresses":          func(u *directory.User) any { return u.ProxyAddresses() },
	"userType":                func(u *directory.User) any { return nullable(u.UserType) },
	"createdDateTime":         func(u *directory.User) any { return timeOrNull(u.CreatedAt) },
	"deletedDateTime":         func(u *directory.User) any { return timeOrNull(u.DeletedAt) },
	"onPremisesSyncEnabled":   func(u *directory.User) any { return u.OnPremisesSyncEnabled },
	"onPremisesImmutableId":   func(u *directory.User) any { return nullable(u.OnPremisesImmutableID) },
	"assignedLicenses":        func(u *directory.User) any { return assignedLicensesJSON(u.Licenses) },
	"licenseAssignmentStates": func(u *directory.User) any { return licenseStatesJSON(u.Licenses) },
}

// userProperties lists the selectable user properties.
var userProperties = func() []string {
	out := make([]string, 0, len(userFields))
	for k := range userFields {
		out = append(out, k)
	}
	return out
}()

// userReadOnly are properties a client may not write.
var userReadOnly = map[string]bool{"id": true, "createdDateTime": true, "deletedDateTime": true, "proxyAddresses": true,
	"onPremisesSyncEnabled": true, "assignedLicenses": true, "assignedPlans": true, "licenseAssignmentStates": true,
	"onPremisesImmutableId": true}

// userJSON renders the selected properties of u.
func userJSON(u *directory.User, selected []string) map[string]any {
	m := make(map[string]any, len(selected))
	for _, name := range selected {
		m[name] = userFields[name](u)
	}
	return m
}

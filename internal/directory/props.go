package directory

// PropKind is the value type of a writable property.
type PropKind int

// The value types of writable properties.
const (
	PropString PropKind = iota
	PropBool
	PropStringList
)

// Prop describes one writable property of a T (a user, the organization):
// its Graph name, type, limits, and whether directory synchronization
// masters it.
type Prop[T any] struct {
	Name      string
	Kind      PropKind
	Max       int  // maximum length in characters of a string (or of each list item)
	MaxItems  int  // for lists
	Synced    bool // read-only while the user is synced from on-premises
	Sensitive bool // changing it on an admin is restricted (roles issue)
	check     func(string) string
	str       func(*T) *string
	boolean   func(*T) *bool
	list      func(*T) *[]string
}

// UserProp is a writable property of a user.
type UserProp = Prop[User]

// UserProps lists every property a create or PATCH may set, in Graph's
// order of the user resource.
var UserProps = []UserProp{
	{Name: "accountEnabled", Kind: PropBool, Synced: true, Sensitive: true, boolean: func(u *User) *bool { return &u.AccountEnabled }},
	{Name: "displayName", Max: 256, Synced: true, str: func(u *User) *string { return &u.DisplayName }},
	{Name: "givenName", Max: 64, Synced: true, str: func(u *User) *string { return &u.GivenName }},
	{Name: "surname", Max: 64, Synced: true, str: func(u *User) *string { return &u.Surname }},
	{Name: "userPrincipalName", Max: 113, Synced: true, Sensitive: true, check: checkUPN, str: func(u *User) *string { return &u.UserPrincipalName }},
	{Name: "mail", Max: 254, Synced: true, check: checkMail, str: func(u *User) *string { return &u.Mail }},
	{Name: "mailNickname", Max: 64, Synced: true, check: checkMailNickname, str: func(u *User) *string { return &u.MailNickname }},
	{Name: "jobTitle", Max: 128, Synced: true, str: func(u *User) *string { return &u.JobTitle }},
	{Name: "department", Max: 64, Synced: true, str: func(u *User) *string { return &u.Department }},
	{Name: "officeLocation", Max: 128, Synced: true, str: func(u *User) *string { return &u.OfficeLocation }},
	{Name: "companyName", Max: 64, Synced: true, str: func(u *User) *string { return &u.CompanyName }},
	{Name: "employeeId", Max: 16, Synced: true, str: func(u *User) *string { return &u.EmployeeID }},
	{Name: "businessPhones", Kind: PropStringList, Max: 64, MaxItems: 1, Synced: true, Sensitive: true, list: func(u *User) *[]string { return &u.BusinessPhones }},
	{Name: "mobilePhone", Max: 64, Synced: true, Sensitive: true, str: func(u *User) *string { return &u.MobilePhone }},
	{Name: "faxNumber", Max: 64, Synced: true, str: func(u *User) *string { return &u.FaxNumber }},
	{Name: "streetAddress", Max: 1024, Synced: true, str: func(u *User) *string { return &u.StreetAddress }},
	{Name: "city", Max: 128, Synced: true, str: func(u *User) *string { return &u.City }},
	{Name: "state", Max: 128, Synced: true, str: func(u *User) *string { return &u.State }},
	{Name: "postalCode", Max: 40, Synced: true, str: func(u *User) *string { return &u.PostalCode }},
	{Name: "country", Max: 128, Synced: true, str: func(u *User) *string { return &u.Country }},
	{Name: "usageLocation", Max: 2, check: checkUsageLocation, str: func(u *User) *string { return &u.UsageLocation }},
	{Name: "preferredLanguage", Max: 35, Synced: true, check: checkLanguage, str: func(u *User) *string { return &u.PreferredLanguage }},
	{Name: "otherMails", Kind: PropStringList, Max: 254, MaxItems: 5, Sensitive: true, check: checkMail, list: func(u *User) *[]string { return &u.OtherMails }},
	{Name: "userType", Max: 16, check: checkUserType, str: func(u *User) *string { return &u.UserType }},
}

var userPropIndex = propIndex(UserProps)

func propIndex[T any](props []Prop[T]) map[string]*Prop[T] {
	m := make(map[string]*Prop[T], len(props))
	for i := range props {
		m[props[i].Name] = &props[i]
	}
	return m
}

// LookupUserProp returns the writable user property called name.
func LookupUserProp(name string) (*UserProp, bool) {
	p, ok := userPropIndex[name]
	return p, ok
}

// value returns the property's current value of u as a string for audit
// records.
func (p *Prop[T]) value(u *T) string {
	switch p.Kind {
	case PropBool:
		if *p.boolean(u) {
			return "true"
		}
		return "false"
	case PropStringList:
		return listString(*p.list(u))
	default:
		return *p.str(u)
	}
}

// Changes are the properties a create or PATCH sets, keyed by Graph name.
// Values are string, bool, []string, or nil to clear the property.
type Changes map[string]any

func listString(l []string) string {
	if len(l) == 0 {
		return "[]"
	}
	s := "["
	for i, v := range l {
		if i > 0 {
			s += ","
		}
		s += `"` + v + `"`
	}
	return s + "]"
}

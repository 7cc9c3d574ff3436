package authz

// Role is a built-in directory role.
type Role struct {
	Key         string // Atrium's stable key, e.g. "global-admin"
	TemplateID  string // the Entra role template id
	DisplayName string // the Graph displayName
	Grants      []Permission
}

// GlobalAdmin is the role of the person who signs up for a tenant. It holds
// every permission.
var GlobalAdmin = Role{
	Key:         "global-admin",
	TemplateID:  "62e90394-69f5-4237-9190-012177145e10",
	DisplayName: "Global Administrator",
	Grants:      AllPermissions,
}

// Roles lists the built-in roles. Only the Global admin is assignable until
// the roles matrix lands; the other seven roles of the seed come with it.
var Roles = []Role{GlobalAdmin}

// memberGrants are what every member of a tenant holds without a role:
// reading the directory through the API (roles-and-permissions.md §13).
var memberGrants = []Permission{OrgRead}

// RoleByTemplate returns the built-in role with the given template id.
func RoleByTemplate(templateID string) (Role, bool) {
	for _, r := range Roles {
		if r.TemplateID == templateID {
			return r, true
		}
	}
	return Role{}, false
}

package authz

import "slices"

// Application permissions (the Graph app roles an app registration may
// hold) mapped onto the permission matrix. An app acts without a user, so
// it never gets more than a limited cell on users and groups: like a User
// management admin (L2) it can't block, rename, delete or take over an
// admin, and it can't make admins; password resets need a role, which apps
// can't hold yet. The matrix has one permission for reading the directory,
// so every read permission reads all of it.
var appPermissionCells = map[string]map[Permission]Cell{
	"User.Read.All":                   {OrgRead: Yes},
	"Group.Read.All":                  {OrgRead: Yes},
	"Directory.Read.All":              {OrgRead: Yes, LicensesRead: Yes},
	"User.ReadWrite.All":              {OrgRead: Yes, UsersWrite: Limited2},
	"Group.ReadWrite.All":             {OrgRead: Yes, UsersWrite: Limited2},
	"Directory.ReadWrite.All":         {OrgRead: Yes, LicensesRead: Yes, UsersWrite: Limited2},
	"Domain.ReadWrite.All":            {OrgRead: Yes, DomainsManage: Yes},
	"AuditLog.Read.All":               {OrgRead: Yes, ReportsManage: ReadOnly},
	"LicenseAssignment.ReadWrite.All": {OrgRead: Yes, LicensesRead: Yes, LicensesManage: Limited2},
}

// AppPermissionNames lists the application permissions Atrium knows, in
// order.
func AppPermissionNames() []string {
	out := make([]string, 0, len(appPermissionCells))
	for name := range appPermissionCells {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// IsAppPermission reports whether name is an application permission Atrium
// knows.
func IsAppPermission(name string) bool {
	_, ok := appPermissionCells[name]
	return ok
}

// appCell is the best cell an app's permissions give it for perm.
func appCell(perms []string, perm Permission) Cell {
	best := No
	for _, name := range perms {
		if c := appPermissionCells[name][perm]; c > best {
			best = c
		}
	}
	return best
}

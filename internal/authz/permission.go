package authz

// Permission is one of the fifteen permissions of the seed's role matrix.
type Permission string

// The permissions, in the order of the seed matrix rows.
const (
	OrgRead         Permission = "org.read"
	TicketsManage   Permission = "tickets.manage"
	PasswordsReset  Permission = "passwords.reset"
	BillingManage   Permission = "billing.manage"
	UserViewsManage Permission = "userviews.manage"
	UsersWrite      Permission = "users.write"
	LicensesManage  Permission = "licenses.manage"
	LicensesRead    Permission = "licenses.read"
	DomainsManage   Permission = "domains.manage"
	OrgManage       Permission = "org.manage"
	HealthRead      Permission = "health.read"
	RolesDelegate   Permission = "roles.delegate"
	DirSyncManage   Permission = "dirsync.manage"
	ReportsManage   Permission = "reports.manage"
	DevicesManage   Permission = "devices.manage"
)

// AllPermissions lists every permission in matrix order.
var AllPermissions = []Permission{
	OrgRead, TicketsManage, PasswordsReset, BillingManage, UserViewsManage, UsersWrite, LicensesManage,
	LicensesRead, DomainsManage, OrgManage, HealthRead, RolesDelegate, DirSyncManage, ReportsManage, DevicesManage,
}

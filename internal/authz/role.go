package authz

// Cell is one cell of the seed's permission matrix: what a role may do
// with a permission.
type Cell int

// The cells of the matrix.
const (
	No       Cell = iota // refused
	ReadOnly             // "Yes (but can't edit)": reading only
	Limited1             // only for targets who hold no admin role (passwords)
	Limited2             // not on admins: no deleting a Global admin, no making admins, no sensitive changes to admins
	Yes                  // allowed on any target
)

// String is the cell as the seed's table writes it: Y, R, L1, L2 or N.
func (c Cell) String() string {
	switch c {
	case Yes:
		return "Y"
	case ReadOnly:
		return "R"
	case Limited1:
		return "L1"
	case Limited2:
		return "L2"
	}
	return "N"
}

// Role is a built-in directory role.
type Role struct {
	Key         string // Atrium's stable key, e.g. "global-admin"
	TemplateID  string // the Entra role template id, also the Graph roleDefinition id
	DisplayName string // the Graph displayName
	Label       string // the admin center's label
	LabelNL     string // the label in Dutch, as the admin center shows it
	Description string // the seed's description in Atrium's words
	// DescriptionNL is the description in Dutch.
	DescriptionNL string
	Cells         map[Permission]Cell
	// Workload are the roles the directory role gives inside the Mail,
	// Sites, Chat and CRM services (seed 001's mapping table).
	Workload []string
}

// Grants reports the role's cell for perm.
func (r Role) Grants(perm Permission) Cell { return r.Cells[perm] }

// matrix builds a role's cells from one row per permission, in the order
// of AllPermissions.
func matrix(cells ...Cell) map[Permission]Cell {
	m := make(map[Permission]Cell, len(cells))
	for i, c := range cells {
		m[AllPermissions[i]] = c
	}
	return m
}

// The eight roles of the seed (shared/spec/roles-and-permissions.md §2, §4).
// Each column of the seed's matrix, top to bottom in AllPermissions order:
// org.read, tickets.manage, passwords.reset, billing.manage,
// userviews.manage, users.write, licenses.manage, licenses.read,
// domains.manage, org.manage, health.read, roles.delegate, dirsync.manage,
// reports.manage, devices.manage.
var (
	BillingAdmin = Role{Key: "billing-admin", TemplateID: "b0f54661-2d74-4c50-afa3-1ec803f12efe",
		DisplayName: "Billing Administrator", Label: "Billing admin", LabelNL: "Factureringsbeheerder",
		Description:   "Buys products, manages subscriptions and service requests, and watches service health.",
		DescriptionNL: "Schaft producten aan, beheert abonnementen en serviceaanvragen, en bewaakt de servicestatus.",
		Cells:         matrix(Yes, Yes, No, Yes, No, No, No, No, No, No, Yes, No, No, No, No)}
	GlobalAdmin = Role{Key: "global-admin", TemplateID: "62e90394-69f5-4237-9190-012177145e10",
		DisplayName: "Global Administrator", Label: "Global admin", LabelNL: "Hoofdbeheerder",
		Description:   "Every admin feature of the organization and of every service. Only Global admins assign admin roles.",
		DescriptionNL: "Alle beheerfuncties van de organisatie en van elke service. Alleen globale beheerders wijzen beheerdersrollen toe.",
		Cells:         matrix(Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes),
		Workload:      []string{MailAdmin, MailCompanyAdmin, SitesAdmin, ChatAdmin, CRMSystemAdmin}}
	PasswordAdmin = Role{Key: "password-admin", TemplateID: "729827e3-9c14-49f7-bb1b-9608f156bbb8",
		DisplayName: "Helpdesk Administrator", Label: "Password admin", LabelNL: "Wachtwoordbeheerder",
		Description:   "Resets passwords of people who hold no admin role, manages service requests and watches service health.",
		DescriptionNL: "Stelt wachtwoorden opnieuw in van personen zonder beheerdersrol, beheert serviceaanvragen en bewaakt de servicestatus.",
		Cells:         matrix(Yes, Yes, Limited1, No, No, No, No, No, No, No, Yes, No, No, No, No),
		Workload:      []string{MailHelpdesk, ChatAdmin}}
	ServiceAdmin = Role{Key: "service-admin", TemplateID: "f023fd81-a637-4b56-95fd-791ac0226033",
		DisplayName: "Service Support Administrator", Label: "Service admin", LabelNL: "Servicebeheerder",
		Description:   "Opens service requests and reads service health and the message center; otherwise view only.",
		DescriptionNL: "Opent serviceaanvragen en leest de servicestatus en het berichtencentrum; verder alleen weergeven.",
		Cells:         matrix(Yes, Yes, No, No, No, No, No, Yes, No, No, Yes, No, No, No, No)}
	UserAdmin = Role{Key: "user-admin", TemplateID: "fe930be7-5e62-47db-91af-98c3a49a38b1",
		DisplayName: "User Administrator", Label: "User management admin", LabelNL: "Gebruikersbeheerder",
		Description:   "Manages user accounts, groups and service requests, resets passwords and watches service health; can't delete a Global admin, make other admins, or take over an admin's account.",
		DescriptionNL: "Beheert gebruikersaccounts, groepen en serviceaanvragen, stelt wachtwoorden opnieuw in en bewaakt de servicestatus; kan geen globale beheerder verwijderen, geen andere beheerders maken en geen account van een beheerder overnemen.",
		Cells:         matrix(Yes, Yes, Limited1, No, Yes, Limited2, Limited2, Yes, No, No, Yes, No, No, No, No),
		Workload:      []string{ChatAdmin}}
	ExchangeAdmin = Role{Key: "exchange-admin", TemplateID: "29232cdf-9323-42fd-ade2-1d097af3e4de",
		DisplayName: "Exchange Administrator", Label: "Mail admin", LabelNL: "Mailbeheerder",
		Description:   "Admin access to the Mail service and almost every task there.",
		DescriptionNL: "Beheerderstoegang tot de e-mailservice en bijna elke taak daarin.",
		Cells:         matrix(Yes, Yes, No, No, Yes, No, No, Yes, No, No, Yes, No, No, Yes, No),
		Workload:      []string{MailAdmin}}
	SharePointAdmin = Role{Key: "sharepoint-admin", TemplateID: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
		DisplayName: "SharePoint Administrator", Label: "Sites admin", LabelNL: "Sitesbeheerder",
		Description:   "Admin access to the Sites service and almost every task there; reads organization and user information without editing it.",
		DescriptionNL: "Beheerderstoegang tot de sitesservice en bijna elke taak daarin; leest organisatie- en gebruikersgegevens zonder ze te bewerken.",
		Cells:         matrix(ReadOnly, Yes, No, No, Yes, No, No, Yes, No, No, Yes, No, No, Yes, No),
		Workload:      []string{SitesAdmin}}
	SkypeAdmin = Role{Key: "skype-admin", TemplateID: "75941009-915a-4869-abe7-691bff18279e",
		DisplayName: "Skype for Business Administrator", Label: "Chat admin", LabelNL: "Chatbeheerder",
		Description:   "Admin access to the Chat service and almost every task there; reads organization and user information without editing it.",
		DescriptionNL: "Beheerderstoegang tot de chatservice en bijna elke taak daarin; leest organisatie- en gebruikersgegevens zonder ze te bewerken.",
		Cells:         matrix(ReadOnly, Yes, No, No, Yes, No, No, Yes, No, No, Yes, No, No, No, No),
		Workload:      []string{ChatAdmin}}
)

// The workload roles (roles-and-permissions.md §8).
const (
	MailAdmin        = "mail.admin"
	MailCompanyAdmin = "mail.companyAdmin"
	MailHelpdesk     = "mail.helpdesk"
	SitesAdmin       = "sites.admin"
	ChatAdmin        = "chat.admin"
	CRMSystemAdmin   = "crm.systemAdministrator"
)

// ServiceLevelRoles are the workload admin roles one of which a user needs
// before the Service admin role (roles-and-permissions.md §9).
var ServiceLevelRoles = []string{MailAdmin, SitesAdmin, ChatAdmin}

// Roles lists the built-in roles in the seed's column order.
var Roles = []Role{BillingAdmin, GlobalAdmin, PasswordAdmin, ServiceAdmin, UserAdmin, ExchangeAdmin, SharePointAdmin, SkypeAdmin}

// memberGrants are what every member of a tenant holds without a role:
// reading the directory through the API (roles-and-permissions.md §13).
var memberGrants = map[Permission]Cell{OrgRead: Yes}

// RoleByTemplate returns the built-in role with the given template id.
func RoleByTemplate(templateID string) (Role, bool) {
	for _, r := range Roles {
		if r.TemplateID == templateID {
			return r, true
		}
	}
	return Role{}, false
}

// RoleByKey returns the built-in role with the given key, of the seed or
// of MoreRoles (a GDAP delegation may give the latter).
func RoleByKey(key string) (Role, bool) {
	for _, list := range [][]Role{Roles, MoreRoles} {
		for _, r := range list {
			if r.Key == key {
				return r, true
			}
		}
	}
	return Role{}, false
}

// HoldersOf lists the labels of the roles that carry perm (fully or
// limited), for refusals that say who could do it; nl gives the Dutch
// labels.
func HoldersOf(perm Permission, nl bool) []string {
	var out []string
	for _, r := range Roles {
		if c := r.Cells[perm]; c != No {
			if nl {
				out = append(out, r.LabelNL)
			} else {
				out = append(out, r.Label)
			}
		}
	}
	return out
}

package authz

// The additional built-in roles (roles-and-permissions.md §12): not in
// the seed matrix, named by GDAP relationships and scripts. Their cells
// are in AllPermissions order, like the seed roles'. Groups Administrator
// and Directory Synchronization Accounts are left out: their rights (group
// management alone, the sync API alone) have no cell in the matrix.
var (
	PasswordAdminModern = Role{Key: "password-admin-modern", TemplateID: "966707d0-3269-4727-9be2-8c3a10f19b9d",
		DisplayName: "Password Administrator", Label: "Password Administrator", LabelNL: "Wachtwoordbeheerder (modern)",
		Description:   "Resets passwords of people who hold no admin role.",
		DescriptionNL: "Stelt wachtwoorden opnieuw in van personen zonder beheerdersrol.",
		Cells:         matrix(Yes, No, Limited1, No, No, No, No, No, No, No, No, No, No, No, No)}
	LicenseAdmin = Role{Key: "license-admin", TemplateID: "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
		DisplayName: "License Administrator", Label: "License admin", LabelNL: "Licentiebeheerder",
		Description:   "Assigns and removes licenses, reads service health and manages service requests.",
		DescriptionNL: "Wijst licenties toe en verwijdert ze, leest de servicestatus en beheert serviceaanvragen.",
		Cells:         matrix(Yes, Yes, No, No, No, No, Yes, Yes, No, No, Yes, No, No, No, No)}
	GlobalReader = Role{Key: "global-reader", TemplateID: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
		DisplayName: "Global Reader", Label: "Global reader", LabelNL: "Globale lezer",
		Description:   "Reads everything a Global admin can see, without changing anything.",
		DescriptionNL: "Leest alles wat een globale beheerder kan zien, zonder iets te wijzigen.",
		Cells:         matrix(Yes, No, No, No, No, No, No, Yes, No, No, Yes, No, No, No, No)}
	PrivilegedAuthAdmin = Role{Key: "privileged-auth-admin", TemplateID: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
		DisplayName: "Privileged Authentication Administrator", Label: "Privileged authentication admin", LabelNL: "Beheerder bevoorrechte verificatie",
		Description:   "Resets passwords and authentication methods of every user, admins included.",
		DescriptionNL: "Stelt wachtwoorden en verificatiemethoden opnieuw in van elke gebruiker, ook van beheerders.",
		Cells:         matrix(Yes, No, Yes, No, No, No, No, No, No, No, No, No, No, No, No)}
	PrivilegedRoleAdmin = Role{Key: "privileged-role-admin", TemplateID: "e8611ab8-c189-46e8-94e1-60213ab1f814",
		DisplayName: "Privileged Role Administrator", Label: "Privileged role admin", LabelNL: "Beheerder bevoorrechte rollen",
		Description:   "Assigns and removes admin roles.",
		DescriptionNL: "Wijst beheerdersrollen toe en trekt ze in.",
		Cells:         matrix(Yes, No, No, No, No, No, No, No, No, No, No, Yes, No, No, No)}
	TeamsAdmin = Role{Key: "teams-admin", TemplateID: "69091246-20e8-4a56-aa4d-066075b2a7a8",
		DisplayName: "Teams Administrator", Label: "Teams admin", LabelNL: "Teams-beheerder",
		Description:   SkypeAdmin.Description,
		DescriptionNL: SkypeAdmin.DescriptionNL,
		Cells:         SkypeAdmin.Cells,
		Workload:      []string{ChatAdmin}}
	DynamicsAdmin = Role{Key: "dynamics-admin", TemplateID: "44367163-eba1-44c3-98af-f5787879f96a",
		DisplayName: "Dynamics 365 Administrator", Label: "Dynamics 365 admin", LabelNL: "Dynamics 365-beheerder",
		Description:   "Admin access to the CRM service; manages service requests and reads service health.",
		DescriptionNL: "Beheerderstoegang tot de CRM-service; beheert serviceaanvragen en leest de servicestatus.",
		Cells:         matrix(Yes, Yes, No, No, No, No, No, No, No, No, Yes, No, No, No, No),
		Workload:      []string{CRMSystemAdmin}}
	IntuneAdmin = Role{Key: "intune-admin", TemplateID: "3a2c62db-5318-420d-8d74-23affee5d9d5",
		DisplayName: "Intune Administrator", Label: "Intune admin", LabelNL: "Intune-beheerder",
		Description:   "Manages devices.",
		DescriptionNL: "Beheert apparaten.",
		Cells:         matrix(Yes, No, No, No, No, No, No, No, No, No, No, No, No, No, Yes)}
	DirectoryReaders = Role{Key: "directory-readers", TemplateID: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
		DisplayName: "Directory Readers", Label: "Directory readers", LabelNL: "Directorylezers",
		Description:   "Reads the directory through the API.",
		DescriptionNL: "Leest de directory via de API.",
		Cells:         matrix(Yes, No, No, No, No, No, No, No, No, No, No, No, No, No, No)}
	DirectoryWriters = Role{Key: "directory-writers", TemplateID: "9360feb5-f418-4baa-8175-e2a00bac4301",
		DisplayName: "Directory Writers", Label: "Directory writers", LabelNL: "Directoryschrijvers",
		Description:   "Reads the directory and edits users who hold no admin role, without sensitive actions.",
		DescriptionNL: "Leest de directory en bewerkt gebruikers zonder beheerdersrol, zonder gevoelige acties.",
		Cells:         matrix(Yes, No, No, No, No, Limited2, No, No, No, No, No, No, No, No, No)}
)

// MoreRoles lists the additional built-in roles. Roles stays the seed's
// eight, which the admin center's role pages and the matrix show; only
// GDAP relationships name these.
var MoreRoles = []Role{PasswordAdminModern, LicenseAdmin, GlobalReader, PrivilegedAuthAdmin, PrivilegedRoleAdmin,
	TeamsAdmin, DynamicsAdmin, IntuneAdmin, DirectoryReaders, DirectoryWriters}

// BuiltInRole returns the built-in role, of the seed or of MoreRoles, with
// the given template id. RoleByTemplate finds the seed's roles alone,
// which are the ones an organization assigns to its own users.
func BuiltInRole(templateID string) (Role, bool) {
	if r, ok := RoleByTemplate(templateID); ok {
		return r, true
	}
	for _, r := range MoreRoles {
		if r.TemplateID == templateID {
			return r, true
		}
	}
	return Role{}, false
}

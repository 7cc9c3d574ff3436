package api

import (
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

// route is one entry of the route table: a pattern, the permissions that
// may call it (any one of them), and the handler. Public routes need no
// principal. The service checks again, with the target rules; the
// declaration makes every route's gate visible in one place and testable.
type route struct {
	pattern string
	perms   []authz.Permission
	public  bool
	// selfService routes change only the caller's own account; every
	// signed-in user may call them.
	selfService bool
	// serviceGated routes change data under rules no directory permission
	// expresses (a partner's agent groups, resource role assignments):
	// every signed-in member may call them and the service decides.
	serviceGated bool
	// openDuring lists the unfinished sign-in steps during which a browser
	// session may still call the route.
	openDuring step
	h          handlerFunc
}

// step is a set of unfinished sign-in steps of a browser session, in the
// order they must be done: the second factor, registering an
// authenticator (security defaults), a new password.
type step uint8

const (
	stepMFA step = 1 << iota
	stepEnroll
	stepPassword
	always = stepMFA | stepEnroll | stepPassword
)

func needs(perms ...authz.Permission) []authz.Permission { return perms }

var (
	read       = needs(authz.OrgRead)
	usersWrite = needs(authz.UsersWrite)
	delegate   = needs(authz.RolesDelegate)
	tickets    = needs(authz.TicketsManage)
	health     = needs(authz.HealthRead)
	dirSync    = needs(authz.DirSyncManage)
	devices    = needs(authz.DevicesManage)
	billing    = needs(authz.BillingManage)
	licenses   = needs(authz.LicensesManage)
)

// routeTable is the whole API in one place.
func (a *API) routeTable() []route {
	return []route{
		{pattern: "GET /v1.0/me", perms: read, h: a.getMe},
		{pattern: "POST /v1.0/me/changePassword", perms: read, selfService: true, openDuring: stepPassword, h: a.changeOwnPassword},
		{pattern: "GET /v1.0/me/photo", perms: read, h: a.photoMeta},
		{pattern: "GET /v1.0/me/photo/$value", perms: read, h: a.photoValue},
		{pattern: "PUT /v1.0/me/photo/$value", perms: read, selfService: true, h: a.putMyPhoto},
		{pattern: "DELETE /v1.0/me/photo", perms: read, selfService: true, h: a.deleteMyPhoto},
		{pattern: "GET /api/session", perms: read, openDuring: always, h: a.getSession},
		{pattern: "POST /api/signin/mfa", perms: read, selfService: true, openDuring: stepMFA, h: a.signInMFA},
		{pattern: "POST /api/signout", perms: read, selfService: true, openDuring: always, h: a.signOut},
		{pattern: "POST /api/signout/everywhere", perms: read, selfService: true, openDuring: always, h: a.signOutEverywhere},
		{pattern: "GET /api/me/mfa", perms: read, openDuring: stepEnroll, h: a.getMFA},
		{pattern: "POST /api/me/mfa/totp", perms: read, selfService: true, openDuring: stepEnroll, h: a.beginTOTP},
		{pattern: "POST /api/me/mfa/totp/confirm", perms: read, selfService: true, openDuring: stepEnroll, h: a.confirmTOTP},
		{pattern: "POST /api/me/mfa/totp/remove", perms: read, selfService: true, h: a.removeTOTP},
		{pattern: "GET /v1.0/users", perms: read, h: a.listUsers},
		{pattern: "POST /v1.0/users", perms: usersWrite, h: a.createUser},
		{pattern: "GET /v1.0/users/{id}", perms: read, h: a.getUser}, // also /users/$count
		{pattern: "PATCH /v1.0/users/{id}", perms: needs(authz.UsersWrite, authz.PasswordsReset, authz.LicensesManage), h: a.updateUser},
		{pattern: "DELETE /v1.0/users/{id}", perms: usersWrite, h: a.deleteUser},
		{pattern: "GET /v1.0/users/{id}/photo", perms: read, h: a.photoMeta},
		{pattern: "GET /v1.0/users/{id}/photo/$value", perms: read, h: a.photoValue},
		{pattern: "GET /v1.0/users/{id}/photos/{size}/$value", perms: read, h: a.photoValue},
		{pattern: "PUT /v1.0/users/{id}/photo/$value", perms: read, selfService: true, h: a.putUserPhoto},
		{pattern: "GET /v1.0/users/{id}/memberOf", perms: read, h: a.listRelated(directory.RelMemberOf)},
		{pattern: "GET /v1.0/users/{id}/registeredDevices", perms: read, h: a.listUserDevices},
		{pattern: "POST /v1.0/users/{id}/authentication/methods/{method}/resetPassword", perms: needs(authz.PasswordsReset), h: a.resetPasswordGraph},

		{pattern: "GET /v1.0/directory/deletedItems/{id}", perms: read, h: a.getDeletedItem}, // also /microsoft.graph.user
		{pattern: "POST /v1.0/directory/deletedItems/{id}/restore", perms: usersWrite, h: a.restoreDeletedItem},
		{pattern: "DELETE /v1.0/directory/deletedItems/{id}", perms: usersWrite, h: a.purgeDeletedItem},

		{pattern: "GET /v1.0/groups", perms: read, h: a.listGroups},
		{pattern: "POST /v1.0/groups", perms: usersWrite, h: a.createGroup},
		{pattern: "GET /v1.0/groups/{id}", perms: read, h: a.getGroup},
		{pattern: "PATCH /v1.0/groups/{id}", perms: usersWrite, h: a.updateGroup},
		{pattern: "DELETE /v1.0/groups/{id}", perms: usersWrite, h: a.deleteGroup},
		{pattern: "GET /v1.0/groups/{id}/members", perms: read, h: a.listRelated(directory.RelMembers)},
		{pattern: "POST /v1.0/groups/{id}/members/$ref", perms: usersWrite, h: a.addMember},
		{pattern: "DELETE /v1.0/groups/{id}/members/{member}/$ref", perms: usersWrite, h: a.removeMember},
		{pattern: "GET /v1.0/groups/{id}/owners", perms: read, h: a.listRelated(directory.RelOwners)},
		{pattern: "POST /v1.0/groups/{id}/owners/$ref", perms: usersWrite, h: a.addOwner},
		{pattern: "DELETE /v1.0/groups/{id}/owners/{owner}/$ref", perms: usersWrite, h: a.removeOwner},
		{pattern: "GET /v1.0/groups/{id}/memberOf", perms: read, h: a.listRelated(directory.RelMemberOf)},

		{pattern: "GET /v1.0/domains", perms: read, h: a.listDomains},
		{pattern: "POST /v1.0/domains", perms: needs(authz.DomainsManage), h: a.createDomain},
		{pattern: "GET /v1.0/domains/{id}", perms: read, h: a.getDomain},
		{pattern: "PATCH /v1.0/domains/{id}", perms: needs(authz.DomainsManage), h: a.updateDomain},
		{pattern: "DELETE /v1.0/domains/{id}", perms: needs(authz.DomainsManage), h: a.deleteDomain},
		{pattern: "GET /v1.0/domains/{id}/verificationDnsRecords", perms: read, h: a.domainDNSRecords},
		{pattern: "POST /v1.0/domains/{id}/verify", perms: needs(authz.DomainsManage), h: a.verifyDomain},

		{pattern: "GET /v1.0/devices", perms: read, h: a.listDevices},
		{pattern: "POST /v1.0/devices", perms: devices, h: a.createDevice},
		{pattern: "GET /v1.0/devices/{id}", perms: read, h: a.getDevice},
		{pattern: "PATCH /v1.0/devices/{id}", perms: devices, h: a.updateDevice},
		{pattern: "DELETE /v1.0/devices/{id}", perms: devices, h: a.deleteDevice},
		{pattern: "GET /v1.0/devices/{id}/registeredOwners", perms: read, h: a.listDeviceOwners},
		{pattern: "POST /v1.0/devices/{id}/registeredOwners/$ref", perms: devices, h: a.addDeviceOwner},
		{pattern: "DELETE /v1.0/devices/{id}/registeredOwners/{owner}/$ref", perms: devices, h: a.removeDeviceOwner},

		{pattern: "GET /v1.0/applications", perms: read, h: a.listApplications},
		{pattern: "POST /v1.0/applications", perms: needs(authz.OrgManage), h: a.createApplication},
		{pattern: "GET /v1.0/applications/{id}", perms: read, h: a.getApplication},
		{pattern: "PATCH /v1.0/applications/{id}", perms: needs(authz.OrgManage), h: a.updateApplication},
		{pattern: "DELETE /v1.0/applications/{id}", perms: needs(authz.OrgManage), h: a.deleteApplication},
		{pattern: "POST /v1.0/applications/{id}/addPassword", perms: needs(authz.OrgManage), h: a.addApplicationPassword},
		{pattern: "POST /v1.0/applications/{id}/removePassword", perms: needs(authz.OrgManage), h: a.removeApplicationPassword},

		{pattern: "GET /v1.0/organization", perms: read, h: a.listOrganization},
		{pattern: "GET /v1.0/organization/{id}", perms: read, h: a.getOrganization},
		{pattern: "PATCH /v1.0/organization/{id}", perms: needs(authz.OrgManage, authz.DirSyncManage), h: a.updateOrganization},
		{pattern: "GET /v1.0/organization/{id}/branding", perms: read, h: a.getBranding},
		{pattern: "PATCH /v1.0/organization/{id}/branding", perms: needs(authz.OrgManage), h: a.updateBranding},
		{pattern: "PUT /v1.0/organization/{id}/branding/localizations/0/bannerLogo", perms: needs(authz.OrgManage), h: a.putBannerLogo},

		{pattern: "GET /v1.0/directory/onPremisesSynchronization", perms: dirSync, h: a.listDirSync},
		{pattern: "GET /v1.0/directory/onPremisesSynchronization/{id}", perms: dirSync, h: a.getDirSync},
		{pattern: "PATCH /v1.0/directory/onPremisesSynchronization/{id}", perms: dirSync, h: a.updateDirSync},

		{pattern: "GET /v1.0/auditLogs/directoryAudits", perms: needs(authz.ReportsManage), h: a.listAudit},
		{pattern: "GET /v1.0/auditLogs/signIns", perms: needs(authz.ReportsManage), h: a.listSignIns},

		{pattern: "GET /v1.0/directoryRoles", perms: read, h: a.listDirectoryRoles},
		{pattern: "POST /v1.0/directoryRoles", perms: delegate, h: a.activateDirectoryRole},
		{pattern: "GET /v1.0/directoryRoles/{id}", perms: read, h: a.getDirectoryRole},
		{pattern: "GET /v1.0/directoryRoles/{id}/members", perms: read, h: a.listDirectoryRoleMembers},
		{pattern: "POST /v1.0/directoryRoles/{id}/members/$ref", perms: delegate, h: a.addDirectoryRoleMember},
		{pattern: "DELETE /v1.0/directoryRoles/{id}/members/{member}/$ref", perms: delegate, h: a.removeDirectoryRoleMember},
		{pattern: "GET /v1.0/directoryRoleTemplates", perms: read, h: a.listDirectoryRoleTemplates},
		{pattern: "GET /v1.0/roleManagement/directory/roleDefinitions", perms: read, h: a.listRoleDefinitions},
		{pattern: "GET /v1.0/roleManagement/directory/roleDefinitions/{id}", perms: read, h: a.getRoleDefinition},
		{pattern: "GET /v1.0/roleManagement/directory/roleAssignments", perms: read, h: a.listRoleAssignments},
		{pattern: "POST /v1.0/roleManagement/directory/roleAssignments", perms: delegate, h: a.createRoleAssignment},
		{pattern: "GET /v1.0/roleManagement/directory/roleAssignments/{id}", perms: read, h: a.getRoleAssignment},
		{pattern: "DELETE /v1.0/roleManagement/directory/roleAssignments/{id}", perms: delegate, h: a.deleteRoleAssignment},

		{pattern: "GET /api/myAdmins", perms: read, h: a.myAdmins},
		{pattern: "GET /api/roles/warnings", perms: read, h: a.adminWarnings},
		{pattern: "GET /api/permissions", perms: read, h: a.permissionMatrix},
		{pattern: "GET /api/users/{id}/workloadRoles", perms: read, h: a.workloadRoles},
		{pattern: "POST /api/bulk/roles", perms: delegate, h: a.bulkRoles},
		{pattern: "POST /api/bulk/resetPasswords", perms: needs(authz.PasswordsReset), h: a.bulkResetPasswords},
		{pattern: "GET /api/imports/template", perms: usersWrite, h: a.importTemplate},
		{pattern: "GET /api/imports", perms: usersWrite, h: a.listImports},
		{pattern: "POST /api/imports", perms: usersWrite, h: a.createImport},
		{pattern: "GET /api/imports/{id}", perms: usersWrite, h: a.getImport},
		{pattern: "POST /api/imports/{id}/start", perms: usersWrite, h: a.startImport},
		{pattern: "GET /api/imports/{id}/problems", perms: usersWrite, h: a.importProblems},
		{pattern: "GET /api/imports/{id}/results", perms: usersWrite, h: a.importResults},
		{pattern: "GET /api/imports/{id}/sheet", perms: usersWrite, h: a.importSheet},
		{pattern: "GET /api/userViews", perms: read, h: a.listUserViews},
		{pattern: "POST /api/userViews", perms: needs(authz.UserViewsManage), h: a.createUserView},
		{pattern: "GET /api/userViews/{id}", perms: read, h: a.getUserView},
		{pattern: "PATCH /api/userViews/{id}", perms: needs(authz.UserViewsManage), h: a.updateUserView},
		{pattern: "DELETE /api/userViews/{id}", perms: needs(authz.UserViewsManage), h: a.deleteUserView},
		{pattern: "GET /api/userViews/{id}/users", perms: read, h: a.listUserViewUsers},

		{pattern: "POST /v1.0/users/{id}/revokeSignInSessions", perms: needs(authz.PasswordsReset), h: a.revokeSignInSessions},
		{pattern: "GET /api/me/signIns", perms: read, h: a.listMySignIns},
		{pattern: "GET /v1.0/admin/serviceAnnouncement/healthOverviews", perms: health, h: a.listHealthOverviews},
		{pattern: "GET /v1.0/admin/serviceAnnouncement/healthOverviews/{id}", perms: health, h: a.getHealthOverview},
		{pattern: "GET /v1.0/admin/serviceAnnouncement/issues", perms: health, h: a.listHealthIssues},
		{pattern: "GET /v1.0/admin/serviceAnnouncement/issues/{id}", perms: health, h: a.getHealthIssue},
		{pattern: "GET /v1.0/admin/serviceAnnouncement/messages", perms: health, h: a.listServiceMessages},
		{pattern: "GET /v1.0/admin/serviceAnnouncement/messages/{id}", perms: health, h: a.getServiceMessage},
		{pattern: "POST /v1.0/admin/serviceAnnouncement/messages/markRead", perms: health, h: a.markMessages("markRead")},
		{pattern: "POST /v1.0/admin/serviceAnnouncement/messages/markUnread", perms: health, h: a.markMessages("markUnread")},
		{pattern: "POST /v1.0/admin/serviceAnnouncement/messages/archive", perms: health, h: a.markMessages("archive")},
		{pattern: "POST /v1.0/admin/serviceAnnouncement/messages/unarchive", perms: health, h: a.markMessages("unarchive")},
		{pattern: "POST /v1.0/admin/serviceAnnouncement/messages/favorite", perms: health, h: a.markMessages("favorite")},
		{pattern: "POST /v1.0/admin/serviceAnnouncement/messages/unfavorite", perms: health, h: a.markMessages("unfavorite")},

		{pattern: "GET /api/catalog", perms: read, h: a.getCatalog},
		{pattern: "GET /api/billing/subscriptions", perms: billing, h: a.listSubscriptions},
		{pattern: "PATCH /api/billing/subscriptions/{id}", perms: billing, h: a.updateSubscription},
		{pattern: "POST /api/billing/subscriptions/{id}/cancel", perms: billing, h: a.cancelSubscription},
		{pattern: "POST /api/billing/subscriptions/{id}/reactivate", perms: billing, h: a.reactivateSubscription},
		{pattern: "GET /api/billing/orders", perms: billing, h: a.listOrders},
		{pattern: "POST /api/billing/orders", perms: billing, h: a.placeOrder},
		{pattern: "GET /api/billing/invoices", perms: billing, h: a.listInvoices},
		{pattern: "GET /api/billing/invoices/{id}", perms: billing, h: a.getInvoice},
		{pattern: "GET /v1.0/subscribedSkus", perms: needs(authz.LicensesRead, authz.BillingManage), h: a.listSubscribedSkus},
		{pattern: "GET /v1.0/subscribedSkus/{id}", perms: needs(authz.LicensesRead, authz.BillingManage), h: a.getSubscribedSku},
		{pattern: "GET /api/reports/licenses", perms: needs(authz.LicensesRead), h: a.licenseReport},
		{pattern: "POST /v1.0/users/{id}/assignLicense", perms: licenses, h: a.assignLicense},
		{pattern: "GET /v1.0/users/{id}/licenseDetails", perms: needs(authz.LicensesRead), h: a.listLicenseDetails},
		{pattern: "GET /v1.0/me/licenseDetails", perms: read, h: a.listLicenseDetails},
		{pattern: "GET /api/users/{id}/installs", perms: needs(authz.LicensesRead), h: a.listUserInstalls},
		{pattern: "GET /api/me/installs", perms: read, h: a.listMyInstalls},
		{pattern: "POST /api/me/installs", perms: read, selfService: true, h: a.activateInstall},
		{pattern: "DELETE /api/me/installs/{id}", perms: read, selfService: true, h: a.deactivateInstall},
		{pattern: "GET /api/support/requests", perms: tickets, h: a.listSupportRequests},
		{pattern: "POST /api/support/requests", perms: tickets, h: a.createSupportRequest},
		{pattern: "GET /api/support/requests/{id}", perms: tickets, h: a.getSupportRequest},
		{pattern: "POST /api/support/requests/{id}/messages", perms: tickets, h: a.addSupportMessage},
		{pattern: "POST /api/support/requests/{id}/close", perms: tickets, h: a.closeSupportRequest},

		{pattern: "GET /api/partner", perms: read, h: a.getPartnerProfile},
		{pattern: "POST /api/partner/invitations", perms: read, serviceGated: true, h: a.createPartnerInvitation},
		{pattern: "GET /api/partner/invitations/{token}", perms: read, h: a.inspectPartnerInvitation},
		{pattern: "POST /api/partner/invitations/{token}/accept", perms: needs(authz.OrgManage), h: a.acceptPartnerInvitation},
		{pattern: "GET /api/partner/customers", perms: read, h: a.listPartnerCustomers},
		{pattern: "POST /api/partner/customers/{tenantId}/subscriptions", perms: read, serviceGated: true, h: a.buyForCustomer},
		{pattern: "DELETE /api/partner/customers/{tenantId}", perms: needs(authz.OrgManage), h: a.endResellerRelationship},
		{pattern: "GET /api/partner/activityLog", perms: read, h: a.partnerActivityLog},
		{pattern: "GET /v1.0/contracts", perms: read, h: a.listContracts},
		{pattern: "GET /api/users/{id}/partnerRole", perms: read, h: a.getPartnerRole},
		{pattern: "PUT /api/users/{id}/partnerRole", perms: delegate, h: a.setPartnerRole},
		{pattern: "GET /api/partnerRelationships", perms: needs(authz.OrgManage), h: a.listPartnerRelationships},
		{pattern: "GET /api/partnerRelationships/{partnerTenantId}", perms: needs(authz.OrgManage), h: a.getPartnerRelationship},
		{pattern: "DELETE /api/partnerRelationships/{partnerTenantId}/delegatedAdmin", perms: needs(authz.OrgManage), h: a.removeDelegatedAdmin},
		{pattern: "GET /api/azure/subscriptions", perms: read, h: a.listResourceSubscriptions},
		{pattern: "POST /api/azure/subscriptions", perms: needs(authz.BillingManage, authz.OrgManage), h: a.createResourceSubscription},
		{pattern: "GET /api/azure/subscriptions/{id}", perms: read, h: a.getResourceSubscription},
		{pattern: "GET /api/azure/subscriptions/{id}/roleAssignments", perms: read, h: a.listResourceRoleAssignments},
		{pattern: "POST /api/azure/subscriptions/{id}/roleAssignments", perms: read, serviceGated: true, h: a.createResourceRoleAssignment},
		{pattern: "DELETE /api/azure/subscriptions/{id}/roleAssignments/{assignmentId}", perms: read, serviceGated: true, h: a.deleteResourceRoleAssignment},
		{pattern: "GET /api/customers/{tenantId}/azure/subscriptions", perms: read, h: a.listResourceSubscriptions},
		{pattern: "POST /api/customers/{tenantId}/azure/subscriptions", perms: read, serviceGated: true, h: a.createResourceSubscription},
		{pattern: "GET /api/customers/{tenantId}/azure/subscriptions/{id}", perms: read, h: a.getResourceSubscription},
		{pattern: "GET /api/customers/{tenantId}/azure/subscriptions/{id}/roleAssignments", perms: read, h: a.listResourceRoleAssignments},
		{pattern: "POST /api/customers/{tenantId}/azure/subscriptions/{id}/roleAssignments", perms: read, serviceGated: true, h: a.createResourceRoleAssignment},
		{pattern: "DELETE /api/customers/{tenantId}/azure/subscriptions/{id}/roleAssignments/{assignmentId}", perms: read, serviceGated: true, h: a.deleteResourceRoleAssignment},

		{pattern: "GET /api/devices/autopilot", perms: devices, h: a.listAutopilotDevices},
		{pattern: "POST /api/devices/autopilot", perms: devices, h: a.addAutopilotDevices},
		{pattern: "GET /api/devices/autopilot/{id}", perms: devices, h: a.getAutopilotDevice},
		{pattern: "DELETE /api/devices/autopilot/{id}", perms: devices, h: a.deleteAutopilotDevice},
		{pattern: "POST /api/devices/autopilot/{id}/profile", perms: devices, h: a.assignAutopilotProfile},
		{pattern: "GET /api/devices/autopilot/profiles", perms: devices, h: a.listDeploymentProfiles},
		{pattern: "POST /api/devices/autopilot/profiles", perms: devices, h: a.createDeploymentProfile},
		{pattern: "PATCH /api/devices/autopilot/profiles/{id}", perms: devices, h: a.updateDeploymentProfile},
		{pattern: "DELETE /api/devices/autopilot/profiles/{id}", perms: devices, h: a.deleteDeploymentProfile},
		{pattern: "GET /v1.0/deviceManagement/windowsAutopilotDeviceIdentities", perms: devices, h: a.listAutopilotIdentities},
		{pattern: "POST /v1.0/deviceManagement/windowsAutopilotDeviceIdentities", perms: devices, h: a.createAutopilotIdentity},
		{pattern: "GET /v1.0/deviceManagement/windowsAutopilotDeviceIdentities/{id}", perms: devices, h: a.getAutopilotIdentity},
		{pattern: "DELETE /v1.0/deviceManagement/windowsAutopilotDeviceIdentities/{id}", perms: devices, h: a.deleteAutopilotDevice},
		{pattern: "GET /api/customers/{tenantId}/devices", perms: read, h: a.listAutopilotDevices},
		{pattern: "POST /api/customers/{tenantId}/devices", perms: read, serviceGated: true, h: a.addAutopilotDevices},
		{pattern: "GET /api/customers/{tenantId}/devices/{id}", perms: read, h: a.getAutopilotDevice},
		{pattern: "DELETE /api/customers/{tenantId}/devices/{id}", perms: read, serviceGated: true, h: a.deleteAutopilotDevice},
		{pattern: "POST /api/customers/{tenantId}/devices/{id}/profile", perms: read, serviceGated: true, h: a.assignAutopilotProfile},
		{pattern: "GET /api/customers/{tenantId}/deploymentProfiles", perms: read, h: a.listDeploymentProfiles},
		{pattern: "POST /api/customers/{tenantId}/deploymentProfiles", perms: read, serviceGated: true, h: a.createDeploymentProfile},
		{pattern: "PATCH /api/customers/{tenantId}/deploymentProfiles/{id}", perms: read, serviceGated: true, h: a.updateDeploymentProfile},
		{pattern: "DELETE /api/customers/{tenantId}/deploymentProfiles/{id}", perms: read, serviceGated: true, h: a.deleteDeploymentProfile},

		{pattern: "POST /api/users/provision", perms: usersWrite, h: a.provisionUser},
		{pattern: "GET /api/users/export", perms: usersWrite, h: a.exportUsers},
		{pattern: "POST /api/users/{id}/passwordLink", perms: needs(authz.PasswordsReset), h: a.newPasswordLink},
		{pattern: "POST /api/users/{id}/unlock", perms: needs(authz.PasswordsReset), h: a.unlockUser},
		{pattern: "POST /api/users/{id}/resetPassword", perms: needs(authz.PasswordsReset), h: a.resetPasswordAtrium},
		{pattern: "GET /api/settings/helpdesk", perms: read, h: a.getHelpdesk},
		{pattern: "PATCH /api/settings/helpdesk", perms: needs(authz.OrgManage), h: a.updateHelpdesk},
		{pattern: "GET /api/settings/passwordPolicy", perms: read, h: a.getPasswordPolicy},
		{pattern: "PATCH /api/settings/passwordPolicy", perms: needs(authz.OrgManage), h: a.updatePasswordPolicy},

		{pattern: "GET /v1.0/tenantRelationships/delegatedAdminRelationships", perms: read, h: a.listGDAPRelationships},
		{pattern: "POST /v1.0/tenantRelationships/delegatedAdminRelationships", perms: read, serviceGated: true, h: a.createGDAPRelationship},
		{pattern: "GET /v1.0/tenantRelationships/delegatedAdminRelationships/{id}", perms: read, h: a.getGDAPRelationship},
		{pattern: "PATCH /v1.0/tenantRelationships/delegatedAdminRelationships/{id}", perms: read, serviceGated: true, h: a.updateGDAPRelationship},
		{pattern: "DELETE /v1.0/tenantRelationships/delegatedAdminRelationships/{id}", perms: read, serviceGated: true, h: a.deleteGDAPRelationship},
		{pattern: "POST /v1.0/tenantRelationships/delegatedAdminRelationships/{id}/requests", perms: read, serviceGated: true, h: a.createGDAPRequest},
		{pattern: "GET /v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments", perms: read, h: a.listGDAPAssignments},
		{pattern: "POST /v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments", perms: read, serviceGated: true, h: a.createGDAPAssignment},
		{pattern: "GET /v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments/{assignmentId}", perms: read, h: a.getGDAPAssignment},
		{pattern: "PATCH /v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments/{assignmentId}", perms: read, serviceGated: true, h: a.updateGDAPAssignment},
		{pattern: "DELETE /v1.0/tenantRelationships/delegatedAdminRelationships/{id}/accessAssignments/{assignmentId}", perms: read, serviceGated: true, h: a.deleteGDAPAssignment},
		{pattern: "GET /v1.0/tenantRelationships/delegatedAdminCustomers", perms: read, h: a.listGDAPCustomers},
		{pattern: "GET /api/partnerRelationships/gdap", perms: needs(authz.OrgManage), h: a.listCustomerGDAP},
		{pattern: "GET /api/partnerRelationships/gdap/{id}", perms: needs(authz.OrgManage), h: a.getCustomerGDAP},
		{pattern: "POST /api/partnerRelationships/gdap/{id}/approve", perms: needs(authz.OrgManage), h: a.approveGDAP},
		{pattern: "POST /api/partnerRelationships/gdap/{id}/decline", perms: needs(authz.OrgManage), h: a.declineGDAP},
		{pattern: "POST /api/partnerRelationships/gdap/{id}/terminate", perms: needs(authz.OrgManage), h: a.terminateCustomerGDAP},
		{pattern: "POST /api/signup", public: true, h: a.signupHandler},
		{pattern: "POST /api/signin", public: true, h: a.signIn},
		{pattern: "POST /api/sspr/start", public: true, h: a.ssprStart},
		{pattern: "POST /api/sspr/verify", public: true, h: a.ssprVerify},
		{pattern: "POST /api/sspr/reset", public: true, h: a.ssprReset},
		{pattern: "POST /api/passwordLinks/inspect", public: true, h: a.inspectPasswordLink},
		{pattern: "POST /api/passwordLinks/redeem", public: true, h: a.redeemPasswordLink},
	}
}

// routes registers the route table on mux, each route behind its gate.
func (a *API) routes(mux *http.ServeMux) {
	for _, rt := range a.routeTable() {
		if rt.public {
			mux.Handle(rt.pattern, a.public(rt.h))
		} else {
			mux.Handle(rt.pattern, a.authed(rt))
		}
	}
	fallback := a.public(func(w http.ResponseWriter, r *http.Request) error { return notFoundRoute(mux, w, r) })
	mux.Handle("/v1.0/", fallback)
	mux.Handle("/api/", fallback)
}

// tenantRoutes are the per-tenant endpoints outside /v1.0 and /api, in
// Entra's layout.
func (a *API) tenantRoutes(mux *http.ServeMux) {
	mux.Handle("GET /{tenant}/discovery/v2.0/keys", a.public(a.jwks))
	mux.Handle("GET /{tenant}/branding/bannerLogo", a.public(a.bannerLogo))
	if a.provider == nil {
		return
	}
	for _, p := range []string{"GET /{tenant}/v2.0/.well-known/openid-configuration",
		"GET /{tenant}/oauth2/v2.0/authorize", "POST /{tenant}/oauth2/v2.0/authorize", "GET /{tenant}/oauth2/v2.0/authorize/callback",
		"POST /{tenant}/oauth2/v2.0/devicecode", "POST /{tenant}/oauth2/v2.0/revoke", "POST /{tenant}/oauth2/v2.0/introspect",
		"GET /{tenant}/oidc/userinfo", "POST /{tenant}/oidc/userinfo",
		"OPTIONS /{tenant}/v2.0/.well-known/openid-configuration", "OPTIONS /{tenant}/oauth2/v2.0/token", "OPTIONS /{tenant}/oidc/userinfo"} {
		mux.HandleFunc(p, a.oidc)
	}
	mux.HandleFunc("POST /{tenant}/oauth2/v2.0/token", a.oidcToken)
	mux.HandleFunc("GET /{tenant}/oauth2/v2.0/logout", a.oidcLogout)
	mux.HandleFunc("POST /{tenant}/oauth2/v2.0/logout", a.oidcLogout)
	mux.HandleFunc("GET /{tenant}/devicelogin", a.deviceLogin)
	mux.HandleFunc("GET /{tenant}/oauth2/v2.0/signin", a.signinPage)
	mux.HandleFunc("POST /{tenant}/oauth2/v2.0/signin", a.signinSubmit)
}

// notFoundRoute answers paths outside the route table in the Graph error
// shape: 405 when another method serves the path, else 404.
func notFoundRoute(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) error {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "/v1.0/" && pattern != "/api/" && pattern != "" {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		return &httpError{status: http.StatusMethodNotAllowed, code: "Request_BadRequest",
			message: "The method " + r.Method + " is not allowed on " + r.URL.Path + "."}
	}
	return &httpError{status: http.StatusNotFound, code: "Request_ResourceNotFound",
		message: "Resource not found for the segment '" + r.URL.Path + "'."}
}

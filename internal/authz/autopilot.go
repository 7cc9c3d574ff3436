package authz

import "slices"

// AutopilotAction is what a partner does with a customer's Windows
// Autopilot devices and deployment profiles (partners.md §8.2).
type AutopilotAction int

// The rows of the §8.2 table.
const (
	AutopilotProfiles AutopilotAction = iota // create, update or delete deployment profiles
	AutopilotApply                           // apply a profile to a device or remove it
	AutopilotDelete                          // delete a device
	AutopilotAdd                             // add devices
)

// DeviceOrigin says who added an Autopilot device, seen from the partner
// acting on it.
type DeviceOrigin int

// The device columns of the §8.2 table.
const (
	AddedByThisPartner  DeviceOrigin = iota // the acting partner added it
	AddedByOtherPartner                     // another partner of the customer added it
	AddedByCustomer                         // the customer added it itself (Store for Business/Education, device-management portal)
)

// The values of the deployment setting partner.autopilotRules.
const (
	AutopilotCurrent   = "current"   // seed 002's current rules (default)
	AutopilotAnnounced = "announced" // seed 002's announced changes
)

// AutopilotPolicies lists the values of partner.autopilotRules.
var AutopilotPolicies = []string{AutopilotCurrent, AutopilotAnnounced}

// IntuneAdministratorTemplate is the role template id of Intune
// Administrator, which GDAP can give (partners.md §8.2).
const IntuneAdministratorTemplate = "3a2c62db-5318-420d-8d74-23affee5d9d5"

// AutopilotDelegated reports whether a partner's user holds "delegated
// admin" in the sense of §8.2: active DAP, or GDAP roles (keys) including
// Global Administrator or Intune Administrator.
func AutopilotDelegated(dap bool, gdap []string) bool {
	return dap || slices.ContainsFunc(gdap, func(key string) bool {
		r, ok := RoleByKey(key)
		return ok && (r.TemplateID == GlobalAdmin.TemplateID || r.TemplateID == IntuneAdministratorTemplate)
	})
}

// AutopilotDecision is the §8.2 table: whether a partner with a reseller
// relationship may do act on a device of origin (ignored for profiles and
// adding) under policy, holding delegated admin or not. The agent-role
// gate (CheckAgent) applies before it.
func AutopilotDecision(act AutopilotAction, origin DeviceOrigin, policy string, delegated bool) error {
	if act == AutopilotAdd || (act == AutopilotDelete && origin == AddedByThisPartner) {
		return nil
	}
	if policy == AutopilotAnnounced {
		if delegated {
			return nil
		}
		return &Refusal{Message: "This needs delegated admin privileges (DAP, or GDAP with Intune Administrator or Global Administrator) in the customer; " +
			"without them a partner can only add devices and delete devices it added itself."}
	}
	if act != AutopilotProfiles && origin == AddedByCustomer {
		return &Refusal{Message: "The customer added this device itself (Store for Business, Store for Education or its device-management portal); " +
			"partners can't manage or delete it."}
	}
	return nil
}

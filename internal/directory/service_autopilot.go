package directory

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/autopilot"
)

// autopilotActor is who acts on a customer's Autopilot devices and
// profiles: its own device admins, or an agent of one of its partners
// (partnerID set), held to the rules of partners.md §8.2.
type autopilotActor struct {
	p         authz.Principal // for a partner's agent, Partner is set: audits go on their behalf
	partnerID string
	dap       bool // the partner holds DAP in the customer, for the audit's delegation
	delegated bool // "delegated admin" in the sense of §8.2
	policy    string
}

// origin says who added d, seen from the actor.
func (a *autopilotActor) origin(d autopilot.Device) authz.DeviceOrigin {
	switch {
	case d.AddedBy.Kind == autopilot.KindCustomer:
		return authz.AddedByCustomer
	case d.AddedBy.PartnerTenantID == a.partnerID:
		return authz.AddedByThisPartner
	}
	return authz.AddedByOtherPartner
}

// may applies the §8.2 table to a partner's agent; the customer's own
// admins may do everything. When the action needed delegated admin, the
// audit names the delegation used.
func (a *autopilotActor) may(act authz.AutopilotAction, origin authz.DeviceOrigin) error {
	if a.partnerID == "" {
		return nil
	}
	if err := authz.AutopilotDecision(act, origin, a.policy, a.delegated); err != nil {
		return Denied(err)
	}
	if authz.AutopilotDecision(act, origin, a.policy, false) != nil {
		a.p.Partner.Delegation = authz.DelegationGDAP
		if a.dap {
			a.p.Partner.Delegation = authz.DelegationDAP
		}
	}
	return nil
}

// autopilot runs fn for the caller in sc: a customer's user holding
// devices.manage, or a partner's agent allowed act (authz.CheckAgent) with
// a reseller relationship; without one the customer is not found.
func (s *Service) autopilot(ctx context.Context, sc CustomerScope, write bool, act authz.PartnerAction, fn func(a *autopilotActor, ct Tx) error) error {
	if sc.PartnerID == "" {
		p, err := s.authorize(ctx, authz.DevicesManage, sc.TenantID)
		if err != nil {
			return err
		}
		if p.Partner != nil {
			return Denied(&authz.Refusal{Message: "Partners manage their customers' Autopilot devices from their Customers page (/api/customers/{tenantId}/devices)."})
		}
		run := s.store.View
		if write {
			run = s.store.Update
		}
		return run(ctx, sc.TenantID, func(tx Tx) error { return fn(&autopilotActor{p: p}, tx) })
	}
	if sc.TenantID == sc.PartnerID {
		return NotFound(sc.TenantID)
	}
	run := s.store.ViewPair
	if write {
		run = s.store.UpdatePair
	}
	return run(ctx, sc.TenantID, sc.PartnerID, func(ct, pt Tx) error {
		p, pten, rel, err := s.resellerAgent(ctx, ct, pt, sc.PartnerID, sc.TenantID, act)
		if err != nil {
			return err
		}
		gdap, _, err := gdapRoles(ct, pt, p.UserID, s.Now())
		if err != nil {
			return err
		}
		p.Partner = &authz.PartnerActor{TenantID: sc.PartnerID, DisplayName: pten.Org.DisplayName, Delegation: authz.DelegationReseller}
		return fn(&autopilotActor{p: p, partnerID: sc.PartnerID, dap: rel.HasDAP(), delegated: authz.AutopilotDelegated(rel.HasDAP(), gdap),
			policy: s.autopilotPolicy}, ct)
	})
}

// ListAutopilotDevices lists the customer's Autopilot devices, newest
// upload first.
func (s *Service) ListAutopilotDevices(ctx context.Context, sc CustomerScope) ([]autopilot.Device, error) {
	var out []autopilot.Device
	err := s.autopilot(ctx, sc, false, authz.PartnerAutopilotAdd, func(_ *autopilotActor, ct Tx) error {
		var err error
		out, err = ct.ListAutopilotDevices()
		return err
	})
	return out, err
}

// GetAutopilotDevice returns one Autopilot device.
func (s *Service) GetAutopilotDevice(ctx context.Context, sc CustomerScope, id string) (autopilot.Device, error) {
	var d autopilot.Device
	err := s.autopilot(ctx, sc, false, authz.PartnerAutopilotAdd, func(_ *autopilotActor, ct Tx) error {
		var err error
		d, err = ct.GetAutopilotDevice(id)
		return err
	})
	return d, err
}

// MaxAutopilotUpload is the most devices one upload registers.
const MaxAutopilotUpload = 1000

// AutopilotUpload is a batch of devices to register: the devices'
// identification, and for all of them a batch name (unique in the
// customer; required of partners), a group tag and, for a customer's own
// upload, the channel it models (adminCenter when empty).
type AutopilotUpload struct {
	Devices   []autopilot.Device
	BatchName string
	GroupTag  string
	Channel   string
}

// AddAutopilotDevices registers devices for Autopilot in the customer,
// all or none. A partner's devices are added through Partner Center.
func (s *Service) AddAutopilotDevices(ctx context.Context, sc CustomerScope, up AutopilotUpload) ([]autopilot.Device, error) {
	added := autopilot.AddedBy{Kind: autopilot.KindCustomer, Channel: up.Channel}
	if sc.PartnerID != "" {
		if up.Channel != "" {
			return nil, Invalid("channel", "Partners add devices through Partner Center; 'channel' is for a customer's own uploads.")
		}
		added = autopilot.AddedBy{Kind: autopilot.KindPartner, PartnerTenantID: sc.PartnerID, Channel: autopilot.ChannelPartnerCenter}
		if strings.TrimSpace(up.BatchName) == "" {
			return nil, Invalid("batchName", "Property 'batchName' is required: name the device list, once per customer.")
		}
	} else if added.Channel == "" {
		added.Channel = autopilot.ChannelAdminCenter
	} else if !autopilot.IsCustomerChannel(added.Channel) {
		return nil, Invalid("channel", "Property 'channel' must be one of %s.", strings.Join(autopilot.CustomerChannels, ", "))
	}
	if len(up.Devices) == 0 || len(up.Devices) > MaxAutopilotUpload {
		return nil, Invalid("devices", "An upload registers 1 to %d devices.", MaxAutopilotUpload)
	}
	now := s.Now()
	out := make([]autopilot.Device, len(up.Devices))
	for i, d := range up.Devices {
		d.ID, d.BatchName, d.GroupTag, d.UploadedAt, d.AddedBy = newID(), strings.TrimSpace(up.BatchName), strings.TrimSpace(up.GroupTag), now, added
		d.ProfileAssignmentStatus = autopilot.StatusNotAssigned
		if field, problem := d.Check(); field != "" {
			return nil, Invalid(field, "Device %d: %s", i+1, problem)
		}
		out[i] = d
	}
	err := s.autopilot(ctx, sc, true, authz.PartnerAutopilotAdd, func(a *autopilotActor, ct Tx) error {
		if err := a.may(authz.AutopilotAdd, authz.AddedByThisPartner); err != nil {
			return err
		}
		if out[0].BatchName != "" {
			existing, err := ct.ListAutopilotDevices()
			if err != nil {
				return err
			}
			if slices.ContainsFunc(existing, func(d autopilot.Device) bool { return d.BatchName == out[0].BatchName }) {
				return Invalid("batchName", "A device list named %q was already uploaded for this customer; choose another name.", out[0].BatchName)
			}
		}
		for i := range out {
			if err := ct.CreateAutopilotDevice(&out[i]); err != nil {
				if KindOf(err) == KindConflict {
					return &Error{Kind: KindConflict, Field: "serialNumber", Code: "ObjectConflict",
						Message: fmt.Sprintf("Device %d (%s) is already registered for Autopilot in this organization.", i+1, deviceName(out[i]))}
				}
				return err
			}
		}
		return s.audit(ctx, ct, a.p, "Device", "Add Autopilot devices", "Add", AuditTarget{ID: out[0].ID, DisplayName: out[0].BatchName,
			Type: "AutopilotDevices", ModifiedProperties: []ModifiedProperty{{Name: "Count", New: fmt.Sprint(len(out))},
				{Name: "Channel", New: added.Channel}}})
	})
	return out, err
}

// deviceName names a device for people: its serial number, else its
// product key, else its id.
func deviceName(d autopilot.Device) string {
	for _, v := range []string{d.SerialNumber, d.ProductKey} {
		if v != "" {
			return v
		}
	}
	return d.ID
}

// DeleteAutopilotDevice deregisters a device.
func (s *Service) DeleteAutopilotDevice(ctx context.Context, sc CustomerScope, id string) error {
	return s.autopilot(ctx, sc, true, authz.PartnerAutopilotAdd, func(a *autopilotActor, ct Tx) error {
		d, err := ct.GetAutopilotDevice(id)
		if err != nil {
			return err
		}
		if err := a.may(authz.AutopilotDelete, a.origin(d)); err != nil {
			return err
		}
		if err := ct.DeleteAutopilotDevice(id); err != nil {
			return err
		}
		return s.audit(ctx, ct, a.p, "Device", "Delete Autopilot device", "Delete", AuditTarget{ID: d.ID, DisplayName: deviceName(d), Type: "AutopilotDevice"})
	})
}

// AssignAutopilotProfile applies a deployment profile to a device, or
// removes it (profileID ""). Atrium applies it at once: the device picks
// it up at its next out-of-box experience.
func (s *Service) AssignAutopilotProfile(ctx context.Context, sc CustomerScope, id, profileID string) (autopilot.Device, error) {
	var d autopilot.Device
	err := s.autopilot(ctx, sc, true, authz.PartnerAutopilotManage, func(a *autopilotActor, ct Tx) error {
		var err error
		if d, err = ct.GetAutopilotDevice(id); err != nil {
			return err
		}
		if err := a.may(authz.AutopilotApply, a.origin(d)); err != nil {
			return err
		}
		name := ""
		d.DeploymentProfileID, d.ProfileAssignmentStatus = "", autopilot.StatusNotAssigned
		if profileID != "" {
			prof, err := ct.GetAutopilotProfile(profileID)
			if KindOf(err) == KindNotFound {
				return Invalid("profileId", "Deployment profile %s does not exist in this organization.", profileID)
			} else if err != nil {
				return err
			}
			d.DeploymentProfileID, d.ProfileAssignmentStatus, name = prof.ID, autopilot.StatusAssigned, prof.Name
		}
		if err := ct.SetAutopilotProfile(d.ID, d.DeploymentProfileID, d.ProfileAssignmentStatus); err != nil {
			return err
		}
		return s.audit(ctx, ct, a.p, "Device", "Assign Autopilot profile", "Update", AuditTarget{ID: d.ID, DisplayName: deviceName(d),
			Type: "AutopilotDevice", ModifiedProperties: []ModifiedProperty{{Name: "DeploymentProfile", New: name}}})
	})
	return d, err
}

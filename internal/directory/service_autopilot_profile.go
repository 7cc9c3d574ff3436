package directory

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/autopilot"
)

// AutopilotProfileInput are the properties a create or update of a
// deployment profile sets; nil leaves one as it is (false on create).
type AutopilotProfileInput struct {
	Name                          *string
	Description                   *string
	SkipPrivacySettings           *bool
	DisableLocalAdminAccount      *bool
	SkipWorkOrSchoolQuestion      *bool
	SkipAssistantCloudAndOemPages *bool
	SkipEula                      *bool
	// EulaDismissalAccepted is a partner accepting Partner Center's notice
	// that dismissing the license terms makes it answerable for showing
	// them to the customer; a partner can't set SkipEula without it.
	EulaDismissalAccepted bool
}

// apply sets the input's properties on p.
func (in AutopilotProfileInput) apply(p *autopilot.Profile, partner bool) error {
	if in.Name != nil {
		p.Name = strings.TrimSpace(*in.Name)
	}
	if p.Name == "" || utf8.RuneCountInString(p.Name) > 200 {
		return Invalid("name", "Property 'name' is required and may have at most 200 characters.")
	}
	if in.Description != nil {
		p.Description = strings.TrimSpace(*in.Description)
	}
	if utf8.RuneCountInString(p.Description) > 1500 {
		return Invalid("description", "Property 'description' may have at most 1500 characters.")
	}
	for _, f := range []struct {
		v   *bool
		dst *bool
	}{{in.SkipPrivacySettings, &p.SkipPrivacySettings}, {in.DisableLocalAdminAccount, &p.DisableLocalAdminAccount},
		{in.SkipWorkOrSchoolQuestion, &p.SkipWorkOrSchoolQuestion}, {in.SkipAssistantCloudAndOemPages, &p.SkipAssistantCloudAndOemPages}} {
		if f.v != nil {
			*f.dst = *f.v
		}
	}
	if in.SkipEula != nil {
		if *in.SkipEula && partner && !in.EulaDismissalAccepted {
			return Invalid("skipEula", "To skip the license terms page, accept the EULA-dismissal notice (eulaDismissalAccepted: true): "+
				"you then show the terms to your customer yourself.")
		}
		p.SkipEula = *in.SkipEula
	}
	return nil
}

// ListAutopilotProfiles lists the customer's deployment profiles with how
// many devices each is applied to.
func (s *Service) ListAutopilotProfiles(ctx context.Context, sc CustomerScope) ([]autopilot.Profile, error) {
	var out []autopilot.Profile
	err := s.autopilot(ctx, sc, false, authz.PartnerAutopilotAdd, func(_ *autopilotActor, ct Tx) error {
		var err error
		if out, err = ct.ListAutopilotProfiles(); err != nil {
			return err
		}
		devices, err := ct.ListAutopilotDevices()
		if err != nil {
			return err
		}
		count := map[string]int{}
		for _, d := range devices {
			count[d.DeploymentProfileID]++
		}
		for i := range out {
			out[i].DevicesAssigned = count[out[i].ID]
		}
		return nil
	})
	return out, err
}

// CreateAutopilotProfile creates a deployment profile in the customer.
func (s *Service) CreateAutopilotProfile(ctx context.Context, sc CustomerScope, in AutopilotProfileInput) (autopilot.Profile, error) {
	now := s.Now()
	prof := autopilot.Profile{ID: newID(), CreatedAt: now, ModifiedAt: now}
	if err := in.apply(&prof, sc.PartnerID != ""); err != nil {
		return prof, err
	}
	err := s.autopilot(ctx, sc, true, authz.PartnerAutopilotManage, func(a *autopilotActor, ct Tx) error {
		if err := a.may(authz.AutopilotProfiles, authz.AddedByThisPartner); err != nil {
			return err
		}
		prof.CreatedBy = a.p.DisplayName
		if a.p.Partner != nil {
			prof.CreatedBy += " (" + a.p.Partner.DisplayName + ")"
		}
		if err := ct.CreateAutopilotProfile(&prof); err != nil {
			return err
		}
		return s.audit(ctx, ct, a.p, "Device", "Create Autopilot profile", "Add", AuditTarget{ID: prof.ID, DisplayName: prof.Name, Type: "AutopilotProfile"})
	})
	return prof, err
}

// UpdateAutopilotProfile changes a deployment profile; devices pick the
// change up at their next out-of-box experience or reset.
func (s *Service) UpdateAutopilotProfile(ctx context.Context, sc CustomerScope, id string, in AutopilotProfileInput) (autopilot.Profile, error) {
	var prof autopilot.Profile
	err := s.autopilot(ctx, sc, true, authz.PartnerAutopilotManage, func(a *autopilotActor, ct Tx) error {
		var err error
		if prof, err = ct.GetAutopilotProfile(id); err != nil {
			return err
		}
		if err := a.may(authz.AutopilotProfiles, authz.AddedByThisPartner); err != nil {
			return err
		}
		if err := in.apply(&prof, a.partnerID != ""); err != nil {
			return err
		}
		prof.ModifiedAt = s.Now()
		if err := ct.UpdateAutopilotProfile(&prof); err != nil {
			return err
		}
		return s.audit(ctx, ct, a.p, "Device", "Update Autopilot profile", "Update", AuditTarget{ID: prof.ID, DisplayName: prof.Name, Type: "AutopilotProfile"})
	})
	return prof, err
}

// DeleteAutopilotProfile deletes a deployment profile no device uses.
func (s *Service) DeleteAutopilotProfile(ctx context.Context, sc CustomerScope, id string) error {
	return s.autopilot(ctx, sc, true, authz.PartnerAutopilotManage, func(a *autopilotActor, ct Tx) error {
		prof, err := ct.GetAutopilotProfile(id)
		if err != nil {
			return err
		}
		if err := a.may(authz.AutopilotProfiles, authz.AddedByThisPartner); err != nil {
			return err
		}
		devices, err := ct.ListAutopilotDevices()
		if err != nil {
			return err
		}
		n := 0
		for _, d := range devices {
			if d.DeploymentProfileID == id {
				n++
			}
		}
		if n > 0 {
			return Invalid("id", "Profile %q is applied to %d devices; remove it from them first.", prof.Name, n)
		}
		if err := ct.DeleteAutopilotProfile(id); err != nil {
			return err
		}
		return s.audit(ctx, ct, a.p, "Device", "Delete Autopilot profile", "Delete", AuditTarget{ID: prof.ID, DisplayName: prof.Name, Type: "AutopilotProfile"})
	})
}

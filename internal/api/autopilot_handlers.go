package api

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/autopilot"
)

// Windows Autopilot (partners.md §8). The same handlers serve a customer's
// device admins (/api/devices/autopilot/...) and its partner's agents
// (/api/customers/{tenantId}/devices, .../deploymentProfiles).

func autopilotDeviceJSON(d *autopilot.Device) client.AutopilotDevice {
	out := client.AutopilotDevice{ID: d.ID, SerialNumber: d.SerialNumber, ProductKey: d.ProductKey, HardwareHash: d.HardwareHash,
		Manufacturer: d.Manufacturer, Model: d.Model, GroupTag: d.GroupTag, BatchName: d.BatchName, UploadedDateTime: d.UploadedAt,
		AddedBy: client.AutopilotDeviceAdd{Kind: d.AddedBy.Kind, Channel: d.AddedBy.Channel}, ProfileAssignmentStatus: d.ProfileAssignmentStatus}
	if d.AddedBy.PartnerTenantID != "" {
		out.AddedBy.PartnerTenantID = &d.AddedBy.PartnerTenantID
	}
	if d.DeploymentProfileID != "" {
		out.DeploymentProfileID = &d.DeploymentProfileID
	}
	return out
}

func deploymentProfileJSON(p *autopilot.Profile) client.DeploymentProfile {
	return client.DeploymentProfile{ID: p.ID, Name: p.Name, Description: p.Description, SkipPrivacySettings: p.SkipPrivacySettings,
		DisableLocalAdminAccount: p.DisableLocalAdminAccount, SkipWorkOrSchoolQuestion: p.SkipWorkOrSchoolQuestion,
		SkipAssistantCloudAndOemPages: p.SkipAssistantCloudAndOemPages, SkipEula: p.SkipEula, CreatedBy: p.CreatedBy,
		DevicesAssigned: p.DevicesAssigned, CreatedDateTime: p.CreatedAt, LastModifiedDateTime: p.ModifiedAt}
}

func pathID(r *http.Request, name string) string { return strings.ToLower(r.PathValue(name)) }

func (a *API) listAutopilotDevices(w http.ResponseWriter, r *http.Request) error {
	ds, err := a.dir.ListAutopilotDevices(r.Context(), customerScope(r))
	if err != nil {
		return err
	}
	out := make([]client.AutopilotDevice, len(ds))
	for i := range ds {
		out[i] = autopilotDeviceJSON(&ds[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func (a *API) getAutopilotDevice(w http.ResponseWriter, r *http.Request) error {
	d, err := a.dir.GetAutopilotDevice(r.Context(), customerScope(r), pathID(r, "id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, autopilotDeviceJSON(&d))
	return nil
}

// readUpload reads a device upload: a CSV file in the Partner Center
// format (text/csv, batchName and groupTag in the query) or JSON.
func readUpload(w http.ResponseWriter, r *http.Request) (directory.AutopilotUpload, error) {
	var up directory.AutopilotUpload
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "text/csv" {
		b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			return up, err
		}
		if up.Devices, err = autopilot.ParseCSV(bytes.NewReader(b)); err != nil {
			return up, badRequest("file", "The device file can't be read: %s.", err.Error())
		}
		q := r.URL.Query()
		up.BatchName, up.GroupTag, up.Channel = q.Get("batchName"), q.Get("groupTag"), q.Get("channel")
		return up, nil
	}
	var in client.NewAutopilotDevices
	if err := readInto(w, r, "devices", &in); err != nil {
		return up, err
	}
	up.BatchName, up.GroupTag, up.Channel = in.BatchName, in.GroupTag, in.Channel
	for _, d := range in.Devices {
		up.Devices = append(up.Devices, autopilot.Device{SerialNumber: strings.TrimSpace(d.SerialNumber), ProductKey: strings.TrimSpace(d.ProductKey),
			HardwareHash: strings.TrimSpace(d.HardwareHash), Manufacturer: strings.TrimSpace(d.Manufacturer), Model: strings.TrimSpace(d.Model)})
	}
	return up, nil
}

func (a *API) addAutopilotDevices(w http.ResponseWriter, r *http.Request) error {
	up, err := readUpload(w, r)
	if err != nil {
		return err
	}
	ds, err := a.dir.AddAutopilotDevices(r.Context(), customerScope(r), up)
	if err != nil {
		return err
	}
	out := make([]client.AutopilotDevice, len(ds))
	for i := range ds {
		out[i] = autopilotDeviceJSON(&ds[i])
	}
	writeJSON(w, http.StatusCreated, map[string]any{"value": out})
	return nil
}

func (a *API) deleteAutopilotDevice(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteAutopilotDevice(r.Context(), customerScope(r), pathID(r, "id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// assignAutopilotProfile reads {"profileId": "<id>"} to apply a profile
// or {"profileId": null} to remove it.
func (a *API) assignAutopilotProfile(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	if err := onlyFields(m, "profileId"); err != nil {
		return err
	}
	raw, ok := m["profileId"]
	if !ok {
		return badRequest("profileId", "Property 'profileId' is required: a deployment profile's id, or null to remove the profile.")
	}
	var profileID *string
	if err := json.Unmarshal(raw, &profileID); err != nil || (profileID != nil && *profileID == "") {
		return badRequest("profileId", "Property 'profileId' must be a deployment profile's id, or null to remove the profile.")
	}
	id := ""
	if profileID != nil {
		id = strings.ToLower(*profileID)
	}
	d, err := a.dir.AssignAutopilotProfile(r.Context(), customerScope(r), pathID(r, "id"), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, autopilotDeviceJSON(&d))
	return nil
}

func (a *API) listDeploymentProfiles(w http.ResponseWriter, r *http.Request) error {
	ps, err := a.dir.ListAutopilotProfiles(r.Context(), customerScope(r))
	if err != nil {
		return err
	}
	out := make([]client.DeploymentProfile, len(ps))
	for i := range ps {
		out[i] = deploymentProfileJSON(&ps[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func readProfile(w http.ResponseWriter, r *http.Request) (directory.AutopilotProfileInput, error) {
	var in client.DeploymentProfileInput
	if err := readInto(w, r, "deploymentProfile", &in); err != nil {
		return directory.AutopilotProfileInput{}, err
	}
	return directory.AutopilotProfileInput{Name: in.Name, Description: in.Description, SkipPrivacySettings: in.SkipPrivacySettings,
		DisableLocalAdminAccount: in.DisableLocalAdminAccount, SkipWorkOrSchoolQuestion: in.SkipWorkOrSchoolQuestion,
		SkipAssistantCloudAndOemPages: in.SkipAssistantCloudAndOemPages, SkipEula: in.SkipEula, EulaDismissalAccepted: in.EulaDismissalAccepted}, nil
}

func (a *API) createDeploymentProfile(w http.ResponseWriter, r *http.Request) error {
	in, err := readProfile(w, r)
	if err != nil {
		return err
	}
	p, err := a.dir.CreateAutopilotProfile(r.Context(), customerScope(r), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, deploymentProfileJSON(&p))
	return nil
}

func (a *API) updateDeploymentProfile(w http.ResponseWriter, r *http.Request) error {
	in, err := readProfile(w, r)
	if err != nil {
		return err
	}
	p, err := a.dir.UpdateAutopilotProfile(r.Context(), customerScope(r), pathID(r, "id"), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, deploymentProfileJSON(&p))
	return nil
}

func (a *API) deleteDeploymentProfile(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteAutopilotProfile(r.Context(), customerScope(r), pathID(r, "id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

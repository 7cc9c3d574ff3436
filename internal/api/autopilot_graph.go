package api

import (
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/autopilot"
)

// Graph's form of the customer's Autopilot devices:
// /v1.0/deviceManagement/windowsAutopilotDeviceIdentities. Creating one
// registers a device added through the admin center; hardwareIdentifier
// (base64, as on Graph's importedWindowsAutopilotDeviceIdentity) carries
// the hardware hash. Filters, $select and paging are not supported.

const autopilotGraphSet = "deviceManagement/windowsAutopilotDeviceIdentities"

// graphAssignmentStatus maps a profile assignment status to Graph's
// windowsAutopilotProfileAssignmentStatus.
func graphAssignmentStatus(s string) string {
	if s == autopilot.StatusAssigned {
		return "assignedInSync"
	}
	return "notAssigned"
}

func autopilotIdentityJSON(d *autopilot.Device) map[string]any {
	return map[string]any{"@odata.type": "#microsoft.graph.windowsAutopilotDeviceIdentity", "id": d.ID, "serialNumber": d.SerialNumber,
		"productKey": d.ProductKey, "manufacturer": d.Manufacturer, "model": d.Model, "groupTag": d.GroupTag,
		"deploymentProfileAssignmentStatus": graphAssignmentStatus(d.ProfileAssignmentStatus), "enrollmentState": "notContacted"}
}

func (a *API) listAutopilotIdentities(w http.ResponseWriter, r *http.Request) error {
	ds, err := a.dir.ListAutopilotDevices(r.Context(), customerScope(r))
	if err != nil {
		return err
	}
	items := make([]any, len(ds))
	for i := range ds {
		items[i] = autopilotIdentityJSON(&ds[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext(autopilotGraphSet), "value": items})
	return nil
}

func (a *API) writeAutopilotIdentity(w http.ResponseWriter, status int, d *autopilot.Device) {
	body := autopilotIdentityJSON(d)
	body["@odata.context"] = a.odataContext(autopilotGraphSet + "/$entity")
	writeJSON(w, status, body)
}

func (a *API) getAutopilotIdentity(w http.ResponseWriter, r *http.Request) error {
	d, err := a.dir.GetAutopilotDevice(r.Context(), customerScope(r), pathID(r, "id"))
	if err != nil {
		return err
	}
	a.writeAutopilotIdentity(w, http.StatusOK, &d)
	return nil
}

func (a *API) createAutopilotIdentity(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		SerialNumber       string `json:"serialNumber"`
		ProductKey         string `json:"productKey"`
		Manufacturer       string `json:"manufacturer"`
		Model              string `json:"model"`
		GroupTag           string `json:"groupTag"`
		HardwareIdentifier string `json:"hardwareIdentifier"`
	}
	if err := readInto(w, r, "windowsAutopilotDeviceIdentity", &in); err != nil {
		return err
	}
	d := autopilot.Device{SerialNumber: strings.TrimSpace(in.SerialNumber), ProductKey: strings.TrimSpace(in.ProductKey),
		Manufacturer: strings.TrimSpace(in.Manufacturer), Model: strings.TrimSpace(in.Model), HardwareHash: strings.TrimSpace(in.HardwareIdentifier)}
	ds, err := a.dir.AddAutopilotDevices(r.Context(), customerScope(r), directory.AutopilotUpload{Devices: []autopilot.Device{d}, GroupTag: in.GroupTag})
	if err != nil {
		return err
	}
	a.writeAutopilotIdentity(w, http.StatusCreated, &ds[0])
	return nil
}

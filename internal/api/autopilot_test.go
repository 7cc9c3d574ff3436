package api_test

import (
	"net/http"
	"testing"

	"github.com/atriumhq/atrium/internal/server"
)

// autopilotWorld is a customer with two reseller partners, P (an Admin
// and a Sales agent) and Q (an Admin agent), for partners.md §8.
type autopilotWorld struct {
	h            *harness
	ct           *tenant
	p, q         *partnerTenant
	pAdmin, pSal string // tokens
	qAdmin       string
}

func newAutopilotWorld(t *testing.T, dap bool, opts ...func(*server.Config)) *autopilotWorld {
	h := newHarness(t, opts...)
	w := &autopilotWorld{h: h, ct: h.newTenant("cust"), p: h.newPartnerTenant("pp"), q: h.newPartnerTenant("qq")}
	var pAdminID, qAdminID string
	pAdminID, w.pAdmin = h.agent(w.p, "alex", w.p.prof.AdminAgents)
	_, w.pSal = h.agent(w.p, "sam", w.p.prof.SalesAgents)
	qAdminID, w.qAdmin = h.agent(w.q, "quinn", w.q.prof.AdminAgents)
	h.resell(w.p, pAdminID, w.ct, dap)
	h.resell(w.q, qAdminID, w.ct, false)
	return w
}

func (w *autopilotWorld) devices(rest string) string {
	return "/api/customers/" + w.ct.id + "/devices" + rest
}
func (w *autopilotWorld) profiles(rest string) string {
	return "/api/customers/" + w.ct.id + "/deploymentProfiles" + rest
}

const deviceCSV = "Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model\n"

// upload adds one device by serial number as token and returns its id.
func (w *autopilotWorld) upload(token, path, serial, batch string) string {
	w.h.t.Helper()
	r := w.h.do(token, "POST", path+"?batchName="+batch, deviceCSV+serial+",,,Microsoft Corporation,Surface Laptop\n", "Content-Type", "text/csv")
	w.h.want(r, http.StatusCreated, "")
	return r.body["value"].([]any)[0].(map[string]any)["id"].(string)
}

// customerDevice adds a device the customer added itself through channel.
func (w *autopilotWorld) customerDevice(serial, channel string) string {
	w.h.t.Helper()
	r := w.h.do(w.ct.adminTok, "POST", "/api/devices/autopilot", map[string]any{"channel": channel,
		"devices": []any{map[string]any{"serialNumber": serial, "manufacturer": "Contoso", "model": "Book 3"}}})
	w.h.want(r, http.StatusCreated, "")
	d := r.body["value"].([]any)[0].(map[string]any)
	if by := d["addedBy"].(map[string]any); by["kind"] != "customer" || by["channel"] != channel || by["partnerTenantId"] != nil {
		w.h.t.Fatalf("customer device added by %v", by)
	}
	return d["id"].(string)
}

func (w *autopilotWorld) profile(token string) string {
	w.h.t.Helper()
	r := w.h.do(token, "POST", w.profiles(""), map[string]any{"name": "Sales laptops", "skipPrivacySettings": true})
	w.h.want(r, http.StatusCreated, "")
	return r.body["id"].(string)
}

func TestAutopilotPartnerCurrent(t *testing.T) {
	w := newAutopilotWorld(t, false)
	h := w.h

	// Reseller required: a partner without a relationship finds nothing.
	stranger := h.newPartnerTenant("rr")
	_, rAdmin := h.agent(stranger, "rita", stranger.prof.AdminAgents)
	h.want(h.do(rAdmin, "GET", w.devices(""), nil), http.StatusNotFound, "")
	h.want(h.do(rAdmin, "POST", w.devices("?batchName=x"), deviceCSV+"S0,,,M,X\n", "Content-Type", "text/csv"), http.StatusNotFound, "")
	h.want(h.do("", "GET", w.devices(""), nil), http.StatusUnauthorized, "")

	// Sales agents add devices but neither create nor apply profiles.
	mine := w.upload(w.pSal, w.devices(""), "SN-P1", "p-batch-1")
	h.wantAuditBy(w.ct, "Add Autopilot devices", mine)
	if a := h.lastAudit(w.ct); a.InitiatedBy.User == nil {
		t.Fatalf("audit without the agent: %+v", a.InitiatedBy)
	}
	h.want(h.do(w.pSal, "POST", w.profiles(""), map[string]any{"name": "No"}), http.StatusForbidden, "Authorization_RequestDenied")
	prof := w.profile(w.pAdmin) // no delegated admin needed under current
	h.want(h.do(w.pSal, "POST", w.devices("/"+mine+"/profile"), map[string]any{"profileId": prof}), http.StatusForbidden, "")
	r := h.do(w.pAdmin, "POST", w.devices("/"+mine+"/profile"), map[string]any{"profileId": prof})
	h.want(r, http.StatusOK, "")
	if r.body["deploymentProfileId"] != prof || r.body["profileAssignmentStatus"] != "assigned" {
		t.Fatalf("applied profile: %s", r.raw)
	}
	r = h.do(w.pAdmin, "GET", w.profiles(""), nil)
	if v := r.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["devicesAssigned"] != float64(1) {
		t.Fatalf("profiles: %s", r.raw)
	}
	h.want(h.do(w.pAdmin, "DELETE", w.profiles("/"+prof), nil), http.StatusBadRequest, "")
	h.want(h.do(w.pAdmin, "POST", w.devices("/"+mine+"/profile"), map[string]any{"profileId": nil}), http.StatusOK, "")

	// A device the customer added through the Store is never the partner's.
	store := w.customerDevice("SN-C1", "storeForBusiness")
	h.want(h.do(w.pAdmin, "POST", w.devices("/"+store+"/profile"), map[string]any{"profileId": prof}), http.StatusForbidden, "")
	h.want(h.do(w.pAdmin, "DELETE", w.devices("/"+store), nil), http.StatusForbidden, "")
	h.want(h.do(w.ct.adminTok, "POST", "/api/devices/autopilot/"+store+"/profile", map[string]any{"profileId": prof}), http.StatusOK, "")

	// Another partner's device: apply and delete allowed.
	theirs := w.upload(w.qAdmin, w.devices(""), "SN-Q1", "q-batch-1")
	h.want(h.do(w.pAdmin, "POST", w.devices("/"+theirs+"/profile"), map[string]any{"profileId": prof}), http.StatusOK, "")
	h.want(h.do(w.pAdmin, "DELETE", w.devices("/"+theirs), nil), http.StatusNoContent, "")
	h.want(h.do(w.pSal, "DELETE", w.devices("/"+mine), nil), http.StatusNoContent, "")

	// Bad uploads are precise 400s; a registered device is a 409.
	for _, tc := range []struct {
		body, field string
	}{
		{"Serial,Product\nx,y\n", "file"},
		{deviceCSV + "SN-X,,,Microsoft Corporation\n", "file"},
		{deviceCSV + ",,not base64!,,\n", "file"},
	} {
		r := h.do(w.pAdmin, "POST", w.devices("?batchName=b"), tc.body, "Content-Type", "text/csv")
		h.want(r, http.StatusBadRequest, "")
		if r.errTarget() != tc.field {
			t.Errorf("%q: 400 about %q, want %q", tc.body, r.errTarget(), tc.field)
		}
	}
	r = h.do(w.pAdmin, "POST", w.devices(""), deviceCSV+"SN-Y,,,M,X\n", "Content-Type", "text/csv")
	h.want(r, http.StatusBadRequest, "")
	if r.errTarget() != "batchName" {
		t.Errorf("no batch name: 400 about %q", r.errTarget())
	}
	w.upload(w.pAdmin, w.devices(""), "SN-P2", "p-batch-2")
	r = h.do(w.pAdmin, "POST", w.devices("?batchName=p-batch-2"), deviceCSV+"SN-Z,,,M,X\n", "Content-Type", "text/csv")
	h.want(r, http.StatusBadRequest, "")
	h.want(h.do(w.pAdmin, "POST", w.devices("?batchName=p-batch-3"), deviceCSV+"SN-P2,,,Microsoft Corporation,Surface Laptop\n", "Content-Type", "text/csv"),
		http.StatusConflict, "")
	r = h.do(w.pAdmin, "POST", w.devices(""), map[string]any{"batchName": "j", "devices": []any{map[string]any{"serial": "x"}}})
	h.want(r, http.StatusBadRequest, "")
	h.want(h.do(w.pAdmin, "POST", w.profiles(""), map[string]any{"name": "E", "skipEula": true}), http.StatusBadRequest, "")
	h.want(h.do(w.pAdmin, "POST", w.profiles(""), map[string]any{"name": "E", "skipEula": true, "eulaDismissalAccepted": true}), http.StatusCreated, "")
}

func TestAutopilotPartnerAnnounced(t *testing.T) {
	announced := func(c *server.Config) { c.AutopilotPolicy = "announced" }
	w := newAutopilotWorld(t, false, announced)
	h := w.h
	mine := w.upload(w.pAdmin, w.devices(""), "SN-P1", "p1")
	theirs := w.upload(w.qAdmin, w.devices(""), "SN-Q1", "q1")
	store := w.customerDevice("SN-C1", "storeForEducation")
	h.want(h.do(w.pAdmin, "DELETE", w.devices("/"+theirs), nil), http.StatusForbidden, "Authorization_RequestDenied")
	h.want(h.do(w.pAdmin, "DELETE", w.devices("/"+store), nil), http.StatusForbidden, "")
	h.want(h.do(w.pAdmin, "POST", w.profiles(""), map[string]any{"name": "No"}), http.StatusForbidden, "")
	h.want(h.do(w.pAdmin, "DELETE", w.devices("/"+mine), nil), http.StatusNoContent, "")

	// With delegated admin (DAP) the partner may do everything, even on the
	// customer's own devices.
	w2 := newAutopilotWorld(t, true, announced)
	theirs = w2.upload(w2.qAdmin, w2.devices(""), "SN-Q1", "q1")
	store = w2.customerDevice("SN-C1", "intunePortal")
	prof := w2.profile(w2.pAdmin)
	w2.h.want(w2.h.do(w2.pAdmin, "POST", w2.devices("/"+store+"/profile"), map[string]any{"profileId": prof}), http.StatusOK, "")
	w2.h.want(w2.h.do(w2.pAdmin, "DELETE", w2.devices("/"+theirs), nil), http.StatusNoContent, "")
	w2.h.want(w2.h.do(w2.pAdmin, "DELETE", w2.devices("/"+store), nil), http.StatusNoContent, "")
}

// TestAutopilotCustomer covers the customer's own routes and Graph's form.
func TestAutopilotCustomer(t *testing.T) {
	h := newHarness(t)
	ct, other := h.newTenant("cust"), h.newTenant("other")
	h.want(h.do(ct.memberTok, "GET", "/api/devices/autopilot", nil), http.StatusForbidden, "")
	h.want(h.do(ct.adminTok, "POST", "/api/devices/autopilot", map[string]any{"channel": "partnerCenter",
		"devices": []any{map[string]any{"productKey": "PK-1"}}}), http.StatusBadRequest, "")
	r := h.do(ct.adminTok, "POST", "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities", map[string]any{"productKey": "PK-1", "groupTag": "sales"})
	h.want(r, http.StatusCreated, "")
	id, _ := r.body["id"].(string)
	if r.body["deploymentProfileAssignmentStatus"] != "notAssigned" || r.body["groupTag"] != "sales" {
		t.Fatalf("created identity: %s", r.raw)
	}
	h.wantAudit(ct, "Add Autopilot devices", id)
	r = h.do(ct.adminTok, "GET", "/api/devices/autopilot/"+id, nil)
	h.want(r, http.StatusOK, "")
	if by := r.body["addedBy"].(map[string]any); by["channel"] != "adminCenter" {
		t.Fatalf("default channel: %v", by)
	}
	h.want(h.do(other.adminTok, "GET", "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities/"+id, nil), http.StatusNotFound, "")
	h.want(h.do(ct.adminTok, "POST", "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities", map[string]any{"model": "x"}), http.StatusBadRequest, "")
	r = h.do(ct.adminTok, "POST", "/api/devices/autopilot/profiles", map[string]any{"name": "Kiosk", "skipEula": true})
	h.want(r, http.StatusCreated, "")
	prof := r.body["id"].(string)
	r = h.do(ct.adminTok, "PATCH", "/api/devices/autopilot/profiles/"+prof, map[string]any{"description": "Lobby"})
	h.want(r, http.StatusOK, "")
	if r.body["name"] != "Kiosk" || r.body["description"] != "Lobby" || r.body["skipEula"] != true {
		t.Fatalf("patched profile: %s", r.raw)
	}
	h.want(h.do(ct.adminTok, "POST", "/api/devices/autopilot/"+id+"/profile", map[string]any{"profileId": prof}), http.StatusOK, "")
	r = h.do(ct.adminTok, "GET", "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities", nil)
	if v := r.body["value"].([]any); len(v) != 1 || v[0].(map[string]any)["deploymentProfileAssignmentStatus"] != "assignedInSync" {
		t.Fatalf("identities: %s", r.raw)
	}
	h.want(h.do(ct.adminTok, "POST", "/api/devices/autopilot/"+id+"/profile", map[string]any{}), http.StatusBadRequest, "")
	h.want(h.do(other.adminTok, "DELETE", "/api/devices/autopilot/profiles/"+prof, nil), http.StatusNotFound, "")
	h.want(h.do(ct.adminTok, "DELETE", "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities/"+id, nil), http.StatusNoContent, "")
	h.want(h.do(ct.adminTok, "DELETE", "/api/devices/autopilot/profiles/"+prof, nil), http.StatusNoContent, "")
}

package api_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/google/uuid"
)

func TestDevices(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	body := map[string]any{"displayName": "Laptop-01", "operatingSystem": "Windows", "operatingSystemVersion": "10.0.22631"}
	h.want(h.do("", "GET", "/v1.0/devices", nil), 401, "InvalidAuthenticationToken")
	_, userAdminTok := h.roleUser(a, "useradmin", authz.UserAdmin)
	for _, tok := range []string{a.memberTok, userAdminTok} {
		h.want(h.do(tok, "POST", "/v1.0/devices", body), 403, "Authorization_RequestDenied")
	}
	r := h.do(a.adminTok, "POST", "/v1.0/devices", body)
	h.want(r, 201, "")
	id := r.body["id"].(string)
	if _, err := uuid.Parse(r.body["deviceId"].(string)); err != nil || r.body["deviceId"] == id || r.body["trustType"] != "Workplace" ||
		r.body["accountEnabled"] != true || r.body["registrationDateTime"] == nil || r.body["approximateLastSignInDateTime"] != nil ||
		r.header.Get("Location") == "" {
		t.Fatalf("created device: %s", r.raw)
	}
	h.wantAudit(a, "Add device", id)
	phoneID := uuid.NewString()
	phone, err := a.admin.CreateDevice(bg, map[string]any{"displayName": "Anna's iPhone", "deviceId": strings.ToUpper(phoneID),
		"operatingSystem": "iOS", "trustType": "AzureAd", "isManaged": true})
	if err != nil || *phone.DeviceID != phoneID || *phone.TrustType != "AzureAd" || !*phone.IsManaged || *phone.IsCompliant {
		t.Fatalf("second device: %+v, %v", phone, err)
	}
	r = h.do(a.adminTok, "POST", "/v1.0/devices", map[string]any{"displayName": "Twin", "deviceId": phoneID})
	if r.status != 400 || r.errTarget() != "deviceId" || !strings.Contains(string(r.raw), "ObjectConflict") {
		t.Fatalf("a taken deviceId: %d %s", r.status, r.raw)
	}
	for name, c := range map[string]struct {
		body   map[string]any
		target string
	}{
		"no name":       {map[string]any{"operatingSystem": "Windows"}, "displayName"},
		"long name":     {map[string]any{"displayName": strings.Repeat("d", 257)}, "displayName"},
		"trust type":    {map[string]any{"displayName": "x", "trustType": "Domain"}, "trustType"},
		"device id":     {map[string]any{"displayName": "x", "deviceId": "laptop-1"}, "deviceId"},
		"read-only":     {map[string]any{"displayName": "x", "registrationDateTime": "2025-01-01T00:00:00Z"}, "registrationDateTime"},
		"unknown":       {map[string]any{"displayName": "x", "alternativeSecurityIds": []any{}}, "alternativeSecurityIds"},
		"not a boolean": {map[string]any{"displayName": "x", "accountEnabled": "yes"}, "accountEnabled"},
	} {
		r := h.do(a.adminTok, "POST", "/v1.0/devices", c.body)
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("%s: %d target %q, want 400 %q: %s", name, r.status, r.errTarget(), c.target, r.errMessage())
		}
	}

	// Every member reads devices, with Graph's query options.
	member := a.member
	page, err := member.ListDevices(bg, client.ListOptions{OrderBy: "displayName", Top: 1})
	if err != nil || len(page.Value) != 1 || *page.Value[0].DisplayName != "Anna's iPhone" || page.NextLink == "" {
		t.Fatalf("first page: %+v, %v", page, err)
	}
	if all, err := client.All(bg, member, page, false); err != nil || len(all) != 2 || all[1].ID != id {
		t.Fatalf("all devices: %+v, %v", all, err)
	}
	for filter, want := range map[string]string{"startswith(displayName,'lap')": id, "operatingSystem eq 'IOS'": phone.ID,
		"trustType eq 'AzureAd'": phone.ID, "deviceId eq '" + phoneID + "'": phone.ID} {
		if p, err := member.ListDevices(bg, clientOpts(filter)); err != nil || len(p.Value) != 1 || p.Value[0].ID != want {
			t.Errorf("$filter=%s: %+v, %v", filter, p.Value, err)
		}
	}
	r = h.do(a.memberTok, "GET", "/v1.0/devices?$select=displayName&$count=true", nil, "ConsistencyLevel", "eventual")
	if r.status != 200 || r.body["@odata.count"] != 2.0 || len(r.body["value"].([]any)[0].(map[string]any)) != 1 {
		t.Fatalf("$select and $count: %s", r.raw)
	}
	h.want(h.do(a.memberTok, "GET", "/v1.0/devices?$filter="+url.QueryEscape("isCompliant eq true"), nil), 400, "Request_UnsupportedQuery")
	h.want(h.do(a.memberTok, "GET", "/v1.0/devices/"+id, nil), 200, "")
	h.want(h.do(a.memberTok, "GET", "/v1.0/devices/"+uuid.NewString(), nil), 404, "Request_ResourceNotFound")

	// PATCH changes what it names; deviceId and trustType stay.
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/devices/"+id, map[string]any{"displayName": "Laptop-02", "isCompliant": true}), 204, "")
	h.wantAudit(a, "Update device", id)
	h.want(h.do(a.memberTok, "PATCH", "/v1.0/devices/"+id, map[string]any{"displayName": "Mine"}), 403, "Authorization_RequestDenied")
	for _, prop := range []string{"trustType", "deviceId"} {
		r := h.do(a.adminTok, "PATCH", "/v1.0/devices/"+id, map[string]any{prop: "AzureAd"})
		if r.status != 400 || r.errTarget() != prop {
			t.Errorf("PATCH %s: %d %s", prop, r.status, r.raw)
		}
	}
	r = h.do(a.adminTok, "GET", "/v1.0/devices/"+id+"?$select=displayName,isCompliant,trustType", nil)
	if r.body["displayName"] != "Laptop-02" || r.body["isCompliant"] != true || r.body["trustType"] != "Workplace" {
		t.Fatalf("after PATCH: %s", r.raw)
	}

	// One registered owner per device; a user's registered devices.
	anna := h.newUser(a, "anna", nil)
	ownerRef := func(uid string) map[string]any {
		return map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/" + uid}
	}
	h.want(h.do(a.memberTok, "POST", "/v1.0/devices/"+phone.ID+"/registeredOwners/$ref", ownerRef(anna.ID)), 403, "Authorization_RequestDenied")
	if err := a.admin.AddDeviceOwner(bg, phone.ID, anna.ID); err != nil {
		t.Fatal(err)
	}
	h.wantAudit(a, "Add registered owner to device", phone.ID)
	for name, c := range map[string]struct {
		ref    map[string]any
		target string
	}{"again": {ownerRef(anna.ID), "registeredOwners"}, "second owner": {ownerRef(a.memberID), "registeredOwners"},
		"no user": {ownerRef(uuid.NewString()), "@odata.id"}} {
		r := h.do(a.adminTok, "POST", "/v1.0/devices/"+phone.ID+"/registeredOwners/$ref", c.ref)
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("owner %s: %d %s", name, r.status, r.raw)
		}
	}
	r = h.do(a.memberTok, "GET", "/v1.0/devices/"+phone.ID+"/registeredOwners", nil)
	if owners := r.body["value"].([]any); r.status != 200 || len(owners) != 1 || owners[0].(map[string]any)["id"] != anna.ID ||
		owners[0].(map[string]any)["@odata.type"] != "#microsoft.graph.user" {
		t.Fatalf("registeredOwners: %s", r.raw)
	}
	r = h.do(a.memberTok, "GET", "/v1.0/users/anna@"+a.domain+"/registeredDevices", nil)
	if devs := r.body["value"].([]any); r.status != 200 || len(devs) != 1 || devs[0].(map[string]any)["id"] != phone.ID ||
		devs[0].(map[string]any)["@odata.type"] != "#microsoft.graph.device" {
		t.Fatalf("registeredDevices: %s", r.raw)
	}
	if p, err := member.ListUserDevices(bg, a.memberID, client.ListOptions{}); err != nil || len(p.Value) != 0 {
		t.Fatalf("a user without devices: %+v, %v", p, err)
	}
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/devices/"+phone.ID+"/registeredOwners/"+anna.ID+"/$ref", nil), 204, "")
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/devices/"+phone.ID+"/registeredOwners/"+anna.ID+"/$ref", nil), 404, "Request_ResourceNotFound")
	if p, err := member.ListUserDevices(bg, anna.ID, client.ListOptions{}); err != nil || len(p.Value) != 0 {
		t.Fatalf("after removing the owner: %+v, %v", p, err)
	}

	h.want(h.do(a.memberTok, "DELETE", "/v1.0/devices/"+id, nil), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/devices/"+id, nil), 204, "")
	h.wantAudit(a, "Delete device", id)
	h.want(h.do(a.adminTok, "GET", "/v1.0/devices/"+id, nil), 404, "Request_ResourceNotFound")
}

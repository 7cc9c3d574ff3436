package api

import (
	"net/http"

	"github.com/atriumhq/atrium/internal/directory"
)

var deviceFields = map[string]func(d *directory.Device) any{
	"id":                            func(d *directory.Device) any { return d.ID },
	"deviceId":                      func(d *directory.Device) any { return d.DeviceID },
	"displayName":                   func(d *directory.Device) any { return d.DisplayName },
	"operatingSystem":               func(d *directory.Device) any { return nullable(d.OperatingSystem) },
	"operatingSystemVersion":        func(d *directory.Device) any { return nullable(d.OperatingSystemVersion) },
	"trustType":                     func(d *directory.Device) any { return d.TrustType },
	"accountEnabled":                func(d *directory.Device) any { return d.AccountEnabled },
	"isCompliant":                   func(d *directory.Device) any { return d.IsCompliant },
	"isManaged":                     func(d *directory.Device) any { return d.IsManaged },
	"registrationDateTime":          func(d *directory.Device) any { return timeOrNull(d.RegisteredAt) },
	"approximateLastSignInDateTime": func(d *directory.Device) any { return timeOrNull(d.LastSignInAt) },
}

var deviceProperties = []string{"id", "deviceId", "displayName", "operatingSystem", "operatingSystemVersion", "trustType",
	"accountEnabled", "isCompliant", "isManaged", "registrationDateTime", "approximateLastSignInDateTime"}

var deviceRules = &rules{
	typeName: "device", resource: "Device",
	filter: map[string]propRule{
		"id": {def: opEq, adv: opNe}, "deviceId": {def: opEq, adv: opNe}, "accountEnabled": boolean,
		"displayName": {def: opEq | opSw, adv: opNe}, "operatingSystem": {def: opEq | opSw, adv: opNe}, "trustType": {def: opEq, adv: opNe},
	},
	order:      map[string]bool{"displayName": false},
	selectable: deviceProperties,
	defaults:   deviceProperties,
}

func deviceJSON(d *directory.Device, selected []string) map[string]any {
	m := make(map[string]any, len(selected))
	for _, name := range selected {
		m[name] = deviceFields[name](d)
	}
	return m
}

// decodeDevice reads a device create or PATCH body into Changes.
func decodeDevice(w http.ResponseWriter, r *http.Request) (directory.Changes, error) {
	m, err := readObject(w, r)
	if err != nil {
		return nil, err
	}
	c := directory.Changes{}
	for _, name := range sortedKeys(m) {
		prop, ok := directory.LookupDeviceProp(name)
		switch {
		case name == "id" || name == "registrationDateTime" || name == "approximateLastSignInDateTime":
			return nil, badRequest(name, "Property '%s' is read-only and can't be set.", name)
		case !ok:
			return nil, badRequest(name, "Property '%s' does not exist on type 'microsoft.graph.device' or can't be set in Atrium.", name)
		}
		v, err := decodeValue(name, prop.Kind, m[name])
		if err != nil {
			return nil, err
		}
		c[name] = v
	}
	return c, nil
}

func (a *API) listDevices(w http.ResponseWriter, r *http.Request) error {
	ctx, tenant := r.Context(), tenantOf(r.Context())
	lp, err := a.parseList(ctx, r, deviceRules)
	if err != nil {
		return err
	}
	page, err := a.dir.ListDevices(ctx, tenant, lp.q)
	if err != nil {
		return err
	}
	var count func() (int, error)
	if lp.count {
		count = func() (int, error) { return a.dir.CountDevices(ctx, tenant, lp.q) }
	}
	return a.writeCollection(w, r, a.odataContext("devices"), devicesJSON(page.Items, lp.selected, false), page.Next, lp.advanced, count)
}

// devicesJSON renders a page of devices; typed adds @odata.type, as Graph
// does in a user's registeredDevices (a list of directory objects).
func devicesJSON(ds []directory.Device, selected []string, typed bool) []any {
	items := make([]any, len(ds))
	for i := range ds {
		m := deviceJSON(&ds[i], selected)
		if typed {
			m["@odata.type"] = "#microsoft.graph.device"
		}
		items[i] = m
	}
	return items
}

func (a *API) listUserDevices(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	lp, err := a.parseList(ctx, r, deviceRules)
	if err != nil {
		return err
	}
	page, err := a.dir.ListUserDevices(ctx, tenantOf(ctx), r.PathValue("id"), lp.q)
	if err != nil {
		return err
	}
	return a.writeCollection(w, r, a.odataContext("directoryObjects"), devicesJSON(page.Items, lp.selected, true), page.Next, lp.advanced, nil)
}

func (a *API) getDevice(w http.ResponseWriter, r *http.Request) error {
	selected, err := a.parseEntity(r, deviceRules)
	if err != nil {
		return err
	}
	d, err := a.dir.GetDevice(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	return a.writeDevice(w, http.StatusOK, &d, selected)
}

func (a *API) writeDevice(w http.ResponseWriter, status int, d *directory.Device, selected []string) error {
	body := deviceJSON(d, selected)
	body["@odata.context"] = a.odataContext("devices/$entity")
	writeJSON(w, status, body)
	return nil
}

func (a *API) createDevice(w http.ResponseWriter, r *http.Request) error {
	c, err := decodeDevice(w, r)
	if err != nil {
		return err
	}
	d, err := a.dir.CreateDevice(r.Context(), tenantOf(r.Context()), c)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+"/v1.0/devices/"+d.ID)
	return a.writeDevice(w, http.StatusCreated, &d, deviceProperties)
}

func (a *API) updateDevice(w http.ResponseWriter, r *http.Request) error {
	c, err := decodeDevice(w, r)
	if err != nil {
		return err
	}
	if err := a.dir.UpdateDevice(r.Context(), tenantOf(r.Context()), r.PathValue("id"), c); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) deleteDevice(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteDevice(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) listDeviceOwners(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	owners, err := a.dir.ListDeviceOwners(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	items := make([]any, len(owners))
	for i := range owners {
		items[i] = objectJSON(directory.DirectoryObject{Type: directory.TypeUser, User: &owners[i]})
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("directoryObjects"), "value": items})
	return nil
}

func (a *API) addDeviceOwner(w http.ResponseWriter, r *http.Request) error {
	id, err := readRef(w, r)
	if err != nil {
		return err
	}
	if err := a.dir.AddDeviceOwner(r.Context(), tenantOf(r.Context()), r.PathValue("id"), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) removeDeviceOwner(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.RemoveDeviceOwner(r.Context(), tenantOf(r.Context()), r.PathValue("id"), r.PathValue("owner")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

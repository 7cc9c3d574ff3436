package directory

import (
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Device is a registered device (Graph's device): a computer or phone
// joined to or registered with the directory, with at most one registered
// owner.
type Device struct {
	ID                     string // object id
	DeviceID               string // the device's own id, unique in the tenant
	DisplayName            string
	OperatingSystem        string
	OperatingSystemVersion string
	TrustType              string // Workplace (registered), AzureAd (joined) or ServerAd (hybrid joined)
	AccountEnabled         bool
	IsCompliant            bool
	IsManaged              bool
	RegisteredAt           time.Time
	LastSignInAt           time.Time // zero until the device signs in
}

// DeviceProps lists the properties a create or PATCH may set.
var DeviceProps = []Prop[Device]{
	{Name: "accountEnabled", Kind: PropBool, boolean: func(d *Device) *bool { return &d.AccountEnabled }},
	{Name: "deviceId", Max: 36, check: checkGUID, str: func(d *Device) *string { return &d.DeviceID }},
	{Name: "displayName", Max: 256, str: func(d *Device) *string { return &d.DisplayName }},
	{Name: "operatingSystem", Max: 64, str: func(d *Device) *string { return &d.OperatingSystem }},
	{Name: "operatingSystemVersion", Max: 64, str: func(d *Device) *string { return &d.OperatingSystemVersion }},
	{Name: "trustType", Max: 16, check: checkTrustType, str: func(d *Device) *string { return &d.TrustType }},
	{Name: "isCompliant", Kind: PropBool, boolean: func(d *Device) *bool { return &d.IsCompliant }},
	{Name: "isManaged", Kind: PropBool, boolean: func(d *Device) *bool { return &d.IsManaged }},
}

var devicePropIndex = propIndex(DeviceProps)

// LookupDeviceProp returns the writable device property called name.
func LookupDeviceProp(name string) (*Prop[Device], bool) {
	p, ok := devicePropIndex[name]
	return p, ok
}

// deviceCreateOnly are set when a device registers and never change.
var deviceCreateOnly = []string{"deviceId", "trustType"}

// TrustTypes are the ways a device is known to the directory.
var TrustTypes = []string{"Workplace", "AzureAd", "ServerAd"}

// DeviceOwnersProp is the filter property of a device's registered owners'
// ids; not a Graph property, only /users/{id}/registeredDevices uses it.
const DeviceOwnersProp = "atrium.registeredOwners"

func checkTrustType(s string) string {
	if !slices.Contains(TrustTypes, s) {
		return "use one of " + strings.Join(TrustTypes, ", ") + "."
	}
	return ""
}

func checkGUID(s string) string {
	if _, err := uuid.Parse(s); err != nil || len(s) != 36 {
		return "it must be a GUID such as 6a59ea83-02bd-468f-a40b-f2c3d1821983."
	}
	return ""
}

// newDevice builds a device from the properties of a create.
func newDevice(c Changes, now time.Time) (Device, []ModifiedProperty, error) {
	d := Device{ID: newID(), DeviceID: newID(), AccountEnabled: true, TrustType: "Workplace", RegisteredAt: now}
	mods, err := applyChanges(&d, DeviceProps, "device", c)
	if err != nil {
		return d, nil, err
	}
	if d.DisplayName == "" {
		return d, nil, Invalid("displayName", "Property 'displayName' is required.")
	}
	d.DeviceID = strings.ToLower(d.DeviceID)
	return d, mods, nil
}

// ownerFilter selects the devices userID owns.
func ownerFilter(userID string) Expr {
	return Any{Prop: DeviceOwnersProp, Var: "o", Cond: Compare{Prop: "o", Op: OpEq, Value: Value{Kind: KindGUID, Str: userID}}}
}

func deviceTarget(d *Device, mods []ModifiedProperty) AuditTarget {
	return AuditTarget{ID: d.ID, DisplayName: d.DisplayName, Type: "Device", ModifiedProperties: mods}
}

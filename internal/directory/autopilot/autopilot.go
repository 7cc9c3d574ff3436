// Package autopilot holds the data of Windows Autopilot (partners.md §8):
// devices registered for Autopilot in a customer tenant, who added them,
// and deployment profiles; and the partner's CSV upload format. It is
// pure: the directory service stores them and applies the rules.
package autopilot

import (
	"encoding/base64"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// The kinds of who added a device.
const (
	KindPartner  = "partner"
	KindCustomer = "customer"
)

// The channels a device is added through.
const (
	ChannelPartnerCenter     = "partnerCenter"
	ChannelStoreForBusiness  = "storeForBusiness"
	ChannelStoreForEducation = "storeForEducation"
	ChannelIntunePortal      = "intunePortal"
	ChannelAdminCenter       = "adminCenter"
)

// CustomerChannels are the channels a customer adds its own devices
// through; partners always use ChannelPartnerCenter.
var CustomerChannels = []string{ChannelAdminCenter, ChannelStoreForBusiness, ChannelStoreForEducation, ChannelIntunePortal}

// The profile assignment statuses of a device. Atrium applies a profile
// at once, so a device is either notAssigned or assigned.
const (
	StatusNotAssigned = "notAssigned"
	StatusAssigned    = "assigned"
)

// AddedBy says who registered a device, which decides what partners may
// do with it.
type AddedBy struct {
	Kind            string // KindPartner or KindCustomer
	PartnerTenantID string // the partner, for KindPartner
	Channel         string
}

// Device is a device registered for Autopilot. It is identified by its
// hardware hash, by manufacturer + serial number + model, or by its
// product key id.
type Device struct {
	ID                      string
	SerialNumber            string
	ProductKey              string
	HardwareHash            string // base64
	Manufacturer            string
	Model                   string
	GroupTag                string
	BatchName               string
	UploadedAt              time.Time
	AddedBy                 AddedBy
	DeploymentProfileID     string // "" when none
	ProfileAssignmentStatus string
}

// Field limits of a device.
const (
	MaxText         = 256
	MaxHardwareHash = 8192 // base64 of a 4K hardware hash, with room
)

// Check validates a device's fields and that it can be identified,
// returning the field at fault and why.
func (d *Device) Check() (field, problem string) {
	for _, f := range []struct{ name, v string }{{"serialNumber", d.SerialNumber}, {"productKey", d.ProductKey},
		{"manufacturer", d.Manufacturer}, {"model", d.Model}, {"groupTag", d.GroupTag}, {"batchName", d.BatchName}} {
		if len(f.v) > MaxText {
			return f.name, fmt.Sprintf("'%s' is longer than %d characters.", f.name, MaxText)
		}
	}
	if d.HardwareHash != "" {
		if len(d.HardwareHash) > MaxHardwareHash {
			return "hardwareHash", fmt.Sprintf("'hardwareHash' is longer than %d characters.", MaxHardwareHash)
		}
		if _, err := base64.StdEncoding.DecodeString(d.HardwareHash); err != nil {
			return "hardwareHash", "'hardwareHash' must be base64, as Get-WindowsAutopilotInfo writes it."
		}
		return "", ""
	}
	if d.ProductKey != "" || (d.SerialNumber != "" && d.Manufacturer != "" && d.Model != "") {
		return "", ""
	}
	return "hardwareHash", "Identify the device by its hardware hash, by manufacturer, serial number and model together, or by its product key id."
}

// Profile is a deployment profile: the out-of-box experience settings
// applied to the devices assigned to it.
type Profile struct {
	ID                            string
	Name                          string
	Description                   string
	SkipPrivacySettings           bool
	DisableLocalAdminAccount      bool
	SkipWorkOrSchoolQuestion      bool // automatically set up for work or school
	SkipAssistantCloudAndOemPages bool // skip Cortana, OneDrive and OEM registration pages
	SkipEula                      bool
	CreatedBy                     string // display name of who created it
	CreatedAt                     time.Time
	ModifiedAt                    time.Time
	DevicesAssigned               int // counted when read, not stored
}

// CSVHeader is the header of a partner's device upload (partners.md §8.1).
var CSVHeader = []string{"Device Serial Number", "Windows Product ID", "Hardware Hash", "Manufacturer name", "Device model"}

// IsCustomerChannel reports whether ch is a channel customers add devices
// through.
func IsCustomerChannel(ch string) bool { return slices.Contains(CustomerChannels, ch) }

// ParseCSV reads a device upload in the CSVHeader format. A problem is
// reported with its line number.
func ParseCSV(r io.Reader) ([]Device, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	records, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("the file is not valid CSV: %w", err)
	}
	if len(records) == 0 {
		return nil, fmt.Errorf("the file is empty; its first line must be %s", strings.Join(CSVHeader, ","))
	}
	head := make([]string, len(records[0]))
	for i, h := range records[0] {
		head[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	}
	if !slices.Equal(head, CSVHeader) {
		return nil, fmt.Errorf("line 1 must be the header %s", strings.Join(CSVHeader, ","))
	}
	var out []Device
	for i, rec := range records[1:] {
		if len(rec) != len(CSVHeader) {
			return nil, fmt.Errorf("line %d has %d columns; it must have %d", i+2, len(rec), len(CSVHeader))
		}
		d := Device{SerialNumber: strings.TrimSpace(rec[0]), ProductKey: strings.TrimSpace(rec[1]), HardwareHash: strings.TrimSpace(rec[2]),
			Manufacturer: strings.TrimSpace(rec[3]), Model: strings.TrimSpace(rec[4])}
		if field, problem := d.Check(); field != "" {
			return nil, fmt.Errorf("line %d: %s", i+2, problem)
		}
		out = append(out, d)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the file lists no devices")
	}
	return out, nil
}

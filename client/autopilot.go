package client

import "time"

// AutopilotDevice is a device registered for Windows Autopilot
// (GET /api/devices/autopilot, partners.md §8.1).
type AutopilotDevice struct {
	ID                      string             `json:"id"`
	SerialNumber            string             `json:"serialNumber"`
	ProductKey              string             `json:"productKey"`
	HardwareHash            string             `json:"hardwareHash"` // base64
	Manufacturer            string             `json:"manufacturer"`
	Model                   string             `json:"model"`
	GroupTag                string             `json:"groupTag"`
	BatchName               string             `json:"batchName"`
	UploadedDateTime        time.Time          `json:"uploadedDateTime"`
	AddedBy                 AutopilotDeviceAdd `json:"addedBy"`
	DeploymentProfileID     *string            `json:"deploymentProfileId"`
	ProfileAssignmentStatus string             `json:"profileAssignmentStatus"` // notAssigned or assigned
}

// AutopilotDeviceAdd says who registered a device.
type AutopilotDeviceAdd struct {
	Kind            string  `json:"kind"` // partner or customer
	PartnerTenantID *string `json:"partnerTenantId"`
	// Channel is partnerCenter, storeForBusiness, storeForEducation,
	// intunePortal or adminCenter.
	Channel string `json:"channel"`
}

// NewAutopilotDevices is the JSON body of a device upload. Channel is for
// a customer's own uploads (adminCenter when empty); a partner's upload
// needs BatchName.
type NewAutopilotDevices struct {
	BatchName string               `json:"batchName"`
	GroupTag  string               `json:"groupTag"`
	Channel   string               `json:"channel"`
	Devices   []NewAutopilotDevice `json:"devices"`
}

// NewAutopilotDevice identifies one device: by HardwareHash, by
// Manufacturer + SerialNumber + Model, or by ProductKey.
type NewAutopilotDevice struct {
	SerialNumber string `json:"serialNumber"`
	ProductKey   string `json:"productKey"`
	HardwareHash string `json:"hardwareHash"`
	Manufacturer string `json:"manufacturer"`
	Model        string `json:"model"`
}

// DeploymentProfile is a Windows Autopilot deployment profile.
type DeploymentProfile struct {
	ID                            string    `json:"id"`
	Name                          string    `json:"name"`
	Description                   string    `json:"description"`
	SkipPrivacySettings           bool      `json:"skipPrivacySettings"`
	DisableLocalAdminAccount      bool      `json:"disableLocalAdminAccount"`
	SkipWorkOrSchoolQuestion      bool      `json:"skipWorkOrSchoolQuestion"`
	SkipAssistantCloudAndOemPages bool      `json:"skipAssistantCloudAndOemPages"`
	SkipEula                      bool      `json:"skipEula"`
	CreatedBy                     string    `json:"createdBy"`
	DevicesAssigned               int       `json:"devicesAssigned"`
	CreatedDateTime               time.Time `json:"createdDateTime"`
	LastModifiedDateTime          time.Time `json:"lastModifiedDateTime"`
}

// DeploymentProfileInput is the body that creates or changes (PATCH) a
// deployment profile; absent properties stay as they are. A partner sets
// SkipEula only with EulaDismissalAccepted.
type DeploymentProfileInput struct {
	Name                          *string `json:"name,omitempty"`
	Description                   *string `json:"description,omitempty"`
	SkipPrivacySettings           *bool   `json:"skipPrivacySettings,omitempty"`
	DisableLocalAdminAccount      *bool   `json:"disableLocalAdminAccount,omitempty"`
	SkipWorkOrSchoolQuestion      *bool   `json:"skipWorkOrSchoolQuestion,omitempty"`
	SkipAssistantCloudAndOemPages *bool   `json:"skipAssistantCloudAndOemPages,omitempty"`
	SkipEula                      *bool   `json:"skipEula,omitempty"`
	EulaDismissalAccepted         bool    `json:"eulaDismissalAccepted,omitempty"`
}

package client

import (
	"context"
	"net/http"
	"time"
)

// Device is a registered device (Graph's device). Properties the server
// did not send (not selected) stay nil.
type Device struct {
	ID                            string     `json:"id,omitempty"`
	DeviceID                      *string    `json:"deviceId,omitempty"`
	DisplayName                   *string    `json:"displayName,omitempty"`
	OperatingSystem               *string    `json:"operatingSystem,omitempty"`
	OperatingSystemVersion        *string    `json:"operatingSystemVersion,omitempty"`
	TrustType                     *string    `json:"trustType,omitempty"` // Workplace, AzureAd or ServerAd
	AccountEnabled                *bool      `json:"accountEnabled,omitempty"`
	IsCompliant                   *bool      `json:"isCompliant,omitempty"`
	IsManaged                     *bool      `json:"isManaged,omitempty"`
	RegistrationDateTime          *time.Time `json:"registrationDateTime,omitempty"`
	ApproximateLastSignInDateTime *time.Time `json:"approximateLastSignInDateTime,omitempty"`
}

// ListDevices returns the first page of registered devices.
func (c *Client) ListDevices(ctx context.Context, o ListOptions) (Page[Device], error) {
	return list[Device](ctx, c, "/v1.0/devices", o)
}

// CreateDevice registers a device; displayName is required.
func (c *Client) CreateDevice(ctx context.Context, props map[string]any) (Device, error) {
	var d Device
	err := c.Do(ctx, http.MethodPost, "/v1.0/devices", nil, nil, props, &d)
	return d, err
}

// UpdateDevice changes a device's properties.
func (c *Client) UpdateDevice(ctx context.Context, id string, props map[string]any) error {
	return c.Do(ctx, http.MethodPatch, "/v1.0/devices/"+esc(id), nil, nil, props, nil)
}

// AddDeviceOwner makes a user the device's registered owner.
func (c *Client) AddDeviceOwner(ctx context.Context, deviceID, userID string) error {
	return c.Do(ctx, http.MethodPost, "/v1.0/devices/"+esc(deviceID)+"/registeredOwners/$ref", nil, nil, ref(c, userID), nil)
}

// ListUserDevices returns the first page of the devices a user registered.
func (c *Client) ListUserDevices(ctx context.Context, userID string, o ListOptions) (Page[Device], error) {
	return list[Device](ctx, c, "/v1.0/users/"+esc(userID)+"/registeredDevices", o)
}

package directory

import (
	"context"
	"strings"
)

// CreateDeviceAuthorization stores a new device authorization; a taken
// user code is a conflict on "userCode" (the provider draws another).
func (s *Service) CreateDeviceAuthorization(ctx context.Context, tenantID string, d *DeviceAuthorization) error {
	d.State, d.UserID = DevicePending, ""
	return s.store.Update(ctx, tenantID, func(tx Tx) error { return tx.CreateDeviceAuthorization(d) })
}

// NormalizeUserCode puts a user code as typed into its stored form:
// upper case, with the dash after four characters.
func NormalizeUserCode(code string) string {
	c := strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(code))
	if len(c) == 8 {
		return c[:4] + "-" + c[4:]
	}
	return c
}

// PendingDeviceAuthorization returns the unexpired, undecided device
// authorization with this user code.
func (s *Service) PendingDeviceAuthorization(ctx context.Context, tenantID, userCode string) (DeviceAuthorization, error) {
	var d DeviceAuthorization
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		d, err = tx.GetDeviceAuthorizationByUserCode(NormalizeUserCode(userCode))
		return err
	})
	if err == nil && (d.State != DevicePending || !s.Now().Before(d.Expires)) {
		return d, NotFound("userCode")
	}
	return d, err
}

// DecideDeviceAuthorization records the signed-in user's answer to a
// pending device authorization.
func (s *Service) DecideDeviceAuthorization(ctx context.Context, tenantID, userCode, userID string, approve bool, amr []string) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		d, err := tx.GetDeviceAuthorizationByUserCode(NormalizeUserCode(userCode))
		if err != nil {
			return err
		}
		if d.State != DevicePending || !s.Now().Before(d.Expires) {
			return NotFound("userCode")
		}
		d.UserID, d.Spec.AuthTime, d.Spec.AMR, d.State = userID, s.Now(), amr, DeviceDenied
		if approve {
			d.State = DeviceApproved
		}
		return tx.UpdateDeviceAuthorization(&d)
	})
}

// PollDeviceAuthorization returns the device authorization of a device
// code for the device's poll. An approved one is returned once and then
// spent, so that a device code yields tokens only once.
func (s *Service) PollDeviceAuthorization(ctx context.Context, tenantID, id string) (DeviceAuthorization, error) {
	var d DeviceAuthorization
	err := s.store.Update(ctx, tenantID, func(tx Tx) (err error) {
		if d, err = tx.GetDeviceAuthorization(id); err != nil {
			return err
		}
		switch d.State {
		case DeviceUsed:
			return NotFound("deviceCode")
		case DeviceApproved:
			spent := d
			spent.State = DeviceUsed
			return tx.UpdateDeviceAuthorization(&spent)
		}
		return nil
	})
	return d, err
}

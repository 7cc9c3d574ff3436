package authn

import (
	"context"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/zitadel/oidc/v3/pkg/op"
)

// deviceConfig is the device flow's configuration for a tenant: codes live
// 15 minutes, devices poll every 5 seconds, and the user enters the code
// (eight letters, as BCDF-GHJK) at /{tenant}/devicelogin.
func deviceConfig(tenantID string) op.DeviceAuthorizationConfig {
	return op.DeviceAuthorizationConfig{Lifetime: 15 * time.Minute, PollInterval: 5 * time.Second,
		UserFormPath: "/" + tenantID + "/devicelogin", UserCode: op.UserCodeBase20}
}

var _ op.DeviceAuthorizationStorage = (*storage)(nil)

func (s *storage) StoreDeviceAuthorization(ctx context.Context, clientID, deviceCode, userCode string, expires time.Time, scopes []string) error {
	d := directory.DeviceAuthorization{ID: tokenHash(deviceCode), UserCode: userCode, ClientID: clientID, Expires: expires,
		Spec: directory.DeviceSpec{Scopes: scopes}}
	err := s.p.dir.CreateDeviceAuthorization(ctx, s.tenantID, &d)
	if directory.KindOf(err) == directory.KindConflict {
		return op.ErrDuplicateUserCode
	}
	return err
}

func (s *storage) GetDeviceAuthorizatonState(ctx context.Context, clientID, deviceCode string) (*op.DeviceAuthorizationState, error) {
	d, err := s.p.dir.PollDeviceAuthorization(ctx, s.tenantID, tokenHash(deviceCode))
	if err != nil {
		return nil, err
	}
	if d.ClientID != clientID {
		return nil, directory.NotFound("deviceCode")
	}
	return &op.DeviceAuthorizationState{ClientID: d.ClientID, Audience: []string{GraphAppID}, Scopes: d.Spec.Scopes,
		Expires: d.Expires, Done: d.State == directory.DeviceApproved, Denied: d.State == directory.DeviceDenied,
		Subject: d.UserID, AMR: d.Spec.AMR, AuthTime: d.Spec.AuthTime}, nil
}

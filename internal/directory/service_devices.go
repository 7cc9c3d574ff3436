package directory

import (
	"context"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/google/uuid"
)

// ListDevices returns a page of the tenant's registered devices. Members
// read them, as in Graph; changing them needs devices.manage.
func (s *Service) ListDevices(ctx context.Context, tenantID string, q ListQuery) (Page[Device], error) {
	var page Page[Device]
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return page, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		page, err = tx.ListDevices(q)
		return err
	})
	return page, err
}

// CountDevices counts the devices q selects.
func (s *Service) CountDevices(ctx context.Context, tenantID string, q ListQuery) (int, error) {
	var n int
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return 0, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		n, err = tx.CountDevices(q)
		return err
	})
	return n, err
}

// ListUserDevices returns a page of the devices a user (id or user
// principal name) has registered.
func (s *Service) ListUserDevices(ctx context.Context, tenantID, idOrUPN string, q ListQuery) (Page[Device], error) {
	var page Page[Device]
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return page, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, idOrUPN)
		if err != nil {
			return err
		}
		if q.Filter != nil {
			q.Filter = And{Left: ownerFilter(u.ID), Right: q.Filter}
		} else {
			q.Filter = ownerFilter(u.ID)
		}
		page, err = tx.ListDevices(q)
		return err
	})
	return page, err
}

// GetDevice returns one device by its object id.
func (s *Service) GetDevice(ctx context.Context, tenantID, id string) (Device, error) {
	var d Device
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return d, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) (err error) {
		d, err = getDevice(tx, id)
		return err
	})
	return d, err
}

func getDevice(tx Tx, id string) (Device, error) {
	if _, err := uuid.Parse(id); err != nil {
		return Device{}, NotFound(id)
	}
	return tx.GetDevice(strings.ToLower(id))
}

// CreateDevice registers a device; its deviceId is generated unless given.
func (s *Service) CreateDevice(ctx context.Context, tenantID string, c Changes) (Device, error) {
	p, err := s.authorize(ctx, authz.DevicesManage, tenantID)
	if err != nil {
		return Device{}, err
	}
	d, mods, err := newDevice(c, s.Now())
	if err != nil {
		return d, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if err := tx.CreateDevice(&d); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Device", "Add device", "Add", deviceTarget(&d, mods))
	})
	return d, err
}

// UpdateDevice changes a device's properties; deviceId and trustType are
// fixed at registration.
func (s *Service) UpdateDevice(ctx context.Context, tenantID, id string, c Changes) error {
	p, err := s.authorize(ctx, authz.DevicesManage, tenantID)
	if err != nil {
		return err
	}
	for _, name := range deviceCreateOnly {
		if _, ok := c[name]; ok {
			return Invalid(name, "Property '%s' is set when the device registers and can't change.", name)
		}
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		d, err := getDevice(tx, id)
		if err != nil {
			return err
		}
		mods, err := applyChanges(&d, DeviceProps, "device", c)
		if err != nil {
			return err
		}
		if d.DisplayName == "" {
			return Invalid("displayName", "Property 'displayName' can't be empty.")
		}
		if len(mods) == 0 {
			return nil
		}
		if err := tx.UpdateDevice(&d); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Device", "Update device", "Update", deviceTarget(&d, mods))
	})
}

// DeleteDevice removes a device and its owner link for good (Graph has no
// deleted items for devices).
func (s *Service) DeleteDevice(ctx context.Context, tenantID, id string) error {
	p, err := s.authorize(ctx, authz.DevicesManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		d, err := getDevice(tx, id)
		if err != nil {
			return err
		}
		if err := tx.DeleteDevice(d.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Device", "Delete device", "Delete", deviceTarget(&d, nil))
	})
}

// ListDeviceOwners returns a device's registered owner (at most one).
func (s *Service) ListDeviceOwners(ctx context.Context, tenantID, id string) ([]User, error) {
	var out []User
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		d, err := getDevice(tx, id)
		if err != nil {
			return err
		}
		out, err = tx.ListDeviceOwners(d.ID)
		return err
	})
	return out, err
}

// AddDeviceOwner makes a user the device's registered owner. A device has
// one owner, as in Graph; remove the current one first to change it.
func (s *Service) AddDeviceOwner(ctx context.Context, tenantID, id, userID string) error {
	p, err := s.authorize(ctx, authz.DevicesManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		d, err := getDevice(tx, id)
		if err != nil {
			return err
		}
		u, err := findUser(tx, userID)
		if KindOf(err) == KindNotFound {
			return Invalid("@odata.id", "User '%s' does not exist; a device's owner is a user of the organization.", userID)
		} else if err != nil {
			return err
		}
		owners, err := tx.ListDeviceOwners(d.ID)
		if err != nil {
			return err
		}
		switch {
		case slices.ContainsFunc(owners, func(o User) bool { return o.ID == u.ID }):
			return Invalid("registeredOwners", "One or more added object references already exist for the following modified properties: 'registeredOwners'.")
		case len(owners) > 0:
			return Invalid("registeredOwners", "The device is registered to %s already; a device has one registered owner. Remove that owner first.", owners[0].UserPrincipalName)
		}
		if err := tx.AddDeviceOwner(d.ID, u.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Device", "Add registered owner to device", "Assign", deviceTarget(&d, nil), userTarget(&u, nil))
	})
}

// RemoveDeviceOwner removes a device's registered owner.
func (s *Service) RemoveDeviceOwner(ctx context.Context, tenantID, id, userID string) error {
	p, err := s.authorize(ctx, authz.DevicesManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		d, err := getDevice(tx, id)
		if err != nil {
			return err
		}
		u, err := findUser(tx, userID)
		if err != nil {
			return err
		}
		if err := tx.RemoveDeviceOwner(d.ID, u.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "Device", "Remove registered owner from device", "Unassign", deviceTarget(&d, nil), userTarget(&u, nil))
	})
}

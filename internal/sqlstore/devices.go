package sqlstore

import (
	"github.com/atriumhq/atrium/internal/directory"
)

const deviceCols = "id, device_id, display_name, operating_system, operating_system_version, trust_type, account_enabled, " +
	"is_compliant, is_managed, registered_at, last_sign_in_at"

var devicesResource = &resource{
	name: "Device",
	id:   "id",
	cols: map[string]column{
		"id":              {"id", cID},
		"deviceId":        {"device_id", cID},
		"displayName":     {"display_name_fold", cFold},
		"operatingSystem": {"operating_system_fold", cFold},
		"trustType":       {"trust_type", cText},
		"accountEnabled":  {"account_enabled", cBool},
	},
	order: map[string]column{"displayName": {"display_name_fold", cFold}},
	any: map[string]func(*builder, string, directory.Expr) (string, error){
		directory.DeviceOwnersProp: func(b *builder, v string, c directory.Expr) (string, error) {
			if c, ok := c.(directory.Compare); ok && c.Prop == v && c.Op == directory.OpEq {
				return "EXISTS (SELECT 1 FROM device_owners o WHERE o.tenant_id = $1 AND o.device_id = devices.id AND o.user_id = " +
					b.arg(c.Value.Str) + ")", nil
			}
			return "", directory.UnsupportedQuery("Only registeredOwners/any(o: o eq '<user id>') is supported.")
		},
	},
}

func (t *tx) CreateDevice(d *directory.Device) error {
	_, err := t.exec(`INSERT INTO devices (tenant_id, `+deviceCols+`, display_name_fold, operating_system_fold)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		d.ID, d.DeviceID, d.DisplayName, d.OperatingSystem, d.OperatingSystemVersion, d.TrustType, d.AccountEnabled,
		d.IsCompliant, d.IsManaged, micros(d.RegisteredAt), micros(d.LastSignInAt),
		directory.Fold(d.DisplayName), directory.Fold(d.OperatingSystem))
	if isUnique(err) {
		return directory.Conflict("deviceId")
	}
	return err
}

func (t *tx) UpdateDevice(d *directory.Device) error {
	return t.execOne(d.ID, `UPDATE devices SET display_name = $3, display_name_fold = $4, operating_system = $5,
		operating_system_fold = $6, operating_system_version = $7, account_enabled = $8, is_compliant = $9, is_managed = $10,
		last_sign_in_at = $11 WHERE tenant_id = $1 AND id = $2`,
		d.ID, d.DisplayName, directory.Fold(d.DisplayName), d.OperatingSystem, directory.Fold(d.OperatingSystem),
		d.OperatingSystemVersion, d.AccountEnabled, d.IsCompliant, d.IsManaged, micros(d.LastSignInAt))
}

func (t *tx) DeleteDevice(id string) error {
	if _, err := t.exec("DELETE FROM device_owners WHERE tenant_id = $1 AND device_id = $2", id); err != nil {
		return err
	}
	return t.execOne(id, "DELETE FROM devices WHERE tenant_id = $1 AND id = $2", id)
}

func scanDevice(r scanner) (directory.Device, error) {
	var d directory.Device
	var registered, lastSignIn int64
	err := r.Scan(&d.ID, &d.DeviceID, &d.DisplayName, &d.OperatingSystem, &d.OperatingSystemVersion, &d.TrustType,
		&d.AccountEnabled, &d.IsCompliant, &d.IsManaged, &registered, &lastSignIn)
	d.RegisteredAt, d.LastSignInAt = fromMicros(registered), fromMicros(lastSignIn)
	return d, err
}

func (t *tx) GetDevice(id string) (directory.Device, error) {
	d, err := scanDevice(t.queryRow("SELECT "+deviceCols+" FROM devices WHERE tenant_id = $1 AND id = $2", id))
	return d, notFound(err, id)
}

func (t *tx) ListDevices(q directory.ListQuery) (directory.Page[directory.Device], error) {
	var page directory.Page[directory.Device]
	query, args, sortCol, err := listSQL(devicesResource, deviceCols, "devices", "1 = 1", q)
	if err != nil {
		return page, err
	}
	err = t.each(query, args, func(r scanner) error {
		d, err := scanDevice(r)
		page.Items = append(page.Items, d)
		return err
	})
	if err != nil {
		return page, err
	}
	if top := pageSize(q); len(page.Items) > top {
		page.Items = page.Items[:top]
		last := page.Items[top-1]
		var key any
		if sortCol != nil {
			key = directory.Fold(last.DisplayName)
		}
		page.Next = encodeCursor(key, last.ID)
	}
	return page, nil
}

func (t *tx) CountDevices(q directory.ListQuery) (int, error) {
	query, args, err := countSQL(devicesResource, "devices", "1 = 1", q)
	if err != nil {
		return 0, err
	}
	var n int
	err = t.queryRow(query, args...).Scan(&n)
	return n, err
}

func (t *tx) AddDeviceOwner(deviceID, userID string) error {
	var one int
	if err := t.queryRow("SELECT 1 FROM devices WHERE tenant_id = $1 AND id = $2", deviceID).Scan(&one); err != nil {
		return notFound(err, deviceID)
	}
	_, err := t.exec("INSERT INTO device_owners (tenant_id, device_id, user_id) VALUES ($1, $2, $3)", deviceID, userID)
	if isUnique(err) {
		return directory.Conflict("registeredOwners")
	}
	return err
}

func (t *tx) RemoveDeviceOwner(deviceID, userID string) error {
	return t.execOne(userID, "DELETE FROM device_owners WHERE tenant_id = $1 AND device_id = $2 AND user_id = $3", deviceID, userID)
}

func (t *tx) ListDeviceOwners(deviceID string) ([]directory.User, error) {
	var out []directory.User
	err := t.each(`SELECT `+userCols+` FROM users WHERE tenant_id = $1 AND deleted_at IS NULL
		AND id IN (SELECT user_id FROM device_owners WHERE tenant_id = $1 AND device_id = $2) ORDER BY display_name_fold, id`,
		[]any{deviceID}, func(r scanner) error {
			u, err := scanUser(r)
			out = append(out, u)
			return err
		})
	return out, err
}

package sqlstore

import (
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/autopilot"
)

const autopilotDeviceCols = `id, serial_number, product_key, hardware_hash, manufacturer, model, group_tag, batch_name, uploaded,
	added_by_kind, added_by_partner_tenant_id, added_by_channel, deployment_profile_id, profile_assignment_status`

func (t *tx) CreateAutopilotDevice(d *autopilot.Device) error {
	_, err := t.exec(`INSERT INTO autopilot_devices (tenant_id, `+autopilotDeviceCols+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
		d.ID, d.SerialNumber, d.ProductKey, d.HardwareHash, d.Manufacturer, d.Model, d.GroupTag, d.BatchName, micros(d.UploadedAt),
		d.AddedBy.Kind, d.AddedBy.PartnerTenantID, d.AddedBy.Channel, d.DeploymentProfileID, d.ProfileAssignmentStatus)
	if isUnique(err) {
		return directory.Conflict("serialNumber")
	}
	return err
}

func (t *tx) scanAutopilotDevices(q string, args ...any) ([]autopilot.Device, error) {
	rows, err := t.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []autopilot.Device
	for rows.Next() {
		var d autopilot.Device
		var uploaded int64
		if err := rows.Scan(&d.ID, &d.SerialNumber, &d.ProductKey, &d.HardwareHash, &d.Manufacturer, &d.Model, &d.GroupTag, &d.BatchName,
			&uploaded, &d.AddedBy.Kind, &d.AddedBy.PartnerTenantID, &d.AddedBy.Channel, &d.DeploymentProfileID, &d.ProfileAssignmentStatus); err != nil {
			return nil, err
		}
		d.UploadedAt = fromMicros(uploaded)
		out = append(out, d)
	}
	return out, rows.Err()
}

func (t *tx) GetAutopilotDevice(id string) (autopilot.Device, error) {
	ds, err := t.scanAutopilotDevices("SELECT "+autopilotDeviceCols+" FROM autopilot_devices WHERE tenant_id = $1 AND id = $2", id)
	if err != nil {
		return autopilot.Device{}, err
	}
	if len(ds) == 0 {
		return autopilot.Device{}, directory.NotFound(id)
	}
	return ds[0], nil
}

func (t *tx) ListAutopilotDevices() ([]autopilot.Device, error) {
	return t.scanAutopilotDevices("SELECT " + autopilotDeviceCols + " FROM autopilot_devices WHERE tenant_id = $1 ORDER BY uploaded DESC, id")
}

func (t *tx) SetAutopilotProfile(id, profileID, status string) error {
	return t.execOne(id, "UPDATE autopilot_devices SET deployment_profile_id = $3, profile_assignment_status = $4 WHERE tenant_id = $1 AND id = $2",
		id, profileID, status)
}

func (t *tx) DeleteAutopilotDevice(id string) error {
	return t.execOne(id, "DELETE FROM autopilot_devices WHERE tenant_id = $1 AND id = $2", id)
}

const autopilotProfileCols = `id, name, description, skip_privacy_settings, disable_local_admin_account, skip_work_or_school_question,
	skip_assistant_cloud_and_oem_pages, skip_eula, created_by, created, modified`

func (t *tx) CreateAutopilotProfile(p *autopilot.Profile) error {
	_, err := t.exec(`INSERT INTO autopilot_profiles (tenant_id, `+autopilotProfileCols+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		p.ID, p.Name, p.Description, p.SkipPrivacySettings, p.DisableLocalAdminAccount, p.SkipWorkOrSchoolQuestion,
		p.SkipAssistantCloudAndOemPages, p.SkipEula, p.CreatedBy, micros(p.CreatedAt), micros(p.ModifiedAt))
	return err
}

func (t *tx) scanAutopilotProfiles(q string, args ...any) ([]autopilot.Profile, error) {
	rows, err := t.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []autopilot.Profile
	for rows.Next() {
		var p autopilot.Profile
		var created, modified int64
		if err := rows.Scan(&p.ID, &p.Name, &p.Description, &p.SkipPrivacySettings, &p.DisableLocalAdminAccount, &p.SkipWorkOrSchoolQuestion,
			&p.SkipAssistantCloudAndOemPages, &p.SkipEula, &p.CreatedBy, &created, &modified); err != nil {
			return nil, err
		}
		p.CreatedAt, p.ModifiedAt = fromMicros(created), fromMicros(modified)
		out = append(out, p)
	}
	return out, rows.Err()
}

func (t *tx) GetAutopilotProfile(id string) (autopilot.Profile, error) {
	ps, err := t.scanAutopilotProfiles("SELECT "+autopilotProfileCols+" FROM autopilot_profiles WHERE tenant_id = $1 AND id = $2", id)
	if err != nil {
		return autopilot.Profile{}, err
	}
	if len(ps) == 0 {
		return autopilot.Profile{}, directory.NotFound(id)
	}
	return ps[0], nil
}

func (t *tx) ListAutopilotProfiles() ([]autopilot.Profile, error) {
	return t.scanAutopilotProfiles("SELECT " + autopilotProfileCols + " FROM autopilot_profiles WHERE tenant_id = $1 ORDER BY name, id")
}

func (t *tx) UpdateAutopilotProfile(p *autopilot.Profile) error {
	return t.execOne(p.ID, `UPDATE autopilot_profiles SET name = $3, description = $4, skip_privacy_settings = $5,
		disable_local_admin_account = $6, skip_work_or_school_question = $7, skip_assistant_cloud_and_oem_pages = $8, skip_eula = $9,
		modified = $10 WHERE tenant_id = $1 AND id = $2`,
		p.ID, p.Name, p.Description, p.SkipPrivacySettings, p.DisableLocalAdminAccount, p.SkipWorkOrSchoolQuestion,
		p.SkipAssistantCloudAndOemPages, p.SkipEula, micros(p.ModifiedAt))
}

func (t *tx) DeleteAutopilotProfile(id string) error {
	return t.execOne(id, "DELETE FROM autopilot_profiles WHERE tenant_id = $1 AND id = $2", id)
}

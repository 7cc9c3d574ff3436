package directory

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// DirSyncSettings are the tenant's directory synchronization settings
// (hybrid-identity.md), which the sync engine reads: Graph's
// onPremisesDirectorySynchronization. Zero values mean the defaults.
type DirSyncSettings struct {
	// Enabled is the organization's onPremisesSyncEnabled: nil when sync
	// was never on, false when it was turned off again.
	Enabled *bool `json:"enabled,omitempty"`
	// DeletionPrevention is disabled, enabledForCount or
	// enabledForPercentage; DeletionThreshold the count or percentage of
	// deletions in one run above which the run's deletions are held.
	DeletionPrevention string          `json:"deletionPrevention,omitempty"`
	DeletionThreshold  int             `json:"deletionThreshold,omitempty"`
	IntervalSeconds    int             `json:"intervalSeconds,omitempty"`
	Features           map[string]bool `json:"features,omitempty"`
}

// DirSyncFeature is a sync feature switch with its default.
type DirSyncFeature struct {
	Name    string
	Default bool
}

// DirSyncFeatures are the feature switches Atrium keeps, with their
// defaults: password hash sync and soft matching on the user name are on,
// as Entra Connect's express settings make them; writeback and the
// takeover blocks are off (hybrid-identity.md §8, §10).
var DirSyncFeatures = []DirSyncFeature{
	{"passwordSyncEnabled", true}, {"passwordWritebackEnabled", false}, {"softMatchOnUpnEnabled", true},
	{"blockSoftMatchEnabled", false}, {"blockCloudObjectTakeoverThroughHardMatchEnabled", false},
	{"groupWriteBackEnabled", false}, {"userWritebackEnabled", false}, {"directoryExtensionsEnabled", false},
}

// The sync defaults and limits: a delta sync every 30 minutes, at least 10
// minutes apart and at most 7 days (sync must succeed weekly, §6); the
// accidental-delete threshold at 500 deletions (§7).
const (
	DefaultSyncInterval      = 30 * time.Minute
	MinSyncInterval          = 10 * time.Minute
	MaxSyncInterval          = 7 * 24 * time.Hour
	DefaultDeletionThreshold = 500
	maxDeletionCount         = 1000000
)

// DeletionPreventionTypes are Graph's synchronizationPreventionType values.
var DeletionPreventionTypes = []string{"disabled", "enabledForCount", "enabledForPercentage"}

// WithDefaults returns the settings with every default filled in.
func (d DirSyncSettings) WithDefaults() DirSyncSettings {
	if d.DeletionPrevention == "" {
		d.DeletionPrevention = "enabledForCount"
	}
	if d.DeletionThreshold == 0 {
		d.DeletionThreshold = DefaultDeletionThreshold
	}
	if d.IntervalSeconds == 0 {
		d.IntervalSeconds = int(DefaultSyncInterval / time.Second)
	}
	f := make(map[string]bool, len(DirSyncFeatures))
	for _, feat := range DirSyncFeatures {
		v, ok := d.Features[feat.Name]
		f[feat.Name] = v || (!ok && feat.Default)
	}
	d.Features = f
	return d
}

// Interval returns the delta sync interval.
func (d DirSyncSettings) Interval() time.Duration {
	return time.Duration(d.IntervalSeconds) * time.Second
}

// DirSyncChange changes the sync settings; nil fields and absent features
// stay as they are.
type DirSyncChange struct {
	DeletionPrevention *string
	DeletionThreshold  *int
	Interval           *time.Duration
	Features           map[string]bool
}

// The wire names of the settings, for errors and audit records.
const (
	fieldPrevention = "configuration.accidentalDeletionPrevention.synchronizationPreventionType"
	fieldThreshold  = "configuration.accidentalDeletionPrevention.alertThreshold"
	fieldInterval   = "configuration.synchronizationInterval"
)

// apply validates c and applies it to d, which has its defaults filled in.
func (c DirSyncChange) apply(d *DirSyncSettings) error {
	if c.DeletionPrevention != nil {
		if err := oneOf(fieldPrevention, *c.DeletionPrevention, DeletionPreventionTypes); err != nil {
			return err
		}
		d.DeletionPrevention = *c.DeletionPrevention
	}
	if c.DeletionThreshold != nil {
		d.DeletionThreshold = *c.DeletionThreshold
	}
	switch {
	case d.DeletionPrevention == "enabledForPercentage" && (d.DeletionThreshold < 1 || d.DeletionThreshold > 100):
		return Invalid(fieldThreshold, "A percentage threshold is 1 to 100 (now %d).", d.DeletionThreshold)
	case d.DeletionThreshold < 1 || d.DeletionThreshold > maxDeletionCount:
		return Invalid(fieldThreshold, "The threshold is 1 to %d deletions (now %d).", maxDeletionCount, d.DeletionThreshold)
	}
	if c.Interval != nil {
		if iv := *c.Interval; iv < MinSyncInterval || iv > MaxSyncInterval || iv%time.Second != 0 {
			return Invalid(fieldInterval, "The interval is 10 minutes (PT10M) to 7 days (P7D), in whole seconds.")
		}
		d.IntervalSeconds = int(*c.Interval / time.Second)
	}
	for _, name := range slices.Sorted(maps.Keys(c.Features)) {
		if !slices.ContainsFunc(DirSyncFeatures, func(f DirSyncFeature) bool { return f.Name == name }) {
			return Invalid("features."+name, "Atrium has no sync feature '%s'.", name)
		}
		d.Features[name] = c.Features[name]
	}
	return nil
}

// dirSyncMods lists what changed between two complete settings.
func dirSyncMods(old, cur DirSyncSettings) []ModifiedProperty {
	var mods []ModifiedProperty
	add := func(name, o, n string) {
		if o != n {
			mods = append(mods, ModifiedProperty{Name: name, Old: o, New: n})
		}
	}
	add(fieldPrevention, old.DeletionPrevention, cur.DeletionPrevention)
	add(fieldThreshold, strconv.Itoa(old.DeletionThreshold), strconv.Itoa(cur.DeletionThreshold))
	add(fieldInterval, old.Interval().String(), cur.Interval().String())
	for _, f := range DirSyncFeatures {
		add("features."+f.Name, boolString(old.Features[f.Name]), boolString(cur.Features[f.Name]))
	}
	return mods
}

// DirSync returns the tenant's sync settings. Only Global admins may "use
// directory synchronization", so reading them needs dirsync.manage too.
func (s *Service) DirSync(ctx context.Context, tenantID string) (DirSyncSettings, error) {
	var d DirSyncSettings
	if _, err := s.authorize(ctx, authz.DirSyncManage, tenantID); err != nil {
		return d, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		d = t.Settings.DirSync.WithDefaults()
		return err
	})
	return d, err
}

// UpdateDirSync changes the tenant's sync settings.
func (s *Service) UpdateDirSync(ctx context.Context, tenantID string, c DirSyncChange) error {
	p, err := s.authorize(ctx, authz.DirSyncManage, tenantID)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		old := t.Settings.DirSync.WithDefaults()
		cur := old
		cur.Features = maps.Clone(old.Features)
		if err := c.apply(&cur); err != nil {
			return err
		}
		mods := dirSyncMods(old, cur)
		if len(mods) == 0 {
			return nil
		}
		t.Settings.DirSync = cur
		if err := tx.UpdateTenant(t); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", "Set directory feature on tenant", "Update",
			AuditTarget{ID: t.ID, DisplayName: t.Org.DisplayName, Type: "Organization", ModifiedProperties: mods})
	})
}

// setSyncEnabled turns directory sync on or off (organization's
// onPremisesSyncEnabled). Turning it off when it was never on changes
// nothing: null means "never synced".
func (s *Service) setSyncEnabled(ctx context.Context, tx Tx, p authz.Principal, t *Tenant, on bool) error {
	cur := t.Settings.DirSync.Enabled
	if (cur == nil && !on) || (cur != nil && *cur == on) {
		return nil
	}
	old := "null"
	if cur != nil {
		old = boolString(*cur)
	}
	t.Settings.DirSync.Enabled = &on
	if err := tx.UpdateTenant(*t); err != nil {
		return err
	}
	return s.audit(ctx, tx, p, "DirectoryManagement", "Set DirSyncEnabled flag", "Update", AuditTarget{ID: t.ID, DisplayName: t.Org.DisplayName,
		Type: "Organization", ModifiedProperties: []ModifiedProperty{{Name: "DirSyncEnabled", Old: old, New: boolString(on)}}})
}

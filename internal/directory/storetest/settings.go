package storetest

import (
	"reflect"
	"testing"

	"github.com/atriumhq/atrium/internal/directory"
)

// testTenantSettings round-trips the organization profile and the tenant
// settings, the directory sync settings with their tri-state flag among
// them, and keeps them apart per tenant.
func testTenantSettings(t *testing.T, s directory.Store) {
	f, g := newTenant(t, s), newTenant(t, s)
	off := false
	want := directory.Settings{
		PasswordPolicy: directory.PasswordPolicy{CustomBannedPasswords: []string{"contoso"}, LockoutThreshold: 5},
		DirSync: directory.DirSyncSettings{Enabled: &off, DeletionPrevention: "enabledForPercentage", DeletionThreshold: 20,
			IntervalSeconds: 3600, Features: map[string]bool{"passwordSyncEnabled": false, "blockSoftMatchEnabled": true}},
	}
	f.mustUpdate(func(tx directory.Tx) error {
		tn, err := tx.Tenant()
		if err != nil {
			return err
		}
		tn.Org.City, tn.Settings = "Utrecht", want
		return tx.UpdateTenant(tn)
	})
	f.view(func(tx directory.Tx) error {
		tn, err := tx.Tenant()
		must(t, err)
		if tn.Org.City != "Utrecht" || !reflect.DeepEqual(tn.Settings, want) {
			t.Errorf("settings after a round trip:\n%+v\nwant\n%+v", tn.Settings, want)
		}
		return nil
	})
	g.view(func(tx directory.Tx) error {
		tn, err := tx.Tenant()
		must(t, err)
		if tn.Org.City != "" || tn.Settings.DirSync.Enabled != nil || tn.Settings.DirSync.Features != nil {
			t.Errorf("another tenant's settings changed: %+v", tn)
		}
		return nil
	})
}

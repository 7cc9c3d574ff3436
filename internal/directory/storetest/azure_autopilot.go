package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/autopilot"
	"github.com/atriumhq/atrium/internal/directory/azure"
	"github.com/google/uuid"
)

// testResourceSubscriptions covers resource subscriptions and their role
// assignments: round trips, one role per principal, and isolation.
func testResourceSubscriptions(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	now := time.Now().UTC().Truncate(time.Microsecond)
	sub := azure.Subscription{ID: uuid.NewString(), DisplayName: "Azure plan", State: azure.StateEnabled,
		ProvisionedByPartner: other.id, CreatedBy: uuid.NewString(), CreatedAt: now}
	owner := azure.RoleAssignment{ID: uuid.NewString(), SubscriptionID: sub.ID, RoleDefinitionID: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
		PrincipalID: uuid.NewString(), PrincipalType: azure.PrincipalForeignGroup, CreatedBy: sub.CreatedBy, CreatedAt: now}
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.CreateResourceSubscription(&sub))
		return tx.CreateResourceRoleAssignment(&owner)
	})
	twin := owner
	twin.ID = uuid.NewString()
	wantConflict(t, "same role twice", f.update(func(tx directory.Tx) error { return tx.CreateResourceRoleAssignment(&twin) }), "principalId")
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetResourceSubscription(sub.ID)
		must(t, err)
		if !reflect.DeepEqual(got, sub) {
			t.Errorf("subscription round trip: got %+v, want %+v", got, sub)
		}
		as, err := tx.ListResourceRoleAssignments(sub.ID)
		must(t, err)
		if len(as) != 1 || !reflect.DeepEqual(as[0], owner) {
			t.Errorf("assignments: got %+v, want %+v", as, owner)
		}
		return nil
	})
	other.view(func(tx directory.Tx) error {
		_, err := tx.GetResourceSubscription(sub.ID)
		wantKind(t, "other tenant's subscription", err, directory.KindNotFound)
		subs, err := tx.ListResourceSubscriptions()
		must(t, err)
		as, err := tx.ListResourceRoleAssignments(sub.ID)
		must(t, err)
		if len(subs)+len(as) != 0 {
			t.Errorf("other tenant sees %d subscriptions, %d assignments", len(subs), len(as))
		}
		return nil
	})
	wantKind(t, "delete from another tenant", other.update(func(tx directory.Tx) error {
		return tx.DeleteResourceRoleAssignment(sub.ID, owner.ID)
	}), directory.KindNotFound)
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteResourceRoleAssignment(sub.ID, owner.ID) })
	wantKind(t, "delete twice", f.update(func(tx directory.Tx) error { return tx.DeleteResourceRoleAssignment(sub.ID, owner.ID) }), directory.KindNotFound)
}

// testAutopilot covers Autopilot devices and deployment profiles: round
// trips, unique serial numbers and product keys, and isolation.
func testAutopilot(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	now := time.Now().UTC().Truncate(time.Microsecond)
	prof := autopilot.Profile{ID: uuid.NewString(), Name: "Sales laptops", Description: "OOBE for sales", SkipPrivacySettings: true,
		SkipEula: true, CreatedBy: "Pat", CreatedAt: now, ModifiedAt: now}
	dev := autopilot.Device{ID: uuid.NewString(), SerialNumber: "SN-1", Manufacturer: "Microsoft Corporation", Model: "Surface Laptop",
		BatchName: "b1", UploadedAt: now, AddedBy: autopilot.AddedBy{Kind: autopilot.KindPartner, PartnerTenantID: other.id,
			Channel: autopilot.ChannelPartnerCenter}, ProfileAssignmentStatus: autopilot.StatusNotAssigned}
	keyed := autopilot.Device{ID: uuid.NewString(), ProductKey: "PKID-1", UploadedAt: now.Add(time.Second),
		AddedBy: autopilot.AddedBy{Kind: autopilot.KindCustomer, Channel: autopilot.ChannelStoreForBusiness}, ProfileAssignmentStatus: autopilot.StatusNotAssigned}
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.CreateAutopilotProfile(&prof))
		must(t, tx.CreateAutopilotDevice(&dev))
		return tx.CreateAutopilotDevice(&keyed)
	})
	sameSerial, sameKey := dev, keyed
	sameSerial.ID, sameKey.ID = uuid.NewString(), uuid.NewString()
	wantConflict(t, "same serial", f.update(func(tx directory.Tx) error { return tx.CreateAutopilotDevice(&sameSerial) }), "serialNumber")
	wantConflict(t, "same product key", f.update(func(tx directory.Tx) error { return tx.CreateAutopilotDevice(&sameKey) }), "serialNumber")
	other.mustUpdate(func(tx directory.Tx) error { return tx.CreateAutopilotDevice(&sameSerial) }) // another tenant may hold it

	prof.Name, prof.SkipEula, prof.ModifiedAt = "Sales", false, now.Add(time.Minute)
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.UpdateAutopilotProfile(&prof))
		return tx.SetAutopilotProfile(dev.ID, prof.ID, autopilot.StatusAssigned)
	})
	dev.DeploymentProfileID, dev.ProfileAssignmentStatus = prof.ID, autopilot.StatusAssigned
	f.view(func(tx directory.Tx) error {
		ds, err := tx.ListAutopilotDevices()
		must(t, err)
		if len(ds) != 2 || !reflect.DeepEqual(ds[1], dev) || !reflect.DeepEqual(ds[0], keyed) {
			t.Errorf("devices: got %+v", ds)
		}
		got, err := tx.GetAutopilotProfile(prof.ID)
		must(t, err)
		if !reflect.DeepEqual(got, prof) {
			t.Errorf("profile round trip: got %+v, want %+v", got, prof)
		}
		return nil
	})
	other.view(func(tx directory.Tx) error {
		_, err := tx.GetAutopilotDevice(dev.ID)
		wantKind(t, "other tenant's device", err, directory.KindNotFound)
		ps, err := tx.ListAutopilotProfiles()
		must(t, err)
		if len(ps) != 0 {
			t.Errorf("other tenant sees profiles %+v", ps)
		}
		return nil
	})
	wantKind(t, "profile of another tenant", other.update(func(tx directory.Tx) error { return tx.DeleteAutopilotProfile(prof.ID) }), directory.KindNotFound)
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.DeleteAutopilotDevice(dev.ID))
		return tx.DeleteAutopilotProfile(prof.ID)
	})
	wantKind(t, "deleted device", f.update(func(tx directory.Tx) error { return tx.DeleteAutopilotDevice(dev.ID) }), directory.KindNotFound)
}

package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

func (f *fixture) device(name, os string) *directory.Device {
	return &directory.Device{ID: uuid.NewString(), DeviceID: uuid.NewString(), DisplayName: name, OperatingSystem: os,
		OperatingSystemVersion: "10.0.22631", TrustType: "AzureAd", AccountEnabled: true, IsManaged: true,
		RegisteredAt: time.Now().UTC().Truncate(time.Microsecond)}
}

func deviceNames(ds []directory.Device) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, d.DisplayName)
	}
	return out
}

// testDevices covers registered devices, their owners and the device
// filters.
func testDevices(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	laptop, phone, tablet := f.device("Laptop-01", "Windows"), f.device("anna's iPhone", "iOS"), f.device("Tablet", "Android")
	phone.TrustType, phone.IsManaged = "Workplace", false
	tablet.AccountEnabled = false
	f.mustUpdate(func(tx directory.Tx) error {
		for _, d := range []*directory.Device{laptop, phone, tablet} {
			must(t, tx.CreateDevice(d))
		}
		return nil
	})
	twin := f.device("Twin", "Windows")
	twin.DeviceID = laptop.DeviceID
	wantConflict(t, "same deviceId", f.update(func(tx directory.Tx) error { return tx.CreateDevice(twin) }), "deviceId")
	laptop.DisplayName, laptop.IsCompliant, laptop.LastSignInAt = "Laptop-02", true, time.Now().UTC().Truncate(time.Microsecond)
	f.mustUpdate(func(tx directory.Tx) error { return tx.UpdateDevice(laptop) })

	u, v := f.addUser("anna", "Anna"), f.addUser("bob", "Bob")
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.AddDeviceOwner(phone.ID, u.ID))
		return tx.AddDeviceOwner(laptop.ID, v.ID)
	})
	wantConflict(t, "owner twice", f.update(func(tx directory.Tx) error { return tx.AddDeviceOwner(phone.ID, u.ID) }), "registeredOwners")
	wantKind(t, "owner of a missing device", f.update(func(tx directory.Tx) error { return tx.AddDeviceOwner(uuid.NewString(), u.ID) }), directory.KindNotFound)

	str := func(s string) directory.Value { return directory.Value{Kind: directory.KindString, Str: s} }
	byName := []directory.Order{{Prop: "displayName"}}
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetDevice(laptop.ID)
		must(t, err)
		if !got.RegisteredAt.Equal(laptop.RegisteredAt) || !got.LastSignInAt.Equal(laptop.LastSignInAt) {
			t.Errorf("device times: %+v", got)
		}
		got.RegisteredAt, got.LastSignInAt = laptop.RegisteredAt, laptop.LastSignInAt
		if !reflect.DeepEqual(got, *laptop) {
			t.Errorf("GetDevice =\n%+v\nwant\n%+v", got, *laptop)
		}
		_, err = tx.GetDevice(uuid.NewString())
		wantKind(t, "GetDevice(missing)", err, directory.KindNotFound)
		for _, c := range []struct {
			q    directory.ListQuery
			want []string
		}{
			{directory.ListQuery{OrderBy: byName}, []string{"anna's iPhone", "Laptop-02", "Tablet"}},
			{directory.ListQuery{Filter: directory.StartsWith{Prop: "displayName", Prefix: "LAPTOP"}}, []string{"Laptop-02"}},
			{directory.ListQuery{Filter: directory.Compare{Prop: "operatingSystem", Op: directory.OpEq, Value: str("ios")}}, []string{"anna's iPhone"}},
			{directory.ListQuery{Filter: directory.Compare{Prop: "trustType", Op: directory.OpEq, Value: str("workplace")}}, []string{"anna's iPhone"}},
			{directory.ListQuery{Filter: directory.Compare{Prop: "accountEnabled", Op: directory.OpEq, Value: directory.Value{Kind: directory.KindBool}}}, []string{"Tablet"}},
			{directory.ListQuery{Filter: directory.Compare{Prop: "deviceId", Op: directory.OpEq, Value: directory.Value{Kind: directory.KindGUID, Str: laptop.DeviceID}}}, []string{"Laptop-02"}},
			{directory.ListQuery{Filter: directory.Any{Prop: directory.DeviceOwnersProp, Var: "o",
				Cond: directory.Compare{Prop: "o", Op: directory.OpEq, Value: directory.Value{Kind: directory.KindGUID, Str: u.ID}}}}, []string{"anna's iPhone"}},
		} {
			page, err := tx.ListDevices(c.q)
			if err != nil || !reflect.DeepEqual(deviceNames(page.Items), c.want) {
				t.Errorf("ListDevices(%+v) = %v, %v; want %v", c.q.Filter, deviceNames(page.Items), err, c.want)
			}
			if n, err := tx.CountDevices(c.q); err != nil || n != len(c.want) {
				t.Errorf("CountDevices(%+v) = %d, %v; want %d", c.q.Filter, n, err, len(c.want))
			}
		}
		// Keyset paging by name.
		q := directory.ListQuery{OrderBy: byName, Top: 2}
		page, err := tx.ListDevices(q)
		must(t, err)
		q.After = page.Next
		rest, err := tx.ListDevices(q)
		must(t, err)
		if got := append(deviceNames(page.Items), deviceNames(rest.Items)...); !reflect.DeepEqual(got, []string{"anna's iPhone", "Laptop-02", "Tablet"}) || rest.Next != "" {
			t.Errorf("two pages = %v (next %q)", got, rest.Next)
		}
		owners, err := tx.ListDeviceOwners(phone.ID)
		if err != nil || len(owners) != 1 || owners[0].ID != u.ID {
			t.Errorf("ListDeviceOwners = %+v, %v", owners, err)
		}
		return nil
	})

	// A deleted owner is not listed; a purged one loses the link; a
	// deleted device takes its links along.
	now := time.Now().UTC()
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUser(u.ID, now) })
	f.view(func(tx directory.Tx) error {
		if owners, err := tx.ListDeviceOwners(phone.ID); err != nil || len(owners) != 0 {
			t.Errorf("a deleted owner is listed: %+v, %v", owners, err)
		}
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.PurgeUser(u.ID))
		return tx.DeleteDevice(laptop.ID)
	})
	wantKind(t, "remove a purged owner", f.update(func(tx directory.Tx) error { return tx.RemoveDeviceOwner(phone.ID, u.ID) }), directory.KindNotFound)
	wantKind(t, "remove the deleted device's owner", f.update(func(tx directory.Tx) error { return tx.RemoveDeviceOwner(laptop.ID, v.ID) }), directory.KindNotFound)
	wantKind(t, "delete twice", f.update(func(tx directory.Tx) error { return tx.DeleteDevice(laptop.ID) }), directory.KindNotFound)
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.AddDeviceOwner(tablet.ID, v.ID))
		return tx.RemoveDeviceOwner(tablet.ID, v.ID)
	})
}

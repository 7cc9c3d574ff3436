package storetest

import (
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// testProvisioning checks the provisioning queue: rows round-trip per
// user, due tasks of every tenant come out in order with their user's
// names, a claim succeeds once, an outcome is not stored over a newer
// change, and installs stay in their tenant and go with a purge.
func testProvisioning(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	u, v := f.addUser("prov", "Pro Vision"), other.addUser("prov", "Other")
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	put := func(fx *fixture, userID, plan string, next time.Time) {
		fx.mustUpdate(func(tx directory.Tx) error {
			return tx.PutProvisioning(&directory.PlanProvisioning{UserID: userID, PlanID: plan, Wanted: true,
				Status: directory.ProvisionPending, NextAt: next, UpdatedAt: at})
		})
	}
	put(f, u.ID, "plan-b", at.Add(2*time.Second))
	put(f, u.ID, "plan-a", at.Add(time.Second))
	put(other, v.ID, "plan-a", at)
	put(f, u.ID, "plan-later", at.Add(time.Hour))
	f.view(func(tx directory.Tx) error {
		rows, err := tx.ListProvisioning(u.ID)
		if err != nil || len(rows) != 3 || rows[0].PlanID != "plan-a" || !rows[0].Wanted || !rows[0].NextAt.Equal(at.Add(time.Second)) {
			t.Errorf("ListProvisioning = %+v, %v", rows, err)
		}
		return nil
	})
	other.view(func(tx directory.Tx) error {
		rows, err := tx.ListProvisioning(u.ID)
		if err != nil || len(rows) != 0 {
			t.Errorf("another tenant's rows: %+v, %v", rows, err)
		}
		return nil
	})
	due, err := s.DueProvisioning(ctx, at.Add(time.Minute), 100)
	if err != nil {
		t.Fatal(err)
	}
	var mine []directory.ProvisioningTask
	for _, d := range due {
		if d.TenantID == f.id || d.TenantID == other.id {
			mine = append(mine, d)
		}
	}
	if len(mine) != 3 || mine[0].TenantID != other.id || mine[1].PlanID != "plan-a" || mine[1].UserPrincipalName != u.UserPrincipalName || mine[1].DisplayName != "Pro Vision" {
		t.Fatalf("DueProvisioning = %+v", mine)
	}
	task := mine[1]
	lease := at.Add(2 * time.Minute)
	if ok, err := s.ClaimProvisioning(ctx, task, lease); !ok || err != nil {
		t.Fatalf("first claim: %v %v", ok, err)
	}
	if ok, _ := s.ClaimProvisioning(ctx, task, lease); ok {
		t.Fatal("a task was claimed twice")
	}
	done := task
	done.Status, done.NextAt = directory.ProvisionSuccess, time.Time{}
	if ok, err := s.FinishProvisioning(ctx, done, lease); !ok || err != nil {
		t.Fatalf("finish: %v %v", ok, err)
	}
	// A change after the claim wins over the outcome of the old attempt.
	task = mine[2]
	if ok, _ := s.ClaimProvisioning(ctx, task, lease); !ok {
		t.Fatal("claim plan-b")
	}
	f.mustUpdate(func(tx directory.Tx) error {
		return tx.PutProvisioning(&directory.PlanProvisioning{UserID: u.ID, PlanID: "plan-b", Wanted: false,
			Status: directory.ProvisionPending, NextAt: at.Add(3 * time.Second), UpdatedAt: at})
	})
	done = task
	done.Status, done.NextAt = directory.ProvisionSuccess, time.Time{}
	if ok, err := s.FinishProvisioning(ctx, done, lease); ok || err != nil {
		t.Fatalf("an outcome overwrote a newer change: %v %v", ok, err)
	}
	f.view(func(tx directory.Tx) error {
		rows, _ := tx.ListProvisioning(u.ID)
		if rows[0].Status != directory.ProvisionSuccess || !rows[0].NextAt.IsZero() || rows[1].Wanted || rows[1].Status != directory.ProvisionPending {
			t.Errorf("after finishing: %+v", rows)
		}
		return nil
	})

	in := directory.Install{ID: "i1", UserID: u.ID, Kind: "pc", DeviceName: "Laptop", ActivatedAt: at}
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateInstall(&in) })
	other.mustUpdate(func(tx directory.Tx) error {
		wantKind(t, "DeleteInstall from another tenant", tx.DeleteInstall(u.ID, "i1"), directory.KindNotFound)
		return nil
	})
	f.view(func(tx directory.Tx) error {
		got, err := tx.ListInstalls(u.ID)
		if err != nil || len(got) != 1 || got[0] != in {
			t.Errorf("ListInstalls = %+v, %v", got, err)
		}
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUser(u.ID, at) })
	f.mustUpdate(func(tx directory.Tx) error { return tx.PurgeUser(u.ID) })
	f.view(func(tx directory.Tx) error {
		rows, _ := tx.ListProvisioning(u.ID)
		ins, _ := tx.ListInstalls(u.ID)
		if len(rows)+len(ins) != 0 {
			t.Errorf("a purged user left %d provisioning rows and %d installs", len(rows), len(ins))
		}
		return nil
	})
}

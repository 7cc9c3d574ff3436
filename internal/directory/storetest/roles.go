package storetest

import (
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

func testRoles(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	u, v := f.addUser("u", "U"), f.addUser("v", "V")
	now := time.Now().UTC().Truncate(time.Microsecond)
	ra := &directory.RoleAssignment{ID: uuid.NewString(), RoleTemplateID: "role-a", PrincipalID: u.ID, CreatedAt: now}
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.AddRoleAssignment(ra))
		must(t, tx.AddRoleAssignment(&directory.RoleAssignment{ID: uuid.NewString(), RoleTemplateID: "role-b", PrincipalID: u.ID, CreatedAt: now}))
		return tx.AddRoleAssignment(&directory.RoleAssignment{ID: uuid.NewString(), RoleTemplateID: "role-a", PrincipalID: v.ID, CreatedAt: now})
	})
	wantConflict(t, "same role twice", f.update(func(tx directory.Tx) error {
		return tx.AddRoleAssignment(&directory.RoleAssignment{ID: uuid.NewString(), RoleTemplateID: "role-a", PrincipalID: u.ID, CreatedAt: now})
	}), "roleDefinitionId")
	f.view(func(tx directory.Tx) error {
		for _, c := range []struct {
			f    directory.RoleFilter
			want int
		}{{directory.RoleFilter{}, 3}, {directory.RoleFilter{PrincipalID: u.ID}, 2}, {directory.RoleFilter{RoleTemplateID: "role-a"}, 2},
			{directory.RoleFilter{PrincipalID: v.ID, RoleTemplateID: "role-b"}, 0}} {
			if got, err := tx.ListRoleAssignments(c.f); err != nil || len(got) != c.want {
				t.Errorf("ListRoleAssignments(%+v) = %d, %v; want %d", c.f, len(got), err, c.want)
			}
		}
		got, err := tx.GetRoleAssignment(ra.ID)
		if err != nil || got != *ra {
			t.Errorf("GetRoleAssignment = %+v, %v", got, err)
		}
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error { return tx.RemoveRoleAssignment(ra.ID) })
	wantKind(t, "remove twice", f.update(func(tx directory.Tx) error { return tx.RemoveRoleAssignment(ra.ID) }), directory.KindNotFound)

	// Activation keeps the first id.
	first := &directory.ActivatedRole{ID: uuid.NewString(), RoleTemplateID: "role-a", ActivatedAt: now}
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.ActivateRole(first))
		return tx.ActivateRole(&directory.ActivatedRole{ID: uuid.NewString(), RoleTemplateID: "role-a", ActivatedAt: now})
	})
	f.view(func(tx directory.Tx) error {
		roles, err := tx.ListActivatedRoles()
		if err != nil || len(roles) != 1 || roles[0].ID != first.ID {
			t.Errorf("activated roles = %+v, %v", roles, err)
		}
		return nil
	})

	// User views: names unique case-insensitively.
	view := &directory.UserView{ID: uuid.NewString(), Name: "Sales NL", CreatedAt: now,
		Conditions: directory.ViewConditions{Department: "Sales", UsageLocation: "NL"}}
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUserView(view) })
	wantConflict(t, "view name in other case", f.update(func(tx directory.Tx) error {
		return tx.CreateUserView(&directory.UserView{ID: uuid.NewString(), Name: "sales nl", CreatedAt: now})
	}), "name")
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetUserView(view.ID)
		if err != nil || got.Name != "Sales NL" || got.Conditions.UsageLocation != "NL" {
			t.Errorf("GetUserView = %+v, %v", got, err)
		}
		return nil
	})
	view.Name = "Sales Netherlands"
	f.mustUpdate(func(tx directory.Tx) error { return tx.UpdateUserView(view) })
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUserView(view.ID) })
	f.view(func(tx directory.Tx) error {
		if views, err := tx.ListUserViews(); err != nil || len(views) != 0 {
			t.Errorf("views after delete = %+v, %v", views, err)
		}
		return nil
	})
}

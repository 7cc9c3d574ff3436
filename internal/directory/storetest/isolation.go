package storetest

import (
	"slices"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

// testTenantIsolation checks that every Tx method bound to tenant B sees
// and changes nothing of tenant A, and answers "not found", never
// "forbidden".
func testTenantIsolation(t *testing.T, s directory.Store) {
	a, b := newTenant(t, s), newTenant(t, s)
	ua := a.addUser("anna", "Anna")
	ga := a.addGroup("ga")
	now := time.Now().UTC()
	da := &directory.Domain{Name: "only-a-" + a.id[:8] + ".example", AuthenticationType: "Managed", VerificationCode: "MS=ms1", CreatedAt: now}
	raA := &directory.RoleAssignment{ID: uuid.NewString(), RoleTemplateID: "r", PrincipalID: ua.ID, CreatedAt: now}
	devA := a.device("A's laptop", "Windows")
	srA := a.supportRequest("SR-20250301-0001", "open", now)
	viewA := &directory.UserView{ID: uuid.NewString(), Name: "Sales", Conditions: directory.ViewConditions{Department: "Sales"}, CreatedAt: now}
	a.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.AddMember(ga.ID, directory.TypeUser, ua.ID))
		must(t, tx.AddOwner(ga.ID, ua.ID))
		must(t, tx.CreateDomain(da))
		must(t, tx.AddRoleAssignment(raA))
		must(t, tx.ActivateRole(&directory.ActivatedRole{ID: uuid.NewString(), RoleTemplateID: "r", ActivatedAt: now}))
		must(t, tx.CreateUserView(viewA))
		must(t, tx.PutMessageView(ua.ID, &directory.MessageView{MessageID: "MC100001", Read: true}))
		must(t, tx.CreateSupportRequest(srA))
		must(t, tx.CreateDevice(devA))
		must(t, tx.AddDeviceOwner(devA.ID, ua.ID))
		must(t, tx.AddSupportMessage(srA.ID, &directory.SupportMessage{At: now, Text: "first"}))
		must(t, tx.PutSignInState(&directory.SignInState{UserID: ua.ID, Failures: 3, RecentBad: []string{"k"}}))
		must(t, tx.AddAddressFailure("203.0.113.1", now.Add(-time.Minute), now))
		must(t, tx.AppendSignIn(&directory.SignInEvent{ID: uuid.NewString(), At: now, UserID: ua.ID, UPN: ua.UserPrincipalName}))
		must(t, tx.AddSigningKey(&directory.SigningKey{KID: "ka", PrivatePEM: []byte("pem"), CreatedAt: now}))
		return tx.AppendAudit(&directory.AuditEvent{ID: uuid.NewString(), At: now, Category: "UserManagement", Activity: "Add user",
			Targets: []directory.AuditTarget{{ID: ua.ID, Type: "User"}}})
	})
	deletedA := a.addUser("gone", "Gone")
	a.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUser(deletedA.ID, now) })

	notFound := func(what string, err error) { t.Helper(); wantKind(t, what, err, directory.KindNotFound) }
	// Each write runs in its own transaction, since a failed statement
	// aborts a PostgreSQL transaction.
	writes := map[string]func(directory.Tx) error{
		"UpdateUser":           func(tx directory.Tx) error { u := *ua; u.DisplayName = "Hacked"; return tx.UpdateUser(&u) },
		"DeleteUser":           func(tx directory.Tx) error { return tx.DeleteUser(ua.ID, now) },
		"RestoreUser":          func(tx directory.Tx) error { return tx.RestoreUser(deletedA.ID) },
		"PurgeUser":            func(tx directory.Tx) error { return tx.PurgeUser(deletedA.ID) },
		"UpdateGroup":          func(tx directory.Tx) error { g := *ga; g.DisplayName = "Hacked"; return tx.UpdateGroup(&g) },
		"DeleteGroup":          func(tx directory.Tx) error { return tx.DeleteGroup(ga.ID) },
		"AddMember":            func(tx directory.Tx) error { return tx.AddMember(ga.ID, directory.TypeUser, uuid.NewString()) },
		"RemoveMember":         func(tx directory.Tx) error { return tx.RemoveMember(ga.ID, ua.ID) },
		"AddOwner":             func(tx directory.Tx) error { return tx.AddOwner(ga.ID, uuid.NewString()) },
		"RemoveOwner":          func(tx directory.Tx) error { return tx.RemoveOwner(ga.ID, ua.ID) },
		"UpdateDomain":         func(tx directory.Tx) error { d := *da; d.IsVerified = true; return tx.UpdateDomain(&d) },
		"DeleteDomain":         func(tx directory.Tx) error { return tx.DeleteDomain(da.Name) },
		"RemoveRoleAssignment": func(tx directory.Tx) error { return tx.RemoveRoleAssignment(raA.ID) },
		"UpdateUserView":       func(tx directory.Tx) error { v := *viewA; v.Name = "Hacked"; return tx.UpdateUserView(&v) },
		"DeleteUserView":       func(tx directory.Tx) error { return tx.DeleteUserView(viewA.ID) },
		"UpdateDevice":         func(tx directory.Tx) error { d := *devA; d.DisplayName = "Hacked"; return tx.UpdateDevice(&d) },
		"DeleteDevice":         func(tx directory.Tx) error { return tx.DeleteDevice(devA.ID) },
		"AddDeviceOwner":       func(tx directory.Tx) error { return tx.AddDeviceOwner(devA.ID, uuid.NewString()) },
		"RemoveDeviceOwner":    func(tx directory.Tx) error { return tx.RemoveDeviceOwner(devA.ID, ua.ID) },
		"UpdateSupportRequest": func(tx directory.Tx) error { r := *srA; r.Status = "closed"; return tx.UpdateSupportRequest(&r) },
		"AddSupportMessage": func(tx directory.Tx) error {
			return tx.AddSupportMessage(srA.ID, &directory.SupportMessage{At: now, Text: "hacked"})
		},
	}
	for name, fn := range writes {
		notFound("B."+name, b.update(fn))
	}
	b.view(func(tx directory.Tx) error {
		_, err := tx.GetUser(ua.ID)
		notFound("B.GetUser", err)
		_, err = tx.GetUserByUPN(ua.UserPrincipalName)
		notFound("B.GetUserByUPN", err)
		_, err = tx.GetDeletedUser(deletedA.ID)
		notFound("B.GetDeletedUser", err)
		_, err = tx.GetGroup(ga.ID)
		notFound("B.GetGroup", err)
		_, err = tx.GetDomain(da.Name)
		notFound("B.GetDomain", err)
		for _, deleted := range []bool{false, true} {
			page, err := tx.ListUsers(directory.ListQuery{Deleted: deleted})
			must(t, err)
			if slices.ContainsFunc(page.Items, func(u directory.User) bool { return u.ID == ua.ID || u.ID == deletedA.ID }) {
				t.Error("B.ListUsers shows A's user")
			}
		}
		if n, err := tx.CountUsers(directory.ListQuery{}); err != nil || n != 0 {
			t.Errorf("B.CountUsers = %d, %v; want 0", n, err)
		}
		groups, err := tx.ListGroups(directory.ListQuery{})
		must(t, err)
		if n, _ := tx.CountGroups(directory.ListQuery{}); len(groups.Items) != 0 || n != 0 {
			t.Error("B.ListGroups shows A's group")
		}
		for _, list := range []func(string, directory.ListQuery) (directory.Page[directory.DirectoryObject], error){tx.ListMembers, tx.ListOwners, tx.ListMemberOf} {
			p, err := list(ga.ID, directory.ListQuery{})
			must(t, err)
			p2, err := list(ua.ID, directory.ListQuery{})
			must(t, err)
			if len(p.Items)+len(p2.Items) != 0 {
				t.Error("B lists A's relationships")
			}
		}
		if in, err := tx.IsTransitiveMember(ga.ID, ua.ID); err != nil || in {
			t.Errorf("B.IsTransitiveMember(A's group, A's user) = %v, %v", in, err)
		}
		ds, err := tx.ListDomains()
		must(t, err)
		if slices.ContainsFunc(ds, func(d directory.Domain) bool { return d.Name == da.Name || d.Name == a.domain }) {
			t.Error("B.ListDomains shows A's domain")
		}
		if use, err := tx.DomainUsage(a.domain); err != nil || use.InUse() {
			t.Errorf("B.DomainUsage(A's domain) = %+v, %v", use, err)
		}
		if ras, err := tx.ListRoleAssignments(directory.RoleFilter{PrincipalID: ua.ID}); err != nil || len(ras) != 0 {
			t.Errorf("B.ListRoleAssignments(A's user) = %v, %v", ras, err)
		}
		if ras, err := tx.ListRoleAssignments(directory.RoleFilter{}); err != nil || len(ras) != 0 {
			t.Errorf("B.ListRoleAssignments() = %v, %v", ras, err)
		}
		_, err = tx.GetRoleAssignment(raA.ID)
		notFound("B.GetRoleAssignment", err)
		if roles, err := tx.ListActivatedRoles(); err != nil || len(roles) != 0 {
			t.Errorf("B.ListActivatedRoles = %v, %v", roles, err)
		}
		_, err = tx.GetUserView(viewA.ID)
		notFound("B.GetUserView", err)
		if views, err := tx.ListUserViews(); err != nil || len(views) != 0 {
			t.Errorf("B.ListUserViews = %v, %v", views, err)
		}
		_, err = tx.GetDevice(devA.ID)
		notFound("B.GetDevice", err)
		if page, err := tx.ListDevices(directory.ListQuery{}); err != nil || len(page.Items) != 0 {
			t.Errorf("B.ListDevices = %d, %v", len(page.Items), err)
		}
		if owners, err := tx.ListDeviceOwners(devA.ID); err != nil || len(owners) != 0 {
			t.Errorf("B.ListDeviceOwners(A's device) = %v, %v", owners, err)
		}
		_, err = tx.GetSupportRequest(srA.ID)
		notFound("B.GetSupportRequest", err)
		if page, err := tx.ListSupportRequests(directory.ListQuery{}); err != nil || len(page.Items) != 0 {
			t.Errorf("B.ListSupportRequests = %d, %v", len(page.Items), err)
		}
		if views, err := tx.MessageViews(ua.ID); err != nil || len(views) != 0 {
			t.Errorf("B.MessageViews(A's user) = %v, %v", views, err)
		}
		if st, err := tx.SignInState(ua.ID); err != nil || st.Failures != 0 {
			t.Errorf("B.SignInState(A's user) = %+v, %v", st, err)
		}
		if n, err := tx.AddressFailures("203.0.113.1", now.Add(-time.Hour)); err != nil || n != 0 {
			t.Errorf("B.AddressFailures = %d, %v", n, err)
		}
		if page, err := tx.ListSignIns(directory.ListQuery{}); err != nil || len(page.Items) != 0 {
			t.Errorf("B.ListSignIns = %d, %v", len(page.Items), err)
		}
		if keys, err := tx.SigningKeys(); err != nil || len(keys) != 0 {
			t.Errorf("B.SigningKeys = %v, %v", keys, err)
		}
		audit, err := tx.ListAudit(directory.ListQuery{})
		must(t, err)
		if len(audit.Items) != 0 {
			t.Error("B.ListAudit shows A's events")
		}
		tn, err := tx.Tenant()
		must(t, err)
		if tn.ID != b.id || tn.Org.DisplayName == "Org "+a.id[:8] {
			t.Error("B.Tenant returned A")
		}
		return nil
	})
	// A is untouched.
	a.view(func(tx directory.Tx) error {
		u, err := tx.GetUser(ua.ID)
		must(t, err)
		if u.DisplayName != "Anna" {
			t.Errorf("A's user changed to %q", u.DisplayName)
		}
		if _, err := tx.GetDeletedUser(deletedA.ID); err != nil {
			t.Errorf("A's deleted user: %v", err)
		}
		g, err := tx.GetGroup(ga.ID)
		must(t, err)
		members, _ := tx.ListMembers(ga.ID, directory.ListQuery{})
		owners, _ := tx.ListOwners(ga.ID, directory.ListQuery{})
		if g.DisplayName != "ga" || len(members.Items) != 1 || len(owners.Items) != 1 {
			t.Errorf("A's group changed: %+v, %d members, %d owners", g, len(members.Items), len(owners.Items))
		}
		d, err := tx.GetDomain(da.Name)
		if err != nil || d.IsVerified {
			t.Errorf("A's domain changed: %+v, %v", d, err)
		}
		if d, err := tx.GetDevice(devA.ID); err != nil || d.DisplayName != devA.DisplayName {
			t.Errorf("A's device changed: %+v, %v", d, err)
		}
		if owners, err := tx.ListDeviceOwners(devA.ID); err != nil || len(owners) != 1 {
			t.Errorf("A's device owner changed: %v, %v", owners, err)
		}
		if r, err := tx.GetSupportRequest(srA.ID); err != nil || r.Status != "open" || len(r.Messages) != 1 {
			t.Errorf("A's service request changed: %+v, %v", r, err)
		}
		return nil
	})
	// A tenant that does not exist is not found, for reads and writes.
	missing := uuid.NewString()
	wantKind(t, "Update(missing tenant)", s.Update(ctx, missing, func(directory.Tx) error { return nil }), directory.KindNotFound)
	wantKind(t, "View(missing tenant)", s.View(ctx, missing, func(directory.Tx) error { return nil }), directory.KindNotFound)
	wantKind(t, "View(bad id)", s.View(ctx, "not-a-guid", func(directory.Tx) error { return nil }), directory.KindNotFound)
	// The tenant lookup finds tenants by id and verified domain only.
	if id, err := s.ResolveTenant(ctx, a.id); err != nil || id != a.id {
		t.Errorf("ResolveTenant(id) = %q, %v", id, err)
	}
	if id, err := s.ResolveTenant(ctx, a.domain); err != nil || id != a.id {
		t.Errorf("ResolveTenant(domain) = %q, %v", id, err)
	}
	_, err := s.ResolveTenant(ctx, da.Name)
	wantKind(t, "ResolveTenant(unverified domain)", err, directory.KindNotFound)
}

package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

func testDeleteRestore(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	u := f.addUser("leaver", "Leaver")
	g := f.addGroup("team")
	f.mustUpdate(func(tx directory.Tx) error { return tx.AddMember(g.ID, directory.TypeUser, u.ID) })
	at := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUser(u.ID, at) })
	f.view(func(tx directory.Tx) error {
		_, err := tx.GetUser(u.ID)
		wantKind(t, "GetUser(deleted)", err, directory.KindNotFound)
		members, err := tx.ListMembers(g.ID, directory.ListQuery{})
		must(t, err)
		if len(members.Items) != 0 {
			t.Error("a deleted user is still listed as member")
		}
		deleted, err := tx.ListUsers(directory.ListQuery{Deleted: true})
		must(t, err)
		if len(deleted.Items) != 1 || deleted.Items[0].ID != u.ID {
			t.Errorf("deleted list = %v", upns(deleted.Items))
		}
		return nil
	})
	wantKind(t, "delete twice", f.update(func(tx directory.Tx) error { return tx.DeleteUser(u.ID, at) }), directory.KindNotFound)
	// The name is free while the user is deleted; restoring then conflicts.
	taker := f.user("leaver", "Taker")
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(taker) })
	wantConflict(t, "restore onto a taken name", f.update(func(tx directory.Tx) error { return tx.RestoreUser(u.ID) }), "userPrincipalName")
	f.view(func(tx directory.Tx) error {
		if _, err := tx.GetDeletedUser(u.ID); err != nil {
			t.Errorf("failed restore lost the deleted user: %v", err)
		}
		return nil
	})
	renamed := *taker
	renamed.UserPrincipalName = "taker@" + f.domain
	f.mustUpdate(func(tx directory.Tx) error { return tx.UpdateUser(&renamed) })
	f.mustUpdate(func(tx directory.Tx) error { return tx.RestoreUser(u.ID) })
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetUser(u.ID)
		if err != nil || got.Deleted() {
			t.Errorf("restored user: %+v, %v", got, err)
		}
		members, _ := tx.ListMembers(g.ID, directory.ListQuery{})
		if len(members.Items) != 1 {
			t.Error("restored user lost its membership")
		}
		return nil
	})
	// Purge removes the user and its relationships; only deleted users purge.
	wantKind(t, "purge an active user", f.update(func(tx directory.Tx) error { return tx.PurgeUser(u.ID) }), directory.KindNotFound)
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUser(u.ID, at) })
	expired, err := s.ExpiredDeletedUsers(ctx, at.Add(time.Second), 1000)
	must(t, err)
	found := false
	for _, o := range expired {
		found = found || (o.ID == u.ID && o.TenantID == f.id)
	}
	if !found {
		t.Error("ExpiredDeletedUsers misses a user deleted before the cutoff")
	}
	if notYet, _ := s.ExpiredDeletedUsers(ctx, at, 1000); containsObject(notYet, u.ID) {
		t.Error("ExpiredDeletedUsers lists a user deleted at the cutoff")
	}
	f.mustUpdate(func(tx directory.Tx) error { return tx.PurgeUser(u.ID) })
	f.view(func(tx directory.Tx) error {
		_, err := tx.GetDeletedUser(u.ID)
		wantKind(t, "GetDeletedUser(purged)", err, directory.KindNotFound)
		in, err := tx.IsTransitiveMember(g.ID, u.ID)
		if err != nil || in {
			t.Errorf("purged user still a member: %v, %v", in, err)
		}
		return nil
	})
}

func containsObject(os []directory.TenantObject, id string) bool {
	for _, o := range os {
		if o.ID == id {
			return true
		}
	}
	return false
}

func testMembership(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	top, mid, leaf := f.addGroup("top"), f.addGroup("mid"), f.addGroup("leaf")
	u := f.addUser("member", "Member")
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.AddMember(top.ID, directory.TypeGroup, mid.ID))
		must(t, tx.AddMember(mid.ID, directory.TypeGroup, leaf.ID))
		return tx.AddMember(leaf.ID, directory.TypeUser, u.ID)
	})
	wantConflict(t, "duplicate member", f.update(func(tx directory.Tx) error { return tx.AddMember(leaf.ID, directory.TypeUser, u.ID) }), "members")
	f.view(func(tx directory.Tx) error {
		for _, c := range []struct {
			group, obj string
			want       bool
		}{{top.ID, u.ID, true}, {top.ID, leaf.ID, true}, {top.ID, top.ID, true}, {leaf.ID, top.ID, false}, {mid.ID, u.ID, true}} {
			if in, err := tx.IsTransitiveMember(c.group, c.obj); err != nil || in != c.want {
				t.Errorf("IsTransitiveMember(%s, %s) = %v, %v; want %v", c.group[:4], c.obj[:4], in, err, c.want)
			}
		}
		of, err := tx.ListMemberOf(u.ID, directory.ListQuery{})
		must(t, err)
		if len(of.Items) != 1 || of.Items[0].Group.ID != leaf.ID {
			t.Errorf("memberOf = %+v", of.Items)
		}
		return nil
	})
	// A cycle in existing data must not hang the recursive query.
	f.mustUpdate(func(tx directory.Tx) error { return tx.AddMember(leaf.ID, directory.TypeGroup, top.ID) })
	f.view(func(tx directory.Tx) error {
		if in, err := tx.IsTransitiveMember(leaf.ID, uuid.NewString()); err != nil || in {
			t.Errorf("cycle: %v, %v", in, err)
		}
		return nil
	})
	// Members page by id.
	for i := 0; i < 7; i++ {
		m := f.addUser("m"+string(rune('a'+i)), "M")
		f.mustUpdate(func(tx directory.Tx) error { return tx.AddMember(top.ID, directory.TypeUser, m.ID) })
	}
	seen := map[string]bool{}
	q := directory.ListQuery{Top: 3}
	for {
		var p directory.Page[directory.DirectoryObject]
		f.view(func(tx directory.Tx) (err error) { p, err = tx.ListMembers(top.ID, q); return err })
		for _, o := range p.Items {
			if seen[o.ID()] {
				t.Fatalf("member %s listed twice", o.ID())
			}
			seen[o.ID()] = true
		}
		if p.Next == "" {
			break
		}
		q.After = p.Next
	}
	if len(seen) != 8 {
		t.Errorf("paged members = %d, want 8", len(seen))
	}
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteGroup(mid.ID) })
	f.view(func(tx directory.Tx) error {
		if in, _ := tx.IsTransitiveMember(top.ID, u.ID); in {
			t.Error("deleting a group kept its nesting")
		}
		return nil
	})
	wantKind(t, "remove a non-member", f.update(func(tx directory.Tx) error { return tx.RemoveMember(top.ID, uuid.NewString()) }), directory.KindNotFound)
}

func testDomains(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	name := "corp-" + f.id[:8] + ".example"
	f.mustUpdate(func(tx directory.Tx) error {
		return tx.CreateDomain(&directory.Domain{Name: name, AuthenticationType: "Managed", VerificationCode: "MS=ms12345678"})
	})
	u := f.user("x", "X")
	u.UserPrincipalName = "x@" + name
	g := &directory.Group{ID: uuid.NewString(), DisplayName: "g", MailNickname: "g", MailEnabled: true, Mail: "g@" + name, GroupTypes: []string{}}
	d := f.user("d", "D")
	d.Mail = "d@" + name
	f.mustUpdate(func(tx directory.Tx) error {
		must(t, tx.CreateUser(u))
		must(t, tx.CreateGroup(g))
		return tx.CreateUser(d)
	})
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUser(d.ID, time.Now()) })
	f.view(func(tx directory.Tx) error {
		use, err := tx.DomainUsage(name)
		must(t, err)
		if use != (directory.DomainUsage{Users: 1, Groups: 1, DeletedUsers: 1}) {
			t.Errorf("DomainUsage = %+v", use)
		}
		got, err := tx.GetDomain(name)
		if err != nil || got.VerificationCode != "MS=ms12345678" || got.IsVerified {
			t.Errorf("GetDomain = %+v, %v", got, err)
		}
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteDomain(name) })
	wantKind(t, "delete twice", f.update(func(tx directory.Tx) error { return tx.DeleteDomain(name) }), directory.KindNotFound)
}

func testAudit(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	target := uuid.NewString()
	base := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	for i := 0; i < 5; i++ {
		e := &directory.AuditEvent{ID: uuid.NewString(), At: base.Add(time.Duration(i) * time.Minute), Category: "UserManagement",
			Activity: "Update user", OperationType: "Update", Result: "success", CorrelationID: "c",
			Initiator: directory.Initiator{UserID: "u1", UPN: "Admin@" + f.domain},
			Targets:   []directory.AuditTarget{{ID: uuid.NewString(), Type: "User"}}}
		if i%2 == 0 {
			e.Targets = append(e.Targets, directory.AuditTarget{ID: target, Type: "Group",
				ModifiedProperties: []directory.ModifiedProperty{{Name: "displayName", Old: "a", New: "b"}}})
		}
		f.mustUpdate(func(tx directory.Tx) error { return tx.AppendAudit(e) })
	}
	var all []directory.AuditEvent
	q := directory.ListQuery{Top: 2}
	for {
		var p directory.Page[directory.AuditEvent]
		f.view(func(tx directory.Tx) (err error) { p, err = tx.ListAudit(q); return err })
		all = append(all, p.Items...)
		if p.Next == "" {
			break
		}
		q.After = p.Next
	}
	if len(all) != 5 || !all[0].At.Equal(base.Add(4*time.Minute)) || !all[4].At.Equal(base) {
		t.Fatalf("audit not newest first: %d events", len(all))
	}
	var hits directory.Page[directory.AuditEvent]
	f.view(func(tx directory.Tx) (err error) {
		hits, err = tx.ListAudit(directory.ListQuery{Filter: directory.Any{Prop: "targetResources", Var: "t",
			Cond: directory.Compare{Prop: "t/id", Op: directory.OpEq, Value: str(target)}}})
		return err
	})
	if len(hits.Items) != 3 || hits.Items[0].Targets[1].ModifiedProperties[0].New != "b" {
		t.Errorf("audit by target: %d events", len(hits.Items))
	}
	f.view(func(tx directory.Tx) (err error) {
		hits, err = tx.ListAudit(directory.ListQuery{Filter: directory.Compare{Prop: "initiatedBy/user/userPrincipalName",
			Op: directory.OpEq, Value: str("admin@" + f.domain)}})
		return err
	})
	if len(hits.Items) != 5 {
		t.Errorf("audit by initiator: %d events", len(hits.Items))
	}
}

// testRollback checks that an error inside a transaction leaves nothing
// behind: no user without its audit record.
func testRollback(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	u := f.user("ghost", "Ghost")
	boom := errors.New("boom")
	err := f.update(func(tx directory.Tx) error {
		must(t, tx.CreateUser(u))
		must(t, tx.AppendAudit(&directory.AuditEvent{ID: uuid.NewString(), At: time.Now(), Activity: "Add user"}))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update returned %v, want the callback's error", err)
	}
	f.view(func(tx directory.Tx) error {
		_, err := tx.GetUser(u.ID)
		wantKind(t, "user of a rolled-back transaction", err, directory.KindNotFound)
		a, _ := tx.ListAudit(directory.ListQuery{})
		if len(a.Items) != 0 {
			t.Error("audit of a rolled-back transaction was kept")
		}
		return nil
	})
	f.addUser("ghost", "Ghost after rollback")
}

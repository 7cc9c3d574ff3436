package storetest

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

func testUniqueNames(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	anna := f.addUser("Anna", "Anna")
	dup := f.user("ANNA", "Anna again")
	dup.UserPrincipalName = strings.ToUpper(anna.UserPrincipalName)
	wantConflict(t, "same UPN in other case", f.update(func(tx directory.Tx) error { return tx.CreateUser(dup) }), "userPrincipalName")

	mailUser := f.user("bob", "Bob")
	mailUser.Mail = strings.ToUpper(anna.UserPrincipalName)
	wantConflict(t, "mail equal to another user's UPN", f.update(func(tx directory.Tx) error { return tx.CreateUser(mailUser) }), "mail")

	carol := f.user("carol", "Carol")
	carol.Mail = "Shared@" + f.domain
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(carol) })
	g := &directory.Group{ID: uuid.NewString(), DisplayName: "g", MailNickname: "shared", MailEnabled: true,
		Mail: "shared@" + strings.ToUpper(f.domain), GroupTypes: []string{}}
	wantConflict(t, "group mail equal to a user's mail", f.update(func(tx directory.Tx) error { return tx.CreateGroup(g) }), "mail")

	// A user may use one address as UPN and mail.
	same := f.user("dave", "Dave")
	same.Mail = same.UserPrincipalName
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(same) })
	// Renaming frees the old address.
	renamed := *same
	renamed.UserPrincipalName, renamed.Mail = "david@"+f.domain, "david@"+f.domain
	f.mustUpdate(func(tx directory.Tx) error { return tx.UpdateUser(&renamed) })
	f.addUser("dave", "New Dave")

	// Another tenant's address space is separate.
	twin := other.user("anna", "Anna elsewhere")
	twin.UserPrincipalName = anna.UserPrincipalName
	other.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(twin) })

	// Domain names: unique per tenant, and verified by one tenant at most.
	name := "dup-" + f.id[:8] + ".example"
	f.mustUpdate(func(tx directory.Tx) error {
		return tx.CreateDomain(&directory.Domain{Name: name, AuthenticationType: "Managed"})
	})
	wantConflict(t, "same domain twice", f.update(func(tx directory.Tx) error {
		return tx.CreateDomain(&directory.Domain{Name: name, AuthenticationType: "Managed"})
	}), "id")
	other.mustUpdate(func(tx directory.Tx) error {
		return tx.CreateDomain(&directory.Domain{Name: name, AuthenticationType: "Managed"})
	})
	f.mustUpdate(func(tx directory.Tx) error {
		d, err := tx.GetDomain(name)
		must(t, err)
		d.IsVerified = true
		return tx.UpdateDomain(&d)
	})
	wantConflict(t, "verify a domain verified elsewhere", other.update(func(tx directory.Tx) error {
		d, err := tx.GetDomain(name)
		must(t, err)
		d.IsVerified = true
		return tx.UpdateDomain(&d)
	}), "id")
	other.view(func(tx directory.Tx) error {
		if taken, err := tx.VerifiedElsewhere(name); err != nil || !taken {
			t.Errorf("VerifiedElsewhere = %v, %v; want true", taken, err)
		}
		return nil
	})
	f.view(func(tx directory.Tx) error {
		if taken, err := tx.VerifiedElsewhere(name); err != nil || taken {
			t.Errorf("VerifiedElsewhere(own domain) = %v, %v; want false", taken, err)
		}
		u, err := tx.GetUserByUPN(strings.ToUpper(anna.UserPrincipalName))
		if err != nil || u.ID != anna.ID {
			t.Errorf("GetUserByUPN in upper case = %v, %v", u.ID, err)
		}
		return nil
	})
}

func testTimeRoundTrip(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	loc := time.FixedZone("UTC+5:30", 5*3600+1800)
	created := time.Date(2025, 3, 1, 9, 30, 0, 123456789, loc)
	u := f.user("time", "Time")
	u.CreatedAt, u.PasswordChangedAt = created, created.Add(time.Hour)
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(u) })
	deleted := time.Date(2031, 12, 31, 23, 59, 59, 999999000, time.UTC)
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUser(u.ID, deleted) })
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetDeletedUser(u.ID)
		must(t, err)
		if want := created.Truncate(time.Microsecond); !got.CreatedAt.Equal(want) || got.CreatedAt.Location() != time.UTC {
			t.Errorf("CreatedAt = %v, want %v in UTC", got.CreatedAt, want)
		}
		if !got.PasswordChangedAt.Equal(created.Add(time.Hour).Truncate(time.Microsecond)) {
			t.Errorf("PasswordChangedAt = %v", got.PasswordChangedAt)
		}
		if !got.DeletedAt.Equal(deleted) {
			t.Errorf("DeletedAt = %v, want %v", got.DeletedAt, deleted)
		}
		return nil
	})
}

func testUserRoundTrip(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	sync := true
	u := &directory.User{ID: uuid.NewString(), AccountEnabled: false, DisplayName: "Zoë Ünal", GivenName: "Zoë",
		Surname: "Ünal", UserPrincipalName: "zoe@" + f.domain, Mail: "zoe.unal@" + f.domain, MailNickname: "zoe",
		JobTitle: "Planner", Department: "Ops", OfficeLocation: "A1", CompanyName: "Contoso", EmployeeID: "E1",
		BusinessPhones: []string{"+31 20 123"}, MobilePhone: "+31 6 1", FaxNumber: "+31 20 9", StreetAddress: "Damrak 1",
		City: "Amsterdam", State: "NH", PostalCode: "1012 LG", Country: "Netherlands", UsageLocation: "NL",
		PreferredLanguage: "nl-NL", OtherMails: []string{"zoe@example.net"}, UserType: "Member",
		OnPremisesSyncEnabled: &sync, OnPremisesImmutableID: "abc==", PasswordHash: "$argon2id$x", ForceChangePassword: true,
		PasswordChangedAt: time.Date(2025, 1, 2, 3, 4, 5, 6000, time.UTC), CreatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)}
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(u) })
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetUser(u.ID)
		must(t, err)
		if !reflect.DeepEqual(&got, u) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, *u)
		}
		return nil
	})
}

func testPaging(t *testing.T, s directory.Store) {
	f := newTenant(t, s)
	names := []string{"delta", "Alpha", "charlie", "Bravo", "echo", "alpha", "foxtrot", "Golf", "hotel", "india", "Juliet", "kilo", "lima"}
	for i, n := range names {
		u := f.user(n+string(rune('a'+i)), n)
		u.CreatedAt = time.Date(2025, 1, 1, 0, 0, i, 0, time.UTC)
		f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(u) })
	}
	byID := listAllUsers(t, f, directory.ListQuery{Top: 4})
	if len(byID) != len(names) || !sort.SliceIsSorted(byID, func(i, j int) bool { return byID[i].ID < byID[j].ID }) {
		t.Fatalf("default order: %d users, sorted by id: %v", len(byID), upns(byID))
	}
	for _, desc := range []bool{false, true} {
		got := listAllUsers(t, f, directory.ListQuery{Top: 3, OrderBy: []directory.Order{{Prop: "displayName", Desc: desc}}})
		want := slices.Clone(got)
		sort.SliceStable(want, func(i, j int) bool {
			a, b := strings.ToLower(want[i].DisplayName), strings.ToLower(want[j].DisplayName)
			if a == b {
				return want[i].ID < want[j].ID != desc
			}
			return a < b != desc
		})
		if len(got) != len(names) || !slices.Equal(upns(got), upns(want)) {
			t.Errorf("order by displayName desc=%v:\n got %v\nwant %v", desc, upns(got), upns(want))
		}
	}
	byCreated := listAllUsers(t, f, directory.ListQuery{Top: 5, OrderBy: []directory.Order{{Prop: "createdDateTime", Desc: true}}})
	for i := 1; i < len(byCreated); i++ {
		if byCreated[i].CreatedAt.After(byCreated[i-1].CreatedAt) {
			t.Fatalf("createdDateTime desc out of order at %d", i)
		}
	}
	// A page taken while others insert neither repeats nor skips old rows.
	var first directory.Page[directory.User]
	f.view(func(tx directory.Tx) (err error) {
		first, err = tx.ListUsers(directory.ListQuery{Top: 5, OrderBy: []directory.Order{{Prop: "displayName"}}})
		return err
	})
	f.addUser("aaa", "AAA first")
	rest := listAllUsers(t, f, directory.ListQuery{Top: 5, After: first.Next, OrderBy: []directory.Order{{Prop: "displayName"}}})
	if len(first.Items)+len(rest) != len(names) {
		t.Errorf("paging during inserts: %d + %d rows, want %d", len(first.Items), len(rest), len(names))
	}
	_ = f.update(func(tx directory.Tx) error {
		_, err := tx.ListUsers(directory.ListQuery{After: "garbage!"})
		wantKind(t, "bad cursor", err, directory.KindInvalid)
		return nil
	})
}

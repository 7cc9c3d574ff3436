// Package storetest is the conformance suite every directory.Store backend
// must pass: tenant isolation for every method, case-insensitive
// uniqueness, time round trips, keyset paging, filters and concurrent
// writers.
package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

// Run runs the whole suite against the store open returns. Tests share the
// store and isolate themselves by creating their own tenants.
func Run(t *testing.T, s directory.Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, directory.Store)
	}{
		{"TenantIsolation", testTenantIsolation},
		{"UniqueNames", testUniqueNames},
		{"TimeRoundTrip", testTimeRoundTrip},
		{"UserRoundTrip", testUserRoundTrip},
		{"Paging", testPaging},
		{"Filters", testFilters},
		{"DeleteRestore", testDeleteRestore},
		{"Membership", testMembership},
		{"Domains", testDomains},
		{"Audit", testAudit},
		{"ConcurrentWriters", testConcurrentWriters},
		{"ConcurrentDomainVerification", testConcurrentDomainVerification},
		{"Rollback", testRollback},
		{"NoLostUpdates", testNoLostUpdates},
		{"OneDefaultDomain", testOneDefaultDomain},
		{"BadText", testBadText},
		{"Roles", testRoles},
		{"SignIn", testSignIn},
		{"SessionsAndMFA", testSessionsAndMFA},
		{"OIDC", testOIDC},
		{"KeysAndPurge", testKeysAndPurge},
		{"MFAFailures", testMFAFailures},
		{"Photos", testPhotos},
		{"Support", testSupport},
		{"ConcurrentSupportNumbers", testConcurrentSupportNumbers},
		{"Health", testHealth},
		{"TenantSettings", testTenantSettings},
		{"Devices", testDevices},
		{"Licensing", testLicensing},
		{"SeatCounterNeverOversells", testSeatCounterNeverOversells},
		{"Provisioning", testProvisioning},
		{"Imports", testImports},
		{"DueSubscriptions", testDueSubscriptions},
		{"Partners", testPartners},
		{"ResourceSubscriptions", testResourceSubscriptions},
		{"Autopilot", testAutopilot},
		{"GDAP", testGDAP},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, s) })
	}
}

var ctx = context.Background()

// fixture is one tenant of a test, with a unique domain.
type fixture struct {
	t      *testing.T
	s      directory.Store
	id     string
	domain string
}

func newTenant(t *testing.T, s directory.Store) *fixture {
	t.Helper()
	id := uuid.NewString()
	f := &fixture{t: t, s: s, id: id, domain: "t" + id[:8] + ".example"}
	now := time.Now().UTC().Truncate(time.Microsecond)
	err := s.CreateTenant(ctx, directory.Tenant{ID: id, CreatedAt: now, CursorSecret: []byte("secret-" + id),
		Org: directory.Organization{DisplayName: "Org " + id[:8]}}, func(tx directory.Tx) error {
		return tx.CreateDomain(&directory.Domain{Name: f.domain, IsVerified: true, IsDefault: true, IsInitial: true,
			IsRoot: true, AuthenticationType: "Managed", CreatedAt: now, VerifiedAt: now})
	})
	if err != nil {
		t.Fatalf("create tenant: %v", err)
	}
	return f
}

func (f *fixture) update(fn func(directory.Tx) error) error { return f.s.Update(ctx, f.id, fn) }

func (f *fixture) mustUpdate(fn func(directory.Tx) error) {
	f.t.Helper()
	if err := f.update(fn); err != nil {
		f.t.Fatalf("update: %v", err)
	}
}

func (f *fixture) view(fn func(directory.Tx) error) {
	f.t.Helper()
	if err := f.s.View(ctx, f.id, fn); err != nil {
		f.t.Fatalf("view: %v", err)
	}
}

// user returns a new user in the fixture's domain.
func (f *fixture) user(alias, display string) *directory.User {
	return &directory.User{ID: uuid.NewString(), AccountEnabled: true, DisplayName: display,
		UserPrincipalName: alias + "@" + f.domain, MailNickname: alias, UserType: "Member",
		BusinessPhones: []string{}, OtherMails: []string{}, PasswordHash: "$argon2id$test",
		CreatedAt: time.Now().UTC().Truncate(time.Microsecond)}
}

func (f *fixture) addUser(alias, display string) *directory.User {
	f.t.Helper()
	u := f.user(alias, display)
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateUser(u) })
	return u
}

func (f *fixture) addGroup(name string) *directory.Group {
	f.t.Helper()
	g := &directory.Group{ID: uuid.NewString(), DisplayName: name, MailNickname: name, SecurityEnabled: true,
		GroupTypes: []string{}, CreatedAt: time.Now().UTC().Truncate(time.Microsecond)}
	f.mustUpdate(func(tx directory.Tx) error { return tx.CreateGroup(g) })
	return g
}

func wantKind(t *testing.T, what string, err error, kind directory.ErrorKind) {
	t.Helper()
	if directory.KindOf(err) != kind {
		t.Errorf("%s: got error %v (kind %d), want kind %d", what, err, directory.KindOf(err), kind)
	}
}

func wantConflict(t *testing.T, what string, err error, field string) {
	t.Helper()
	de, ok := directory.AsError(err)
	if !ok || de.Kind != directory.KindConflict || de.Field != field {
		t.Errorf("%s: got %v, want a conflict on %s", what, err, field)
	}
}

func listAllUsers(t *testing.T, f *fixture, q directory.ListQuery) []directory.User {
	t.Helper()
	var all []directory.User
	for i := 0; i < 1000; i++ {
		var page directory.Page[directory.User]
		f.view(func(tx directory.Tx) (err error) {
			page, err = tx.ListUsers(q)
			return err
		})
		all = append(all, page.Items...)
		if page.Next == "" {
			return all
		}
		q.After = page.Next
	}
	t.Fatal("paging did not end")
	return nil
}

func upns(us []directory.User) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.UserPrincipalName
	}
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

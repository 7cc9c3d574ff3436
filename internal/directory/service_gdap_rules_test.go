package directory_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

// TestGDAPRelationshipRules checks the partners.md §5.2 refusals, who may
// create and see relationships, and edits only while created.
func TestGDAPRelationshipRules(t *testing.T) {
	w := newGDAPWorld(t, testdb.SQLite(t))
	ua, ga := authz.UserAdmin.TemplateID, authz.GlobalAdmin.TemplateID
	create := func(ctx context.Context, name, duration, autoExtend, customer string, roles ...string) (partner.GDAPRelationship, error) {
		return w.svc.CreateGDAPRelationship(ctx, w.partnerID, directory.GDAPInput{DisplayName: &name, Duration: &duration,
			AutoExtend: &autoExtend, CustomerTenantID: &customer, Roles: &roles})
	}
	for _, tc := range []struct {
		name, display, duration, autoExtend, customer, field string
		roles                                                []string
	}{
		{"P0D", "a", "P0D", "", w.customerID, "duration", []string{ua}},
		{"P3Y", "a", "P3Y", "", w.customerID, "duration", []string{ua}},
		{"P731D", "a", "P731D", "", w.customerID, "duration", []string{ua}},
		{"not a duration", "a", "30 days", "", w.customerID, "duration", []string{ua}},
		{"51 characters", strings.Repeat("x", 51), "P30D", "", w.customerID, "displayName", []string{ua}},
		{"no roles", "a", "P30D", "", w.customerID, "accessDetails", nil},
		{"custom role", "a", "P30D", "", w.customerID, "accessDetails", []string{"00000000-0000-0000-0000-000000000001"}},
		{"P180D with Global Administrator", "a", "P30D", "P180D", w.customerID, "autoExtendDuration", []string{ua, ga}},
		{"P90D auto-extend", "a", "P30D", "P90D", w.customerID, "autoExtendDuration", []string{ua}},
		{"unknown customer", "a", "P30D", "", "00000000-0000-0000-0000-000000000002", "customer", []string{ua}},
		{"no customer", "a", "P30D", "", "", "customer", []string{ua}},
		{"the partner itself", "a", "P30D", "", w.partnerID, "customer", []string{ua}},
	} {
		_, err := create(w.agentCtx, tc.display, tc.duration, tc.autoExtend, tc.customer, tc.roles...)
		if de, ok := directory.AsError(err); !ok || de.Kind != directory.KindInvalid || de.Field != tc.field {
			t.Errorf("%s: %v, want invalid %s", tc.name, err, tc.field)
		}
	}
	ok, err := create(w.agentCtx, strings.Repeat("y", 50), "P2Y", "P180D", w.customerID, ua, authz.GlobalReader.TemplateID)
	if err != nil || ok.Status != partner.GDAPCreated || ok.AutoExtend != "P180D" || len(strings.Split(ok.ID, "-")) != 10 {
		t.Fatalf("50 characters, P2Y, P180D: %+v, %v", ok, err)
	}
	if _, err := create(w.agentCtx, strings.Repeat("Y", 50), "P1D", "", w.customerID, ua); directory.KindOf(err) != directory.KindInvalid {
		t.Errorf("a taken name in other case: %v", err)
	}
	if _, err := create(as(w.partnerID, w.tech.ID), "b", "P30D", "", w.customerID, ua); directory.KindOf(err) != directory.KindDenied {
		t.Errorf("a partner user outside AdminAgents: %v", err)
	}
	if _, err := w.svc.GetGDAPRelationship(w.customerGA, w.partnerID, ok.ID); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("the customer reading the partner's relationship: %v", err)
	}
	if _, err := w.svc.CustomerGDAPRelationship(w.customerGA, w.customerID, ok.ID); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("the customer sees a relationship before it is locked: %v", err)
	}

	name := "Renamed"
	if _, err := w.svc.UpdateGDAPRelationship(w.agentCtx, w.partnerID, ok.ID, `W/"0"`, directory.GDAPInput{DisplayName: &name}); directory.KindOf(err) != directory.KindStale {
		t.Errorf("PATCH with a stale etag: %v", err)
	}
	upd, err := w.svc.UpdateGDAPRelationship(w.agentCtx, w.partnerID, ok.ID, ok.ETag(), directory.GDAPInput{DisplayName: &name})
	if err != nil || upd.DisplayName != name || upd.Version != 2 {
		t.Fatalf("PATCH in created: %+v, %v", upd, err)
	}
	if _, err := w.svc.RequestGDAP(w.agentCtx, w.partnerID, ok.ID, directory.GDAPLockForApproval, "https://admin.example"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.UpdateGDAPRelationship(w.agentCtx, w.partnerID, ok.ID, "*", directory.GDAPInput{DisplayName: &name}); directory.KindOf(err) != directory.KindInvalid {
		t.Errorf("PATCH after locking: %v", err)
	}
	if err := w.svc.DeleteGDAPRelationship(w.agentCtx, w.partnerID, ok.ID, "*"); directory.KindOf(err) != directory.KindInvalid {
		t.Errorf("DELETE after locking: %v", err)
	}
}

// TestGDAPApprovalRules checks the customer's side: only its Global
// admins approve, another tenant sees nothing, and approving twice, after
// 90 days or after declining is refused and audited.
func TestGDAPApprovalRules(t *testing.T) {
	w := newGDAPWorld(t, testdb.SQLite(t))
	rel := w.relationship("Late", "P30D", false, authz.UserAdmin.TemplateID)
	member := as(w.customerID, w.victim.ID)
	if _, err := w.svc.ApproveGDAP(member, w.customerID, rel.ID, true); directory.KindOf(err) != directory.KindDenied {
		t.Errorf("a customer user without a role approving: %v", err)
	}
	other, err := w.svc.CreateTenant(w.op, directory.NewTenant{Name: "Other", DomainPrefix: "other", AdminUsername: "admin", AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.ApproveGDAP(as(other.TenantID, other.AdminID, authz.GlobalAdmin.Key), other.TenantID, rel.ID, true); directory.KindOf(err) != directory.KindNotFound {
		t.Errorf("another tenant's Global admin approving: %v", err)
	}
	w.clk.t = w.clk.t.Add(partner.ApprovalTTL)
	_, err = w.svc.ApproveGDAP(w.customerGA, w.customerID, rel.ID, true)
	if directory.KindOf(err) != directory.KindInvalid || !strings.Contains(err.Error(), "90 days") {
		t.Errorf("approving after 90 days: %v", err)
	}
	page, err := w.svc.ListAudit(w.customerGA, w.customerID, directory.ListQuery{Top: 1})
	if err != nil || page.Items[0].Activity != "Approve GDAP relationship" || page.Items[0].Result != "failure" {
		t.Errorf("the refused approval's audit: %+v, %v", page.Items, err)
	}
	if n, err := w.svc.AdvanceGDAP(context.Background()); err != nil || n == 0 {
		t.Fatalf("the job after 90 days: %d, %v", n, err)
	}
	if got, _ := w.svc.GetGDAPRelationship(w.agentCtx, w.partnerID, rel.ID); got.Status != partner.GDAPExpired {
		t.Errorf("an unanswered request after 90 days is %s", got.Status)
	}

	rel = w.relationship("Declined", "P30D", false, authz.UserAdmin.TemplateID)
	if got, err := w.svc.DeclineGDAP(w.customerGA, w.customerID, rel.ID); err != nil || got.Status != partner.GDAPTerminated {
		t.Fatalf("decline: %+v, %v", got, err)
	}
	if _, err := w.svc.ApproveGDAP(w.customerGA, w.customerID, rel.ID, true); directory.KindOf(err) != directory.KindInvalid {
		t.Errorf("approving a declined relationship: %v", err)
	}
	rel = w.relationship("Twice", "P30D", true, authz.UserAdmin.TemplateID)
	if _, err := w.svc.ApproveGDAP(w.customerGA, w.customerID, rel.ID, true); directory.KindOf(err) != directory.KindInvalid ||
		!strings.Contains(err.Error(), "already approved") {
		t.Errorf("approving twice: %v", err)
	}
	if got, err := w.svc.TerminateGDAPByCustomer(w.customerGA, w.customerID, rel.ID); err != nil || got.Status != partner.GDAPTerminated {
		t.Errorf("the customer terminating: %+v, %v", got, err)
	}
}

// TestGDAPAssignmentRules checks access assignments: a security group of
// the partner, roles within the relationship's, only while active, one
// per group, only by Admin agents.
func TestGDAPAssignmentRules(t *testing.T) {
	w := newGDAPWorld(t, testdb.SQLite(t))
	pending := w.relationship("Pending", "P30D", false, authz.PasswordAdmin.TemplateID)
	rel := w.relationship("Active", "P30D", true, authz.PasswordAdmin.TemplateID)
	m365 := w.group("Sales mail", false)
	for _, tc := range []struct {
		name, rel, group string
		roles            []string
		kind             directory.ErrorKind
	}{
		{"a role outside the relationship", rel.ID, w.team.ID, []string{authz.UserAdmin.TemplateID}, directory.KindInvalid},
		{"no roles", rel.ID, w.team.ID, nil, directory.KindInvalid},
		{"a group that isn't a security group", rel.ID, m365.ID, []string{authz.PasswordAdmin.TemplateID}, directory.KindInvalid},
		{"an object of another tenant", rel.ID, w.victim.ID, []string{authz.PasswordAdmin.TemplateID}, directory.KindInvalid},
		{"a relationship not active yet", pending.ID, w.team.ID, []string{authz.PasswordAdmin.TemplateID}, directory.KindInvalid},
		{"an unknown relationship", "x", w.team.ID, []string{authz.PasswordAdmin.TemplateID}, directory.KindNotFound},
	} {
		if _, err := w.svc.CreateGDAPAssignment(w.agentCtx, w.partnerID, tc.rel, tc.group, tc.roles); directory.KindOf(err) != tc.kind {
			t.Errorf("%s: %v, want kind %d", tc.name, err, tc.kind)
		}
	}
	if _, err := w.svc.CreateGDAPAssignment(as(w.partnerID, w.tech.ID), w.partnerID, rel.ID, w.team.ID, []string{authz.PasswordAdmin.TemplateID}); directory.KindOf(err) != directory.KindDenied {
		t.Errorf("a non-agent assigning: %v", err)
	}
	a, err := w.svc.CreateGDAPAssignment(w.agentCtx, w.partnerID, rel.ID, w.team.ID, []string{authz.PasswordAdmin.TemplateID})
	if err != nil || a.Status != partner.AssignmentActive {
		t.Fatalf("assign: %+v, %v", a, err)
	}
	if _, err := w.svc.CreateGDAPAssignment(w.agentCtx, w.partnerID, rel.ID, w.team.ID, []string{authz.PasswordAdmin.TemplateID}); directory.KindOf(err) != directory.KindInvalid {
		t.Errorf("a second assignment of the group: %v", err)
	}
	userAdmin := as(w.partnerID, w.tech.ID, authz.UserAdmin.Key)
	if err := w.svc.AddMember(userAdmin, w.partnerID, w.team.ID, w.agent.ID); directory.KindOf(err) != directory.KindDenied {
		t.Errorf("a User admin changing the membership of an assigned group: %v", err)
	}
	if err := w.svc.AddMember(userAdmin, w.partnerID, m365.ID, w.agent.ID); err != nil {
		t.Errorf("a User admin changing the membership of a group without assignments: %v", err)
	}
	if err := w.svc.DeleteGDAPAssignment(w.agentCtx, w.partnerID, rel.ID, a.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := w.actAs(w.tech); err != directory.ErrNoDelegation {
		t.Errorf("acting after the assignment was deleted: %v", err)
	}
	if _, err := w.svc.CreateGDAPAssignment(w.agentCtx, w.partnerID, rel.ID, w.team.ID, []string{authz.PasswordAdmin.TemplateID}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.RequestGDAP(w.agentCtx, w.partnerID, pending.ID, directory.GDAPTerminate, ""); directory.KindOf(err) != directory.KindInvalid {
		t.Errorf("terminating a relationship waiting for approval: %v", err)
	}
	if _, err := w.svc.RequestGDAP(w.agentCtx, w.partnerID, rel.ID, directory.GDAPTerminate, ""); err != nil {
		t.Fatal(err)
	}
	got, _ := w.svc.GetGDAPRelationship(w.agentCtx, w.partnerID, rel.ID)
	if as, _ := w.svc.ListGDAPAssignments(w.agentCtx, w.partnerID, rel.ID); got.Status != partner.GDAPTerminated || len(as) != 0 {
		t.Errorf("after the partner terminated: %s with %d assignments", got.Status, len(as))
	}
	if _, err := w.actAs(w.tech); err != directory.ErrNoDelegation {
		t.Errorf("acting after termination: %v", err)
	}
}

// TestGDAPRoleResolution is the table of partners.md §5.7 and §5.11:
// relationship status × group membership × assignment, with DAP.
func TestGDAPRoleResolution(t *testing.T) {
	pa, ua := authz.PasswordAdmin, authz.UserAdmin
	for _, tc := range []struct {
		name   string
		status string // set on the active relationship before acting; "past end": the clock passes endDateTime
		member string // direct, nested or none
		roles  []authz.Role
		dap    bool
		want   []string // nil: refused
	}{
		{"active, direct member", partner.GDAPActive, "direct", []authz.Role{pa}, false, []string{pa.Key}},
		{"active, direct member, two roles", partner.GDAPActive, "direct", []authz.Role{pa, ua}, false, []string{pa.Key, ua.Key}},
		{"active, nested member", partner.GDAPActive, "nested", []authz.Role{pa}, false, nil},
		{"active, no member", partner.GDAPActive, "none", []authz.Role{pa}, false, nil},
		{"terminated, direct member", partner.GDAPTerminated, "direct", []authz.Role{pa}, false, nil},
		{"expired, direct member", partner.GDAPExpired, "direct", []authz.Role{pa}, false, nil},
		{"termination requested, direct member", "terminationRequested", "direct", []authz.Role{pa}, false, nil},
		{"past end before the job ran", "past end", "direct", []authz.Role{pa}, false, nil},
		{"GDAP over DAP for an Admin agent", partner.GDAPActive, "direct+agent", []authz.Role{pa}, true, []string{pa.Key}},
		{"DAP when GDAP doesn't apply", partner.GDAPActive, "agent", []authz.Role{pa}, true, []string{authz.GlobalAdmin.Key}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := testdb.SQLite(t)
			w := newGDAPWorld(t, st)
			if tc.dap {
				w.grantDAP()
			}
			rel := w.relationship("R", "P30D", true, pa.TemplateID, ua.TemplateID)
			if tc.dap { // approval removed DAP; grant it again
				w.grantDAP()
			}
			var ids []string
			for _, r := range tc.roles {
				ids = append(ids, r.TemplateID)
			}
			g := w.group("Team "+tc.name[:3], true)
			if _, err := w.svc.CreateGDAPAssignment(w.agentCtx, w.partnerID, rel.ID, g.ID, ids); err != nil {
				t.Fatal(err)
			}
			u := w.tech
			switch tc.member {
			case "direct", "direct+agent":
				u = w.agent
				if tc.member == "direct" {
					u = w.tech
				}
				must(t, w.svc.AddMember(w.op, w.partnerID, g.ID, u.ID))
			case "nested":
				outer := w.group("Outer", true, w.tech.ID)
				must(t, w.svc.AddMember(w.op, w.partnerID, g.ID, outer.ID))
			case "agent":
				u = w.agent
			}
			switch tc.status {
			case "past end":
				w.clk.t = rel.EndAt
			case partner.GDAPActive:
			default:
				must(t, st.Update(context.Background(), w.partnerID, func(tx directory.Tx) error {
					r, err := tx.GetGDAPRelationship(rel.ID)
					r.Status = tc.status
					if err == nil {
						err = tx.UpdateGDAPRelationship(&r)
					}
					return err
				}))
			}
			p, err := w.actAs(u)
			switch {
			case tc.want == nil && err != directory.ErrNoDelegation:
				t.Errorf("got %v, %v; want refused", p.Roles, err)
			case tc.want != nil && (err != nil || !slices.Equal(p.Roles, tc.want)):
				t.Errorf("got %v, %v; want %v", p.Roles, err, tc.want)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

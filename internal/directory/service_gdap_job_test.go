package directory_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

// mails counts the outbox messages whose subject contains s.
func (w *gdapWorld) mails(s string) int {
	w.t.Helper()
	msgs, err := w.svc.Outbox(w.op, 500)
	if err != nil {
		w.t.Fatal(err)
	}
	n := 0
	for _, m := range msgs {
		if strings.Contains(m.Subject, s) {
			n++
		}
	}
	return n
}

// step moves the clock to at and runs the GDAP job, which must take want
// steps.
func (w *gdapWorld) step(at time.Time, want int) {
	w.t.Helper()
	w.clk.t = at
	if n, err := w.svc.AdvanceGDAP(context.Background()); err != nil || n != want {
		w.t.Fatalf("AdvanceGDAP at %s = %d, %v; want %d", at, n, err, want)
	}
}

// TestGDAPJobNotices checks the job's schedule: each notice before the end
// goes out once, to the customer's Global admin and the partner's Admin
// agent, and an auto-extending relationship moves its end by 180 days
// instead of expiring.
func TestGDAPJobNotices(t *testing.T) {
	w := newGDAPWorld(t, testdb.SQLite(t))
	name, duration, ext, roles := "Extending", "P60D", partner.AutoExtend180, []string{authz.UserAdmin.TemplateID}
	rel, err := w.svc.CreateGDAPRelationship(w.agentCtx, w.partnerID, directory.GDAPInput{DisplayName: &name, Duration: &duration, AutoExtend: &ext, CustomerTenantID: &w.customerID, Roles: &roles})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.RequestGDAP(w.agentCtx, w.partnerID, rel.ID, "lockForApproval", "https://admin.example"); err != nil {
		t.Fatal(err)
	}
	if rel, err = w.svc.ApproveGDAP(w.customerGA, w.customerID, rel.ID, false); err != nil {
		t.Fatal(err)
	}
	end := rel.EndAt
	w.step(end.Add(-31*24*time.Hour), 0)
	w.step(end.Add(-30*24*time.Hour), 1)
	w.step(end.Add(-29*24*time.Hour), 0)
	if n := w.mails("ends in 30 days"); n != 2 {
		t.Errorf("%d notices 30 days before the end, want 2 (customer, partner)", n)
	}
	w.step(end.Add(-7*24*time.Hour), 1)
	w.step(end.Add(-24*time.Hour), 1)
	w.step(end.Add(-time.Hour), 0)
	if n := w.mails("ends in 7 days") + w.mails("ends in 1 day"); n != 4 {
		t.Errorf("%d notices 7 and 1 days before the end, want 4", n)
	}
	w.step(end, 1)
	got, err := w.svc.GetGDAPRelationship(w.agentCtx, w.partnerID, rel.ID)
	if err != nil || got.Status != partner.GDAPActive || !got.EndAt.Equal(end.Add(partner.AutoExtendBy)) {
		t.Fatalf("after auto-extension: %+v, %v", got, err)
	}
	if n := w.mails("extended"); n != 2 {
		t.Errorf("%d auto-extension notices, want 2", n)
	}
	if p, err := w.actAs(w.agent); err == nil && p.Partner.Delegation == authz.DelegationGDAP {
		t.Errorf("the agent holds GDAP roles without an access assignment: %+v", p)
	}
}

// TestGDAPJobApprovalReminders checks an unanswered request: a reminder
// 7 days after locking and 7 days before the 90-day limit, then expiry,
// told to the partner's Admin agents.
func TestGDAPJobApprovalReminders(t *testing.T) {
	w := newGDAPWorld(t, testdb.SQLite(t))
	locked := w.clk.t
	rel := w.relationship("Unanswered", "P30D", false, authz.UserAdmin.TemplateID)
	w.step(locked.Add(6*24*time.Hour), 0)
	w.step(locked.Add(7*24*time.Hour), 1)
	w.step(locked.Add(82*24*time.Hour), 0)
	w.step(locked.Add(83*24*time.Hour), 1)
	if n := w.mails("is waiting for your approval"); n != 2 {
		t.Errorf("%d reminders, want 2", n)
	}
	w.step(locked.Add(partner.ApprovalTTL), 1)
	got, _ := w.svc.GetGDAPRelationship(w.agentCtx, w.partnerID, rel.ID)
	if got.Status != partner.GDAPExpired || w.mails(`"Unanswered" expired`) != 1 {
		t.Errorf("after 90 days: %s, %d expiry notices (want 1, to the agent)", got.Status, w.mails(`"Unanswered" expired`))
	}
}

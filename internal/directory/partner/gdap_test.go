package partner

import (
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

func TestGDAPDays(t *testing.T) {
	for d, want := range map[string]int{"P1D": 1, "P730D": 730, "P2Y": 730, "P1Y": 365, "P104W": 728, "p30d": 30,
		"P0D": 0, "P731D": 0, "P3Y": 0, "P105W": 0, "P1M": 0, "PT24H": 0, "": 0, "P-1D": 0, "P99999D": 0} {
		got, err := GDAPDays(d)
		if got != want || (want == 0) != (err != nil) {
			t.Errorf("GDAPDays(%q) = %d, %v; want %d", d, got, err, want)
		}
	}
}

func TestCheckGDAPNormalizes(t *testing.T) {
	r := GDAPRelationship{DisplayName: "  Helpdesk ", Duration: "p2y",
		Roles: []string{authz.UserAdmin.TemplateID, " " + authz.UserAdmin.TemplateID, "F2EF992C-3AFB-46B9-B7CF-A126EE74C451"}}
	if field, err := CheckGDAP(&r); err != nil {
		t.Fatalf("%s: %v", field, err)
	}
	if r.DisplayName != "Helpdesk" || r.Duration != "P2Y" || len(r.Roles) != 2 || r.Roles[1] != authz.GlobalReader.TemplateID || r.AutoExtend != AutoExtendNone {
		t.Fatalf("normalized: %+v", r)
	}
}

// TestNextDue follows a relationship's due times: the approval reminders
// and deadline while pending, then each notice before the end and the end.
func TestNextDue(t *testing.T) {
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	r := GDAPRelationship{Status: GDAPApprovalPending, LockedAt: at}
	for _, step := range []struct {
		bit  int
		want time.Time
	}{{0, at.Add(7 * day)}, {NoticeApprovalReminder, at.Add(83 * day)}, {NoticeApprovalLastWeek, at.Add(90 * day)}} {
		r.Notices |= step.bit
		if got := r.NextDue(); !got.Equal(step.want) {
			t.Errorf("pending with notices %b: due %s, want %s", r.Notices, got, step.want)
		}
	}
	r.Duration = "P60D"
	r.Activate(at)
	for _, step := range []struct {
		bit  int
		want time.Time
	}{{0, at.Add(30 * day)}, {NoticeEnd30, at.Add(53 * day)}, {NoticeEnd7, at.Add(59 * day)}, {NoticeEnd1, at.Add(60 * day)}} {
		r.Notices |= step.bit
		if got := r.NextDue(); !got.Equal(step.want) {
			t.Errorf("active with notices %b: due %s, want %s", r.Notices, got, step.want)
		}
	}
	r.Status = GDAPTerminated
	if !r.NextDue().IsZero() {
		t.Errorf("a terminated relationship is due at %s", r.NextDue())
	}
}

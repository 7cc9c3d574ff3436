package cli_test

import (
	"context"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
)

// TestSupportDesk answers a service request the way the operator does:
// list the queue, read the thread, reply, set the status.
func TestSupportDesk(t *testing.T) {
	ts := startServer(t)
	admin := client.New(ts.srv.URL, ts.token)
	ctx := context.Background()
	sr, err := admin.CreateSupportRequest(ctx, client.SupportRequest{Title: "Sign-in loops", Description: "The browser keeps redirecting.", Service: "identity", Severity: "critical"})
	if err != nil {
		t.Fatal(err)
	}
	db := ts.db
	for _, args := range [][]string{{"support", "list"}, {"support", "list", "--tenant", "contoso.atrium.test", "--status", "open"}} {
		out := mustRun(t, append(args, db...)...)
		if !strings.Contains(out, sr.ID) || !strings.Contains(out, "critical") || !strings.Contains(out, "admin@contoso.atrium.test") {
			t.Errorf("%s:\n%s", strings.Join(args, " "), out)
		}
	}
	if out := mustRun(t, append([]string{"support", "list", "--status", "closed"}, db...)...); strings.Contains(out, sr.ID) {
		t.Errorf("closed requests list an open one:\n%s", out)
	}
	out := mustRun(t, append([]string{"support", "reply", "contoso.atrium.test", sr.ID, "Please clear your cookies and try again."}, db...)...)
	if !strings.Contains(out, "Message #1") {
		t.Errorf("reply: %s", out)
	}
	mustRun(t, append([]string{"support", "status", "contoso.atrium.test", strings.ToLower(sr.ID), "waitingOnCustomer"}, db...)...)
	got, err := admin.GetSupportRequest(ctx, sr.ID)
	if err != nil || got.Status != "waitingOnCustomer" || len(got.Messages) != 1 || got.Messages[0].From != "support" {
		t.Fatalf("after the reply: %+v, %v", got, err)
	}
	if _, err := admin.AddSupportMessage(ctx, sr.ID, "Cleared them; it works now."); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, append([]string{"support", "show", "contoso.atrium.test", sr.ID}, db...)...)
	for _, want := range []string{"Sign-in loops", "status inProgress", "The browser keeps redirecting.", "#1 Atrium support", "#2 admin@contoso.atrium.test", "it works now"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	page, err := admin.ListAudit(ctx, client.ListOptions{Filter: "activityDisplayName eq 'Update service request status'"})
	if err != nil || len(page.Value) != 1 || page.Value[0].InitiatedBy.App == nil || page.Value[0].InitiatedBy.App.DisplayName != "Atrium operator CLI" {
		t.Errorf("audit of the operator's status change: %+v, %v", page.Value, err)
	}

	// Errors: a bad status is refused by the service (1) or the flags (2).
	if code, _, errs := run(t, append([]string{"support", "status", "contoso.atrium.test", sr.ID, "done"}, db...)...); code != 1 || !strings.Contains(errs, "must be one of") {
		t.Errorf("bad status: %d %s", code, errs)
	}
	if code, _, _ := run(t, append([]string{"support", "list", "--status", "done"}, db...)...); code != 2 {
		t.Errorf("bad --status: exit %d", code)
	}
	if code, _, errs := run(t, append([]string{"support", "reply", "contoso.atrium.test", "SR-20000101-0001", "hi"}, db...)...); code != 1 || !strings.Contains(errs, "does not exist") {
		t.Errorf("reply to a missing request: %d %s", code, errs)
	}
	if code, _, _ := run(t, append([]string{"support", "reply", "contoso.atrium.test", sr.ID}, db...)...); code != 2 {
		t.Errorf("reply without text: exit %d", code)
	}
}

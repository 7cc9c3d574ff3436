package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
)

// TestHealthPublishing publishes an incident and a message center post
// as the operator and reads them as a tenant's admin.
func TestHealthPublishing(t *testing.T) {
	ts := startServer(t)
	admin := client.New(ts.srv.URL, ts.token)
	ctx := context.Background()
	db := ts.db
	out := mustRun(t, append([]string{"health", "issue", "create", "--service", "Atrium Mail", "--title", "Delayed delivery",
		"--impact", "Mail arrives late.", "--feature", "Delivery", "--post", "Investigating."}, db...)...)
	if !strings.HasPrefix(out, "Issue AM1") || !strings.Contains(out, "incident, investigating") {
		t.Fatalf("issue create: %s", out)
	}
	id := strings.Fields(out)[1]
	mustRun(t, append([]string{"health", "issue", "update", id, "--status", "restoringService", "--post", "Fix rolling out."}, db...)...)
	ovs, err := admin.HealthOverviews(ctx)
	if err != nil || ovs[0].ID != "AtriumMail" || ovs[0].Status != "restoringService" || ovs[1].Status != "serviceOperational" {
		t.Fatalf("overviews with the incident: %+v, %v", ovs, err)
	}
	if out := mustRun(t, append([]string{"health", "issue", "list"}, db...)...); !strings.Contains(out, id) || !strings.Contains(out, "restoringService") {
		t.Errorf("issue list:\n%s", out)
	}
	mustRun(t, append([]string{"health", "issue", "resolve", id, "--post", "All mail delivered."}, db...)...)
	issues, err := admin.HealthIssues(ctx)
	if err != nil || len(issues) != 1 || !issues[0].IsResolved || issues[0].Status != "serviceRestored" || len(issues[0].Posts) != 3 {
		t.Fatalf("resolved issue: %+v, %v", issues, err)
	}
	if code, _, errs := run(t, append([]string{"health", "issue", "update", id, "--post", "again"}, db...)...); code != 1 || !strings.Contains(errs, "resolved already") {
		t.Errorf("updating a resolved issue: %d %s", code, errs)
	}

	body := filepath.Join(ts.dir, "body.txt")
	if err := os.WriteFile(body, []byte("Basic authentication ends on 1 June.\n\nMove your scripts to tokens."), 0o600); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, append([]string{"health", "message", "post", "--title", "Basic auth retires", "--body-file", body, "--category", "planForChange",
		"--service", "AtriumMail", "--service", "IdentityAndSignIn", "--tag", "Admin impact", "--major", "--act-by", "2030-06-01"}, db...)...)
	if !strings.HasPrefix(out, "Message MC1") || !strings.Contains(out, "Atrium Mail, Identity and sign-in") {
		t.Fatalf("message post: %s", out)
	}
	msgs, err := admin.ServiceMessages(ctx)
	if err != nil || len(msgs) != 1 || msgs[0].ActionRequiredByDateTime == nil || msgs[0].ActionRequiredByDateTime.Format("2006-01-02") != "2030-06-01" ||
		!msgs[0].IsMajorChange || msgs[0].Body.Content != "<p>Basic authentication ends on 1 June.</p><p>Move your scripts to tokens.</p>" {
		t.Fatalf("message center: %+v, %v", msgs, err)
	}

	for _, c := range []struct {
		args []string
		code int
		text string
	}{
		{[]string{"health", "issue", "create", "--service", "Exchange", "--title", "x", "--impact", "y"}, 1, "Unknown service"},
		{[]string{"health", "issue", "create", "--service", "AtriumMail", "--title", "x", "--impact", "y", "--status", "down"}, 1, "must be one of"},
		{[]string{"health", "issue", "create", "--service", "AtriumMail", "--impact", "y"}, 2, "title"},
		{[]string{"health", "message", "post", "--title", "x", "--body", "y", "--service", "AtriumMail", "--end", "soon"}, 2, "--end"},
		{[]string{"health", "message", "post", "--title", "x", "--body", "y"}, 1, "at least one service"},
	} {
		if code, _, errs := run(t, append(c.args, db...)...); code != c.code || !strings.Contains(errs, c.text) {
			t.Errorf("%s: exit %d %s, want %d with %q", strings.Join(c.args, " "), code, errs, c.code, c.text)
		}
	}
}

package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPartnerCommands: the operator makes a partner, its agent invites
// Contoso, Contoso's admin accepts, the agent acts in Contoso with
// --tenant, and Contoso removes delegated admin, which ends that.
func TestPartnerCommands(t *testing.T) {
	ts := startServer(t)
	pwFile := filepath.Join(ts.dir, "pw2")
	if err := os.WriteFile(pwFile, []byte("Admin-Pass-2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	created := mustRun(t, append([]string{"tenant", "create", "--name", "Fabrikam", "--domain-prefix", "fabrikam",
		"--admin-username", "admin", "--admin-password-file", pwFile}, ts.db...)...)
	partnerID := regexp.MustCompile(`tenant id:\s+(\S+)`).FindStringSubmatch(created)[1]
	customerID := regexp.MustCompile(`tenant id:\s+(\S+)`).FindStringSubmatch(ts.created)[1]
	out := mustRun(t, append([]string{"tenant", "set-partner", "fabrikam.atrium.test"}, ts.db...)...)
	agents := regexp.MustCompile(`AdminAgents:\s+(\S+)`).FindStringSubmatch(out)
	if agents == nil {
		t.Fatalf("set-partner:\n%s", out)
	}
	tok := strings.TrimSpace(mustRun(t, append([]string{"token", "create", "--tenant", "fabrikam.atrium.test", "--user", "admin@fabrikam.atrium.test"}, ts.db...)...))
	partner := []string{"--server", ts.srv.URL, "--token", tok}
	customer := []string{"--server", ts.srv.URL, "--token", ts.token}
	mustRun(t, append([]string{"group", "add-member", agents[1], "admin@fabrikam.atrium.test"}, partner...)...)

	out = mustRun(t, append([]string{"partner", "invite", "--delegated-admin"}, partner...)...)
	link := regexp.MustCompile(`partner-invitation/(\S+)`).FindStringSubmatch(out)
	if link == nil || !strings.Contains(out, "Subject: Fabrikam invites you to a reseller relationship") {
		t.Fatalf("invite:\n%s", out)
	}
	if code, _, errs := run(t, append([]string{"partner", "act-as", customerID}, partner...)...); code != 1 || !strings.Contains(errs, "no delegated admin access") {
		t.Fatalf("act-as before the customer accepted: %d %s", code, errs)
	}
	if out := mustRun(t, append([]string{"partner", "accept", link[1]}, customer...)...); !strings.Contains(out, "Fabrikam") || !strings.Contains(out, "true") {
		t.Errorf("accept:\n%s", out)
	}
	if out := mustRun(t, append([]string{"partner", "customers"}, partner...)...); !strings.Contains(out, "Contoso") || !strings.Contains(out, "contoso.atrium.test") {
		t.Errorf("customers:\n%s", out)
	}
	if out := mustRun(t, append([]string{"partner", "act-as", customerID}, partner...)...); !strings.Contains(out, "You can act in Contoso") {
		t.Errorf("act-as:\n%s", out)
	}
	if out := mustRun(t, append([]string{"user", "list", "--tenant", customerID}, partner...)...); !strings.Contains(out, "admin@contoso.atrium.test") {
		t.Errorf("user list in the customer:\n%s", out)
	}
	if out := mustRun(t, append([]string{"partner", "relationships"}, customer...)...); !strings.Contains(out, partnerID) {
		t.Errorf("relationships:\n%s", out)
	}
	mustRun(t, append([]string{"partner", "remove-dap", partnerID}, customer...)...)
	if code, _, errs := run(t, append([]string{"user", "list", "--tenant", customerID}, partner...)...); code != 1 || !strings.Contains(errs, "no delegated admin access") {
		t.Errorf("user list after DAP removal: %d %s", code, errs)
	}

	// GDAP: request User Administrator, the customer approves, the agents'
	// group gets the role, and acting works again until termination.
	out = mustRun(t, append([]string{"gdap", "request", customerID, "--name", "Contoso helpdesk", "--duration", "P90D", "--role", "User Administrator"}, partner...)...)
	rel := regexp.MustCompile(`Relationship (\S+) awaits`).FindStringSubmatch(out)
	if rel == nil || !strings.Contains(out, "granularAdminRelationships/"+rel[1]) {
		t.Fatalf("gdap request:\n%s", out)
	}
	if code, _, errs := run(t, append([]string{"gdap", "request", customerID, "--name", "x", "--role", "Chief"}, partner...)...); code != 2 || !strings.Contains(errs, "unknown role") {
		t.Errorf("unknown role: %d %s", code, errs)
	}
	if out := mustRun(t, append([]string{"gdap", "approve", rel[1]}, customer...)...); !strings.Contains(out, "active") {
		t.Errorf("gdap approve:\n%s", out)
	}
	mustRun(t, append([]string{"gdap", "assign", rel[1], agents[1], "--role", "fe930be7-5e62-47db-91af-98c3a49a38b1"}, partner...)...)
	if out := mustRun(t, append([]string{"gdap", "list"}, partner...)...); !strings.Contains(out, "Contoso helpdesk") || !strings.Contains(out, "active") {
		t.Errorf("gdap list:\n%s", out)
	}
	if out := mustRun(t, append([]string{"user", "list", "--tenant", customerID}, partner...)...); !strings.Contains(out, "admin@contoso.atrium.test") {
		t.Errorf("user list through GDAP:\n%s", out)
	}
	mustRun(t, append([]string{"gdap", "terminate", rel[1], "--customer"}, customer...)...)
	if code, _, errs := run(t, append([]string{"user", "list", "--tenant", customerID}, partner...)...); code != 1 || !strings.Contains(errs, "no delegated admin access") {
		t.Errorf("user list after termination: %d %s", code, errs)
	}
}

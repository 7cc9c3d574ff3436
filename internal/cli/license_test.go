package cli_test

import (
	"context"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
)

// TestLicenseCommands buys seats, assigns and removes a license, lowers
// the seats and turns recurring billing off with the CLI, and checks the
// catalog commands.
func TestLicenseCommands(t *testing.T) {
	ts := startServer(t)
	remote := []string{"--server", ts.srv.URL, "--token", ts.token}
	admin := "admin@contoso.atrium.test"
	if out := mustRun(t, "catalog", "list"); !strings.Contains(out, "ATRIUM_BUSINESS_BASIC") || !strings.Contains(out, "6.00 EUR") {
		t.Errorf("catalog list:\n%s", out)
	}
	if code, _, errs := run(t, "catalog", "load", "no-such-file.json"); code != 1 || !strings.Contains(errs, "no-such-file.json") {
		t.Errorf("catalog load of a missing file: %d %s", code, errs)
	}
	out := mustRun(t, append([]string{"subscription", "buy", "ATRIUM_BUSINESS_BASIC", "3", "--idempotency-key", "cli-1"}, remote...)...)
	if !strings.Contains(out, "ATRIUM_BUSINESS_BASIC") || !strings.Contains(out, "3") {
		t.Errorf("buy:\n%s", out)
	}
	mustRun(t, append([]string{"subscription", "buy", "ATRIUM_BUSINESS_BASIC", "3", "--idempotency-key", "cli-1"}, remote...)...)
	cl := client.New(ts.srv.URL, ts.token)
	ctx := context.Background()
	if err := cl.UpdateUser(ctx, admin, map[string]any{"usageLocation": "NL"}); err != nil {
		t.Fatal(err)
	}
	mustRun(t, append([]string{"license", "assign", admin, "atrium_business_basic", "--disable-plan", "51d374ca-f14d-44f8-8773-98e9775cb11b"}, remote...)...)
	out = mustRun(t, append([]string{"license", "list"}, remote...)...)
	if !strings.Contains(out, "ATRIUM_BUSINESS_BASIC") || !strings.Contains(out, "Enabled  3        1         2") {
		t.Errorf("license list:\n%s", out)
	}
	out = mustRun(t, append([]string{"license", "show", admin}, remote...)...)
	if !strings.Contains(out, "ATRIUM_CHAT") || !strings.Contains(out, "Disabled") || !strings.Contains(out, "PendingProvisioning") {
		t.Errorf("license show:\n%s", out)
	}
	subs, err := cl.ListSubscriptions(ctx)
	if err != nil || len(subs) != 1 || subs[0].Quantity != 3 {
		t.Fatalf("subscriptions after a repeated buy: %+v, %v", subs, err)
	}
	if code, _, errs := run(t, append([]string{"subscription", "set-seats", subs[0].ID, "0"}, remote...)...); code != 1 || !strings.Contains(errs, "1 of 3 licenses are assigned") {
		t.Errorf("set-seats below assigned: %d %s", code, errs)
	}
	mustRun(t, append([]string{"license", "remove", admin, "4c379c46-e966-4606-9a6c-1c591d62591d"}, remote...)...)
	out = mustRun(t, append([]string{"subscription", "set-seats", subs[0].ID, "1"}, remote...)...)
	if !strings.Contains(out, subs[0].ID) {
		t.Errorf("set-seats:\n%s", out)
	}
	if out := mustRun(t, append([]string{"subscription", "list", "-o", "json"}, remote...)...); !strings.Contains(out, `"quantity": 1`) {
		t.Errorf("subscription list:\n%s", out)
	}
	if out := mustRun(t, append([]string{"subscription", "renew", "off", subs[0].ID}, remote...)...); !strings.Contains(out, "false") ||
		!strings.Contains(out, "ENDDATETIME") {
		t.Errorf("renew off:\n%s", out)
	}
	if code, _, _ := run(t, append([]string{"subscription", "renew", "maybe", subs[0].ID}, remote...)...); code != 2 {
		t.Errorf("renew maybe: exit %d, want 2", code)
	}
	if code, _, errs := run(t, append([]string{"subscription", "reactivate", subs[0].ID}, remote...)...); code != 1 || !strings.Contains(errs, "active already") {
		t.Errorf("reactivate an active subscription: %d %s", code, errs)
	}
	if code, _, _ := run(t, append([]string{"license", "assign", admin, "NOPE"}, remote...)...); code != 2 {
		t.Errorf("unknown SKU: exit %d, want 2", code)
	}
}

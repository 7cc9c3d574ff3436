package api_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
)

func TestSupportRequests(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	body := map[string]any{"title": "Mail delayed", "description": "Messages arrive an hour late.\nSince 09:00.", "service": "mail",
		"severity": "high", "contactPhone": "+31 20 123 4567"}
	h.want(h.do("", "POST", "/api/support/requests", body), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "POST", "/api/support/requests", body), 403, "Authorization_RequestDenied")
	h.want(h.do(a.memberTok, "GET", "/api/support/requests", nil), 403, "Authorization_RequestDenied")

	// A Service admin opens one; the contact defaults to the caller.
	_, svcTok := h.roleUser(a, "svc", authz.ServiceAdmin)
	r := h.do(svcTok, "POST", "/api/support/requests", body)
	h.want(r, 201, "")
	id := r.body["id"].(string)
	today := time.Now().UTC().Format("20060102")
	if id != "SR-"+today+"-0001" || r.body["status"] != "open" || r.body["contactEmail"] != "svc@"+a.domain ||
		r.body["preferredContactMethod"] != "email" || r.header.Get("Location") == "" ||
		r.body["createdBy"].(map[string]any)["userPrincipalName"] != "svc@"+a.domain {
		t.Fatalf("created: %s", r.raw)
	}
	h.wantAuditBy(a, "Create service request", id)
	second, err := a.admin.CreateSupportRequest(bg, client.SupportRequest{Title: "Can't add a domain", Description: "DNS check fails.", Service: "identity"})
	if err != nil || second.ID != "SR-"+today+"-0002" || second.Severity != "normal" {
		t.Fatalf("second request: %+v, %v", second, err)
	}
	// Another tenant counts its own requests and sees none of these.
	if other, err := b.admin.CreateSupportRequest(bg, client.SupportRequest{Title: "x", Description: "y", Service: "other"}); err != nil || other.ID != id {
		t.Fatalf("tenant B's first request: %+v, %v", other, err)
	}

	for name, c := range map[string]struct {
		body   map[string]any
		target string
	}{
		"no title":        {map[string]any{"description": "d", "service": "mail"}, "title"},
		"long title":      {map[string]any{"title": strings.Repeat("t", 201), "description": "d", "service": "mail"}, "title"},
		"two-line title":  {map[string]any{"title": "a\nb", "description": "d", "service": "mail"}, "title"},
		"long text":       {map[string]any{"title": "t", "description": strings.Repeat("d", 10001), "service": "mail"}, "description"},
		"no service":      {map[string]any{"title": "t", "description": "d"}, "service"},
		"bad service":     {map[string]any{"title": "t", "description": "d", "service": "Mail"}, "service"},
		"bad severity":    {map[string]any{"title": "t", "description": "d", "service": "mail", "severity": "urgent"}, "severity"},
		"phone, none":     {map[string]any{"title": "t", "description": "d", "service": "mail", "preferredContactMethod": "phone"}, "contactPhone"},
		"bad email":       {map[string]any{"title": "t", "description": "d", "service": "mail", "contactEmail": "nope"}, "contactEmail"},
		"number title":    {map[string]any{"title": 5, "description": "d", "service": "mail"}, "title"},
		"read-only":       {map[string]any{"title": "t", "description": "d", "service": "mail", "status": "closed"}, "status"},
		"attachments":     {map[string]any{"title": "t", "description": "d", "service": "mail", "attachments": []any{}}, "attachments"},
		"unknown":         {map[string]any{"title": "t", "description": "d", "service": "mail", "priority": 1}, "priority"},
		"control in text": {map[string]any{"title": "t", "description": "d\x01", "service": "mail"}, "description"},
	} {
		r := h.do(a.adminTok, "POST", "/api/support/requests", c.body)
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("%s: %d target %q, want 400 %q: %s", name, r.status, r.errTarget(), c.target, r.errMessage())
		}
	}

	// Lists: newest first, filters, paging.
	page, err := a.admin.ListSupportRequests(bg, client.ListOptions{Top: 1})
	if err != nil || len(page.Value) != 1 || page.Value[0].ID != second.ID || page.NextLink == "" || page.Value[0].Messages != nil {
		t.Fatalf("first page: %+v, %v", page, err)
	}
	all, err := client.All(bg, a.admin, page, false)
	if err != nil || len(all) != 2 || all[1].ID != id {
		t.Fatalf("all requests: %+v, %v", all, err)
	}
	if p, err := a.admin.ListSupportRequests(bg, clientOpts("severity eq 'high'")); err != nil || len(p.Value) != 1 || p.Value[0].ID != id {
		t.Fatalf("filtered: %+v, %v", p, err)
	}
	h.want(h.do(a.adminTok, "GET", "/api/support/requests?$filter=title%20eq%20'x'", nil), 400, "Request_UnsupportedQuery")

	// The thread: the customer writes, support answers from the CLI's
	// side of the service, the customer answers and closes.
	h.want(h.do(a.adminTok, "POST", "/api/support/requests/"+id+"/messages", map[string]any{"text": "  "}), 400, "Request_BadRequest")
	h.want(h.do(a.adminTok, "POST", "/api/support/requests/"+id+"/messages", map[string]any{"text": strings.Repeat("m", 10001)}), 400, "Request_BadRequest")
	m, err := a.admin.AddSupportMessage(bg, strings.ToLower(id), "Also in Outlook on the web.")
	if err != nil || m.ID != 1 || m.From != "customer" || m.Author.UserPrincipalName != "admin@"+a.domain {
		t.Fatalf("message: %+v, %v", m, err)
	}
	h.wantAudit(a, "Add message to service request", id)
	op := authz.WithPrincipal(bg, authz.Operator)
	if _, err := h.app.Directory.AddSupportMessage(op, a.id, id, "Which mailboxes?"); err != nil {
		t.Fatal(err)
	}
	if _, err := h.app.Directory.SetSupportStatus(op, a.id, id, "waitingOnCustomer"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.admin.AddSupportMessage(bg, id, "All of them."); err != nil {
		t.Fatal(err)
	}
	got, err := a.admin.GetSupportRequest(bg, id)
	if err != nil || got.Status != "inProgress" || len(got.Messages) != 3 || got.Messages[1].From != "support" ||
		got.Messages[1].Author.DisplayName != "Atrium support" || got.Messages[1].Author.UserPrincipalName != "" || got.Messages[2].ID != 3 {
		t.Fatalf("thread: %+v, %v", got, err)
	}
	closed, err := a.admin.CloseSupportRequest(bg, id)
	if err != nil || closed.Status != "closed" {
		t.Fatalf("close: %+v, %v", closed, err)
	}
	h.wantAudit(a, "Close service request", id)
	h.want(h.do(a.adminTok, "POST", "/api/support/requests/"+id+"/close", nil), 400, "Request_BadRequest")
	r = h.do(a.adminTok, "POST", "/api/support/requests/"+id+"/messages", map[string]any{"text": "one more"})
	if r.status != 400 || r.errTarget() != "status" {
		t.Fatalf("message to a closed request: %d %s", r.status, r.raw)
	}
	// Only the operator sets other statuses.
	if _, err := h.app.Directory.SetSupportStatus(authz.WithPrincipal(bg, authz.Principal{UserID: a.adminID, TenantID: a.id,
		Roles: []string{authz.GlobalAdmin.Key}}), a.id, second.ID, "resolved"); err == nil {
		t.Fatal("a Global admin set a status only support sets")
	}
	for _, path := range []string{"/api/support/requests/SR-1", "/api/support/requests/" + second.ID + "x"} {
		h.want(h.do(a.adminTok, "GET", path, nil), 404, "Request_ResourceNotFound")
	}
	if !regexp.MustCompile(`^SR-\d{8}-\d{4}$`).MatchString(second.ID) {
		t.Errorf("id %q is not SR-YYYYMMDD-nnnn", second.ID)
	}
}

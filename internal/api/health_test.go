package api_test

import (
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

const announcement = "/v1.0/admin/serviceAnnouncement/"

// mailStatus returns Atrium Mail's status on the health overview.
func mailStatus(t *testing.T, c *client.Client) string {
	t.Helper()
	ovs, err := c.HealthOverviews(bg)
	if err != nil || len(ovs) != 8 {
		t.Fatalf("health overviews: %+v, %v", ovs, err)
	}
	for _, o := range ovs {
		if o.ID == "AtriumMail" {
			return o.Status
		}
	}
	t.Fatal("no AtriumMail overview")
	return ""
}

func TestServiceHealth(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	h.want(h.do("", "GET", announcement+"healthOverviews", nil), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.memberTok, "GET", announcement+"healthOverviews", nil), 403, "Authorization_RequestDenied")
	h.want(h.do(a.memberTok, "GET", announcement+"issues", nil), 403, "Authorization_RequestDenied")
	_, chatTok := h.roleUser(a, "chat", authz.SkypeAdmin)
	chat := client.New(h.url, chatTok)
	ovs, err := chat.HealthOverviews(bg)
	if err != nil || len(ovs) != 8 || ovs[0] != (client.HealthOverview{ID: "AtriumMail", Service: "Atrium Mail", Status: "serviceOperational"}) ||
		ovs[7].Service != "Directory sync" {
		t.Fatalf("healthy overviews: %+v, %v", ovs, err)
	}

	// The operator publishes; the service's status follows its open
	// issues, incidents before advisories, the most severe first.
	op := authz.WithPrincipal(bg, authz.Operator)
	if _, err := h.app.Directory.CreateHealthIssue(authz.WithPrincipal(bg, authz.Principal{UserID: a.adminID, TenantID: a.id,
		Roles: []string{authz.GlobalAdmin.Key}}), directory.IssueInput{}); directory.KindOf(err) != directory.KindDenied {
		t.Fatalf("a tenant's Global admin published a health issue: %v", err)
	}
	publish := func(class, status string) directory.HealthIssue {
		t.Helper()
		is, err := h.app.Directory.CreateHealthIssue(op, directory.IssueInput{Service: "Atrium Mail", Title: "Mail delays", Feature: "Delivery",
			ImpactDescription: "Users may see delays.", Classification: class, Status: status, Post: "We're investigating <b>now</b>.\n\nNext update at 10:00."})
		if err != nil {
			t.Fatal(err)
		}
		return is
	}
	advisory := publish("advisory", "serviceDegradation")
	if s := mailStatus(t, chat); s != "serviceDegradation" || !strings.HasPrefix(advisory.ID, "AM1000") {
		t.Fatalf("with an advisory: %s (%s)", s, advisory.ID)
	}
	incident := publish("incident", "investigating")
	if s := mailStatus(t, chat); s != "investigating" {
		t.Fatalf("an incident beats an advisory: %s", s)
	}
	worse := publish("incident", "serviceInterruption")
	if s := mailStatus(t, chat); s != "serviceInterruption" {
		t.Fatalf("the most severe incident: %s", s)
	}
	for _, is := range []directory.HealthIssue{incident, worse} {
		if _, err := h.app.Directory.ResolveHealthIssue(op, is.ID, "serviceRestored", "Fixed."); err != nil {
			t.Fatal(err)
		}
	}
	if s := mailStatus(t, chat); s != "serviceDegradation" {
		t.Fatalf("after the incidents: %s", s)
	}
	status := "restoringService"
	if _, err := h.app.Directory.UpdateHealthIssue(op, advisory.ID, directory.IssueChange{Status: &status, Post: "Deploying a fix."}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"healthOverviews/AtriumMail", "healthOverviews/Atrium%20Mail", "healthOverviews/atriummail"} {
		r := h.do(chatTok, "GET", announcement+path, nil)
		if r.status != 200 || r.body["status"] != "restoringService" || r.body["@odata.context"] == nil {
			t.Errorf("GET %s: %d %s", path, r.status, r.raw)
		}
	}
	h.want(h.do(chatTok, "GET", announcement+"healthOverviews/Exchange", nil), 404, "Request_ResourceNotFound")

	// Issues carry their posts as escaped HTML.
	r := h.do(chatTok, "GET", announcement+"issues/"+strings.ToLower(advisory.ID), nil)
	h.want(r, 200, "")
	posts := r.body["posts"].([]any)
	first := posts[0].(map[string]any)["description"].(map[string]any)
	if r.body["service"] != "Atrium Mail" || r.body["classification"] != "advisory" || r.body["isResolved"] != false || len(posts) != 2 ||
		first["contentType"] != "html" || first["content"] != "<p>We&#39;re investigating &lt;b&gt;now&lt;/b&gt;.</p><p>Next update at 10:00.</p>" {
		t.Fatalf("issue: %s", r.raw)
	}
	issues, err := chat.HealthIssues(bg)
	if err != nil || len(issues) != 3 || issues[0].ID != advisory.ID || issues[1].EndDateTime == nil {
		t.Fatalf("issues: %+v, %v", issues, err)
	}
	h.want(h.do(chatTok, "GET", announcement+"issues/AM999999", nil), 404, "Request_ResourceNotFound")
	h.want(h.do(chatTok, "GET", announcement+"issues?$top=1", nil), 400, "Request_BadRequest")
}

func TestMessageCenter(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	op := authz.WithPrincipal(bg, authz.Operator)
	m1, err := h.app.Directory.PostServiceMessage(op, directory.MessageInput{Title: "Retiring basic auth", Category: "planForChange",
		Severity: "high", Services: []string{"AtriumMail", "Identity and sign-in"}, Tags: []string{"Admin impact"}, IsMajorChange: true,
		Body: "Switch to modern sign-in."})
	if err != nil {
		t.Fatal(err)
	}
	m2, err := h.app.Directory.PostServiceMessage(op, directory.MessageInput{Title: "New admin center", Services: []string{"AdminCenter"}, Body: "Have a look."})
	if err != nil || m2.Category != "stayInformed" || m2.Severity != "normal" {
		t.Fatalf("second message: %+v, %v", m2, err)
	}
	h.want(h.do(a.memberTok, "GET", announcement+"messages", nil), 403, "Authorization_RequestDenied")
	h.want(h.do(a.memberTok, "POST", announcement+"messages/markRead", map[string]any{"messageIds": []string{m1.ID}}), 403, "Authorization_RequestDenied")
	msgs, err := a.admin.ServiceMessages(bg)
	if err != nil || len(msgs) != 2 || msgs[0].ID != m2.ID || msgs[1].Services[1] != "Identity and sign-in" || !msgs[1].IsMajorChange ||
		msgs[1].ViewPoint != (client.MessageViewPoint{}) || msgs[1].Body.Content != "<p>Switch to modern sign-in.</p>" {
		t.Fatalf("messages: %+v, %v", msgs, err)
	}

	// Read, archive and favourite are each admin's own.
	if err := a.admin.MarkMessages(bg, "markRead", strings.ToLower(m1.ID), m2.ID); err != nil {
		t.Fatal(err)
	}
	for _, action := range []string{"archive", "favorite", "markUnread"} {
		r := h.do(a.adminTok, "POST", announcement+"messages/"+action, map[string]any{"messageIds": []string{m2.ID}})
		if r.status != 200 || r.body["value"] != true {
			t.Fatalf("%s: %d %s", action, r.status, r.raw)
		}
	}
	r := h.do(a.adminTok, "GET", announcement+"messages/"+m2.ID, nil)
	if vp := r.body["viewPoint"].(map[string]any); r.status != 200 || vp["isRead"] != false || vp["isArchived"] != true || vp["isFavorited"] != true {
		t.Fatalf("m2 after the actions: %s", r.raw)
	}
	r = h.do(a.adminTok, "GET", announcement+"messages/"+m1.ID, nil)
	if vp := r.body["viewPoint"].(map[string]any); vp["isRead"] != true || vp["isArchived"] != false {
		t.Fatalf("m1: %s", r.raw)
	}
	_, otherTok := h.roleUser(a, "other", authz.PasswordAdmin)
	for who, c := range map[string]*client.Client{"another admin": client.New(h.url, otherTok), "another tenant's admin": b.admin} {
		if msgs, err := c.ServiceMessages(bg); err != nil || msgs[1].ViewPoint.IsRead || msgs[0].ViewPoint.IsArchived {
			t.Errorf("%s sees the first admin's state: %+v, %v", who, msgs, err)
		}
	}

	for name, c := range map[string]struct {
		body   any
		status int
		target string
	}{
		"unknown message": {map[string]any{"messageIds": []string{m1.ID, "MC999999"}}, 400, "messageIds"},
		"none":            {map[string]any{"messageIds": []string{}}, 400, "messageIds"},
		"not a list":      {map[string]any{"messageIds": m1.ID}, 400, "messageIds"},
		"unknown":         {map[string]any{"messageIds": []string{m1.ID}, "all": true}, 400, "messageIds"},
	} {
		r := h.do(a.adminTok, "POST", announcement+"messages/markRead", c.body)
		if r.status != c.status || r.errTarget() != c.target {
			t.Errorf("%s: %d target %q, want %d %q: %s", name, r.status, r.errTarget(), c.status, c.target, r.raw)
		}
	}
	h.want(h.do(a.adminTok, "POST", announcement+"messages/markAllRead", map[string]any{"messageIds": []string{m1.ID}}), 405, "Request_BadRequest")
	h.want(h.do(a.adminTok, "GET", announcement+"messages/MC999999", nil), 404, "Request_ResourceNotFound")
}

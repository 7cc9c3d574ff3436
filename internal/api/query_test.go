package api_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
)

// seedUsers adds n users through the service (faster than HTTP).
func seedUsers(h *harness, tn *tenant, n int) {
	h.t.Helper()
	ctx := authz.WithPrincipal(bg, authz.Operator)
	for i := 0; i < n; i++ {
		dept := []string{"Sales", "IT", "Ops"}[i%3]
		_, err := h.app.Directory.CreateUser(ctx, tn.id, directory.Changes{"accountEnabled": i%10 != 0,
			"displayName": fmt.Sprintf("Person %03d", i), "mailNickname": fmt.Sprintf("p%03d", i),
			"userPrincipalName": fmt.Sprintf("p%03d@%s", i, tn.domain), "department": dept},
			&directory.PasswordProfile{Password: "Strong-Pass-1"})
		if err != nil {
			h.t.Fatal(err)
		}
	}
}

func TestPagingAndCount(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	seedUsers(h, a, 250)
	total := 252 // with the admin and the member

	first, err := a.admin.ListUsers(bg, client.ListOptions{})
	if err != nil || len(first.Value) != 100 || first.NextLink == "" || first.Count != nil {
		t.Fatalf("first page: %d items, next %q, count %v, %v", len(first.Value), first.NextLink, first.Count, err)
	}
	if !strings.HasPrefix(first.NextLink, h.url+"/v1.0/users?") || !strings.Contains(first.NextLink, "$skiptoken=") {
		t.Errorf("nextLink = %s", first.NextLink)
	}
	all, err := client.All(bg, a.admin, first, false)
	if err != nil || len(all) != total {
		t.Fatalf("all pages: %d, %v", len(all), err)
	}
	seen := map[string]bool{}
	for _, u := range all {
		if seen[u.ID] {
			t.Fatalf("user %s on two pages", u.ID)
		}
		seen[u.ID] = true
	}

	// Sorted paging keeps order across pages.
	sorted, _ := a.admin.ListUsers(bg, client.ListOptions{OrderBy: "displayName desc", Top: 999, Select: []string{"displayName"}})
	if len(sorted.Value) != total || *sorted.Value[0].DisplayName != "Person 249" {
		t.Errorf("orderby desc: %d, first %v", len(sorted.Value), *sorted.Value[0].DisplayName)
	}

	// $count with the header on the first page only; without, ignored.
	counted, err := a.admin.ListUsers(bg, client.ListOptions{Count: true, Eventual: true, Top: 10, Filter: "department eq 'sales'"})
	if err != nil || counted.Count == nil || *counted.Count != 84 {
		t.Fatalf("count: %v, %v", counted.Count, err)
	}
	next, err := client.Next[client.User](bg, a.admin, counted.NextLink, true)
	if err != nil || next.Count != nil || len(next.Value) != 10 {
		t.Errorf("second counted page: %d items, count %v, %v", len(next.Value), next.Count, err)
	}
	if p, _ := a.admin.ListUsers(bg, client.ListOptions{Count: true}); p.Count != nil {
		t.Error("@odata.count without ConsistencyLevel")
	}
	var n string
	if err := a.admin.Do(bg, "GET", "/v1.0/users/$count", nil, map[string][]string{"Consistencylevel": {"eventual"}}, nil, &n); err != nil || n != fmt.Sprint(total) {
		t.Errorf("/users/$count = %q, %v", n, err)
	}
	h.want(h.do(a.adminTok, "GET", "/v1.0/users/$count", nil), 400, "Request_BadRequest")

	// Skip tokens are signed and bound to their query and tenant.
	u, _ := url.Parse(first.NextLink)
	tok := u.Query().Get("$skiptoken")
	for name, path := range map[string]string{
		"tampered":       "/v1.0/users?$skiptoken=" + url.QueryEscape(flip(tok, len(tok)/3)),
		"tampered mac":   "/v1.0/users?$skiptoken=" + url.QueryEscape(flip(tok, len(tok)-10)),
		"other query":    "/v1.0/users?$filter=" + url.QueryEscape("department eq 'IT'") + "&$skiptoken=" + url.QueryEscape(tok),
		"other resource": "/v1.0/groups?$skiptoken=" + url.QueryEscape(tok),
		"not base64":     "/v1.0/users?$skiptoken=%%%",
		"garbage":        "/v1.0/users?$skiptoken=abc.def",
	} {
		r := h.do(a.adminTok, "GET", path, nil)
		if r.status != 400 || r.errCode() != "Request_BadRequest" {
			t.Errorf("%s skiptoken: %d %s", name, r.status, r.raw)
		}
	}
	r := h.do(b.adminTok, "GET", "/v1.0/users?$skiptoken="+url.QueryEscape(tok), nil)
	h.want(r, 400, "Request_BadRequest") // another tenant's secret
	// $top may change between pages.
	h.want(h.do(a.adminTok, "GET", "/v1.0/users?$top=5&$skiptoken="+url.QueryEscape(tok), nil), 200, "")
}

func TestQueryOptions(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	seedUsers(h, a, 30)
	q := func(query string, headers ...string) response {
		t.Helper()
		return h.do(a.adminTok, "GET", "/v1.0/users?"+query, nil, headers...)
	}
	ev := []string{"ConsistencyLevel", "eventual"}
	enc := url.QueryEscape
	cases := []struct {
		name     string
		query    string
		eventual bool
		status   int
		code     string
		msg      string
		count    int // expected items when 200, -1 to skip
	}{
		{"top 1000", "$top=1000", false, 400, "Request_BadRequest", "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.", 0},
		{"top 0", "$top=0", false, 400, "Request_BadRequest", "Must be between 1 and 999", 0},
		{"top text", "$top=ten", false, 400, "Request_BadRequest", "Invalid page size", 0},
		{"skip", "$skip=10", false, 400, "Request_BadRequest", "$skip is not supported; follow @odata.nextLink.", 0},
		{"unknown option", "$format=xml", false, 400, "Request_BadRequest", "not supported", 0},
		{"expand", "$expand=manager", false, 400, "Request_BadRequest", "$expand", 0},
		{"select unknown", "$select=displayName,shoeSize", false, 400, "Request_BadRequest", "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.", 0},
		{"select", "$select=id,accountEnabled&$top=3", false, 200, "", "", 3},
		{"filter syntax", "$filter=" + enc("displayName eq"), false, 400, "Request_BadRequest", "position", 0},
		{"filter unbalanced", "$filter=" + enc("(displayName eq 'a'"), false, 400, "Request_BadRequest", "syntax error", 0},
		{"filter unknown property", "$filter=" + enc("shoeSize eq 42"), false, 400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified for property 'shoeSize' of resource 'User'.", 0},
		{"filter eq", "$filter=" + enc("displayName eq 'person 007'"), false, 200, "", "", 1},
		{"filter case-insensitive name", "$filter=" + enc("DisplayName eq 'Person 007'"), false, 200, "", "", 1},
		{"filter startswith", "$filter=" + enc("startswith(displayName,'Person 01')"), false, 200, "", "", 10},
		{"filter in", "$filter=" + enc("department in ('IT','Ops')"), false, 200, "", "", 20},
		{"filter and", "$filter=" + enc("department eq 'IT' and accountEnabled eq false"), false, 200, "", "", 1},
		{"ne needs advanced", "$filter=" + enc("department ne 'IT'"), false, 400, "Request_UnsupportedQuery", "Operator 'ne' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header.", 0},
		{"ne with header only", "$filter=" + enc("department ne 'IT'"), true, 400, "Request_UnsupportedQuery", "Operator 'ne'", 0},
		{"ne advanced", "$count=true&$filter=" + enc("department ne 'IT'"), true, 200, "", "", 22},
		{"not advanced", "$count=true&$filter=" + enc("not(startswith(displayName,'Person'))"), true, 200, "", "", 2},
		{"endswith needs advanced", "$filter=" + enc("endswith(mail,'x.com')"), false, 400, "Request_UnsupportedQuery", "Operator 'endsWith'", 0},
		{"endswith advanced", "$count=true&$filter=" + enc("endswith(userPrincipalName,'01@alpha.atrium.test')"), true, 200, "", "", 1},
		{"createdDateTime needs advanced", "$filter=" + enc("createdDateTime ge 2020-01-01T00:00:00Z"), false, 400, "Request_UnsupportedQuery", "", 0},
		{"collection without any", "$filter=" + enc("otherMails eq 'a@b.c'"), false, 400, "Request_UnsupportedQuery", "collection", 0},
		{"any", "$filter=" + enc("otherMails/any(x:x eq 'a@b.c')"), false, 200, "", "", 0},
		{"search without header", "$search=" + enc(`"displayName:person"`), false, 400, "Request_UnsupportedQuery", "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'", 0},
		{"search", "$search=" + enc(`"displayName:person 02"`), true, 200, "", "", 10},
		{"search syntax", "$search=" + enc(`displayName:person`), true, 400, "Request_BadRequest", "", 0},
		{"search unknown property", "$search=" + enc(`"city:x"`), true, 400, "Request_UnsupportedQuery", "", 0},
		{"orderby", "$orderby=userPrincipalName&$top=2", false, 200, "", "", 2},
		{"orderby unknown", "$orderby=jobTitle", false, 400, "Request_UnsupportedQuery", "", 0},
		{"orderby with filter needs advanced", "$orderby=displayName&$filter=" + enc("department eq 'IT'"), false, 400, "Request_UnsupportedQuery", "Sorting not supported", 0},
		{"orderby with filter advanced", "$count=true&$orderby=displayName&$filter=" + enc("department eq 'IT'"), true, 200, "", "", 10},
		{"two orderby keys", "$orderby=displayName,userPrincipalName", false, 400, "Request_UnsupportedQuery", "", 0},
		{"repeated option", "$top=2&$top=3", false, 400, "Request_BadRequest", "more than once", 0},
		{"count bad", "$count=yes", false, 400, "Request_BadRequest", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r response
			if c.eventual {
				r = q(c.query, ev...)
			} else {
				r = q(c.query)
			}
			if r.status != c.status || (c.code != "" && r.errCode() != c.code) || !strings.Contains(r.errMessage(), c.msg) {
				t.Fatalf("got %d %s %q\nwant %d %s containing %q", r.status, r.errCode(), r.errMessage(), c.status, c.code, c.msg)
			}
			if c.status == 200 {
				items := r.body["value"].([]any)
				if len(items) != c.count {
					t.Errorf("%d items, want %d", len(items), c.count)
				}
			}
		})
	}
	// $select returns exactly the selected properties.
	r := q("$select=id,accountEnabled&$top=1")
	item := r.body["value"].([]any)[0].(map[string]any)
	if len(item) != 2 || item["accountEnabled"] == nil {
		t.Errorf("$select item: %v", item)
	}
}

// flip changes the base64url character at i to another one.
func flip(s string, i int) string {
	c := byte('A')
	if s[i] == 'A' {
		c = 'B'
	}
	return s[:i] + string(c) + s[i+1:]
}

package api_test

import (
	"strings"
	"testing"
)

func TestDomains(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	h.want(h.do(a.memberTok, "POST", "/v1.0/domains", map[string]any{"id": "contoso.example"}), 403, "Authorization_RequestDenied")
	r := h.do(a.adminTok, "POST", "/v1.0/domains", map[string]any{"id": "Contoso.Example."})
	h.want(r, 201, "")
	if r.body["id"] != "contoso.example" || r.body["isVerified"] != false || r.body["isRoot"] != true {
		t.Fatalf("added domain: %s", r.raw)
	}
	h.wantAudit(a, "Add unverified domain", "contoso.example")
	for name, body := range map[string]map[string]any{
		"duplicate":         {"id": "CONTOSO.example"},
		"bad name":          {"id": "contoso..example"},
		"single label":      {"id": "localhost"},
		"platform domain":   {"id": "sub.atrium.test"},
		"extra property":    {"id": "x.example", "isDefault": true},
		"missing id":        {},
		"underscore":        {"id": "my_domain.example"},
		"numeric top label": {"id": "10.0.0.1"},
	} {
		r := h.do(a.adminTok, "POST", "/v1.0/domains", body)
		if r.status != 400 || r.errCode() != "Request_BadRequest" {
			t.Errorf("%s: %d %s %s", name, r.status, r.errCode(), r.errMessage())
		}
	}

	// The TXT record to create, then verification over real DNS.
	recs := h.do(a.adminTok, "GET", "/v1.0/domains/contoso.example/verificationDnsRecords", nil)
	h.want(recs, 200, "")
	rec := recs.body["value"].([]any)[0].(map[string]any)
	text := rec["text"].(string)
	if rec["recordType"] != "Txt" || rec["label"] != "contoso.example" || len(text) != len("MS=ms12345678") || !strings.HasPrefix(text, "MS=ms") {
		t.Fatalf("verification record: %v", rec)
	}
	h.want(h.do(b.adminTok, "GET", "/v1.0/domains/contoso.example/verificationDnsRecords", nil), 404, "Request_ResourceNotFound")
	r = h.do(a.adminTok, "POST", "/v1.0/domains/contoso.example/verify", nil)
	if r.status != 400 || r.errMessage() != "Domain verification failed: TXT record "+text+" was not found at contoso.example." {
		t.Fatalf("verify without record: %d %s", r.status, r.errMessage())
	}
	h.dns.SetTXT("contoso.example", "v=spf1 -all", "MS=ms00000000")
	h.want(h.do(a.adminTok, "POST", "/v1.0/domains/contoso.example/verify", nil), 400, "Request_BadRequest")
	h.dns.SetTXT("contoso.example", "v=spf1 -all", text)
	h.want(h.do(b.adminTok, "POST", "/v1.0/domains/contoso.example/verify", nil), 404, "Request_ResourceNotFound")
	r = h.do(a.adminTok, "POST", "/v1.0/domains/contoso.example/verify", nil)
	h.want(r, 200, "")
	if r.body["isVerified"] != true {
		t.Fatalf("verify: %s", r.raw)
	}
	h.wantAudit(a, "Verify domain", "contoso.example")

	// Another tenant can add the name but never verify it.
	h.want(h.do(b.adminTok, "POST", "/v1.0/domains", map[string]any{"id": "contoso.example"}), 201, "")
	recB := h.do(b.adminTok, "GET", "/v1.0/domains/contoso.example/verificationDnsRecords", nil).body["value"].([]any)[0].(map[string]any)
	h.dns.SetTXT("contoso.example", text, recB["text"].(string))
	r = h.do(b.adminTok, "POST", "/v1.0/domains/contoso.example/verify", nil)
	if r.status != 400 || r.errMessage() != "The domain contoso.example is already verified in another organization." {
		t.Errorf("verify a domain of another tenant: %d %s", r.status, r.errMessage())
	}

	// A subdomain of a verified domain is verified on add.
	r = h.do(a.adminTok, "POST", "/v1.0/domains", map[string]any{"id": "eu.contoso.example"})
	if r.status != 201 || r.body["isVerified"] != true || r.body["isRoot"] != false {
		t.Errorf("subdomain: %s", r.raw)
	}
	h.wantAudit(a, "Add verified domain", "eu.contoso.example")

	// Users can now use the domain; then it can't be removed.
	h.newUser(a, "joep", map[string]any{"userPrincipalName": "joep@contoso.example"})
	h.want(h.do(a.memberTok, "PATCH", "/v1.0/domains/contoso.example", map[string]any{"isDefault": true}), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/domains/contoso.example", map[string]any{"isDefault": true}), 204, "")
	h.wantAudit(a, "Set default domain", "contoso.example")
	ds, _ := a.admin.ListDomains(bg)
	defaults := 0
	for _, d := range ds {
		if d.IsDefault {
			defaults++
			if d.ID != "contoso.example" {
				t.Errorf("default is %s", d.ID)
			}
		}
	}
	if defaults != 1 {
		t.Errorf("%d default domains", defaults)
	}
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/domains/"+b.domain, map[string]any{"isDefault": true}), 404, "Request_ResourceNotFound")
	h.want(h.do(b.adminTok, "PATCH", "/v1.0/domains/contoso.example", map[string]any{"isDefault": true}), 400, "Request_BadRequest") // unverified there
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/domains/contoso.example", map[string]any{"isVerified": true}), 400, "Request_BadRequest")

	for name, d := range map[string]string{"initial": a.domain, "default": "contoso.example"} {
		r := h.do(a.adminTok, "DELETE", "/v1.0/domains/"+d, nil)
		if r.status != 400 || !strings.Contains(r.errMessage(), "can't be removed") {
			t.Errorf("delete %s domain: %d %s", name, r.status, r.errMessage())
		}
	}
	h.want(h.do(a.adminTok, "PATCH", "/v1.0/domains/"+a.domain, map[string]any{"isDefault": true}), 204, "")
	r = h.do(a.adminTok, "DELETE", "/v1.0/domains/contoso.example", nil)
	if r.status != 400 || !strings.Contains(r.errMessage(), "in use by 1 user(s)") {
		t.Errorf("delete a domain in use: %d %s", r.status, r.errMessage())
	}
	h.want(h.do(a.memberTok, "DELETE", "/v1.0/domains/eu.contoso.example", nil), 403, "Authorization_RequestDenied")
	h.want(h.do(b.adminTok, "DELETE", "/v1.0/domains/eu.contoso.example", nil), 404, "Request_ResourceNotFound")
	h.want(h.do(a.adminTok, "DELETE", "/v1.0/domains/eu.contoso.example", nil), 204, "")
	h.wantAudit(a, "Remove domain", "eu.contoso.example")
	h.want(h.do(a.adminTok, "GET", "/v1.0/domains/eu.contoso.example", nil), 404, "Request_ResourceNotFound")
}

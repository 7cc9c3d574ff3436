package api_test

import (
	"testing"

	"github.com/atriumhq/atrium/internal/authz"
)

func TestDirSyncSettings(t *testing.T) {
	h := newHarness(t)
	a, b := h.newTenant("alpha"), h.newTenant("beta")
	path := "/v1.0/directory/onPremisesSynchronization/" + a.id
	h.want(h.do("", "GET", path, nil), 401, "InvalidAuthenticationToken")
	_, userAdminTok := h.roleUser(a, "useradmin", authz.UserAdmin)
	for _, tok := range []string{a.memberTok, userAdminTok} {
		h.want(h.do(tok, "GET", path, nil), 403, "Authorization_RequestDenied")
		h.want(h.do(tok, "PATCH", path, map[string]any{"features": map[string]any{"blockSoftMatchEnabled": true}}), 403, "Authorization_RequestDenied")
	}
	h.want(h.do(a.adminTok, "GET", "/v1.0/directory/onPremisesSynchronization/"+b.id, nil), 404, "Request_ResourceNotFound")

	// Defaults: the deletion threshold at 500, a sync every 30 minutes,
	// password hash sync and soft match on user names on.
	r := h.do(a.adminTok, "GET", "/v1.0/directory/onPremisesSynchronization", nil)
	h.want(r, 200, "")
	def := r.body["value"].([]any)[0].(map[string]any)
	cfg := def["configuration"].(map[string]any)
	adp := cfg["accidentalDeletionPrevention"].(map[string]any)
	feats := def["features"].(map[string]any)
	if def["id"] != a.id || cfg["synchronizationInterval"] != "PT30M" || adp["synchronizationPreventionType"] != "enabledForCount" ||
		adp["alertThreshold"] != 500.0 || feats["passwordSyncEnabled"] != true || feats["softMatchOnUpnEnabled"] != true ||
		feats["blockSoftMatchEnabled"] != false || feats["passwordWritebackEnabled"] != false || len(feats) != 8 {
		t.Fatalf("defaults: %s", r.raw)
	}

	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"configuration": map[string]any{"synchronizationInterval": "PT1H"},
		"features": map[string]any{"blockSoftMatchEnabled": true, "passwordSyncEnabled": false}}), 204, "")
	audit := h.wantAudit(a, "Set directory feature on tenant", a.id)
	if mods := audit.TargetResources[0].ModifiedProperties; len(mods) != 3 {
		t.Errorf("audit modified properties: %+v", mods)
	}
	// A PATCH changes only what it names.
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"configuration": map[string]any{"accidentalDeletionPrevention": map[string]any{
		"synchronizationPreventionType": "enabledForPercentage", "alertThreshold": 20}}}), 204, "")
	r = h.do(a.adminTok, "GET", path, nil)
	h.want(r, 200, "")
	cfg, feats = r.body["configuration"].(map[string]any), r.body["features"].(map[string]any)
	adp = cfg["accidentalDeletionPrevention"].(map[string]any)
	if cfg["synchronizationInterval"] != "PT1H" || adp["synchronizationPreventionType"] != "enabledForPercentage" || adp["alertThreshold"] != 20.0 ||
		feats["blockSoftMatchEnabled"] != true || feats["passwordSyncEnabled"] != false || feats["softMatchOnUpnEnabled"] != true {
		t.Fatalf("after two PATCHes: %s", r.raw)
	}
	before := h.auditCount(a)
	h.want(h.do(a.adminTok, "PATCH", path, map[string]any{"features": map[string]any{"blockSoftMatchEnabled": true}}), 204, "")
	if h.auditCount(a) != before {
		t.Error("a PATCH that changes nothing was audited")
	}

	for name, c := range map[string]struct {
		body   map[string]any
		target string
	}{
		"too often":       {map[string]any{"configuration": map[string]any{"synchronizationInterval": "PT5M"}}, "configuration.synchronizationInterval"},
		"too rare":        {map[string]any{"configuration": map[string]any{"synchronizationInterval": "P8D"}}, "configuration.synchronizationInterval"},
		"not ISO":         {map[string]any{"configuration": map[string]any{"synchronizationInterval": "30 minutes"}}, "configuration.synchronizationInterval"},
		"percent > 100":   {map[string]any{"configuration": map[string]any{"accidentalDeletionPrevention": map[string]any{"alertThreshold": 500}}}, "configuration.accidentalDeletionPrevention.alertThreshold"},
		"zero threshold":  {map[string]any{"configuration": map[string]any{"accidentalDeletionPrevention": map[string]any{"synchronizationPreventionType": "enabledForCount", "alertThreshold": 0}}}, "configuration.accidentalDeletionPrevention.alertThreshold"},
		"bad type":        {map[string]any{"configuration": map[string]any{"accidentalDeletionPrevention": map[string]any{"synchronizationPreventionType": "always"}}}, "configuration.accidentalDeletionPrevention.synchronizationPreventionType"},
		"text threshold":  {map[string]any{"configuration": map[string]any{"accidentalDeletionPrevention": map[string]any{"alertThreshold": "ten"}}}, "configuration.accidentalDeletionPrevention.alertThreshold"},
		"unknown feature": {map[string]any{"features": map[string]any{"deviceWritebackEnabled": true}}, "features.deviceWritebackEnabled"},
		"feature text":    {map[string]any{"features": map[string]any{"passwordSyncEnabled": "yes"}}, "features.passwordSyncEnabled"},
		"unknown config":  {map[string]any{"configuration": map[string]any{"customerRequestedSynchronizationInterval": "PT1H"}}, "configuration.customerRequestedSynchronizationInterval"},
		"not an object":   {map[string]any{"configuration": "PT1H"}, "configuration"},
		"id":              {map[string]any{"id": b.id}, "id"},
	} {
		r := h.do(a.adminTok, "PATCH", path, c.body)
		if r.status != 400 || r.errTarget() != c.target {
			t.Errorf("%s: %d target %q, want 400 %q: %s", name, r.status, r.errTarget(), c.target, r.errMessage())
		}
	}
}

// TestSyncEnabledFlag turns directory sync on and off through the
// organization, as Graph does.
func TestSyncEnabledFlag(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	org := "/v1.0/organization/" + a.id
	flag := func() any {
		t.Helper()
		r := h.do(a.memberTok, "GET", org, nil) // readable by every member
		h.want(r, 200, "")
		v, ok := r.body["onPremisesSyncEnabled"]
		if !ok {
			t.Fatalf("organization without onPremisesSyncEnabled: %s", r.raw)
		}
		return v
	}
	if v := flag(); v != nil {
		t.Fatalf("a new organization: onPremisesSyncEnabled %v, want null", v)
	}
	h.want(h.do(a.adminTok, "PATCH", org, map[string]any{"onPremisesSyncEnabled": false}), 204, "")
	if v := flag(); v != nil {
		t.Fatalf("turning off what was never on: %v, want null", v)
	}
	_, userAdminTok := h.roleUser(a, "useradmin", authz.UserAdmin)
	h.want(h.do(userAdminTok, "PATCH", org, map[string]any{"onPremisesSyncEnabled": true}), 403, "Authorization_RequestDenied")
	h.want(h.do(a.adminTok, "PATCH", org, map[string]any{"onPremisesSyncEnabled": true, "city": "Utrecht"}), 204, "")
	if v := flag(); v != true {
		t.Fatalf("after turning sync on: %v", v)
	}
	audit := h.wantAudit(a, "Set DirSyncEnabled flag", a.id)
	if m := audit.TargetResources[0].ModifiedProperties; len(m) != 1 || m[0].OldValue != `"null"` || m[0].NewValue != `"true"` {
		t.Errorf("audit: %+v", m)
	}
	h.wantAuditBy(a, "Set company information", a.id)
	h.want(h.do(a.adminTok, "PATCH", org, map[string]any{"onPremisesSyncEnabled": false}), 204, "")
	if v := flag(); v != false {
		t.Fatalf("after turning sync off: %v", v)
	}
	r := h.do(a.adminTok, "PATCH", org, map[string]any{"onPremisesSyncEnabled": nil})
	if r.status != 400 || r.errTarget() != "onPremisesSyncEnabled" {
		t.Fatalf("null: %d %s", r.status, r.raw)
	}
}

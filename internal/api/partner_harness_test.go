package api_test

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// partnerTenant is a partner tenant of the harness with its agent groups.
type partnerTenant struct {
	*tenant
	prof partner.Profile
}

// newPartnerTenant makes a tenant the operator turns into a partner.
func (h *harness) newPartnerTenant(prefix string) *partnerTenant {
	h.t.Helper()
	tn := h.newTenant(prefix)
	prof, err := h.app.Directory.SetPartner(authz.WithPrincipal(bg, authz.Operator), tn.id, true)
	if err != nil {
		h.t.Fatalf("set partner: %v", err)
	}
	return &partnerTenant{tenant: tn, prof: prof}
}

// agent creates a user of the partner in the agent group groupID and
// returns its id and token.
func (h *harness) agent(pt *partnerTenant, alias, groupID string) (string, string) {
	h.t.Helper()
	u := h.newUser(pt.tenant, alias, nil)
	h.addToGroup(pt.tenant, groupID, u.ID)
	return u.ID, h.token(pt.id, u.ID)
}

// addToGroup adds a member to a group as the operator.
func (h *harness) addToGroup(tn *tenant, groupID, memberID string) {
	h.t.Helper()
	if err := h.app.Directory.AddMember(authz.WithPrincipal(bg, authz.Operator), tn.id, groupID, memberID); err != nil {
		h.t.Fatalf("add member: %v", err)
	}
}

// resell makes pt the reseller of ct, with delegated admin if dap: the
// partner's agent agentID invites and the customer's Global admin accepts.
func (h *harness) resell(pt *partnerTenant, agentID string, ct *tenant, dap bool) {
	h.t.Helper()
	dir := h.app.Directory
	ap, err := dir.LoadPrincipal(bg, pt.id, agentID)
	if err != nil {
		h.t.Fatal(err)
	}
	inv, err := dir.CreatePartnerInvitation(authz.WithPrincipal(bg, ap), pt.id, dap, h.url)
	if err != nil {
		h.t.Fatalf("invite: %v", err)
	}
	if _, err := dir.AcceptPartnerInvitation(h.adminCtx(ct), inv.Token); err != nil {
		h.t.Fatalf("accept: %v", err)
	}
}

// adminCtx is the context of the Global admin of ct acting in the service.
func (h *harness) adminCtx(ct *tenant) context.Context {
	h.t.Helper()
	cp, err := h.app.Directory.LoadPrincipal(bg, ct.id, ct.adminID)
	if err != nil {
		h.t.Fatal(err)
	}
	return authz.WithPrincipal(bg, cp)
}

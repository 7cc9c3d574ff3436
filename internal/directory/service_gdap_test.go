package directory_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

// gdapWorld is a partner tenant with an Admin agent and a security group
// "Helpdesk team" with one member, and a customer with a user.
type gdapWorld struct {
	t                     *testing.T
	svc                   *directory.Service
	store                 directory.Store
	clk                   *clock
	op                    context.Context
	partnerID, customerID string
	prof                  partner.Profile
	agent, tech, victim   directory.User
	team                  directory.Group
	customerGA, agentCtx  context.Context
}

func newGDAPWorld(t *testing.T, store directory.Store) *gdapWorld {
	t.Helper()
	w := &gdapWorld{t: t, store: store, clk: &clock{t: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}}
	w.svc = directory.NewService(directory.Config{Store: store, Hasher: password.Hasher{Params: password.Params{Memory: 64, Time: 1, Threads: 1}},
		PlatformDomain: "atrium.test", NewSigningKey: fakeKey, Now: w.clk.now})
	w.op = authz.WithPrincipal(context.Background(), authz.Operator)
	pt, err := w.svc.CreateTenant(w.op, directory.NewTenant{Name: "Fabrikam Partners", DomainPrefix: "fabrikam", AdminUsername: "admin", AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	ct, err := w.svc.CreateTenant(w.op, directory.NewTenant{Name: "Contoso", DomainPrefix: "contoso", AdminUsername: "admin", AdminPassword: "Admin-Pass-1"})
	if err != nil {
		t.Fatal(err)
	}
	w.partnerID, w.customerID = pt.TenantID, ct.TenantID
	if w.prof, err = w.svc.SetPartner(w.op, w.partnerID, true); err != nil {
		t.Fatal(err)
	}
	w.agent = w.user(w.partnerID, "agent", pt.InitialDomain)
	w.tech = w.user(w.partnerID, "tech", pt.InitialDomain)
	w.victim = w.user(w.customerID, "victim", ct.InitialDomain)
	if err := w.svc.AddMember(w.op, w.partnerID, w.prof.AdminAgents, w.agent.ID); err != nil {
		t.Fatal(err)
	}
	w.team = w.group("Helpdesk team", true, w.tech.ID)
	w.customerGA = as(w.customerID, ct.AdminID, authz.GlobalAdmin.Key)
	w.agentCtx = as(w.partnerID, w.agent.ID)
	return w
}

func as(tenantID, userID string, roles ...string) context.Context {
	return authz.WithPrincipal(context.Background(), authz.Principal{UserID: userID, TenantID: tenantID, DisplayName: "User " + userID[:4], Roles: roles})
}

func (w *gdapWorld) user(tenantID, alias, domain string) directory.User {
	w.t.Helper()
	u, err := w.svc.CreateUser(w.op, tenantID, directory.Changes{"accountEnabled": true, "displayName": alias, "mailNickname": alias,
		"userPrincipalName": alias + "@" + domain}, &directory.PasswordProfile{Password: "Strong-Pass-1"})
	if err != nil {
		w.t.Fatal(err)
	}
	return u
}

func (w *gdapWorld) group(name string, security bool, members ...string) directory.Group {
	w.t.Helper()
	nick := strings.ReplaceAll(name, " ", "")
	g, err := w.svc.CreateGroup(w.op, w.partnerID, directory.GroupInput{DisplayName: &name, MailNickname: &nick,
		SecurityEnabled: &security, MailEnabled: ptr(!security), GroupTypes: &[]string{}, Members: members})
	if err != nil {
		w.t.Fatal(err)
	}
	return g
}

func ptr[T any](v T) *T { return &v }

// relationship creates a relationship with the customer and locks it for
// approval; with approve the customer's Global admin approves it too.
func (w *gdapWorld) relationship(name, duration string, approve bool, roles ...string) partner.GDAPRelationship {
	w.t.Helper()
	rel, err := w.svc.CreateGDAPRelationship(w.agentCtx, w.partnerID, directory.GDAPInput{DisplayName: &name, Duration: &duration,
		CustomerTenantID: &w.customerID, Roles: &roles})
	if err != nil {
		w.t.Fatalf("create relationship: %v", err)
	}
	if _, err := w.svc.RequestGDAP(w.agentCtx, w.partnerID, rel.ID, directory.GDAPLockForApproval, "https://admin.example"); err != nil {
		w.t.Fatalf("lock: %v", err)
	}
	if approve {
		if rel, err = w.svc.ApproveGDAP(w.customerGA, w.customerID, rel.ID, true); err != nil {
			w.t.Fatalf("approve: %v", err)
		}
	}
	return rel
}

// grantDAP makes the partner the customer's reseller with delegated admin.
func (w *gdapWorld) grantDAP() {
	w.t.Helper()
	inv, err := w.svc.CreatePartnerInvitation(w.agentCtx, w.partnerID, true, "https://admin.example")
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := w.svc.AcceptPartnerInvitation(w.customerGA, inv.Token); err != nil {
		w.t.Fatal(err)
	}
}

// actAs is the partner user acting in the customer.
func (w *gdapWorld) actAs(u directory.User) (authz.Principal, error) {
	return w.svc.ActAs(context.Background(), authz.Principal{UserID: u.ID, TenantID: w.partnerID, UPN: u.UserPrincipalName}, w.customerID)
}

func backends(t *testing.T, fn func(*testing.T, directory.Store)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, testdb.SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, testdb.Postgres(t)) })
}

// TestGDAPStory walks a GDAP relationship from request to expiry: an Admin
// agent asks for User Administrator and Helpdesk Administrator for 30 days,
// the customer's Global admin approves (removing DAP), the agent gives the
// Helpdesk team Helpdesk Administrator, a member of the team resets a
// customer user's password, and after the end the job expires it and the
// same member is refused.
func TestGDAPStory(t *testing.T) {
	backends(t, func(t *testing.T, store directory.Store) {
		w := newGDAPWorld(t, store)
		w.grantDAP()
		if p, err := w.actAs(w.agent); err != nil || p.Partner.Delegation != authz.DelegationDAP || p.Roles[0] != authz.GlobalAdmin.Key {
			t.Fatalf("the Admin agent with DAP: %+v, %v", p, err)
		}
		rel := w.relationship("Contoso helpdesk", "P30D", false, authz.UserAdmin.TemplateID, authz.PasswordAdmin.TemplateID)
		page, err := w.svc.ListAudit(w.customerGA, w.customerID, directory.ListQuery{Top: 1})
		if err != nil || page.Items[0].Activity != "Request GDAP relationship approval" || page.Items[0].Initiator.Partner == nil ||
			page.Items[0].Initiator.Partner.TenantID != w.partnerID {
			t.Fatalf("the customer's audit of the request: %+v, %v", page.Items, err)
		}
		view, err := w.svc.CustomerGDAPRelationship(w.customerGA, w.customerID, rel.ID)
		if err != nil || view.PartnerName != "Fabrikam Partners" || view.Status != partner.GDAPApprovalPending || len(view.Roles) != 2 || !view.PartnerHasDAP {
			t.Fatalf("approval page: %+v, %v", view, err)
		}
		if _, err := w.actAs(w.tech); err != directory.ErrNoDelegation {
			t.Fatalf("acting before approval: %v", err)
		}
		rel, err = w.svc.ApproveGDAP(w.customerGA, w.customerID, rel.ID, true)
		if err != nil || rel.Status != partner.GDAPActive || !rel.EndAt.Equal(w.clk.t.AddDate(0, 0, 30)) {
			t.Fatalf("approve: %+v, %v", rel, err)
		}
		if _, err := w.actAs(w.tech); err != directory.ErrNoDelegation {
			t.Fatalf("acting before an access assignment: %v", err)
		}
		if _, err := w.svc.CreateGDAPAssignment(w.agentCtx, w.partnerID, rel.ID, w.team.ID, []string{authz.PasswordAdmin.TemplateID}); err != nil {
			t.Fatal(err)
		}
		p, err := w.actAs(w.tech)
		if err != nil || len(p.Roles) != 1 || p.Roles[0] != authz.PasswordAdmin.Key || p.Partner.Delegation != authz.DelegationGDAP ||
			p.Partner.RelationshipID != rel.ID {
			t.Fatalf("acting with GDAP: %+v, %v", p, err)
		}
		if _, err := w.svc.ResetPassword(authz.WithPrincipal(context.Background(), p), w.customerID, w.victim.ID, "", false); err != nil {
			t.Fatalf("reset the customer user's password: %v", err)
		}
		if _, err := w.actAs(w.agent); err != directory.ErrNoDelegation {
			t.Fatalf("the Admin agent outside the team, after approval removed DAP: %v", err)
		}
		w.clk.t = rel.EndAt.Add(-24 * time.Hour)
		if n, err := w.svc.AdvanceGDAP(context.Background()); err != nil || n != 1 {
			t.Fatalf("notices before the end: %d steps, %v", n, err)
		}
		w.clk.t = rel.EndAt.Add(time.Minute)
		if n, err := w.svc.AdvanceGDAP(context.Background()); err != nil || n != 1 {
			t.Fatalf("expiry: %d steps, %v", n, err)
		}
		got, err := w.svc.GetGDAPRelationship(w.agentCtx, w.partnerID, rel.ID)
		if err != nil || got.Status != partner.GDAPExpired {
			t.Fatalf("after the end: %+v, %v", got, err)
		}
		if as, err := w.svc.ListGDAPAssignments(w.agentCtx, w.partnerID, rel.ID); err != nil || len(as) != 0 {
			t.Fatalf("assignments after expiry: %+v, %v", as, err)
		}
		if _, err := w.actAs(w.tech); err != directory.ErrNoDelegation {
			t.Fatalf("acting after expiry: %v", err)
		}
		if n, err := w.svc.AdvanceGDAP(context.Background()); err != nil || n != 0 {
			t.Fatalf("the job again: %d steps, %v", n, err)
		}
		if cs, err := w.svc.GDAPCustomers(w.agentCtx, w.partnerID); err != nil || len(cs) != 0 {
			t.Fatalf("delegatedAdminCustomers after expiry: %+v, %v", cs, err)
		}
	})
}

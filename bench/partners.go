package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
	"github.com/google/uuid"
)

// partnerBench makes the seeded tenant (n users) one of a partner's
// customers customers, with delegated admin, and measures a user read by
// the customer's own admin and by the partner's admin agent acting in the
// customer (which resolves the agent's delegated roles on every request),
// and the first page of the partner's contracts (its customers).
func partnerBench(backend, pgURL string, n, customers, reps int) {
	e, done := setup(backend, pgURL, n)
	defer done()
	ctx := context.Background()
	op := authz.WithPrincipal(ctx, authz.Operator)
	pt, err := e.app.Directory.CreateTenant(op, directory.NewTenant{Name: "Bench Partner", DomainPrefix: "benchpartner",
		AdminUsername: "admin", AdminPassword: "Bench-Pass-1"})
	if err != nil {
		fail(err)
	}
	prof, err := e.app.Directory.SetPartner(op, pt.TenantID, true)
	if err != nil {
		fail(err)
	}
	if err := e.app.Directory.AddMember(op, pt.TenantID, prof.AdminAgents, pt.AdminID); err != nil {
		fail(err)
	}
	start, now := time.Now(), time.Now().UTC().Truncate(time.Microsecond)
	link := func(tx directory.Tx, name, domain string) error {
		return tx.PutPartnerRelationship(&partner.Relationship{PartnerTenantID: pt.TenantID, ContractID: uuid.NewString(),
			PartnerName: "Bench Partner", CustomerName: name, CustomerDomain: domain, ResellerSince: now, DAPSince: now})
	}
	for i := 1; i < customers; i++ {
		id := uuid.NewString()
		err := e.app.Store.CreateTenant(ctx, directory.Tenant{ID: id, CreatedAt: now, CursorSecret: []byte(id),
			Org: directory.Organization{DisplayName: fmt.Sprintf("Customer %05d", i)}}, func(tx directory.Tx) error {
			return link(tx, fmt.Sprintf("Customer %05d", i), fmt.Sprintf("c%05d.atrium.test", i))
		})
		if err != nil {
			fail(err)
		}
	}
	if err := e.app.Store.Update(ctx, e.tenant.TenantID, func(tx directory.Tx) error { return link(tx, "Bench", e.tenant.InitialDomain) }); err != nil {
		fail(err)
	}
	if err := e.app.Store.Analyze(ctx); err != nil { // as autovacuum would, soon after a bulk load
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "made %d customers in %s\n", customers, time.Since(start).Round(time.Millisecond))
	tok, err := e.app.Tokens.Mint(ctx, pt.TenantID, pt.AdminID, 2*time.Hour, "bench")
	if err != nil {
		fail(err)
	}
	agent := client.New(e.srv.URL, tok)
	acting := agent.ActingIn(e.tenant.TenantID)
	upn := func(i int) string { return fmt.Sprintf("p%06d@%s", (i*7919)%n, e.tenant.InitialDomain) }
	row := func(op string, p [2]float64) {
		fmt.Printf("| %s | %d | %s | %.2f | %.2f |\n", backend, n, op, p[0], p[1])
	}
	row("GET /v1.0/users/{upn}, the customer's own admin", measure(reps, func(i int) error { _, err := e.c.GetUser(ctx, upn(i), "id"); return err }))
	row(fmt.Sprintf("GET /v1.0/users/{upn}, the partner's admin agent acting in it (DAP, partner of %d customers)", customers),
		measure(reps, func(i int) error { _, err := acting.GetUser(ctx, upn(i), "id"); return err }))
	row(fmt.Sprintf("GET /v1.0/contracts?$top=100, first page (%d customers)", customers),
		measure(reps, func(int) error { return agent.Do(ctx, "GET", "/v1.0/contracts?$top=100", nil, nil, nil, nil) }))
}

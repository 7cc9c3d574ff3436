package cli

import (
	"context"
	"fmt"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/spf13/cobra"
)

// partnerCmd holds a partner's commands (invite customers, list them, act
// in one) and a customer's (accept an invitation, list its partners,
// remove delegated admin).
func partnerCmd() *cobra.Command {
	var r remote
	c := parent("partner", "Partner relationships: invite customers, act in them, and manage your own partners (remote)")
	r.register(c)
	var dap bool
	invite := &cobra.Command{Use: "invite", Short: "Make a reseller relationship invitation to send a customer (Admin and Sales agents)",
		Args: cobra.NoArgs, RunE: func(c *cobra.Command, _ []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			inv, err := cl.PartnerInvite(c.Context(), dap)
			if err != nil {
				return err
			}
			if r.output == "json" {
				return r.print(c.OutOrStdout(), inv, nil)
			}
			fmt.Fprintf(c.OutOrStdout(), "Link (send it to a Global admin of the customer; it works once, for 30 days):\n%s\n\nSubject: %s\n\n%s",
				inv.URL, inv.EmailSubject, inv.EmailBody)
			return nil
		}}
	invite.Flags().BoolVar(&dap, "delegated-admin", false, "also ask for delegated admin privileges (DAP); prefer GDAP")
	customers := &cobra.Command{Use: "customers", Short: "List your partner organization's customers", Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			list, err := cl.PartnerCustomers(c.Context())
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), list, rowsOf(list), "tenantId", "displayName", "defaultDomainName", "resellerSince", "delegatedAdmin")
		}}
	actAs := &cobra.Command{Use: "act-as CUSTOMER", Short: "Check your delegated access to a customer; then run commands there with --tenant CUSTOMER or ATRIUM_TENANT",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			org, err := cl.ActingIn(args[0]).GetOrganization(c.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "You can act in %s (%s) with your own account.\nRun commands there with --tenant %s, or: export ATRIUM_TENANT=%s\n",
				org.DisplayName, org.ID, org.ID, org.ID)
			return nil
		}}
	accept := &cobra.Command{Use: "accept TOKEN", Short: "Accept a partner's invitation for your organization (Global admin)", Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			rel, err := cl.AcceptInvitation(c.Context(), args[0])
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), rel, []any{rel}, "partnerTenantId", "displayName", "resellerSince", "delegatedAdmin")
		}}
	relationships := &cobra.Command{Use: "relationships", Short: "List your organization's partners (Global admin)", Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			list, err := cl.PartnerRelationships(c.Context())
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), list, rowsOf(list), "partnerTenantId", "displayName", "resellerSince", "delegatedAdmin", "delegatedAdminSince")
		}}
	removeDAP := &cobra.Command{Use: "remove-dap PARTNER", Short: "Remove a partner's delegated admin privileges, keeping it as reseller (Global admin)",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			if err := cl.RemoveDelegatedAdmin(c.Context(), args[0]); err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), "Delegated admin removed. The partner stays your reseller; its Azure role assignments stay until you remove them.")
			return nil
		}}
	c.AddCommand(invite, customers, actAs, accept, relationships, removeDAP)
	return c
}

// setPartnerCmd is the operator's `tenant set-partner`.
func setPartnerCmd() *cobra.Command {
	var db dbFlags
	var off bool
	c := onTenant(&db, "set-partner <tenant>", "Make a tenant a partner tenant with the groups AdminAgents, HelpdeskAgents and SalesAgents", 1,
		func(c *cobra.Command, ctx context.Context, dir *directory.Service, tid string, _ []string) error {
			prof, err := dir.SetPartner(ctx, tid, !off)
			if err != nil {
				return err
			}
			if off {
				fmt.Fprintf(c.OutOrStdout(), "Tenant %s is no partner any more; its agent groups stay as ordinary groups.\n", tid)
				return nil
			}
			fmt.Fprintf(c.OutOrStdout(), "Tenant %s is a partner (%s).\nAdminAgents:    %s\nHelpdeskAgents: %s\nSalesAgents:    %s\n",
				tid, prof.Type, prof.AdminAgents, prof.HelpdeskAgents, prof.SalesAgents)
			return nil
		})
	c.Flags().BoolVar(&off, "off", false, "make it an ordinary tenant again (only without customers)")
	return c
}

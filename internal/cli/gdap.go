package cli

import (
	"fmt"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/spf13/cobra"
)

// gdapCmd is granular delegated admin (GDAP): a partner's Admin agents
// request roles in a customer and assign them to their groups; the
// customer's Global admin approves or terminates.
func gdapCmd() *cobra.Command {
	var r remote
	c := parent("gdap", "Granular delegated admin (GDAP) relationships between a partner and a customer (remote)")
	r.register(c)
	var name, duration string
	var roles []string
	var autoExtend bool
	request := &cobra.Command{Use: "request CUSTOMER-TENANT-ID", Short: "Request roles in a customer and lock the request for its approval (Admin agents)",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			access, err := gdapRoles(roles)
			if err != nil {
				return err
			}
			ext := "PT0S"
			if autoExtend {
				ext = "P180D"
			}
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			rel, err := cl.CreateDelegatedAdminRelationship(c.Context(), client.DelegatedAdminRelationshipChange{DisplayName: &name,
				Duration: &duration, Customer: &client.DelegatedAdminParticipant{TenantID: args[0]}, AccessDetails: &access, AutoExtendDuration: &ext})
			if err != nil {
				return err
			}
			if _, err := cl.RequestDelegatedAdminRelationship(c.Context(), rel.ID, "lockForApproval"); err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Relationship %s awaits the customer's approval; its Global admins were e-mailed this link:\n%s/AdminPortal/Home#/partners/invitation/granularAdminRelationships/%s\n",
				rel.ID, strings.TrimSuffix(r.server, "/"), rel.ID)
			return nil
		}}
	request.Flags().StringVar(&name, "name", "", "the relationship's name, unique among yours (≤ 50 characters; the customer sees it)")
	request.Flags().StringVar(&duration, "duration", "P730D", "how long it lasts once approved, ISO 8601 from P1D to P2Y")
	request.Flags().StringArrayVar(&roles, "role", nil, "a role by name or template id (repeat); e.g. 'User Administrator'")
	request.Flags().BoolVar(&autoExtend, "auto-extend", false, "extend by 180 days at the end (not with Global Administrator)")
	_ = request.MarkFlagRequired("name")
	list := &cobra.Command{Use: "list", Short: "List your partner organization's GDAP relationships (Admin agents)", Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			page, err := cl.ListDelegatedAdminRelationships(c.Context())
			if err != nil {
				return err
			}
			rows := make([]any, len(page.Value))
			for i, rel := range page.Value {
				customer := ""
				if rel.Customer != nil {
					customer = rel.Customer.DisplayName
				}
				rows[i] = map[string]any{"id": rel.ID, "displayName": rel.DisplayName, "customer": customer, "status": rel.Status,
					"roles": len(rel.AccessDetails.UnifiedRoles), "endDateTime": rel.EndDateTime}
			}
			return r.print(c.OutOrStdout(), page.Value, rows, "id", "displayName", "customer", "status", "roles", "endDateTime")
		}}
	var assignRoles []string
	assign := &cobra.Command{Use: "assign RELATIONSHIP-ID GROUP-ID", Short: "Give one of your security groups some of an active relationship's roles (Admin agents)",
		Args: cobra.ExactArgs(2), RunE: func(c *cobra.Command, args []string) error {
			access, err := gdapRoles(assignRoles)
			if err != nil {
				return err
			}
			ids := make([]string, len(access.UnifiedRoles))
			for i, ur := range access.UnifiedRoles {
				ids[i] = ur.RoleDefinitionID
			}
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			as, err := cl.CreateDelegatedAdminAccessAssignment(c.Context(), args[0], args[1], ids...)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Access assignment %s is %s.\n", as.ID, as.Status)
			return nil
		}}
	assign.Flags().StringArrayVar(&assignRoles, "role", nil, "a role by name or template id (repeat)")
	var keepDAP bool
	approve := &cobra.Command{Use: "approve RELATIONSHIP-ID", Short: "Approve a partner's GDAP request for your organization (Global admin)",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			a, err := cl.ApproveGDAP(c.Context(), args[0], !keepDAP)
			if err != nil {
				return err
			}
			until := "-"
			if a.EndDateTime != nil {
				until = stamp(*a.EndDateTime)
			}
			fmt.Fprintf(c.OutOrStdout(), "%s (%s) is %s until %s.\n", a.DisplayName, a.PartnerName, a.Status, until)
			return nil
		}}
	approve.Flags().BoolVar(&keepDAP, "keep-dap", false, "keep the partner's delegated admin privileges (DAP), which make its admin agents Global admins regardless")
	var asCustomer bool
	terminate := &cobra.Command{Use: "terminate RELATIONSHIP-ID", Short: "End a GDAP relationship at once (the partner's Admin agents, or with --customer the customer's Global admin)",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			if asCustomer {
				err = cl.Do(c.Context(), "POST", "/api/partnerRelationships/gdap/"+args[0]+"/terminate", nil, nil, nil, nil)
			} else {
				_, err = cl.RequestDelegatedAdminRelationship(c.Context(), args[0], "terminate")
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Relationship %s is terminated.\n", args[0])
			return nil
		}}
	terminate.Flags().BoolVar(&asCustomer, "customer", false, "terminate as the customer's Global admin")
	c.AddCommand(request, list, assign, approve, terminate)
	return c
}

// gdapRoles turns role names or template ids into a relationship's
// access details.
func gdapRoles(names []string) (client.DelegatedAdminAccess, error) {
	var out client.DelegatedAdminAccess
	if len(names) == 0 {
		return out, usageError{fmt.Errorf("name at least one --role")}
	}
	all := append(append([]authz.Role{}, authz.Roles...), authz.MoreRoles...)
	for _, n := range names {
		found := ""
		for _, r := range all {
			if strings.EqualFold(n, r.TemplateID) || strings.EqualFold(n, r.DisplayName) || strings.EqualFold(n, r.Label) {
				found = r.TemplateID
				break
			}
		}
		if found == "" {
			return out, usageError{fmt.Errorf("unknown role %q; use a built-in role's name (e.g. 'User Administrator') or template id", n)}
		}
		out.UnifiedRoles = append(out.UnifiedRoles, client.UnifiedRole{RoleDefinitionID: found})
	}
	return out, nil
}

package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/spf13/cobra"
)

// supportCmd is the operator's support desk: the service requests of
// every tenant, read and answered on the database directly.
func supportCmd() *cobra.Command {
	c := parent("support", "Answer the service requests of every tenant (operator; works on the database directly)")
	var db dbFlags
	var tenant, status string
	var limit int
	list := &cobra.Command{Use: "list", Short: "List service requests, most recently updated first", Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if status != "" && !slices.Contains(directory.SupportStatuses, status) {
				return usageError{fmt.Errorf("--status must be one of %s", strings.Join(directory.SupportStatuses, ", "))}
			}
			if limit < 1 || limit > 999 {
				return usageError{fmt.Errorf("--limit must be between 1 and 999")}
			}
			reqs, err := supportList(c, &db, tenant, status, limit)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(c.OutOrStdout(), 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "TENANT\tID\tSTATUS\tSEVERITY\tSERVICE\tUPDATED\tCREATED BY\tTITLE")
			for _, r := range reqs {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.TenantID, r.ID, r.Status, r.Severity, r.Service, stamp(r.UpdatedAt), r.CreatedByUPN, r.Title)
			}
			return tw.Flush()
		}}
	db.register(list)
	list.Flags().StringVar(&tenant, "tenant", "", "only this tenant (id or verified domain)")
	list.Flags().StringVar(&status, "status", "", "only requests with this status: "+strings.Join(directory.SupportStatuses, ", "))
	list.Flags().IntVar(&limit, "limit", 50, "how many requests (1 to 999)")

	show := onTenant(&db, "show <tenant> <id>", "Show a request with its thread", 2, func(c *cobra.Command, ctx context.Context, dir *directory.Service, tid string, args []string) error {
		r, err := dir.GetSupportRequest(ctx, tid, args[1])
		if err != nil {
			return err
		}
		out := c.OutOrStdout()
		fmt.Fprintf(out, "%s  %s\nstatus %s, severity %s, service %s; opened %s by %s\ncontact: %s, %s, %s (prefers %s)\n\n%s\n",
			r.ID, r.Title, r.Status, r.Severity, r.Service, stamp(r.CreatedAt), r.CreatedByUPN,
			r.ContactName, orText(r.ContactEmail, "no email"), orText(r.ContactPhone, "no phone"), r.ContactMethod, r.Description)
		for _, m := range r.Messages {
			fmt.Fprintf(out, "\n--- #%d %s, %s\n%s\n", m.N, m.AuthorName, stamp(m.At), m.Text)
		}
		return nil
	})
	reply := onTenant(&db, "reply <tenant> <id> <text>", "Answer a request as support (an open request moves to inProgress)", 3,
		func(c *cobra.Command, ctx context.Context, dir *directory.Service, tid string, args []string) error {
			m, err := dir.AddSupportMessage(ctx, tid, args[1], args[2])
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Message #%d added to %s.\n", m.N, strings.ToUpper(args[1]))
			return nil
		})
	setStatus := onTenant(&db, "status <tenant> <id> <status>", "Move a request to a status: "+strings.Join(directory.SupportStatuses, ", "), 3,
		func(c *cobra.Command, ctx context.Context, dir *directory.Service, tid string, args []string) error {
			r, err := dir.SetSupportStatus(ctx, tid, args[1], args[2])
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "%s is %s.\n", r.ID, r.Status)
			return nil
		})
	c.AddCommand(list, show, reply, setStatus)
	return c
}

// supportList reads the queue of every tenant, or one tenant's requests.
func supportList(c *cobra.Command, db *dbFlags, tenant, status string, limit int) ([]directory.SupportRequest, error) {
	ctx := authz.WithPrincipal(c.Context(), authz.Operator)
	if tenant == "" {
		app, err := db.openLocal(ctx)
		if err != nil {
			return nil, err
		}
		defer app.Close()
		return app.Directory.SupportQueue(ctx, status, limit)
	}
	app, tid, err := db.openTenant(ctx, tenant)
	if err != nil {
		return nil, err
	}
	defer app.Close()
	q := directory.ListQuery{Top: limit}
	if status != "" {
		q.Filter = directory.Compare{Prop: "status", Op: directory.OpEq, Value: directory.Value{Kind: directory.KindString, Str: status}}
	}
	page, err := app.Directory.ListSupportRequests(ctx, tid, q)
	for i := range page.Items {
		page.Items[i].TenantID = tid
	}
	return page.Items, err
}

// onTenant makes an operator command whose first of nargs arguments names
// the tenant (id or verified domain); run acts as the operator there.
func onTenant(db *dbFlags, use, short string, nargs int,
	run func(c *cobra.Command, ctx context.Context, dir *directory.Service, tenantID string, args []string) error) *cobra.Command {
	c := &cobra.Command{Use: use, Short: short, Args: cobra.ExactArgs(nargs), RunE: func(c *cobra.Command, args []string) error {
		ctx := authz.WithPrincipal(c.Context(), authz.Operator)
		app, tid, err := db.openTenant(ctx, args[0])
		if err != nil {
			return err
		}
		defer app.Close()
		return run(c, ctx, app.Directory, tid, args)
	}}
	db.register(c)
	return c
}

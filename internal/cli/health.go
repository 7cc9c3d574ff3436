package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/spf13/cobra"
)

// healthCmd publishes service health issues and message center posts for
// every tenant.
func healthCmd() *cobra.Command {
	c := parent("health", "Publish service health issues and message center posts to every tenant (operator; works on the database directly)")
	issue := parent("issue", "Publish, update and resolve service health issues")
	message := parent("message", "Post to every tenant's message center")
	var db dbFlags
	var in directory.IssueInput
	create := onDeployment(&db, "create", "Publish an issue of one service; its status shows on that service's health at once", 0,
		func(c *cobra.Command, ctx context.Context, dir *directory.Service, _ []string) error {
			is, err := dir.CreateHealthIssue(ctx, in)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Issue %s published: %s, %s.\n", is.ID, is.Classification, is.Status)
			return nil
		})
	create.Flags().StringVar(&in.Service, "service", "", "service id or name, such as AtriumMail or \"Atrium Mail\"")
	create.Flags().StringVar(&in.Title, "title", "", "one-line title")
	create.Flags().StringVar(&in.ImpactDescription, "impact", "", "what users notice")
	create.Flags().StringVar(&in.Classification, "classification", "incident", "incident or advisory")
	create.Flags().StringVar(&in.Status, "status", "investigating", "one of "+strings.Join(directory.OpenIssueStatuses(), ", "))
	create.Flags().StringVar(&in.Feature, "feature", "", "the affected feature (optional)")
	create.Flags().StringVar(&in.Post, "post", "", "the first post (optional)")
	for _, f := range []string{"service", "title", "impact"} {
		_ = create.MarkFlagRequired(f)
	}

	var change directory.IssueChange
	var title, impact, class, status string
	update := onDeployment(&db, "update <id>", "Change an open issue and add a post", 1,
		func(c *cobra.Command, ctx context.Context, dir *directory.Service, args []string) error {
			set := func(flag string, v *string, field **string) {
				if c.Flags().Changed(flag) {
					*field = v
				}
			}
			set("title", &title, &change.Title)
			set("impact", &impact, &change.ImpactDescription)
			set("classification", &class, &change.Classification)
			set("status", &status, &change.Status)
			is, err := dir.UpdateHealthIssue(ctx, args[0], change)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Issue %s updated: %s, %d posts.\n", is.ID, is.Status, len(is.Posts))
			return nil
		})
	update.Flags().StringVar(&title, "title", "", "new title")
	update.Flags().StringVar(&impact, "impact", "", "new impact description")
	update.Flags().StringVar(&class, "classification", "", "incident or advisory")
	update.Flags().StringVar(&status, "status", "", "one of "+strings.Join(directory.OpenIssueStatuses(), ", "))
	update.Flags().StringVar(&change.Post, "post", "", "a post telling what changed")

	var resolvedAs, resolvePost string
	resolve := onDeployment(&db, "resolve <id>", "End an issue; its service is healthy again unless other issues are open", 1,
		func(c *cobra.Command, ctx context.Context, dir *directory.Service, args []string) error {
			is, err := dir.ResolveHealthIssue(ctx, args[0], resolvedAs, resolvePost)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Issue %s resolved: %s.\n", is.ID, is.Status)
			return nil
		})
	resolve.Flags().StringVar(&resolvedAs, "status", "serviceRestored", "one of "+strings.Join(directory.ResolvedStatuses, ", "))
	resolve.Flags().StringVar(&resolvePost, "post", "", "a closing post (optional)")

	list := onDeployment(&db, "list", "List the open issues and those resolved in the last 30 days", 0,
		func(c *cobra.Command, ctx context.Context, dir *directory.Service, _ []string) error {
			issues, err := dir.HealthIssues(ctx, "")
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(c.OutOrStdout(), 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSERVICE\tCLASSIFICATION\tSTATUS\tUPDATED\tTITLE")
			for _, is := range issues {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", is.ID, is.Service, is.Classification, is.Status, stamp(is.UpdatedAt), is.Title)
			}
			return tw.Flush()
		})
	issue.AddCommand(create, update, resolve, list)
	message.AddCommand(postMessageCmd(&db))
	c.AddCommand(issue, message)
	return c
}

func postMessageCmd(db *dbFlags) *cobra.Command {
	var in directory.MessageInput
	var bodyFile, actBy, end string
	post := onDeployment(db, "post", "Post a message to every tenant's message center", 0,
		func(c *cobra.Command, ctx context.Context, dir *directory.Service, _ []string) error {
			if bodyFile != "" {
				b, err := os.ReadFile(bodyFile)
				if err != nil {
					return err
				}
				in.Body = string(b)
			}
			var err error
			if in.ActBy, err = date("act-by", actBy); err != nil {
				return err
			}
			if in.End, err = date("end", end); err != nil {
				return err
			}
			m, err := dir.PostServiceMessage(ctx, in)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "Message %s posted to %s.\n", m.ID, strings.Join(m.Services, ", "))
			return nil
		})
	f := post.Flags()
	f.StringVar(&in.Title, "title", "", "one-line title")
	f.StringVar(&in.Body, "body", "", "the text (blank lines separate paragraphs)")
	f.StringVar(&bodyFile, "body-file", "", "read the text from this file instead")
	f.StringVar(&in.Category, "category", "stayInformed", "one of "+strings.Join(directory.MessageCategories, ", "))
	f.StringVar(&in.Severity, "severity", "normal", "normal, high or critical")
	f.StringArrayVar(&in.Services, "service", nil, "a service the message is about (repeat for more)")
	f.StringArrayVar(&in.Tags, "tag", nil, "a tag such as \"Admin impact\" (repeat for more)")
	f.BoolVar(&in.IsMajorChange, "major", false, "mark it a major change")
	f.StringVar(&actBy, "act-by", "", "date (YYYY-MM-DD) by which admins must act")
	f.StringVar(&end, "end", "", "date (YYYY-MM-DD) after which the message is no longer shown")
	_ = post.MarkFlagRequired("title")
	return post
}

// date parses an optional YYYY-MM-DD flag as midnight UTC.
func date(flag, v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return t, usageError{fmt.Errorf("--%s must be a date like 2025-03-01", flag)}
	}
	return t, nil
}

// onDeployment makes an operator command on deployment-wide data with
// nargs arguments; run acts as the operator.
func onDeployment(db *dbFlags, use, short string, nargs int,
	run func(c *cobra.Command, ctx context.Context, dir *directory.Service, args []string) error) *cobra.Command {
	c := &cobra.Command{Use: use, Short: short, Args: cobra.ExactArgs(nargs), RunE: func(c *cobra.Command, args []string) error {
		ctx := authz.WithPrincipal(c.Context(), authz.Operator)
		app, err := db.openLocal(ctx)
		if err != nil {
			return err
		}
		defer app.Close()
		return run(c, ctx, app.Directory, args)
	}}
	db.register(c)
	return c
}

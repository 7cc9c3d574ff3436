package cli

import (
	"fmt"

	"github.com/atriumhq/atrium/client"
	"github.com/spf13/cobra"
)

var groupColumns = []string{"id", "displayName", "mailNickname", "mail", "securityEnabled", "mailEnabled"}

func groupCmd() *cobra.Command {
	var r remote
	c := parent("group", "Manage groups and their members (remote)")
	r.register(c)
	var lf listFlags
	list := &cobra.Command{Use: "list", Short: "List groups", Args: cobra.NoArgs, RunE: func(c *cobra.Command, _ []string) error {
		cl, err := r.client(c.Context())
		if err != nil {
			return err
		}
		o := lf.options()
		page, err := cl.ListGroups(c.Context(), o)
		if err != nil {
			return err
		}
		items := page.Value
		if lf.all {
			if items, err = client.All(c.Context(), cl, page, o.Eventual); err != nil {
				return err
			}
		}
		return r.print(c.OutOrStdout(), items, rowsOf(items), groupColumns...)
	}}
	lf.register(list)
	get := &cobra.Command{Use: "get ID", Short: "Show a group", Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
		cl, err := r.client(c.Context())
		if err != nil {
			return err
		}
		g, err := cl.GetGroup(c.Context(), args[0])
		if err != nil {
			return err
		}
		return r.print(c.OutOrStdout(), g, []any{g}, groupColumns...)
	}}
	var nickname, description string
	var mailEnabled, security bool
	add := &cobra.Command{Use: "add NAME", Short: "Create a security group (or, with --mail-enabled, a mail-enabled one)",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			if nickname == "" {
				return usageError{fmt.Errorf("--mail-nickname is required")}
			}
			props := map[string]any{"displayName": args[0], "mailNickname": nickname, "mailEnabled": mailEnabled, "securityEnabled": security}
			if description != "" {
				props["description"] = description
			}
			g, err := cl.CreateGroup(c.Context(), props)
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), g, []any{g}, groupColumns...)
		}}
	add.Flags().StringVar(&nickname, "mail-nickname", "", "mail nickname (required)")
	add.Flags().StringVar(&description, "description", "", "description")
	add.Flags().BoolVar(&mailEnabled, "mail-enabled", false, "give the group a mail address")
	add.Flags().BoolVar(&security, "security-enabled", true, "a security group (false with --mail-enabled makes a distribution list)")
	del := simple(&r, "delete ID", "Delete a group", "deleted", func(cl *client.Client, c *cobra.Command, id string) error {
		return cl.DeleteGroup(c.Context(), id)
	})
	members := &cobra.Command{Use: "members ID", Short: "List a group's members", Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
		cl, err := r.client(c.Context())
		if err != nil {
			return err
		}
		page, err := cl.ListMembers(c.Context(), args[0], client.ListOptions{Top: 999})
		if err != nil {
			return err
		}
		items, err := client.All(c.Context(), cl, page, false)
		if err != nil {
			return err
		}
		return r.print(c.OutOrStdout(), items, rowsOf(items), "@odata.type", "id", "displayName", "userPrincipalName")
	}}
	pair := func(use, short, done string, fn func(*client.Client, *cobra.Command, string, string) error) *cobra.Command {
		return &cobra.Command{Use: use, Short: short, Args: cobra.ExactArgs(2), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			if err := fn(cl, c, args[0], args[1]); err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), done)
			return nil
		}}
	}
	addMember := pair("add-member GROUP-ID MEMBER-ID", "Add a user or group to a group", "member added", func(cl *client.Client, c *cobra.Command, g, m string) error {
		return cl.AddMember(c.Context(), g, m)
	})
	removeMember := pair("remove-member GROUP-ID MEMBER-ID", "Remove a member from a group", "member removed", func(cl *client.Client, c *cobra.Command, g, m string) error {
		return cl.RemoveMember(c.Context(), g, m)
	})
	addOwner := pair("add-owner GROUP-ID USER-ID", "Make a user an owner of a group", "owner added", func(cl *client.Client, c *cobra.Command, g, m string) error {
		return cl.AddOwner(c.Context(), g, m)
	})
	removeOwner := pair("remove-owner GROUP-ID USER-ID", "Remove an owner from a group", "owner removed", func(cl *client.Client, c *cobra.Command, g, m string) error {
		return cl.RemoveOwner(c.Context(), g, m)
	})
	c.AddCommand(list, get, add, del, members, addMember, removeMember, addOwner, removeOwner)
	return c
}

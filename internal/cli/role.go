package cli

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/spf13/cobra"
)

// roleID accepts a role by Atrium key ("user-admin"), Graph display name
// ("User Administrator") or template id.
func roleID(name string) (string, error) {
	for _, r := range authz.Roles {
		if strings.EqualFold(name, r.Key) || strings.EqualFold(name, r.DisplayName) || strings.EqualFold(name, r.TemplateID) {
			return r.TemplateID, nil
		}
	}
	return "", usageError{fmt.Errorf("unknown role %q; see 'atrium role list'", name)}
}

func roleCmd() *cobra.Command {
	var r remote
	c := parent("role", "Manage admin roles (remote)")
	r.register(c)
	list := &cobra.Command{Use: "list", Short: "List the built-in roles", Args: cobra.NoArgs, RunE: func(c *cobra.Command, _ []string) error {
		cl, err := r.client(c.Context())
		if err != nil {
			return err
		}
		defs, err := cl.ListRoleDefinitions(c.Context())
		if err != nil {
			return err
		}
		return r.print(c.OutOrStdout(), defs, rowsOf(defs), "id", "displayName", "description")
	}}
	assign := &cobra.Command{Use: "assign ROLE USER", Short: "Give a user a role (ROLE: key such as user-admin, name, or template id)",
		Args: cobra.ExactArgs(2), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			id, err := roleID(args[0])
			if err != nil {
				return err
			}
			u, err := cl.GetUser(c.Context(), args[1], "id")
			if err != nil {
				return err
			}
			ra, warnings, err := cl.AssignRole(c.Context(), u.ID, id)
			if err != nil {
				return err
			}
			for _, w := range warnings {
				fmt.Fprintln(c.ErrOrStderr(), "warning:", w)
			}
			return r.print(c.OutOrStdout(), ra, []any{ra}, "id", "roleDefinitionId", "principalId")
		}}
	revoke := &cobra.Command{Use: "revoke ROLE USER", Short: "Take a role from a user", Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			id, err := roleID(args[0])
			if err != nil {
				return err
			}
			u, err := cl.GetUser(c.Context(), args[1], "id")
			if err != nil {
				return err
			}
			ras, err := cl.ListRoleAssignments(c.Context(), "principalId eq '"+u.ID+"' and roleDefinitionId eq '"+id+"'")
			if err != nil {
				return err
			}
			if len(ras) == 0 {
				return fmt.Errorf("%s doesn't hold that role", args[1])
			}
			if err := cl.RemoveRoleAssignment(c.Context(), ras[0].ID); err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), "revoked")
			return nil
		}}
	members := &cobra.Command{Use: "members ROLE", Short: "List the users holding a role", Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			id, err := roleID(args[0])
			if err != nil {
				return err
			}
			ras, err := cl.ListRoleAssignments(c.Context(), "roleDefinitionId eq '"+id+"'")
			if err != nil {
				return err
			}
			var users []client.User
			for _, ra := range ras {
				u, err := cl.GetUser(c.Context(), ra.PrincipalID, "id", "displayName", "userPrincipalName", "accountEnabled")
				if err != nil {
					return err
				}
				users = append(users, u)
			}
			return r.print(c.OutOrStdout(), users, rowsOf(users), "id", "displayName", "userPrincipalName", "accountEnabled")
		}}
	var file string
	var revokeAll bool
	bulk := &cobra.Command{Use: "bulk ROLE --file users.txt", Short: "Assign (or with --revoke, take) a role for every user in a file, one id or user name a line",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			id, err := roleID(args[0])
			if err != nil {
				return err
			}
			users, err := readLines(file)
			if err != nil {
				return err
			}
			action := "assign"
			if revokeAll {
				action = "revoke"
			}
			res, err := cl.BulkRoles(c.Context(), client.BulkRolesRequest{UserIDs: users, RoleDefinitionID: id, Action: action})
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), res, rowsOf(res.Results), "userId", "status", "reason")
		}}
	bulk.Flags().StringVar(&file, "file", "", "file with one user id or user principal name a line ('-' for standard input)")
	bulk.Flags().BoolVar(&revokeAll, "revoke", false, "take the role instead of giving it")
	_ = bulk.MarkFlagRequired("file")
	c.AddCommand(list, assign, revoke, members, bulk)
	return c
}

// readLines reads the non-empty lines of a file, or of standard input for
// "-".
func readLines(path string) ([]string, error) {
	f := os.Stdin
	if path != "-" {
		var err error
		if f, err = os.Open(path); err != nil {
			return nil, err
		}
		defer f.Close()
	}
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

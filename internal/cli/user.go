package cli

import (
	"fmt"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
	"github.com/spf13/cobra"
)

var userColumns = []string{"id", "displayName", "userPrincipalName", "accountEnabled", "department"}

func userCmd() *cobra.Command {
	var r remote
	c := parent("user", "Manage users (remote)")
	r.register(c)

	var lf listFlags
	var deleted bool
	list := &cobra.Command{Use: "list", Short: "List users", Args: cobra.NoArgs, RunE: func(c *cobra.Command, _ []string) error {
		cl, err := r.client(c.Context())
		if err != nil {
			return err
		}
		o := lf.options(userColumns...)
		var page client.Page[client.User]
		if deleted {
			page, err = cl.ListDeletedUsers(c.Context(), o)
		} else {
			page, err = cl.ListUsers(c.Context(), o)
		}
		if err != nil {
			return err
		}
		items := page.Value
		if lf.all {
			if items, err = client.All(c.Context(), cl, page, o.Eventual); err != nil {
				return err
			}
		} else if page.NextLink != "" && r.output == "table" {
			defer fmt.Fprintln(c.ErrOrStderr(), "(more users: use --all, or --top up to 999)")
		}
		return r.print(c.OutOrStdout(), items, rowsOf(items), userColumns...)
	}}
	lf.register(list)
	list.Flags().BoolVar(&deleted, "deleted", false, "list deleted users (restorable for 30 days)")

	get := &cobra.Command{Use: "get ID|UPN", Short: "Show a user", Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
		cl, err := r.client(c.Context())
		if err != nil {
			return err
		}
		u, err := cl.GetUser(c.Context(), args[0], "id", "displayName", "userPrincipalName", "accountEnabled", "mail",
			"jobTitle", "department", "usageLocation", "createdDateTime")
		if err != nil {
			return err
		}
		return r.print(c.OutOrStdout(), u, []any{u}, append(userColumns, "usageLocation", "createdDateTime")...)
	}}

	var displayName, nickname, pwFile string
	var sets []string
	var forceChange, disabled bool
	add := &cobra.Command{Use: "add UPN", Short: "Add a user; prints a generated password unless --password-file is given",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			props, err := parseSets(sets)
			if err != nil {
				return err
			}
			upn := args[0]
			if nickname == "" {
				nickname = directory.MailNicknameFrom(aliasOf(upn))
			}
			if displayName == "" {
				displayName = aliasOf(upn)
			}
			pw, generated := "", false
			if pwFile != "" {
				if pw, err = readSecretFile(pwFile); err != nil {
					return err
				}
			} else {
				pw, generated = password.Generate(), true
			}
			props["userPrincipalName"], props["displayName"], props["mailNickname"] = upn, displayName, nickname
			props["accountEnabled"] = !disabled
			props["passwordProfile"] = client.PasswordProfile{Password: pw, ForceChangePasswordNextSignIn: forceChange}
			u, err := cl.CreateUser(c.Context(), props)
			if err != nil {
				return err
			}
			if err := r.print(c.OutOrStdout(), u, []any{u}, "id", "displayName", "userPrincipalName"); err != nil {
				return err
			}
			if generated {
				fmt.Fprintf(c.ErrOrStderr(), "temporary password (shown once): %s\n", pw)
			}
			return nil
		}}
	add.Flags().StringVar(&displayName, "display-name", "", "display name (default: the alias)")
	add.Flags().StringVar(&nickname, "mail-nickname", "", "mail nickname (default: the part before @)")
	add.Flags().StringVar(&pwFile, "password-file", "", "file with the password ('-' for standard input); default: generate one")
	add.Flags().BoolVar(&forceChange, "force-change", true, "require a password change at next sign-in")
	add.Flags().BoolVar(&disabled, "disabled", false, "create the account with sign-in blocked")
	add.Flags().StringArrayVar(&sets, "set", nil, "another property, e.g. --set jobTitle=Planner --set usageLocation=NL")

	var setProps []string
	set := &cobra.Command{Use: "set ID|UPN --set property=value...", Short: "Change a user's properties",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			props, err := parseSets(setProps)
			if err != nil {
				return err
			}
			if len(props) == 0 {
				return usageError{fmt.Errorf("nothing to change: give --set property=value")}
			}
			if err := cl.UpdateUser(c.Context(), args[0], props); err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), "updated", args[0])
			return nil
		}}
	set.Flags().StringArrayVar(&setProps, "set", nil, "property=value (JSON values such as false or [\"a\"] are taken as JSON)")

	del := simple(&r, "delete ID|UPN", "Delete a user (restorable for 30 days)", "deleted", func(cl *client.Client, c *cobra.Command, id string) error {
		return cl.DeleteUser(c.Context(), id)
	})
	restore := simple(&r, "restore ID", "Restore a deleted user", "restored", func(cl *client.Client, c *cobra.Command, id string) error {
		_, err := cl.RestoreUser(c.Context(), id)
		return err
	})
	purge := simple(&r, "purge ID", "Delete a deleted user for good", "purged", func(cl *client.Client, c *cobra.Command, id string) error {
		return cl.PurgeUser(c.Context(), id)
	})
	c.AddCommand(list, get, add, set, del, restore, purge, userImportCmd(&r), userExportCmd(&r))
	return c
}

// simple builds a command that takes one id and reports success.
func simple(r *remote, use, short, done string, fn func(*client.Client, *cobra.Command, string) error) *cobra.Command {
	return &cobra.Command{Use: use, Short: short, Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
		cl, err := r.client(c.Context())
		if err != nil {
			return err
		}
		if err := fn(cl, c, args[0]); err != nil {
			return err
		}
		fmt.Fprintln(c.OutOrStdout(), done, args[0])
		return nil
	}}
}

func aliasOf(upn string) string {
	alias, _, _ := strings.Cut(upn, "@")
	return alias
}

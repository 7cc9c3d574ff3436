package cli

import (
	"fmt"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/spf13/cobra"
)

func tokenCmd() *cobra.Command {
	c := parent("token", "Issue access tokens (operator; works on the database directly)")
	var db dbFlags
	var tenant, user string
	var ttl time.Duration
	create := &cobra.Command{
		Use:   "create",
		Short: "Print a signed access token for a user of a tenant",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if ttl <= 0 || ttl > 24*time.Hour {
				return usageError{fmt.Errorf("--ttl must be between 1s and 24h")}
			}
			app, tid, err := db.openTenant(c.Context(), tenant)
			if err != nil {
				return err
			}
			defer app.Close()
			ctx := authz.WithPrincipal(c.Context(), authz.Operator)
			u, err := app.Directory.FindUserForToken(ctx, tid, user)
			if err != nil {
				return fmt.Errorf("user %q: %w", user, err)
			}
			tok, err := app.Tokens.Mint(ctx, tid, u.ID, ttl, "atrium-cli")
			if err != nil {
				return err
			}
			fmt.Fprintln(c.OutOrStdout(), tok)
			return nil
		},
	}
	db.register(create)
	create.Flags().StringVar(&tenant, "tenant", "", "tenant id or one of its verified domains")
	create.Flags().StringVar(&user, "user", "", "user principal name of the user the token is for")
	create.Flags().DurationVar(&ttl, "ttl", time.Hour, "token lifetime (at most 24h)")
	_ = create.MarkFlagRequired("tenant")
	_ = create.MarkFlagRequired("user")
	c.AddCommand(create)
	return c
}

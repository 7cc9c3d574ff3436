package cli

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
)

func keysCmd() *cobra.Command {
	c := parent("keys", "Show and rotate a tenant's token signing keys (operator; works on the database directly)")
	var db dbFlags
	var tenant string
	var now bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List the published signing keys, the one that signs first",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			app, tid, err := db.openTenant(c.Context(), tenant)
			if err != nil {
				return err
			}
			defer app.Close()
			keys, err := app.Directory.SigningKeys(c.Context(), tid)
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(c.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "KID\tCREATED\tSIGNS FROM\tRETIRES")
			for _, k := range keys {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", k.KID, stamp(k.CreatedAt), orText(stamp(k.ActivatesAt), "creation"), orText(stamp(k.RetiresAt), "-"))
			}
			return w.Flush()
		},
	}
	rotate := &cobra.Command{
		Use:   "rotate",
		Short: "Publish a new signing key now; it signs after 24 hours, and the current key retires a day later",
		Long: "Publish a new signing key now; it signs after 24 hours, and the current key retires a day later.\n" +
			"With --now the new key signs at once and every older key is withdrawn: every token signed before stops\n" +
			"working (use it when a key may have leaked). Keys also rotate by themselves every 90 days.",
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			app, tid, err := db.openTenant(c.Context(), tenant)
			if err != nil {
				return err
			}
			defer app.Close()
			k, err := app.Directory.RotateSigningKey(c.Context(), tid, now)
			if err != nil {
				return err
			}
			if k.KID == "" {
				fmt.Fprintln(c.OutOrStdout(), "A rotation is under way already; use --now to replace the keys at once.")
				return nil
			}
			fmt.Fprintf(c.OutOrStdout(), "New key %s signs from %s.\n", k.KID, stamp(k.ActivatesAt))
			return nil
		},
	}
	for _, sub := range []*cobra.Command{list, rotate} {
		db.register(sub)
		sub.Flags().StringVar(&tenant, "tenant", "", "tenant id or one of its verified domains")
		_ = sub.MarkFlagRequired("tenant")
		c.AddCommand(sub)
	}
	rotate.Flags().BoolVar(&now, "now", false, "sign with the new key at once and withdraw every older key")
	return c
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

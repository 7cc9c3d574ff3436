package cli

import (
	"fmt"

	"github.com/atriumhq/atrium/client"
	"github.com/spf13/cobra"
)

var domainColumns = []string{"id", "isVerified", "isDefault", "isInitial", "authenticationType"}

func domainCmd() *cobra.Command {
	var r remote
	c := parent("domain", "Manage domains (remote)")
	r.register(c)
	list := &cobra.Command{Use: "list", Short: "List domains", Args: cobra.NoArgs, RunE: func(c *cobra.Command, _ []string) error {
		cl, err := r.client(c.Context())
		if err != nil {
			return err
		}
		ds, err := cl.ListDomains(c.Context())
		if err != nil {
			return err
		}
		return r.print(c.OutOrStdout(), ds, rowsOf(ds), domainColumns...)
	}}
	add := &cobra.Command{Use: "add NAME", Short: "Add a domain and show the TXT record that verifies it", Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			d, err := cl.AddDomain(c.Context(), args[0])
			if err != nil {
				return err
			}
			if err := r.print(c.OutOrStdout(), d, []any{d}, domainColumns...); err != nil || d.IsVerified || r.output == "json" {
				return err
			}
			recs, err := cl.DomainVerificationRecords(c.Context(), d.ID)
			if err != nil {
				return err
			}
			for _, rec := range recs {
				fmt.Fprintf(c.OutOrStdout(), "\nCreate this DNS record, then run 'atrium domain verify %s':\n  %s  TXT  %q  (TTL %d)\n", d.ID, rec.Label, rec.Text, rec.TTL)
			}
			return nil
		}}
	records := &cobra.Command{Use: "records NAME", Short: "Show the DNS records that verify a domain", Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			recs, err := cl.DomainVerificationRecords(c.Context(), args[0])
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), recs, rowsOf(recs), "label", "recordType", "text", "ttl")
		}}
	verify := &cobra.Command{Use: "verify NAME", Short: "Verify a domain by its DNS TXT record", Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			d, err := cl.VerifyDomain(c.Context(), args[0])
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), d, []any{d}, domainColumns...)
		}}
	def := simple(&r, "default NAME", "Make a verified domain the default", "default domain is now", func(cl *client.Client, c *cobra.Command, name string) error {
		return cl.SetDefaultDomain(c.Context(), name)
	})
	del := simple(&r, "delete NAME", "Remove a domain nothing uses", "removed", func(cl *client.Client, c *cobra.Command, name string) error {
		return cl.DeleteDomain(c.Context(), name)
	})
	c.AddCommand(list, add, records, verify, def, del)
	return c
}

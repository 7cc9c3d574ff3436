package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/spf13/cobra"
)

func outboxCmd() *cobra.Command {
	c := parent("outbox", "Show the mail and text messages Atrium queued (operator; works on the database directly)")
	var db dbFlags
	var limit int
	list := &cobra.Command{Use: "list", Short: "List the newest messages, sent or waiting", Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			app, err := db.openLocal(c.Context())
			if err != nil {
				return err
			}
			defer app.Close()
			msgs, err := app.Directory.Outbox(authz.WithPrincipal(c.Context(), authz.Operator), limit)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(c.OutOrStdout(), 2, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "CREATED\tCHANNEL\tTO\tSTATUS\tSUBJECT")
			for _, m := range msgs {
				status := "waiting"
				if !m.SentAt.IsZero() {
					status = "sent"
				} else if m.Attempts > 0 {
					status = fmt.Sprintf("retrying (%d): %s", m.Attempts, m.LastError)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.CreatedAt.Format("2006-01-02 15:04:05"), m.Channel, m.Recipient, status, m.Subject)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			for _, m := range msgs {
				if m.SentAt.IsZero() {
					fmt.Fprintf(c.OutOrStdout(), "\n--- %s to %s\n%s\n", m.Channel, m.Recipient, m.Body)
				}
			}
			return nil
		}}
	db.register(list)
	list.Flags().IntVar(&limit, "limit", 20, "how many messages")
	c.AddCommand(list)
	return c
}

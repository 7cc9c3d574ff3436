package cli

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"
)

// subscriptionColumns are the table columns of subscription commands.
var subscriptionColumns = []string{"id", "skuPartNumber", "status", "quantity", "autoRenew", "endDateTime", "purchaseChannel"}

func subscriptionCmd() *cobra.Command {
	var r remote
	c := parent("subscription", "Buy products, change seat counts and recurring billing (remote; needs billing.manage)")
	r.register(c)
	list := &cobra.Command{Use: "list", Short: "List the organization's subscriptions", Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			subs, err := cl.ListSubscriptions(c.Context())
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), subs, rowsOf(subs), subscriptionColumns...)
		}}
	var key string
	buy := &cobra.Command{Use: "buy SKU QUANTITY", Short: "Buy seats of a product (SKU: skuId or skuPartNumber, see 'atrium catalog list')",
		Args: cobra.ExactArgs(2), RunE: func(c *cobra.Command, args []string) error {
			n, err := strconv.Atoi(args[1])
			if err != nil {
				return usageError{fmt.Errorf("QUANTITY must be a whole number, not %q", args[1])}
			}
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			id, err := resolveSku(c.Context(), cl, args[0])
			if err != nil {
				return err
			}
			o, err := cl.BuyLicenses(c.Context(), id, n, key)
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), o, []any{o.Subscription}, subscriptionColumns...)
		}}
	buy.Flags().StringVar(&key, "idempotency-key", "", "a key that makes a retried purchase happen once")
	setSeats := &cobra.Command{Use: "set-seats ID QUANTITY", Short: "Lower a subscription's seats (not below the assigned ones)",
		Args: cobra.ExactArgs(2), RunE: func(c *cobra.Command, args []string) error {
			n, err := strconv.Atoi(args[1])
			if err != nil {
				return usageError{fmt.Errorf("QUANTITY must be a whole number, not %q", args[1])}
			}
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			s, err := cl.SetSeats(c.Context(), args[0], n)
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), s, []any{s}, subscriptionColumns...)
		}}
	renew := &cobra.Command{Use: "renew on|off ID", Short: "Turn a subscription's recurring billing on or off (off: it expires at the end of its term)",
		Args: cobra.ExactArgs(2), RunE: func(c *cobra.Command, args []string) error {
			if args[0] != "on" && args[0] != "off" {
				return usageError{fmt.Errorf("say on or off, not %q", args[0])}
			}
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			s, err := cl.SetAutoRenew(c.Context(), args[1], args[0] == "on")
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), s, []any{s}, subscriptionColumns...)
		}}
	reactivate := &cobra.Command{Use: "reactivate ID", Short: "Bring back an expired (Warning) or Suspended subscription for a new term",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			s, err := cl.Reactivate(c.Context(), args[0])
			if err != nil {
				return err
			}
			return r.print(c.OutOrStdout(), s, []any{s}, subscriptionColumns...)
		}}
	c.AddCommand(list, buy, setSeats, renew, reactivate)
	return c
}

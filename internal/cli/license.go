package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/spf13/cobra"
)

// resolveSku accepts a skuId or a skuPartNumber of the catalog.
func resolveSku(ctx context.Context, cl *client.Client, s string) (string, error) {
	cat, err := cl.Catalog(ctx)
	if err != nil {
		return "", err
	}
	for _, p := range cat {
		if strings.EqualFold(p.SkuID, s) || strings.EqualFold(p.SkuPartNumber, s) {
			return p.SkuID, nil
		}
	}
	return "", usageError{fmt.Errorf("%q is neither a skuId nor a skuPartNumber of the catalog; see 'atrium subscription buy --help'", s)}
}

func licenseCmd() *cobra.Command {
	var r remote
	c := parent("license", "Assign and remove user licenses (remote)")
	r.register(c)
	list := &cobra.Command{Use: "list", Short: "List the organization's products with seats bought and assigned", Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			skus, err := cl.SubscribedSkus(c.Context())
			if err != nil {
				return err
			}
			rows := make([]any, len(skus))
			for i, s := range skus {
				rows[i] = map[string]any{"skuId": s.SkuID, "skuPartNumber": s.SkuPartNumber, "status": s.CapabilityStatus,
					"enabled": s.PrepaidUnits.Enabled, "consumed": s.ConsumedUnits, "available": s.PrepaidUnits.Enabled - s.ConsumedUnits}
			}
			return r.print(c.OutOrStdout(), skus, rows, "skuId", "skuPartNumber", "status", "enabled", "consumed", "available")
		}}
	var disabled []string
	assign := &cobra.Command{Use: "assign USER SKU", Short: "Give a user a license (SKU: skuId or skuPartNumber); again to change --disable-plan",
		Args: cobra.ExactArgs(2), RunE: func(c *cobra.Command, args []string) error {
			return r.changeLicense(c, args[0], args[1], disabled, false)
		}}
	assign.Flags().StringSliceVar(&disabled, "disable-plan", nil, "servicePlanId to switch off (repeatable)")
	remove := &cobra.Command{Use: "remove USER SKU", Short: "Take a license from a user", Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error { return r.changeLicense(c, args[0], args[1], nil, true) }}
	c.AddCommand(list, assign, remove, licenseShowCmd(&r))
	return c
}

func (r *remote) changeLicense(c *cobra.Command, user, sku string, disabled []string, remove bool) error {
	cl, err := r.client(c.Context())
	if err != nil {
		return err
	}
	id, err := resolveSku(c.Context(), cl, sku)
	if err != nil {
		return err
	}
	if remove {
		err = cl.AssignLicense(c.Context(), user, nil, []string{id})
	} else {
		if disabled == nil {
			disabled = []string{}
		}
		err = cl.AssignLicense(c.Context(), user, []client.AssignedLicense{{SkuID: id, DisabledPlans: disabled}}, nil)
	}
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.OutOrStdout(), "%s: licenses of %s changed\n", id, user)
	return err
}

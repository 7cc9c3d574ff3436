package cli

import (
	"github.com/atriumhq/atrium/client"
	"github.com/spf13/cobra"
)

// licenseShowCmd lists one user's licenses plan by plan, with how far each
// plan's provisioning to its service is.
func licenseShowCmd(r *remote) *cobra.Command {
	return &cobra.Command{Use: "show USER", Short: "Show a user's licenses and the provisioning state of each service plan (USER: id, sign-in name or me)",
		Args: cobra.ExactArgs(1), RunE: func(c *cobra.Command, args []string) error {
			cl, err := r.client(c.Context())
			if err != nil {
				return err
			}
			ls, err := cl.LicenseDetails(c.Context(), args[0])
			if err != nil {
				return err
			}
			var rows []any
			for _, l := range ls {
				for _, p := range l.ServicePlans {
					rows = append(rows, map[string]any{"skuPartNumber": l.SkuPartNumber, "servicePlanName": p.ServicePlanName,
						"provisioningStatus": p.ProvisioningStatus, "error": p.ProvisioningError})
				}
			}
			if ls == nil {
				ls = []client.LicenseDetail{}
			}
			return r.print(c.OutOrStdout(), ls, rows, "skuPartNumber", "servicePlanName", "provisioningStatus", "error")
		}}
}

package cli

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/spf13/cobra"
)

func catalogCmd() *cobra.Command {
	c := parent("catalog", "Show the products tenants can buy (operator; local, no server needed)")
	var file string
	list := &cobra.Command{
		Use:   "list",
		Short: "List the products of the catalog serve uses: the demo catalog, or --catalog FILE",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			cat := directory.DemoCatalog()
			if file != "" {
				var err error
				if cat, err = directory.LoadCatalog(file); err != nil {
					return err
				}
			}
			return printCatalog(c.OutOrStdout(), cat)
		},
	}
	list.Flags().StringVar(&file, "catalog", env("ATRIUM_CATALOG", ""), "catalog file (ATRIUM_CATALOG); the demo catalog when empty")
	load := &cobra.Command{
		Use:   "load FILE",
		Short: "Check a catalog file and show its products; start serve with --catalog FILE to use it",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			cat, err := directory.LoadCatalog(args[0])
			if err != nil {
				return err
			}
			if err := printCatalog(c.OutOrStdout(), cat); err != nil {
				return err
			}
			_, err = fmt.Fprintf(c.OutOrStdout(), "%s is valid: %d products, %d service plans\n", args[0], len(cat.Products), len(cat.Plans))
			return err
		},
	}
	c.AddCommand(list, load)
	return c
}

func printCatalog(out io.Writer, cat *directory.Catalog) error {
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "SKU ID\tPART NUMBER\tNAME\tPRICE\tMAX SEATS\tPLANS")
	for _, p := range cat.Products {
		maxSeats := "-"
		if p.MaxSeats > 0 {
			maxSeats = fmt.Sprint(p.MaxSeats)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%.2f %s\t%s\t%d\n", p.SkuID, p.SkuPartNumber, p.DisplayName, p.UnitPrice, cat.Currency, maxSeats, len(p.PlanNames))
	}
	return w.Flush()
}

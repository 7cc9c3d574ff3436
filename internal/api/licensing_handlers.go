package api

import (
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

func productJSON(c *directory.Catalog, p *directory.Product) client.CatalogProduct {
	out := client.CatalogProduct{SkuID: p.SkuID, SkuPartNumber: p.SkuPartNumber, DisplayName: p.DisplayName, AppliesTo: p.AppliesTo,
		UnitPrice: client.Money{Amount: float64(p.PriceCents()) / 100, Currency: c.Currency}}
	if p.MaxSeats > 0 {
		out.MaxSeats = &p.MaxSeats
	}
	for _, sp := range c.ProductPlans(p) {
		out.ServicePlans = append(out.ServicePlans, client.ServicePlanInfo{ServicePlanID: sp.ID, ServicePlanName: sp.Name, AppliesTo: sp.AppliesTo})
	}
	return out
}

func (a *API) getCatalog(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	c, err := a.dir.Catalog(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]client.CatalogProduct, len(c.Products))
	for i := range c.Products {
		items[i] = productJSON(c, &c.Products[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": items})
	return nil
}

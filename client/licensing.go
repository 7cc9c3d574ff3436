package client

import (
	"context"
	"net/http"
)

// Money is an amount in a currency, as the billing API shows prices.
type Money struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
}

// ServicePlanInfo is one service plan of a product (Graph's
// servicePlanInfo); provisioningStatus is set on subscribedSkus and
// licenseDetails.
type ServicePlanInfo struct {
	ServicePlanID      string `json:"servicePlanId"`
	ServicePlanName    string `json:"servicePlanName"`
	ProvisioningStatus string `json:"provisioningStatus,omitempty"`
	AppliesTo          string `json:"appliesTo"`
}

// CatalogProduct is a product a tenant can buy (GET /api/catalog).
type CatalogProduct struct {
	SkuID         string            `json:"skuId"`
	SkuPartNumber string            `json:"skuPartNumber"`
	DisplayName   string            `json:"displayName"`
	AppliesTo     string            `json:"appliesTo"`
	UnitPrice     Money             `json:"unitPrice"`
	MaxSeats      *int              `json:"maxSeats"` // null: no limit
	ServicePlans  []ServicePlanInfo `json:"servicePlans"`
}

// Catalog lists the products the deployment sells.
func (c *Client) Catalog(ctx context.Context) ([]CatalogProduct, error) {
	var out struct {
		Value []CatalogProduct `json:"value"`
	}
	err := c.Do(ctx, http.MethodGet, "/api/catalog", nil, nil, nil, &out)
	return out.Value, err
}

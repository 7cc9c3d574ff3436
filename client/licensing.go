package client

import (
	"context"
	"net/http"
	"net/url"
	"time"
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
	// ProvisioningError is Atrium's reason for a provisioningStatus of
	// Error on a user's plan.
	ProvisioningError string `json:"provisioningError,omitempty"`
	AppliesTo         string `json:"appliesTo"`
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

// AssignedLicense is a license on a user (Graph's assignedLicense).
type AssignedLicense struct {
	SkuID         string   `json:"skuId"`
	DisabledPlans []string `json:"disabledPlans"`
}

// PrepaidUnits counts a SKU's seats per subscription status.
type PrepaidUnits struct {
	Enabled   int `json:"enabled"`
	Suspended int `json:"suspended"`
	Warning   int `json:"warning"`
	LockedOut int `json:"lockedOut"`
}

// SubscribedSku is a product the tenant owns (Graph's subscribedSku).
type SubscribedSku struct {
	ID               string            `json:"id"`
	AccountID        string            `json:"accountId"`
	SkuID            string            `json:"skuId"`
	SkuPartNumber    string            `json:"skuPartNumber"`
	AppliesTo        string            `json:"appliesTo"`
	CapabilityStatus string            `json:"capabilityStatus"`
	ConsumedUnits    int               `json:"consumedUnits"`
	PrepaidUnits     PrepaidUnits      `json:"prepaidUnits"`
	SubscriptionIDs  []string          `json:"subscriptionIds"`
	ServicePlans     []ServicePlanInfo `json:"servicePlans"`
}

// Subscription is one purchase of a product (GET /api/billing/subscriptions).
type Subscription struct {
	ID              string   `json:"id"`
	SkuID           string   `json:"skuId"`
	SkuPartNumber   string   `json:"skuPartNumber"`
	DisplayName     string   `json:"displayName"`
	Status          string   `json:"status"`
	Quantity        int      `json:"quantity"`
	PurchaseChannel string   `json:"purchaseChannel"`
	Partner         *Partner `json:"partner"`
	UnitPrice       Money    `json:"unitPrice"`
	// AutoRenew renews the subscription at EndDateTime; without it the
	// subscription moves to Warning then.
	AutoRenew bool `json:"autoRenew"`
	// EndDateTime ends the current term (Enabled) or the Warning or
	// Suspended period.
	EndDateTime           *time.Time `json:"endDateTime"`
	StatusChangedDateTime *time.Time `json:"statusChangedDateTime"`
}

// Partner names the partner tenant that sold a subscription.
type Partner struct {
	TenantID    string `json:"tenantId"`
	DisplayName string `json:"displayName"`
}

// Order is one purchase of seats; Subscription is the one that grew.
type Order struct {
	ID             string        `json:"id"`
	SkuID          string        `json:"skuId"`
	Quantity       int           `json:"quantity"`
	SubscriptionID string        `json:"subscriptionId"`
	CreatedBy      string        `json:"createdBy"`
	Subscription   *Subscription `json:"subscription,omitempty"`
}

// InvoiceLine is one product line of an invoice.
type InvoiceLine struct {
	SkuID       string `json:"skuId"`
	Description string `json:"description"`
	Quantity    int    `json:"quantity"`
	UnitPrice   Money  `json:"unitPrice"`
	Amount      Money  `json:"amount"`
}

// Invoice bills one order, or a renewal or reactivation (OrderID empty);
// status is due until paid.
type Invoice struct {
	ID      string        `json:"id"`
	OrderID string        `json:"orderId"`
	Status  string        `json:"status"`
	Total   Money         `json:"total"`
	Lines   []InvoiceLine `json:"lines"`
}

// SubscribedSkus lists the products the tenant owns with their seats.
func (c *Client) SubscribedSkus(ctx context.Context) ([]SubscribedSku, error) {
	var out struct {
		Value []SubscribedSku `json:"value"`
	}
	err := c.Do(ctx, http.MethodGet, "/v1.0/subscribedSkus", nil, nil, nil, &out)
	return out.Value, err
}

// BuyLicenses orders quantity seats of a product; a non-empty key makes a
// retried order happen once.
func (c *Client) BuyLicenses(ctx context.Context, skuID string, quantity int, key string) (Order, error) {
	var o Order
	var h http.Header
	if key != "" {
		h = http.Header{"Idempotency-Key": {key}}
	}
	err := c.Do(ctx, http.MethodPost, "/api/billing/orders", nil, h, map[string]any{"skuId": skuID, "quantity": quantity}, &o)
	return o, err
}

// ListSubscriptions lists the tenant's subscriptions.
func (c *Client) ListSubscriptions(ctx context.Context) ([]Subscription, error) {
	var out struct {
		Value []Subscription `json:"value"`
	}
	err := c.Do(ctx, http.MethodGet, "/api/billing/subscriptions", nil, nil, nil, &out)
	return out.Value, err
}

// SetAutoRenew turns a subscription's recurring billing on or off.
func (c *Client) SetAutoRenew(ctx context.Context, subscriptionID string, on bool) (Subscription, error) {
	var s Subscription
	err := c.Do(ctx, http.MethodPatch, "/api/billing/subscriptions/"+esc(subscriptionID), nil, nil, map[string]any{"autoRenew": on}, &s)
	return s, err
}

// Reactivate brings back a subscription in Warning or Suspended, for a new
// term.
func (c *Client) Reactivate(ctx context.Context, subscriptionID string) (Subscription, error) {
	var s Subscription
	err := c.Do(ctx, http.MethodPost, "/api/billing/subscriptions/"+esc(subscriptionID)+"/reactivate", nil, nil, nil, &s)
	return s, err
}

// SetSeats lowers a subscription's quantity.
func (c *Client) SetSeats(ctx context.Context, subscriptionID string, quantity int) (Subscription, error) {
	var s Subscription
	err := c.Do(ctx, http.MethodPatch, "/api/billing/subscriptions/"+esc(subscriptionID), nil, nil, map[string]any{"quantity": quantity}, &s)
	return s, err
}

// AssignLicense adds and removes a user's licenses in one change.
func (c *Client) AssignLicense(ctx context.Context, userID string, add []AssignedLicense, remove []string) error {
	if add == nil {
		add = []AssignedLicense{}
	}
	if remove == nil {
		remove = []string{}
	}
	return c.Do(ctx, http.MethodPost, "/v1.0/users/"+esc(userID)+"/assignLicense", nil, nil,
		map[string]any{"addLicenses": add, "removeLicenses": remove}, nil)
}

// ListInvoices lists the tenant's invoices, newest first.
func (c *Client) ListInvoices(ctx context.Context) ([]Invoice, error) {
	var out struct {
		Value []Invoice `json:"value"`
	}
	err := c.Do(ctx, http.MethodGet, "/api/billing/invoices", nil, nil, nil, &out)
	return out.Value, err
}

// LicenseDetail is one license of a user with the provisioning state of
// each of its service plans (Graph's licenseDetails).
type LicenseDetail struct {
	ID            string            `json:"id"`
	SkuID         string            `json:"skuId"`
	SkuPartNumber string            `json:"skuPartNumber"`
	ServicePlans  []ServicePlanInfo `json:"servicePlans"`
}

// LicenseDetails lists a user's licenses (id or user principal name; "me"
// for the caller).
func (c *Client) LicenseDetails(ctx context.Context, user string) ([]LicenseDetail, error) {
	var out struct {
		Value []LicenseDetail `json:"value"`
	}
	path := "/v1.0/me/licenseDetails"
	if user != "me" {
		path = "/v1.0/users/" + url.PathEscape(user) + "/licenseDetails"
	}
	err := c.Do(ctx, http.MethodGet, path, nil, nil, nil, &out)
	return out.Value, err
}

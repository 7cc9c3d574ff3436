package directory

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"github.com/atriumhq/atrium/internal/authz"
	"math"
	"os"
	"regexp"
	"strings"

	"github.com/google/uuid"
)

// ServicePlan is one capability of a product (mail, files, chat …), with
// the rules that tie it to other plans.
type ServicePlan struct {
	ID            string   `json:"servicePlanId"`
	Name          string   `json:"servicePlanName"`
	DisplayName   string   `json:"displayName"`
	AppliesTo     string   `json:"appliesTo"` // User or Company
	Workload      string   `json:"workload"`
	Excludes      []string `json:"excludes,omitempty"`      // plan names that can't be enabled together with this one
	RequiresAny   []string `json:"requiresAny,omitempty"`   // one of these plans must be enabled too
	UnavailableIn []string `json:"unavailableIn,omitempty"` // usage locations where the plan isn't offered
}

// Product is a catalog entry (a SKU) a tenant can subscribe to.
type Product struct {
	SkuID         string   `json:"skuId"`
	SkuPartNumber string   `json:"skuPartNumber"`
	DisplayName   string   `json:"displayName"`
	AppliesTo     string   `json:"appliesTo"`
	UnitPrice     float64  `json:"unitPrice"`          // per seat per month, in the catalog currency
	MaxSeats      int      `json:"maxSeats,omitempty"` // most seats one tenant may hold; 0 = no limit
	PlanNames     []string `json:"servicePlans"`
}

// PriceCents is the product's price per seat per month in cents.
func (p *Product) PriceCents() int64 { return int64(math.Round(p.UnitPrice * 100)) }

// Catalog is the deployment's products and service plans: data the
// operator can replace, identical for every tenant.
type Catalog struct {
	Currency string        `json:"currency"`
	Plans    []ServicePlan `json:"servicePlans"`
	Products []Product     `json:"products"`

	planByName map[string]*ServicePlan
	planByID   map[string]*ServicePlan
	bySku      map[string]*Product
}

//go:embed catalog_demo.json
var demoCatalog []byte

// DemoCatalog returns the neutral demo catalog Atrium ships.
func DemoCatalog() *Catalog {
	c, err := ParseCatalog(demoCatalog)
	if err != nil {
		panic("demo catalog: " + err.Error())
	}
	return c
}

// LoadCatalog reads and validates a catalog file.
func LoadCatalog(path string) (*Catalog, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	c, err := ParseCatalog(b)
	if err != nil {
		return nil, fmt.Errorf("catalog %s: %w", path, err)
	}
	return c, nil
}

var (
	upperName = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,63}$`)
	currency  = regexp.MustCompile(`^[A-Z]{3}$`)
	country   = regexp.MustCompile(`^[A-Z]{2}$`)
)

// ParseCatalog decodes a catalog (unknown fields refused) and checks it;
// errors name the field, such as products[2].skuId.
func ParseCatalog(b []byte) (*Catalog, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var c Catalog
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if !currency.MatchString(c.Currency) {
		return nil, fmt.Errorf("currency: %q must be a three-letter ISO 4217 code such as EUR", c.Currency)
	}
	c.planByName, c.planByID, c.bySku = map[string]*ServicePlan{}, map[string]*ServicePlan{}, map[string]*Product{}
	for i := range c.Plans {
		if err := c.addPlan(i); err != nil {
			return nil, err
		}
	}
	for i := range c.Plans {
		p := &c.Plans[i]
		for _, n := range append(append([]string{}, p.Excludes...), p.RequiresAny...) {
			if c.planByName[n] == nil {
				return nil, fmt.Errorf("servicePlans[%d]: %s refers to unknown plan %q", i, p.Name, n)
			}
		}
	}
	if len(c.Products) == 0 {
		return nil, fmt.Errorf("products: the catalog needs at least one product")
	}
	for i := range c.Products {
		if err := c.addProduct(i); err != nil {
			return nil, err
		}
	}
	return &c, nil
}

func checkCatalogGUID(field, s string) error {
	if _, err := uuid.Parse(s); err != nil || len(s) != 36 || s != strings.ToLower(s) {
		return fmt.Errorf("%s: %q must be a lower-case GUID", field, s)
	}
	return nil
}

func checkAppliesTo(field string, s *string, deflt string) error {
	switch *s {
	case "":
		*s = deflt
	case "User", "Company":
	default:
		return fmt.Errorf("%s: %q must be User or Company", field, *s)
	}
	return nil
}

func (c *Catalog) addPlan(i int) error {
	p := &c.Plans[i]
	f := fmt.Sprintf("servicePlans[%d]", i)
	if err := checkCatalogGUID(f+".servicePlanId", p.ID); err != nil {
		return err
	}
	if !upperName.MatchString(p.Name) {
		return fmt.Errorf("%s.servicePlanName: %q must be upper-case ASCII letters, digits and _", f, p.Name)
	}
	if c.planByName[p.Name] != nil || c.planByID[p.ID] != nil {
		return fmt.Errorf("%s: plan %s or id %s appears twice", f, p.Name, p.ID)
	}
	if p.DisplayName == "" {
		return fmt.Errorf("%s.displayName: required", f)
	}
	if err := checkAppliesTo(f+".appliesTo", &p.AppliesTo, "User"); err != nil {
		return err
	}
	for _, cc := range p.UnavailableIn {
		if !country.MatchString(cc) {
			return fmt.Errorf("%s.unavailableIn: %q must be an ISO 3166-1 alpha-2 code", f, cc)
		}
	}
	c.planByName[p.Name], c.planByID[p.ID] = p, p
	return nil
}

func (c *Catalog) addProduct(i int) error {
	p := &c.Products[i]
	f := fmt.Sprintf("products[%d]", i)
	if err := checkCatalogGUID(f+".skuId", p.SkuID); err != nil {
		return err
	}
	if !upperName.MatchString(p.SkuPartNumber) {
		return fmt.Errorf("%s.skuPartNumber: %q must be upper-case ASCII letters, digits and _", f, p.SkuPartNumber)
	}
	for _, o := range c.Products[:i] {
		if o.SkuID == p.SkuID || o.SkuPartNumber == p.SkuPartNumber {
			return fmt.Errorf("%s: skuId %s or skuPartNumber %s appears twice", f, p.SkuID, p.SkuPartNumber)
		}
	}
	if p.DisplayName == "" {
		return fmt.Errorf("%s.displayName: required", f)
	}
	if err := checkAppliesTo(f+".appliesTo", &p.AppliesTo, "User"); err != nil {
		return err
	}
	if p.UnitPrice < 0 || p.UnitPrice > 100000 || math.IsNaN(p.UnitPrice) {
		return fmt.Errorf("%s.unitPrice: %v must be between 0 and 100000", f, p.UnitPrice)
	}
	if p.MaxSeats < 0 {
		return fmt.Errorf("%s.maxSeats: %d can't be negative", f, p.MaxSeats)
	}
	if len(p.PlanNames) == 0 {
		return fmt.Errorf("%s.servicePlans: a product needs at least one service plan", f)
	}
	for _, n := range p.PlanNames {
		if c.planByName[n] == nil {
			return fmt.Errorf("%s.servicePlans: unknown plan %q", f, n)
		}
	}
	c.bySku[p.SkuID] = p
	return nil
}

// Product returns the product with skuId, if the catalog has it.
func (c *Catalog) Product(skuID string) (*Product, bool) {
	p, ok := c.bySku[strings.ToLower(skuID)]
	return p, ok
}

// ProductPlans returns a product's service plans in catalog order.
func (c *Catalog) ProductPlans(p *Product) []*ServicePlan {
	out := make([]*ServicePlan, len(p.PlanNames))
	for i, n := range p.PlanNames {
		out[i] = c.planByName[n]
	}
	return out
}

// PlanByID returns a service plan by id.
func (c *Catalog) PlanByID(id string) (*ServicePlan, bool) {
	p, ok := c.planByID[strings.ToLower(id)]
	return p, ok
}

// PlanByName returns a service plan by name.
func (c *Catalog) PlanByName(name string) (*ServicePlan, bool) {
	p, ok := c.planByName[name]
	return p, ok
}

// Catalog returns the products any tenant can buy; every admin who may
// read the organization sees them.
func (s *Service) Catalog(ctx context.Context, tenantID string) (*Catalog, error) {
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return nil, err
	}
	return s.catalog, nil
}

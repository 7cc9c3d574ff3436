package directory

import (
	"strings"
	"testing"
)

func TestDemoCatalog(t *testing.T) {
	c := DemoCatalog()
	if len(c.Products) != 7 || len(c.Plans) != 12 || c.Currency != "EUR" {
		t.Fatalf("demo catalog: %d products, %d plans, %s", len(c.Products), len(c.Plans), c.Currency)
	}
	p, ok := c.Product("4C379C46-E966-4606-9A6C-1C591D62591D")
	if !ok || p.SkuPartNumber != "ATRIUM_BUSINESS_BASIC" || p.PriceCents() != 600 || p.MaxSeats != 300 || len(c.ProductPlans(p)) != 5 {
		t.Fatalf("business basic: %+v", p)
	}
	if sp, ok := c.PlanByID("e2e60593-b1be-4c13-a8f9-96d7684867e5"); !ok || sp.UnavailableIn[0] != "AQ" {
		t.Fatalf("diagrams plan: %+v", sp)
	}
}

func TestParseCatalogNamesTheField(t *testing.T) {
	plan := `{"servicePlanId": "cfe79410-7e06-4d6f-9736-4a5fd475c987", "servicePlanName": "MAIL", "displayName": "Mail"}`
	product := func(fields string) string {
		return `{"currency": "EUR", "servicePlans": [` + plan + `], "products": [{"skuId": "4c379c46-e966-4606-9a6c-1c591d62591d",
			"skuPartNumber": "BASIC", "displayName": "Basic", "unitPrice": 6, "servicePlans": ["MAIL"]` + fields + `}]}`
	}
	if _, err := ParseCatalog([]byte(product(""))); err != nil {
		t.Fatalf("valid catalog refused: %v", err)
	}
	for name, c := range map[string]struct{ json, want string }{
		"currency":      {strings.Replace(product(""), `"EUR"`, `"euro"`, 1), "currency"},
		"unknown field": {product(`, "colour": "red"`), "colour"},
		"bad sku":       {strings.Replace(product(""), "4c379c46-e966-4606-9a6c-1c591d62591d", "nope", 1), "products[0].skuId"},
		"part number":   {strings.Replace(product(""), `"BASIC"`, `"basic"`, 1), "products[0].skuPartNumber"},
		"price":         {strings.Replace(product(""), `"unitPrice": 6`, `"unitPrice": -1`, 1), "products[0].unitPrice"},
		"max seats":     {product(`, "maxSeats": -3`), "products[0].maxSeats"},
		"unknown plan":  {strings.Replace(product(""), `["MAIL"]`, `["FILES"]`, 1), "products[0].servicePlans"},
		"applies to":    {product(`, "appliesTo": "Everyone"`), "products[0].appliesTo"},
		"plan id":       {strings.Replace(product(""), "cfe79410-7e06-4d6f-9736-4a5fd475c987", "x", 1), "servicePlans[0].servicePlanId"},
		"no products":   {`{"currency": "EUR", "servicePlans": [], "products": []}`, "products"},
	} {
		_, err := ParseCatalog([]byte(c.json))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error naming %s", name, err, c.want)
		}
	}
}

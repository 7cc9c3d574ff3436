package api_test

import "testing"

func TestCatalogAPI(t *testing.T) {
	h := newHarness(t)
	a := h.newTenant("alpha")
	h.want(h.do("", "GET", "/api/catalog", nil), 401, "InvalidAuthenticationToken")
	h.want(h.do(a.adminTok, "GET", "/api/catalog?$top=1", nil), 400, "Request_BadRequest")
	cat, err := a.admin.Catalog(bg)
	if err != nil || len(cat) != 7 || cat[0].SkuPartNumber != "ATRIUM_BUSINESS_BASIC" || cat[0].UnitPrice.Amount != 6 ||
		cat[0].UnitPrice.Currency != "EUR" || *cat[0].MaxSeats != 300 || len(cat[0].ServicePlans) != 5 || cat[3].MaxSeats != nil {
		t.Fatalf("catalog: %+v, %v", cat, err)
	}
}

package directory

import (
	"context"

	"github.com/atriumhq/atrium/internal/authz"
)

// LicenseUsage is one product's line of the license report.
type LicenseUsage struct {
	Product      *Product
	Seats        Seats
	ByDepartment []DepartmentLicenses
}

// LicenseReport returns, per product the tenant owns, the seats bought and
// assigned and the assignments per department. It shows who holds
// licenses in aggregate, so it needs licenses.read.
func (s *Service) LicenseReport(ctx context.Context, tenantID string) ([]LicenseUsage, error) {
	if _, err := s.authorize(ctx, authz.LicensesRead, tenantID); err != nil {
		return nil, err
	}
	var out []LicenseUsage
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		seats, err := tx.ListSeats()
		if err != nil {
			return err
		}
		depts, err := tx.LicensesByDepartment()
		if err != nil {
			return err
		}
		for _, st := range seats {
			prod, ok := s.catalog.Product(st.SkuID)
			if !ok {
				continue
			}
			u := LicenseUsage{Product: prod, Seats: st}
			for _, d := range depts {
				if d.SkuID == st.SkuID {
					u.ByDepartment = append(u.ByDepartment, d)
				}
			}
			out = append(out, u)
		}
		return nil
	})
	return out, err
}

package api

import (
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/atriumhq/atrium/internal/directory"
)

// licenseReportRow is one product of GET /api/reports/licenses.
type licenseReportRow struct {
	SkuID         string           `json:"skuId"`
	SkuPartNumber string           `json:"skuPartNumber"`
	DisplayName   string           `json:"displayName"`
	Total         int              `json:"total"`
	Assigned      int              `json:"assigned"`
	Available     int              `json:"available"`
	ByDepartment  []departmentLine `json:"byDepartment"`
}

type departmentLine struct {
	Department *string `json:"department"` // null for users without one
	Assigned   int     `json:"assigned"`
}

func (a *API) licenseReport(w http.ResponseWriter, r *http.Request) error {
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "csv" {
		return badRequest("format", "Use format=json (default) or format=csv.")
	}
	usage, err := a.dir.LicenseReport(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	rows := make([]licenseReportRow, len(usage))
	for i, u := range usage {
		rows[i] = licenseReportRow{SkuID: u.Product.SkuID, SkuPartNumber: u.Product.SkuPartNumber, DisplayName: u.Product.DisplayName,
			Total: u.Seats.Enabled, Assigned: u.Seats.Consumed, Available: max(u.Seats.Free(), 0), ByDepartment: []departmentLine{}}
		for _, d := range u.ByDepartment {
			rows[i].ByDepartment = append(rows[i].ByDepartment, departmentLine{Department: departmentOrNull(d), Assigned: d.Assigned})
		}
	}
	if format != "csv" {
		writeJSON(w, http.StatusOK, map[string]any{"value": rows})
		return nil
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="licenses.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"skuId", "skuPartNumber", "product", "total", "assigned", "available", "department", "assignedInDepartment"})
	for _, row := range rows {
		base := []string{row.SkuID, row.SkuPartNumber, csvSafe(row.DisplayName), strconv.Itoa(row.Total), strconv.Itoa(row.Assigned), strconv.Itoa(row.Available)}
		if len(row.ByDepartment) == 0 {
			_ = cw.Write(append(base, "", "0"))
		}
		for _, d := range row.ByDepartment {
			dept := ""
			if d.Department != nil {
				dept = *d.Department
			}
			_ = cw.Write(append(base, csvSafe(dept), strconv.Itoa(d.Assigned)))
		}
	}
	cw.Flush()
	return cw.Error()
}

func departmentOrNull(d directory.DepartmentLicenses) *string {
	if d.Department == "" {
		return nil
	}
	return &d.Department
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}

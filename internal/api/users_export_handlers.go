package api

import (
	"encoding/csv"
	"log/slog"
	"net/http"
	"slices"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// exportHeader is the bulk-add template's header (the one the import
// reads) plus the roles and licenses a user holds.
var exportHeader = append(slices.Clone(directory.ImportTemplate), "Roles", "Licenses")

// exportUsers serves GET /api/users/export: a CSV file (UTF-8 with a
// BOM, as spreadsheets want it) of every user or of a saved view's users
// (?viewId=), streamed as the directory reads them.
func (a *API) exportUsers(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	for k := range r.URL.Query() {
		if k != "viewId" {
			return badRequest(k, "Query option '%s' is not supported by the export; use viewId.", k)
		}
	}
	var cw *csv.Writer
	start := func() error { // before the first row nothing has failed, so the headers can go
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="users.csv"`)
		w.Header().Set("Cache-Control", "no-store")
		if _, err := w.Write([]byte("\uFEFF")); err != nil {
			return err
		}
		cw = csv.NewWriter(w)
		return cw.Write(exportHeader)
	}
	err := a.dir.ExportUsers(ctx, tenantOf(ctx), r.URL.Query().Get("viewId"), func(e directory.ExportedUser) error {
		if cw == nil {
			if err := start(); err != nil {
				return err
			}
		}
		return cw.Write(exportRow(&e))
	})
	switch {
	case err != nil && cw == nil:
		return err
	case err != nil:
		// The status went out with the first row: cut the response
		// short so the client sees a broken download, not a short file.
		a.log.LogAttrs(ctx, slog.LevelError, "user export failed", slog.String("request_id", requestID(ctx)), slog.String("error", err.Error()))
		panic(http.ErrAbortHandler)
	case cw == nil: // no users: the header alone
		if err := start(); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// exportRow renders a user in the columns of exportHeader, each cell
// neutralised against formula injection.
func exportRow(e *directory.ExportedUser) []string {
	u := &e.User
	first := func(l []string) string {
		if len(l) == 0 {
			return ""
		}
		return l[0]
	}
	row := []string{u.UserPrincipalName, u.GivenName, u.Surname, u.DisplayName, u.JobTitle, u.Department,
		u.OfficeLocation, first(u.BusinessPhones), u.MobilePhone, u.FaxNumber, first(u.OtherMails), u.StreetAddress,
		u.City, u.State, u.PostalCode, u.Country, strings.Join(e.Roles, "; "), strings.Join(e.Licenses, "; ")}
	for i, c := range row {
		row[i] = neutralise(c)
	}
	return row
}

// neutralise prefixes a cell that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return) with a single
// quote, so it stays text (OWASP "CSV injection").
func neutralise(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

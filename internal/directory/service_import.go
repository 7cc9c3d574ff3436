package directory

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// importBatch is how many rows one transaction of an import writes.
const importBatch = 500

// CreateImport reads an uploaded CSV file and checks every row: its cells,
// its domain, duplicates within the file and against the directory. The
// rows are stored with their problems; the import then waits for the admin
// to choose the options and start it, or starts at once when asked and no
// row has a problem. open is called again if the transaction is retried.
// A file that isn't the template is refused and nothing is stored.
func (s *Service) CreateImport(ctx context.Context, tenantID, fileName string, open func() (io.ReadCloser, error), opts ImportOptions) (Import, error) {
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return Import{}, err
	}
	if p.UserID == "" {
		return Import{}, Invalid("", "Imports are made by a signed-in admin.")
	}
	if err := s.checkImportOptions(p, tenantID, &opts); err != nil {
		return Import{}, err
	}
	terms, err := s.passwordTerms(ctx, tenantID, "", "")
	if err != nil {
		return Import{}, err
	}
	var imp Import
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		imp = Import{ID: newID(), CreatedBy: p.UserID, CreatedAt: s.Now(), FileName: truncate(fileName, 200), Status: ImportValidating, Options: opts}
		check := importCheck{domains: map[string]string{}, terms: terms}
		ds, err := tx.ListDomains()
		if err != nil {
			return err
		}
		for _, d := range ds {
			if d.IsVerified {
				check.domains[strings.ToLower(d.Name)] = d.AuthenticationType
			}
		}
		f, err := open()
		if err != nil {
			return err
		}
		defer f.Close()
		if err := tx.CreateImport(&imp); err != nil {
			return err
		}
		var batch []ImportRow
		flush := func() error {
			err := tx.PutImportRows(imp.ID, batch)
			batch = batch[:0]
			return err
		}
		layout, err := readImport(f, func(format string, row ImportRow) error {
			check.format = format
			if len(row.Problems) == 0 {
				check.checkRow(&row)
			} else {
				row.Status = RowInvalid
			}
			if row.Status == RowInvalid {
				imp.Invalid++
			}
			imp.Total++
			batch = append(batch, row)
			if len(batch) == 500 {
				return flush()
			}
			return nil
		})
		if err != nil {
			return err
		}
		imp.Format = layout.format
		if err := flush(); err != nil {
			return err
		}
		return s.findClashes(tx, &imp)
	})
	return imp, err
}

// findClashes marks the rows whose user name an earlier row has, or an
// object of the directory, and moves the import on: waiting for the
// admin, or running when it was to start at once and may.
func (s *Service) findClashes(tx Tx, imp *Import) error {
	label := labelOf(imp.Format, fUPN)
	marks := map[int]ImportProblem{}
	dups, err := tx.DuplicateImportRows(imp.ID)
	if err != nil {
		return err
	}
	for line, first := range dups {
		marks[line] = ImportProblem{Column: label, Message: fmt.Sprintf("Line %d has the same user name.", first)}
	}
	taken, err := tx.TakenImportRows(imp.ID)
	if err != nil {
		return err
	}
	for _, line := range taken {
		marks[line] = ImportProblem{Column: label, Message: "The user name is taken: another user, group or address of the organization has it."}
	}
	n, err := tx.MarkImportRows(imp.ID, marks)
	if err != nil {
		return err
	}
	imp.Invalid += n
	imp.Status = ImportAwaiting
	if imp.Options.AutoStart && (imp.Invalid == 0 || imp.Options.SkipInvalidRows) {
		s.beginImport(imp)
	}
	return tx.UpdateImport(imp)
}

// checkImportOptions checks the options an admin chose: licenses need
// licenses.manage and a usage location, and the products must be users'.
func (s *Service) checkImportOptions(p authz.Principal, tenantID string, o *ImportOptions) error {
	switch o.Credentials {
	case "":
		o.Credentials = "link"
	case "link", "password":
	default:
		return Invalid("credentials", "credentials must be link or password.")
	}
	if o.UsageLocation != "" && !IsCountryCode(o.UsageLocation) {
		return Invalid("usageLocation", "usageLocation must be an ISO 3166-1 alpha-2 code in capitals, such as NL.")
	}
	if len(o.SkuIDs) == 0 && o.UsageLocation == "" {
		return nil
	}
	if err := authz.Check(p, authz.LicensesManage, tenantID); err != nil {
		return Denied(err)
	}
	if len(o.SkuIDs) > 0 && !o.AccountEnabled {
		return Invalid("accountEnabled", "Licenses can't be given to users blocked from signing in: let the users sign in, or add them without licenses.")
	}
	if len(o.SkuIDs) > 0 && o.UsageLocation == "" {
		return Invalid("usageLocation", "Licenses need a usage location: choose the country or region the users work in.")
	}
	for i, id := range o.SkuIDs {
		o.SkuIDs[i] = strings.ToLower(id)
		prod, ok := s.catalog.Product(o.SkuIDs[i])
		if !ok || prod.AppliesTo != "User" || slices.Contains(o.SkuIDs[:i], o.SkuIDs[i]) {
			return Invalid("skuIds", "%s isn't a product that can be assigned to users, or is listed twice.", id)
		}
	}
	var ls []License
	for _, id := range o.SkuIDs {
		ls = append(ls, License{SkuID: id})
	}
	return s.checkPlans(o.UsageLocation, ls)
}

// StartImport starts creating the users of an import that waits for the
// admin, with the options chosen now. Rows with problems are skipped only
// when the admin says so; otherwise nothing is created.
func (s *Service) StartImport(ctx context.Context, tenantID, id string, opts ImportOptions) (Import, error) {
	var imp Import
	p, err := s.authorize(ctx, authz.UsersWrite, tenantID)
	if err != nil {
		return imp, err
	}
	if err := s.checkImportOptions(p, tenantID, &opts); err != nil {
		return imp, err
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		if imp, err = tx.GetImport(id); err != nil {
			return err
		}
		if imp.Status != ImportAwaiting {
			return Invalid("status", "The import is %s; only an import waiting for confirmation can start.", imp.Status)
		}
		if imp.Invalid > 0 && !opts.SkipInvalidRows {
			return Invalid("skipInvalidRows", "%d of %d rows have problems: fix the file and upload it again, or start with skipInvalidRows to create the other %d.",
				imp.Invalid, imp.Total, imp.Valid())
		}
		if imp.Valid() == 0 {
			return Invalid("file", "No row of the file can be created.")
		}
		opts.AutoStart = imp.Options.AutoStart
		imp.Options = opts
		s.beginImport(&imp)
		if err := tx.UpdateImport(&imp); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Start bulk user import", "Add",
			AuditTarget{ID: imp.ID, DisplayName: imp.FileName, Type: "Import"})
	})
	return imp, err
}

// beginImport marks an import running, due for the job at once.
func (s *Service) beginImport(imp *Import) {
	imp.Status, imp.StartedAt, imp.LeaseUntil = ImportRunning, s.Now(), time.Time{}
	imp.Done, imp.Created, imp.Failed = 0, 0, 0
}

// GetImport returns an import of the tenant.
func (s *Service) GetImport(ctx context.Context, tenantID, id string) (Import, error) {
	var imp Import
	if _, err := s.authorize(ctx, authz.UsersWrite, tenantID); err != nil {
		return imp, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		var err error
		imp, err = tx.GetImport(id)
		return err
	})
	return imp, err
}

// ListImports lists the tenant's imports of the last ImportRetention.
func (s *Service) ListImports(ctx context.Context, tenantID string) ([]Import, error) {
	var out []Import
	if _, err := s.authorize(ctx, authz.UsersWrite, tenantID); err != nil {
		return nil, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		var err error
		out, err = tx.ListImports(s.Now().Add(-ImportRetention))
		return err
	})
	return out, err
}

// ImportRows hands the rows of an import to fn in line order, a batch per
// read transaction, so that results of any size stream.
func (s *Service) ImportRows(ctx context.Context, tenantID, id string, fn func(Import, ImportRow) error) error {
	imp, err := s.GetImport(ctx, tenantID, id)
	if err != nil {
		return err
	}
	for after := 0; ; {
		var rows []ImportRow
		err := s.store.View(ctx, tenantID, func(tx Tx) error {
			var err error
			rows, err = tx.ListImportRows(id, after, "", 1000)
			return err
		})
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := fn(imp, r); err != nil {
				return err
			}
		}
		if len(rows) < 1000 {
			return nil
		}
		after = rows[len(rows)-1].Line
	}
}

// UserName is the user name (user principal name) a row asks for.
func (r ImportRow) UserName() string { return r.cell(fUPN) }

// DisplayName is the display name a row asks for.
func (r ImportRow) DisplayName() string { return r.cell(fDisplayName) }

func (r ImportRow) cell(f importField) string {
	if int(f) < len(r.Cells) {
		return r.Cells[f]
	}
	return ""
}

// ImportProblems returns up to limit problems of an import's invalid rows,
// in line order, each with its line.
func (s *Service) ImportProblems(ctx context.Context, tenantID, id string, limit int) ([]ImportProblem, error) {
	if _, err := s.authorize(ctx, authz.UsersWrite, tenantID); err != nil {
		return nil, err
	}
	out := []ImportProblem{}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		rows, err := tx.ListImportRows(id, 0, RowInvalid, limit)
		for _, r := range rows {
			for _, p := range r.Problems {
				if len(out) < limit {
					p.Line = r.Line
					out = append(out, p)
				}
			}
		}
		return err
	})
	return out, err
}

package storetest

import (
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/google/uuid"
)

// testImports checks the import store: an import round-trips, its rows
// page by line and status, duplicates and taken user names are found,
// problems are added, due imports of every tenant are listed, old ones
// are purged with their rows, and another tenant sees none of it.
func testImports(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	taken := f.addUser("taken", "Taken")
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	imp := directory.Import{ID: uuid.NewString(), CreatedBy: taken.ID, CreatedAt: at, FileName: "users.csv", Format: "admincenter",
		Status: directory.ImportAwaiting, Options: directory.ImportOptions{AccountEnabled: true, SkuIDs: []string{"x"}, Credentials: "link"}, Total: 4}
	row := func(line int, upn string) directory.ImportRow {
		return directory.ImportRow{Line: line, UPNFold: upn, Cells: []string{upn, "Given"}, Status: directory.RowPending}
	}
	f.mustUpdate(func(tx directory.Tx) error {
		if err := tx.CreateImport(&imp); err != nil {
			return err
		}
		bad := row(3, "bad@x")
		bad.Status, bad.Problems = directory.RowInvalid, []directory.ImportProblem{{Column: "Display Name", Message: "required"}}
		return tx.PutImportRows(imp.ID, []directory.ImportRow{row(2, "a@x"), bad, row(5, "a@x"), row(6, taken.UserPrincipalName)})
	})
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetImport(imp.ID)
		if err != nil || got.FileName != "users.csv" || got.Options.SkuIDs[0] != "x" || !got.CreatedAt.Equal(at) || got.Total != 4 {
			t.Errorf("GetImport = %+v, %v", got, err)
		}
		rows, err := tx.ListImportRows(imp.ID, 2, "", 10)
		if err != nil || len(rows) != 3 || rows[0].Line != 3 || rows[0].Problems[0].Column != "Display Name" || rows[1].Cells[1] != "Given" {
			t.Errorf("ListImportRows after line 2 = %+v, %v", rows, err)
		}
		pending, err := tx.ListImportRows(imp.ID, 0, directory.RowPending, 2)
		if err != nil || len(pending) != 2 || pending[1].Line != 5 {
			t.Errorf("ListImportRows pending = %+v, %v", pending, err)
		}
		dups, err := tx.DuplicateImportRows(imp.ID)
		if err != nil || len(dups) != 1 || dups[5] != 2 {
			t.Errorf("DuplicateImportRows = %v, %v", dups, err)
		}
		takenLines, err := tx.TakenImportRows(imp.ID)
		if err != nil || len(takenLines) != 1 || takenLines[0] != 6 {
			t.Errorf("TakenImportRows = %v, %v", takenLines, err)
		}
		return nil
	})
	other.view(func(tx directory.Tx) error {
		_, err := tx.GetImport(imp.ID)
		wantKind(t, "GetImport from another tenant", err, directory.KindNotFound)
		rows, _ := tx.ListImportRows(imp.ID, 0, "", 10)
		if len(rows) != 0 {
			t.Errorf("another tenant lists %d rows", len(rows))
		}
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error {
		n, err := tx.MarkImportRows(imp.ID, map[int]directory.ImportProblem{5: {Column: "User Name", Message: "dup"}, 3: {Message: "more"}})
		if err != nil || n != 1 {
			t.Errorf("MarkImportRows = %d, %v; want 1 newly invalid", n, err)
		}
		imp.Status, imp.LeaseUntil = directory.ImportRunning, at
		return tx.UpdateImport(&imp)
	})
	f.view(func(tx directory.Tx) error {
		rows, _ := tx.ListImportRows(imp.ID, 0, directory.RowInvalid, 10)
		if len(rows) != 2 || len(rows[0].Problems) != 2 || rows[1].Problems[0].Message != "dup" {
			t.Errorf("invalid rows after marking: %+v", rows)
		}
		return nil
	})
	due, err := s.DueImports(ctx, at.Add(time.Second), 1000)
	if err != nil || !containsObject(due, imp.ID) {
		t.Errorf("DueImports = %v, %v", due, err)
	}
	if due, _ := s.DueImports(ctx, at.Add(-time.Second), 1000); containsObject(due, imp.ID) {
		t.Error("an import is due before its lease ends")
	}
	if _, err := s.PurgeImports(ctx, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	f.view(func(tx directory.Tx) error {
		_, err := tx.GetImport(imp.ID)
		wantKind(t, "GetImport after purge", err, directory.KindNotFound)
		rows, _ := tx.ListImportRows(imp.ID, 0, "", 10)
		if len(rows) != 0 {
			t.Errorf("%d rows left after the purge", len(rows))
		}
		return nil
	})
}

package directory

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/password"
)

// ImportLease is how long a replica owns an import it runs; each batch
// renews it, so a crashed replica's import resumes elsewhere after it.
const ImportLease = 15 * time.Second

// errLeaseLost stops a replica whose import another replica took over.
var errLeaseLost = errors.New("import lease lost")

// importSecret is a row's prepared password: the hash to store and the
// plain text for the results.
type importSecret struct {
	newPassword
	plain string
	err   error // hashing failed
}

// rowError is a row's failure inside a batch: the batch is rolled back and
// its rows are created one transaction each.
type rowError struct{ err error }

func (e rowError) Error() string { return e.err.Error() }

// RunImports creates the users of every running import whose lease is
// free, as the replica owner; it returns how many rows it handled.
func (s *Service) RunImports(ctx context.Context, owner string) (int, error) {
	due, err := s.store.DueImports(ctx, s.Now(), 10)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, d := range due {
		n, err := s.runImport(ctx, d.TenantID, d.ID, owner)
		total += n
		if err != nil && !errors.Is(err, errLeaseLost) {
			return total, err
		}
	}
	return total, nil
}

// runImport claims an import and creates its pending rows batch by batch;
// each batch commits the users, their licenses, audit records and the
// rows' outcomes together, so a crash repeats no row.
func (s *Service) runImport(ctx context.Context, tenantID, id, owner string) (int, error) {
	imp, p, err := s.claimImport(ctx, tenantID, id, owner)
	if err != nil || imp.Status != ImportRunning {
		return 0, err
	}
	terms, err := s.passwordTerms(ctx, tenantID, "", "")
	if err != nil {
		return 0, err
	}
	handled := 0
	for ctx.Err() == nil {
		var rows []ImportRow
		if err := s.store.View(ctx, tenantID, func(tx Tx) error {
			var err error
			rows, err = tx.ListImportRows(id, 0, RowPending, importBatch)
			return err
		}); err != nil {
			return handled, err
		}
		if len(rows) == 0 {
			return handled, s.finishImport(ctx, tenantID, id, owner, p)
		}
		secrets := s.prepareSecrets(&imp, rows, terms)
		err := s.importBatch(ctx, tenantID, id, owner, p, rows, secrets)
		var re rowError
		if errors.As(err, &re) {
			for i := range rows { // one transaction per row: a failing row stops no other
				if err = s.importBatch(ctx, tenantID, id, owner, p, rows[i:i+1], secrets[i:i+1]); errors.As(err, &re) {
					err = s.failRow(ctx, tenantID, id, owner, rows[i], re.err)
				}
				if err != nil {
					return handled, err
				}
			}
		} else if err != nil {
			return handled, err
		}
		handled += len(rows)
	}
	return handled, ctx.Err()
}

// claimImport takes the lease of a due import for owner and returns it
// with the principal of the admin who started it.
func (s *Service) claimImport(ctx context.Context, tenantID, id, owner string) (Import, authz.Principal, error) {
	var imp Import
	var p authz.Principal
	err := s.store.Update(ctx, tenantID, func(tx Tx) error {
		var err error
		if imp, err = tx.GetImport(id); err != nil {
			return err
		}
		now := s.Now()
		if imp.Status != ImportRunning || imp.LeaseUntil.After(now) {
			imp.Status = "" // someone else's, or done
			return nil
		}
		admin, err := tx.GetUser(imp.CreatedBy)
		if KindOf(err) == KindNotFound {
			imp.Status, imp.Error, imp.FinishedAt = ImportFailed, "The admin who started the import no longer exists.", now
			return tx.UpdateImport(&imp)
		} else if err != nil {
			return err
		}
		p = authz.Principal{UserID: admin.ID, TenantID: tenantID, UPN: admin.UserPrincipalName, DisplayName: admin.DisplayName}
		imp.LeaseOwner, imp.LeaseUntil = owner, now.Add(ImportLease)
		return tx.UpdateImport(&imp)
	})
	return imp, p, err
}

// prepareSecrets makes each row's password before the transaction, as
// argon2id is slow on purpose: a generated temporary password, or the
// Entra file's initial password. Link rows need nothing yet. Hashes are
// made on every core.
func (s *Service) prepareSecrets(imp *Import, rows []ImportRow, terms password.Terms) []importSecret {
	out := make([]importSecret, len(rows))
	if imp.Options.Credentials != "password" && imp.Format != "entra" {
		return out
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range rows {
		pw := rows[i].cell(fPassword)
		if imp.Format != "entra" {
			terms.Personal = password.NameTokens(rows[i].cell(fGivenName), rows[i].cell(fSurname))
			pw = generateListable(terms)
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			hash, err := s.hasher.Hash(pw)
			out[i] = importSecret{newPassword{hash: hash, force: true, setAt: s.Now()}, pw, err}
		}()
	}
	wg.Wait()
	return out
}

// importBatch creates rows in one transaction, renewing the lease.
func (s *Service) importBatch(ctx context.Context, tenantID, id, owner string, p authz.Principal, rows []ImportRow, secrets []importSecret) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		imp, err := tx.GetImport(id)
		if err != nil {
			return err
		}
		if imp.LeaseOwner != owner || imp.Status != ImportRunning {
			return errLeaseLost
		}
		done := make([]ImportRow, len(rows))
		for i, row := range rows {
			if err := s.createImportedUser(ctx, tx, p, &imp, &row, secrets[i]); err != nil {
				if KindOf(err) == KindInternal {
					return err
				}
				return rowError{err}
			}
			done[i] = row
		}
		if err := tx.PutImportRows(id, done); err != nil {
			return err
		}
		imp.Done += len(rows)
		imp.Created += len(rows)
		imp.LeaseUntil = s.Now().Add(ImportLease)
		return tx.UpdateImport(&imp)
	})
}

// failRow records a row that could not be created, with the reason.
func (s *Service) failRow(ctx context.Context, tenantID, id, owner string, row ImportRow, cause error) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		imp, err := tx.GetImport(id)
		if err != nil {
			return err
		}
		if imp.LeaseOwner != owner {
			return errLeaseLost
		}
		msg := cause.Error()
		if de, ok := AsError(cause); ok {
			msg = de.Message
		}
		row.Status, row.Problems = RowFailed, append(row.Problems, ImportProblem{Message: msg})
		if err := tx.PutImportRows(id, []ImportRow{row}); err != nil {
			return err
		}
		imp.Done++
		imp.Failed++
		imp.LeaseUntil = s.Now().Add(ImportLease)
		return tx.UpdateImport(&imp)
	})
}

// finishImport marks an import completed and audits it.
func (s *Service) finishImport(ctx context.Context, tenantID, id, owner string, p authz.Principal) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		imp, err := tx.GetImport(id)
		if err != nil {
			return err
		}
		if imp.LeaseOwner != owner || imp.Status != ImportRunning {
			return errLeaseLost
		}
		imp.Status, imp.FinishedAt, imp.LeaseUntil = ImportCompleted, s.Now(), time.Time{}
		if err := tx.UpdateImport(&imp); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Finish bulk user import", "Update", AuditTarget{ID: imp.ID, DisplayName: imp.FileName,
			Type: "Import", ModifiedProperties: []ModifiedProperty{{Name: "created", New: itoa(imp.Created)}, {Name: "failed", New: itoa(imp.Failed)}}})
	})
}

// createImportedUser creates one row's user in tx with the import's
// options: sign-in status, usage location, licenses, and a set-password
// link or a temporary password.
func (s *Service) createImportedUser(ctx context.Context, tx Tx, p authz.Principal, imp *Import, row *ImportRow, secret importSecret) error {
	u := User{ID: newID(), UserType: "Member", CreatedAt: s.Now()}
	c := Changes{"accountEnabled": imp.Options.AccountEnabled}
	for f, prop := range userProp {
		v := row.cell(importField(f))
		switch {
		case prop == "" || v == "":
		case f == int(fOfficePhone) || f == int(fAltEmail):
			c[prop] = []string{v}
		default:
			c[prop] = v
		}
	}
	upn := row.UserName()
	c["mailNickname"] = upn[:strings.IndexByte(upn, '@')]
	if imp.Format == "entra" {
		b := strings.ToLower(row.cell(fBlockSignIn))
		c["accountEnabled"] = b == "no" || b == "nee"
	}
	if imp.Options.UsageLocation != "" {
		c["usageLocation"] = imp.Options.UsageLocation
	}
	if _, err := applyUserChanges(&u, c, true); err != nil {
		return err
	}
	if secret.err != nil {
		return secret.err
	}
	if secret.hash != "" {
		secret.apply(&u)
		if imp.Format != "entra" { // the admin wrote the file's passwords; results repeat only generated ones
			row.Secret = "password:" + secret.plain
		}
	}
	if err := requireVerifiedDomains(tx, &u); err != nil {
		return err
	}
	if err := tx.CreateUser(&u); err != nil {
		return err
	}
	if secret.hash == "" {
		token, _, err := s.issuePasswordLink(tx, p.TenantID, u.ID)
		if err != nil {
			return err
		}
		row.Secret = "link:" + token
	}
	if len(imp.Options.SkuIDs) > 0 {
		ch := LicenseChange{}
		for _, id := range imp.Options.SkuIDs {
			ch.Add = append(ch.Add, License{SkuID: id, AssignedAt: s.Now()})
		}
		if _, err := s.moveSeats(ctx, tx, p, nil, ch); err != nil {
			return err
		}
		for i := range ch.Add {
			if err := tx.PutLicense(u.ID, &ch.Add[i]); err != nil {
				return err
			}
		}
		if err := s.reconcileProvisioning(tx, u.ID, ch.Add); err != nil {
			return err
		}
	}
	row.Status, row.UserID = RowCreated, u.ID
	return s.audit(ctx, tx, p, "UserManagement", "Add user", "Add", userTarget(&u, createdProps(&u)))
}

// PurgeImports deletes imports older than ImportRetention, with the
// passwords and links in their results (a background job).
func (s *Service) PurgeImports(ctx context.Context) (int, error) {
	return s.store.PurgeImports(ctx, s.Now().Add(-ImportRetention))
}

// generateListable generates a temporary password that the policy
// accepts and that starts with a letter or digit, so that the results CSV
// can carry it unchanged without a spreadsheet reading it as a formula.
func generateListable(terms password.Terms) string {
	for {
		pw := password.Generate()
		if (unicode.IsLetter(rune(pw[0])) || unicode.IsDigit(rune(pw[0]))) && password.CheckAll(pw, terms) == nil {
			return pw
		}
	}
}

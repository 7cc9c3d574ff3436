package directory

import (
	"context"
	"errors"
	"runtime"
	"slices"
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
	var format string
	if err := s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		format = t.Settings.PasswordPolicy.WithDefaults().GeneratedFormat
		return err
	}); err != nil {
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
		secrets := s.prepareSecrets(&imp, rows, format, terms)
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
	// The import acts for the admin who started it, with the roles they
	// hold now: an admin blocked, deleted or without users.write since
	// stops it.
	if err := s.store.View(ctx, tenantID, func(tx Tx) error {
		var err error
		imp, err = tx.GetImport(id)
		return err
	}); err != nil {
		return imp, authz.Principal{}, err
	}
	admin, err := s.LoadPrincipal(ctx, tenantID, imp.CreatedBy)
	refusal := ""
	switch {
	case KindOf(err) == KindUnauthenticated:
		refusal = "The admin who started the import can no longer sign in, so it stopped."
	case err != nil:
		return imp, admin, err
	case authz.Check(admin, authz.UsersWrite, tenantID) != nil:
		refusal = "The admin who started the import may no longer create users, so it stopped."
	}
	err = s.store.Update(ctx, tenantID, func(tx Tx) error {
		var err error
		if imp, err = tx.GetImport(id); err != nil {
			return err
		}
		now := s.Now()
		switch {
		case imp.Status != ImportRunning || imp.LeaseUntil.After(now):
			imp.Status = "" // someone else's, or done
			return nil
		case refusal != "":
			imp.Status, imp.Error, imp.FinishedAt = ImportFailed, refusal, now
		default:
			imp.LeaseOwner, imp.LeaseUntil = owner, now.Add(ImportLease)
		}
		return tx.UpdateImport(&imp)
	})
	return imp, admin, err
}

// prepareSecrets makes each row's password before the transaction, as
// argon2id is slow on purpose: a generated temporary password, or the
// Entra file's initial password. Link rows need nothing yet. Hashes are
// made on every core.
func (s *Service) prepareSecrets(imp *Import, rows []ImportRow, format string, terms password.Terms) []importSecret {
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
			pw = generateListable(format, terms)
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

// importBatch creates rows in one transaction, renewing the lease: the
// users, their set-password links and audit records are written a few
// statements for the whole batch; licenses go user by user.
func (s *Service) importBatch(ctx context.Context, tenantID, id, owner string, p authz.Principal, rows []ImportRow, secrets []importSecret) error {
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		imp, err := tx.GetImport(id)
		if err != nil {
			return err
		}
		if imp.LeaseOwner != owner || imp.Status != ImportRunning {
			return errLeaseLost
		}
		verified, err := verifiedDomains(tx)
		if err != nil {
			return err
		}
		done := slices.Clone(rows)
		users := make([]*User, len(rows))
		var links []*PasswordLink
		var events []*AuditEvent
		for i := range done {
			if users[i], err = s.importedUser(&imp, &done[i], secrets[i], verified); err != nil {
				return rowError{err}
			}
			if secrets[i].hash == "" {
				token, l, err := s.newPasswordLink(tenantID, users[i].ID)
				if err != nil {
					return err
				}
				done[i].Secret, links = "link:"+token, append(links, &l)
			}
			events = append(events, s.auditEvent(ctx, p, "UserManagement", "Add user", "Add", userTarget(users[i], createdProps(users[i]))))
		}
		if err := tx.CreateUsers(users); err != nil {
			return asRowError(err)
		}
		if err := tx.CreatePasswordLinks(links); err != nil {
			return err
		}
		if err := tx.AppendAudits(events); err != nil {
			return err
		}
		for _, u := range users {
			if err := s.importLicenses(ctx, tx, p, &imp, u); err != nil {
				return asRowError(err)
			}
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

// asRowError marks a refusal as the fault of a row, to be found by
// creating the batch's rows one at a time; other errors stay.
func asRowError(err error) error {
	if err == nil || KindOf(err) == KindInternal {
		return err
	}
	return rowError{err}
}

// verifiedDomains lists the tenant's verified domains, in lower case.
func verifiedDomains(tx Tx) (map[string]bool, error) {
	ds, err := tx.ListDomains()
	out := map[string]bool{}
	for _, d := range ds {
		if d.IsVerified {
			out[strings.ToLower(d.Name)] = true
		}
	}
	return out, err
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

// importedUser builds one row's user with the import's options: sign-in
// status, usage location, and a temporary password (or none until the
// user sets one through their link).
func (s *Service) importedUser(imp *Import, row *ImportRow, secret importSecret, verified map[string]bool) (*User, error) {
	u := &User{ID: newObjectID(), UserType: "Member", CreatedAt: s.Now()}
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
	if _, err := applyUserChanges(u, c, true); err != nil {
		return nil, err
	}
	if !verified[strings.ToLower(upn[strings.IndexByte(upn, '@')+1:])] {
		return nil, Invalid("userPrincipalName", "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.")
	}
	if secret.err != nil {
		return nil, secret.err
	}
	if secret.hash != "" {
		secret.apply(u)
		if imp.Format != "entra" { // the admin wrote the file's passwords; results repeat only generated ones
			row.Secret = "password:" + secret.plain
		}
	}
	row.Status, row.UserID = RowCreated, u.ID
	return u, nil
}

// importLicenses gives a new user the import's licenses, as assignLicense
// would: seats counted, plans queued for provisioning, audited.
func (s *Service) importLicenses(ctx context.Context, tx Tx, p authz.Principal, imp *Import, u *User) error {
	if len(imp.Options.SkuIDs) == 0 {
		return nil
	}
	var ch LicenseChange
	for _, id := range imp.Options.SkuIDs {
		ch.Add = append(ch.Add, License{SkuID: id})
	}
	_, _, err := s.changeLicenses(ctx, tx, p, p.TenantID, u, ch)
	return err
}

// PurgeImports deletes imports older than ImportRetention, with the
// passwords and links in their results (a background job).
func (s *Service) PurgeImports(ctx context.Context) (int, error) {
	return s.store.PurgeImports(ctx, s.Now().Add(-ImportRetention))
}

// generateListable generates a temporary password in the tenant's format
// that the policy accepts and that starts with a letter or digit, so that the results CSV
// can carry it unchanged without a spreadsheet reading it as a formula.
func generateListable(format string, terms password.Terms) string {
	for {
		if pw, _ := generatePassword(format, terms); unicode.IsLetter(rune(pw[0])) || unicode.IsDigit(rune(pw[0])) {
			return pw
		}
	}
}

package sqlstore

import (
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

const userCols = `id, account_enabled, display_name, given_name, surname, upn, mail, mail_nickname, job_title,
	department, office_location, company_name, employee_id, business_phones, mobile_phone, fax_number, street_address,
	city, state, postal_code, country, usage_location, preferred_language, other_mails, user_type, on_prem_sync,
	on_prem_immutable_id, password_hash, force_change, password_changed_at, created_at, deleted_at`

// userValues returns the column values of u in the order of userCols
// after id, followed by the derived columns.
func userValues(u *directory.User) []any {
	var sync sql.NullBool
	if u.OnPremisesSyncEnabled != nil {
		sync = sql.NullBool{Bool: *u.OnPremisesSyncEnabled, Valid: true}
	}
	return []any{u.AccountEnabled, u.DisplayName, u.GivenName, u.Surname, u.UserPrincipalName, u.Mail, u.MailNickname,
		u.JobTitle, u.Department, u.OfficeLocation, u.CompanyName, u.EmployeeID, jsonList(u.BusinessPhones), u.MobilePhone,
		u.FaxNumber, u.StreetAddress, u.City, u.State, u.PostalCode, u.Country, u.UsageLocation, u.PreferredLanguage,
		jsonList(u.OtherMails), u.UserType, sync, u.OnPremisesImmutableID, u.PasswordHash, u.ForceChangePassword,
		micros(u.PasswordChangedAt), micros(u.CreatedAt),
		directory.Fold(u.DisplayName), tokenColumn(u.DisplayName), directory.Fold(u.UserPrincipalName), directory.Fold(u.Mail)}
}

// tokenColumn stores the search tokens of text as " tok1 tok2 ", so that a
// token prefix matches LIKE '% prefix%'.
func tokenColumn(text string) string {
	return " " + strings.Join(directory.SearchTokens(text), " ") + " "
}

func jsonList(l []string) string {
	if len(l) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(l)
	return string(b)
}

func parseList(s string) ([]string, error) {
	l := []string{}
	if err := json.Unmarshal([]byte(s), &l); err != nil {
		return nil, err
	}
	return l, nil
}

type scanner interface{ Scan(...any) error }

func scanUser(r scanner) (directory.User, error) {
	var u directory.User
	var phones, others string
	var sync sql.NullBool
	var pwAt, created int64
	var deleted sql.NullInt64
	err := r.Scan(&u.ID, &u.AccountEnabled, &u.DisplayName, &u.GivenName, &u.Surname, &u.UserPrincipalName, &u.Mail,
		&u.MailNickname, &u.JobTitle, &u.Department, &u.OfficeLocation, &u.CompanyName, &u.EmployeeID, &phones,
		&u.MobilePhone, &u.FaxNumber, &u.StreetAddress, &u.City, &u.State, &u.PostalCode, &u.Country, &u.UsageLocation,
		&u.PreferredLanguage, &others, &u.UserType, &sync, &u.OnPremisesImmutableID, &u.PasswordHash,
		&u.ForceChangePassword, &pwAt, &created, &deleted)
	if err != nil {
		return u, err
	}
	if sync.Valid {
		u.OnPremisesSyncEnabled = &sync.Bool
	}
	if u.BusinessPhones, err = parseList(phones); err != nil {
		return u, err
	}
	if u.OtherMails, err = parseList(others); err != nil {
		return u, err
	}
	u.PasswordChangedAt, u.CreatedAt, u.DeletedAt = fromMicros(pwAt), fromMicros(created), fromMicros(deleted.Int64)
	return u, nil
}

func (t *tx) CreateUser(u *directory.User) error {
	args := append([]any{u.ID}, userValues(u)...)
	_, err := t.exec(`INSERT INTO users (tenant_id, `+userCols+`, display_name_fold, search_tokens, upn_fold, mail_fold)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
		$24, $25, $26, $27, $28, $29, $30, $31, $32, NULL, $33, $34, $35, $36)`, args...)
	if isUnique(err) {
		return directory.Conflict("id")
	}
	if err != nil {
		return err
	}
	return t.claimAddresses(u.ID, directory.TypeUser, u.Addresses())
}

// claimAddresses registers an object's addresses; a taken address is a
// conflict on the property that claims it.
func (t *tx) claimAddresses(objectID string, typ directory.ObjectType, addrs []directory.Address) error {
	for _, a := range addrs {
		_, err := t.exec(`INSERT INTO addresses (tenant_id, address, domain, object_id, object_type, property)
			VALUES ($1, $2, $3, $4, $5, $6)`, a.Address, a.Domain, objectID, string(typ), a.Property)
		if isUnique(err) {
			return directory.Conflict(a.Property)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (t *tx) releaseAddresses(objectID string) error {
	_, err := t.exec("DELETE FROM addresses WHERE tenant_id = $1 AND object_id = $2", objectID)
	return err
}

func (t *tx) getUser(where, key string) (directory.User, error) {
	u, err := scanUser(t.queryRow("SELECT "+userCols+" FROM users WHERE tenant_id = $1 AND "+where, key))
	return u, notFound(err, key)
}

func (t *tx) GetUser(id string) (directory.User, error) {
	return t.getUser("id = $2 AND deleted_at IS NULL", id)
}

func (t *tx) GetUserByUPN(upn string) (directory.User, error) {
	u, err := t.getUser("upn_fold = $2 AND deleted_at IS NULL", directory.Fold(upn))
	if directory.KindOf(err) == directory.KindNotFound {
		return u, directory.NotFound(upn)
	}
	return u, err
}

func (t *tx) GetDeletedUser(id string) (directory.User, error) {
	return t.getUser("id = $2 AND deleted_at IS NOT NULL", id)
}

func (t *tx) UpdateUser(u *directory.User) error {
	args := append([]any{u.ID}, userValues(u)...)
	err := t.execOne(u.ID, `UPDATE users SET account_enabled = $3, display_name = $4, given_name = $5, surname = $6,
		upn = $7, mail = $8, mail_nickname = $9, job_title = $10, department = $11, office_location = $12,
		company_name = $13, employee_id = $14, business_phones = $15, mobile_phone = $16, fax_number = $17,
		street_address = $18, city = $19, state = $20, postal_code = $21, country = $22, usage_location = $23,
		preferred_language = $24, other_mails = $25, user_type = $26, on_prem_sync = $27, on_prem_immutable_id = $28,
		password_hash = $29, force_change = $30, password_changed_at = $31, created_at = $32, display_name_fold = $33,
		search_tokens = $34, upn_fold = $35, mail_fold = $36
		WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`, args...)
	if err != nil {
		return err
	}
	if err := t.releaseAddresses(u.ID); err != nil {
		return err
	}
	return t.claimAddresses(u.ID, directory.TypeUser, u.Addresses())
}

func (t *tx) DeleteUser(id string, at time.Time) error {
	if err := t.execOne(id, "UPDATE users SET deleted_at = $3 WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL", id, micros(at)); err != nil {
		return err
	}
	return t.releaseAddresses(id)
}

func (t *tx) RestoreUser(id string) error {
	u, err := t.GetDeletedUser(id)
	if err != nil {
		return err
	}
	if err := t.execOne(id, "UPDATE users SET deleted_at = NULL WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NOT NULL", id); err != nil {
		return err
	}
	return t.claimAddresses(id, directory.TypeUser, u.Addresses())
}

func (t *tx) PurgeUser(id string) error {
	if err := t.execOne(id, "DELETE FROM users WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NOT NULL", id); err != nil {
		return err
	}
	for _, q := range []string{
		"DELETE FROM group_members WHERE tenant_id = $1 AND member_id = $2",
		"DELETE FROM group_owners WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM role_assignments WHERE tenant_id = $1 AND principal_id = $2",
	} {
		if _, err := t.exec(q, id); err != nil {
			return err
		}
	}
	return nil
}

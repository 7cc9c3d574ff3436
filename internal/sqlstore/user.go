package sqlstore

import (
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

const userCols = `id, account_enabled, display_name, given_name, surname, upn, mail, mail_nickname, job_title,
	department, office_location, company_name, employee_id, business_phones, mobile_phone, fax_number, street_address,
	city, state, postal_code, country, usage_location, preferred_language, other_mails, user_type, on_prem_sync,
	on_prem_immutable_id, password_hash, force_change, password_changed_at, created_at, deleted_at`

// writeCol is one column a user write sets, with its value.
type writeCol[T any] struct {
	name string
	val  func(*T) any
}

// folded pairs a text column with its *_fold twin.
func folded[T any](name string, get func(*T) string) []writeCol[T] {
	return []writeCol[T]{
		{name, func(o *T) any { return get(o) }},
		{name + "_fold", func(o *T) any { return directory.Fold(get(o)) }},
	}
}

func plain[T any](name string, get func(*T) any) []writeCol[T] {
	return []writeCol[T]{{name, get}}
}

// userWrites lists every column a user insert or update writes after
// tenant_id and id.
var userWrites = slices.Concat(
	plain("account_enabled", func(u *directory.User) any { return u.AccountEnabled }),
	folded("display_name", func(u *directory.User) string { return u.DisplayName }),
	folded("given_name", func(u *directory.User) string { return u.GivenName }),
	folded("surname", func(u *directory.User) string { return u.Surname }),
	plain("upn", func(u *directory.User) any { return u.UserPrincipalName }),
	plain("upn_fold", func(u *directory.User) any { return directory.Fold(u.UserPrincipalName) }),
	folded("mail", func(u *directory.User) string { return u.Mail }),
	folded("mail_nickname", func(u *directory.User) string { return u.MailNickname }),
	folded("job_title", func(u *directory.User) string { return u.JobTitle }),
	folded("department", func(u *directory.User) string { return u.Department }),
	folded("office_location", func(u *directory.User) string { return u.OfficeLocation }),
	folded("company_name", func(u *directory.User) string { return u.CompanyName }),
	folded("employee_id", func(u *directory.User) string { return u.EmployeeID }),
	plain("business_phones", func(u *directory.User) any { return jsonList(u.BusinessPhones) }),
	folded("mobile_phone", func(u *directory.User) string { return u.MobilePhone }),
	plain("fax_number", func(u *directory.User) any { return u.FaxNumber }),
	plain("street_address", func(u *directory.User) any { return u.StreetAddress }),
	folded("city", func(u *directory.User) string { return u.City }),
	folded("state", func(u *directory.User) string { return u.State }),
	folded("postal_code", func(u *directory.User) string { return u.PostalCode }),
	folded("country", func(u *directory.User) string { return u.Country }),
	folded("usage_location", func(u *directory.User) string { return u.UsageLocation }),
	folded("preferred_language", func(u *directory.User) string { return u.PreferredLanguage }),
	plain("other_mails", func(u *directory.User) any { return jsonList(u.OtherMails) }),
	folded("user_type", func(u *directory.User) string { return u.UserType }),
	plain("on_prem_sync", func(u *directory.User) any { return nullBool(u.OnPremisesSyncEnabled) }),
	plain("on_prem_immutable_id", func(u *directory.User) any { return u.OnPremisesImmutableID }),
	plain("password_hash", func(u *directory.User) any { return u.PasswordHash }),
	plain("force_change", func(u *directory.User) any { return u.ForceChangePassword }),
	plain("password_changed_at", func(u *directory.User) any { return micros(u.PasswordChangedAt) }),
	plain("created_at", func(u *directory.User) any { return micros(u.CreatedAt) }),
)

func nullBool(b *bool) sql.NullBool {
	if b == nil {
		return sql.NullBool{}
	}
	return sql.NullBool{Bool: *b, Valid: true}
}

// insertSQL and updateSQL build the statements of a write column list:
// $1 is the tenant, $2 the id, the columns follow in order.
func insertSQL[T any](table string, cols []writeCol[T]) string {
	names, params := []string{"tenant_id", "id"}, []string{"$1", "$2"}
	for i, c := range cols {
		names, params = append(names, c.name), append(params, "$"+strconv.Itoa(i+3))
	}
	return "INSERT INTO " + table + " (" + strings.Join(names, ", ") + ") VALUES (" + strings.Join(params, ", ") + ")"
}

func updateSQL[T any](table string, cols []writeCol[T], where string) string {
	sets := make([]string, len(cols))
	for i, c := range cols {
		sets[i] = c.name + " = $" + strconv.Itoa(i+3)
	}
	return "UPDATE " + table + " SET " + strings.Join(sets, ", ") + " WHERE tenant_id = $1 AND id = $2" + where
}

func writeArgs[T any](id string, o *T, cols []writeCol[T]) []any {
	args := make([]any, 0, len(cols)+1)
	args = append(args, id)
	for _, c := range cols {
		args = append(args, c.val(o))
	}
	return args
}

var (
	insertUserSQL = insertSQL("users", userWrites)
	updateUserSQL = updateSQL("users", userWrites, " AND deleted_at IS NULL")
)

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
	_, err := t.exec(insertUserSQL, writeArgs(u.ID, u, userWrites)...)
	if isUnique(err) {
		return directory.Conflict("id")
	}
	if err != nil {
		return err
	}
	if err := t.addNameTokens(u.ID, u.DisplayName); err != nil {
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
	err := t.execOne(u.ID, updateUserSQL, writeArgs(u.ID, u, userWrites)...)
	if err != nil {
		return err
	}
	if err := t.putNameTokens(u.ID, u.DisplayName); err != nil {
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
		"DELETE FROM user_name_tokens WHERE tenant_id = $1 AND user_id = $2",
		// What a purged user leaves behind besides the sign-in log (kept
		// for its own 30 days): photo, second factor, sign-in state.
		"DELETE FROM user_photos WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM mfa_totp WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM recovery_codes WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM mfa_failures WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM sign_in_state WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM reset_challenges WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM oidc_refresh_tokens WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM message_views WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM plan_provisioning WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM app_installs WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM password_links WHERE tenant_id = $1 AND user_id = $2",
		"DELETE FROM device_owners WHERE tenant_id = $1 AND user_id = $2",
	} {
		if _, err := t.exec(q, id); err != nil {
			return err
		}
	}
	return nil
}

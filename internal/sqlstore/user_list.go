package sqlstore

import (
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

var usersResource = &resource{
	name: "User",
	id:   "id",
	cols: map[string]column{
		"id":                    {"id", cID},
		"accountEnabled":        {"account_enabled", cBool},
		"displayName":           {"display_name_fold", cFold},
		"userPrincipalName":     {"upn_fold", cFold},
		"mail":                  {"mail_fold", cFold},
		"mailNickname":          {"mail_nickname_fold", cFold},
		"givenName":             {"given_name_fold", cFold},
		"surname":               {"surname_fold", cFold},
		"jobTitle":              {"job_title_fold", cFold},
		"department":            {"department_fold", cFold},
		"companyName":           {"company_name_fold", cFold},
		"officeLocation":        {"office_location_fold", cFold},
		"city":                  {"city_fold", cFold},
		"state":                 {"state_fold", cFold},
		"country":               {"country_fold", cFold},
		"postalCode":            {"postal_code_fold", cFold},
		"employeeId":            {"employee_id_fold", cFold},
		"mobilePhone":           {"mobile_phone_fold", cFold},
		"preferredLanguage":     {"preferred_language_fold", cFold},
		"usageLocation":         {"usage_location_fold", cFold},
		"userType":              {"user_type_fold", cFold},
		"onPremisesSyncEnabled": {"on_prem_sync", cNullBool},
		"onPremisesImmutableId": {"on_prem_immutable_id", cExact},
		"createdDateTime":       {"created_at", cTime},
		"deletedDateTime":       {"deleted_at", cTime},
		"otherMails":            {"other_mails", cList},
		"businessPhones":        {"business_phones", cList},
	},
	order: map[string]column{
		"displayName":       {"display_name_fold", cFold},
		"userPrincipalName": {"upn_fold", cFold},
		"createdDateTime":   {"created_at", cTime},
		"deletedDateTime":   {"deleted_at", cTime},
	},
	search: map[string]column{
		"displayName":       {"user_name_tokens", cTokenRows},
		"userPrincipalName": {"upn_fold", cFold},
		"mail":              {"mail_fold", cFold},
		"givenName":         {"given_name_fold", cFold},
		"surname":           {"surname_fold", cFold},
		"jobTitle":          {"job_title_fold", cFold},
		"department":        {"department_fold", cFold},
		"mailNickname":      {"mail_nickname_fold", cFold},
	},
	any: map[string]func(*builder, string, directory.Expr) (string, error){
		"otherMails":     jsonListAny("other_mails"),
		"businessPhones": jsonListAny("business_phones"),
		"proxyAddresses": proxyAddressAny("mail_fold"),
		directory.AssignedLicensesProp: func(b *builder, v string, c directory.Expr) (string, error) {
			if c, ok := c.(directory.Compare); ok && c.Prop == v+"/skuId" && c.Op == directory.OpEq &&
				(c.Value.Kind == directory.KindGUID || c.Value.Kind == directory.KindString) {
				return "EXISTS (SELECT 1 FROM user_licenses ul WHERE ul.tenant_id = $1 AND ul.user_id = users.id AND ul.sku_id = " +
					b.arg(strings.ToLower(c.Value.Str)) + ")", nil
			}
			return "", directory.UnsupportedQuery("Only assignedLicenses/any(x: x/skuId eq <skuId>) is supported.")
		},
		directory.RolesProp: func(b *builder, v string, c directory.Expr) (string, error) {
			if c, ok := c.(directory.Compare); ok && c.Prop == v && c.Op == directory.OpEq {
				return "EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.tenant_id = $1 AND ra.principal_id = users.id AND ra.role_template_id = " +
					b.arg(c.Value.Str) + ")", nil
			}
			return "", directory.UnsupportedQuery("Only roles/any(r: r eq '<template id>') is supported.")
		},
	},
}

// proxyAddressAny translates proxyAddresses/any(...) on objects whose only
// proxy address is "SMTP:" + mail.
func proxyAddressAny(mailCol string) func(*builder, string, directory.Expr) (string, error) {
	return func(b *builder, v string, c directory.Expr) (string, error) {
		var val string
		prefix := false
		switch c := c.(type) {
		case directory.Compare:
			if c.Prop != v || c.Op != directory.OpEq || c.Value.Kind != directory.KindString {
				return "", directory.UnsupportedQuery("Only 'eq' and startswith are supported inside any() on proxyAddresses.")
			}
			val = c.Value.Str
		case directory.StartsWith:
			if c.Prop != v {
				return "", directory.UnsupportedQuery("Only 'eq' and startswith are supported inside any() on proxyAddresses.")
			}
			val, prefix = c.Prefix, true
		default:
			return "", directory.UnsupportedQuery("Only 'eq' and startswith are supported inside any() on proxyAddresses.")
		}
		f := directory.Fold(val)
		addr, ok := strings.CutPrefix(f, "smtp:")
		switch {
		case ok && prefix:
			return b.startsWith(&resource{cols: map[string]column{"m": {mailCol, cFold}}}, "m", addr)
		case ok:
			return mailCol + " = " + b.arg(addr), nil
		case prefix && strings.HasPrefix("smtp:", f):
			return mailCol + " <> ''", nil
		}
		return "1 = 0", nil
	}
}

func (t *tx) ListUsers(q directory.ListQuery) (directory.Page[directory.User], error) {
	var page directory.Page[directory.User]
	base := "deleted_at IS NULL"
	if q.Deleted {
		base = "deleted_at IS NOT NULL"
	}
	b, err := t.searchPlan(q)
	if err != nil {
		return page, err
	}
	query, args, sortCol, err := listSQLWith(b, usersResource, userCols, "users", base, q)
	if err != nil {
		return page, err
	}
	rows, err := t.query(query, args...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, u)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	top := pageSize(q)
	if len(page.Items) > top {
		page.Items = page.Items[:top]
		last := page.Items[top-1]
		page.Next = encodeCursor(userSortKey(&last, sortCol), last.ID)
	}
	return page, nil
}

func pageSize(q directory.ListQuery) int {
	if q.Top <= 0 {
		return 100
	}
	return q.Top
}

func userSortKey(u *directory.User, c *column) any {
	if c == nil {
		return nil
	}
	switch c.sql {
	case "display_name_fold":
		return directory.Fold(u.DisplayName)
	case "upn_fold":
		return directory.Fold(u.UserPrincipalName)
	case "created_at":
		return micros(u.CreatedAt)
	case "deleted_at":
		return micros(u.DeletedAt)
	}
	return nil
}

func (t *tx) CountUsers(q directory.ListQuery) (int, error) {
	base := "deleted_at IS NULL"
	if q.Deleted {
		base = "deleted_at IS NOT NULL"
	}
	b, err := t.searchPlan(q)
	if err != nil {
		return 0, err
	}
	query, args, err := countSQLWith(b, usersResource, "users", base, q)
	if err != nil {
		return 0, err
	}
	var n int
	err = t.queryRow(query, args...).Scan(&n)
	return n, err
}

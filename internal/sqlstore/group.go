package sqlstore

import (
	"database/sql"
	"slices"

	"github.com/atriumhq/atrium/internal/directory"
)

const groupCols = `id, display_name, description, mail_nickname, mail, mail_enabled, security_enabled, group_types,
	visibility, on_prem_sync, created_at`

var groupsResource = &resource{
	name: "Group",
	id:   "id",
	cols: map[string]column{
		"id":                    {"id", cID},
		"displayName":           {"display_name_fold", cFold},
		"description":           {"description_fold", cFold},
		"mail":                  {"mail_fold", cFold},
		"mailNickname":          {"mail_nickname_fold", cFold},
		"mailEnabled":           {"mail_enabled", cBool},
		"securityEnabled":       {"security_enabled", cBool},
		"onPremisesSyncEnabled": {"on_prem_sync", cNullBool},
		"createdDateTime":       {"created_at", cTime},
	},
	order: map[string]column{
		"displayName":     {"display_name_fold", cFold},
		"createdDateTime": {"created_at", cTime},
	},
	search: map[string]column{
		"displayName":  {"search_tokens", cTokens},
		"description":  {"description_tokens", cTokens},
		"mail":         {"mail_fold", cFold},
		"mailNickname": {"mail_nickname_fold", cFold},
	},
	any: map[string]func(*builder, string, directory.Expr) (string, error){
		"groupTypes":     jsonListAny("group_types"),
		"proxyAddresses": proxyAddressAny("mail_fold"),
	},
}

func scanGroup(r scanner) (directory.Group, error) {
	var g directory.Group
	var types string
	var sync sql.NullBool
	var created int64
	err := r.Scan(&g.ID, &g.DisplayName, &g.Description, &g.MailNickname, &g.Mail, &g.MailEnabled, &g.SecurityEnabled,
		&types, &g.Visibility, &sync, &created)
	if err != nil {
		return g, err
	}
	if sync.Valid {
		g.OnPremisesSyncEnabled = &sync.Bool
	}
	g.CreatedAt = fromMicros(created)
	g.GroupTypes, err = parseList(types)
	return g, err
}

// groupWrites lists every column a group insert or update writes after
// tenant_id and id.
var groupWrites = slices.Concat(
	folded("display_name", func(g *directory.Group) string { return g.DisplayName }),
	plain("search_tokens", func(g *directory.Group) any { return tokenColumn(g.DisplayName) }),
	folded("description", func(g *directory.Group) string { return g.Description }),
	plain("description_tokens", func(g *directory.Group) any { return tokenColumn(g.Description) }),
	folded("mail_nickname", func(g *directory.Group) string { return g.MailNickname }),
	folded("mail", func(g *directory.Group) string { return g.Mail }),
	plain("mail_enabled", func(g *directory.Group) any { return g.MailEnabled }),
	plain("security_enabled", func(g *directory.Group) any { return g.SecurityEnabled }),
	plain("group_types", func(g *directory.Group) any { return jsonList(g.GroupTypes) }),
	plain("visibility", func(g *directory.Group) any { return g.Visibility }),
	plain("on_prem_sync", func(g *directory.Group) any { return nullBool(g.OnPremisesSyncEnabled) }),
	plain("created_at", func(g *directory.Group) any { return micros(g.CreatedAt) }),
)

var (
	insertGroupSQL = insertSQL("dir_groups", groupWrites)
	updateGroupSQL = updateSQL("dir_groups", groupWrites, "")
)

func (t *tx) CreateGroup(g *directory.Group) error {
	_, err := t.exec(insertGroupSQL, writeArgs(g.ID, g, groupWrites)...)
	if isUnique(err) {
		return directory.Conflict("id")
	}
	if err != nil {
		return err
	}
	return t.claimAddresses(g.ID, directory.TypeGroup, g.Addresses())
}

func (t *tx) GetGroup(id string) (directory.Group, error) {
	g, err := scanGroup(t.queryRow("SELECT "+groupCols+" FROM dir_groups WHERE tenant_id = $1 AND id = $2", id))
	return g, notFound(err, id)
}

func (t *tx) UpdateGroup(g *directory.Group) error {
	err := t.execOne(g.ID, updateGroupSQL, writeArgs(g.ID, g, groupWrites)...)
	if err != nil {
		return err
	}
	if err := t.releaseAddresses(g.ID); err != nil {
		return err
	}
	return t.claimAddresses(g.ID, directory.TypeGroup, g.Addresses())
}

func (t *tx) DeleteGroup(id string) error {
	if err := t.execOne(id, "DELETE FROM dir_groups WHERE tenant_id = $1 AND id = $2", id); err != nil {
		return err
	}
	for _, q := range []string{
		"DELETE FROM group_members WHERE tenant_id = $1 AND (group_id = $2 OR member_id = $2)",
		"DELETE FROM group_owners WHERE tenant_id = $1 AND group_id = $2",
	} {
		if _, err := t.exec(q, id); err != nil {
			return err
		}
	}
	return t.releaseAddresses(id)
}

func (t *tx) ListGroups(q directory.ListQuery) (directory.Page[directory.Group], error) {
	var page directory.Page[directory.Group]
	query, args, sortCol, err := listSQL(groupsResource, groupCols, "dir_groups", "1 = 1", q)
	if err != nil {
		return page, err
	}
	rows, err := t.query(query, args...)
	if err != nil {
		return page, err
	}
	defer rows.Close()
	for rows.Next() {
		g, err := scanGroup(rows)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, g)
	}
	if err := rows.Err(); err != nil {
		return page, err
	}
	if top := pageSize(q); len(page.Items) > top {
		page.Items = page.Items[:top]
		last := page.Items[top-1]
		var key any
		if sortCol != nil && sortCol.sql == "created_at" {
			key = micros(last.CreatedAt)
		} else if sortCol != nil {
			key = directory.Fold(last.DisplayName)
		}
		page.Next = encodeCursor(key, last.ID)
	}
	return page, nil
}

func (t *tx) CountGroups(q directory.ListQuery) (int, error) {
	query, args, err := countSQL(groupsResource, "dir_groups", "1 = 1", q)
	if err != nil {
		return 0, err
	}
	var n int
	err = t.queryRow(query, args...).Scan(&n)
	return n, err
}

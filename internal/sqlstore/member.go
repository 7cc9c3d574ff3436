package sqlstore

import (
	"strconv"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

func (t *tx) groupExists(id string) error {
	var one int
	return notFound(t.queryRow("SELECT 1 FROM dir_groups WHERE tenant_id = $1 AND id = $2", id).Scan(&one), id)
}

func (t *tx) AddMember(groupID string, typ directory.ObjectType, memberID string) error {
	if err := t.groupExists(groupID); err != nil {
		return err
	}
	_, err := t.exec("INSERT INTO group_members (tenant_id, group_id, member_id, member_type) VALUES ($1, $2, $3, $4)",
		groupID, memberID, string(typ))
	if isUnique(err) {
		return directory.Conflict("members")
	}
	return err
}

func (t *tx) RemoveMember(groupID, memberID string) error {
	return t.execOne(memberID, "DELETE FROM group_members WHERE tenant_id = $1 AND group_id = $2 AND member_id = $3", groupID, memberID)
}

func (t *tx) AddOwner(groupID, userID string) error {
	if err := t.groupExists(groupID); err != nil {
		return err
	}
	_, err := t.exec("INSERT INTO group_owners (tenant_id, group_id, user_id) VALUES ($1, $2, $3)", groupID, userID)
	if isUnique(err) {
		return directory.Conflict("owners")
	}
	return err
}

func (t *tx) RemoveOwner(groupID, userID string) error {
	return t.execOne(userID, "DELETE FROM group_owners WHERE tenant_id = $1 AND group_id = $2 AND user_id = $3", groupID, userID)
}

// LockMembership takes the tenant row lock on PostgreSQL; SQLite has one
// writer at a time already.
func (t *tx) LockMembership() error {
	if t.s.d != postgres {
		return nil
	}
	_, err := t.exec("SELECT 1 FROM tenants WHERE tenant_id = $1 FOR UPDATE")
	return err
}

func (t *tx) IsTransitiveMember(groupID, objectID string) (bool, error) {
	var found bool
	err := t.queryRow(`WITH RECURSIVE sub(id) AS (
			SELECT CAST($2 AS TEXT)
			UNION
			SELECT m.member_id FROM group_members m JOIN sub ON m.group_id = sub.id
			WHERE m.tenant_id = $1 AND m.member_type = 'group')
		SELECT EXISTS (SELECT 1 FROM sub WHERE id = $3)
			OR EXISTS (SELECT 1 FROM group_members m WHERE m.tenant_id = $1 AND m.member_id = $3
				AND m.group_id IN (SELECT id FROM sub))`, groupID, objectID).Scan(&found)
	return found, err
}

// listRelated pages through (id, type) pairs of a relationship, skipping
// deleted users, and loads the objects.
func (t *tx) listRelated(query string, key string, q directory.ListQuery) (directory.Page[directory.DirectoryObject], error) {
	var page directory.Page[directory.DirectoryObject]
	after := ""
	if q.After != "" {
		c, err := decodeCursor(q.After)
		if err != nil {
			return page, err
		}
		after = c.I
	}
	top := pageSize(q)
	rows, err := t.query(query+" ORDER BY 1 LIMIT "+strconv.Itoa(top+1), key, after)
	if err != nil {
		return page, err
	}
	var ids []string
	var types []directory.ObjectType
	for rows.Next() {
		var id, typ string
		if err := rows.Scan(&id, &typ); err != nil {
			rows.Close()
			return page, err
		}
		ids, types = append(ids, id), append(types, directory.ObjectType(typ))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, err
	}
	if len(ids) > top {
		ids, types = ids[:top], types[:top]
		page.Next = encodeCursor(nil, ids[top-1])
	}
	objs, err := t.loadObjects(ids, types)
	if err != nil {
		return page, err
	}
	page.Items = objs
	return page, nil
}

func (t *tx) ListMembers(groupID string, q directory.ListQuery) (directory.Page[directory.DirectoryObject], error) {
	return t.listRelated(`SELECT member_id, member_type FROM group_members m WHERE tenant_id = $1 AND group_id = $2
		AND member_id > $3 AND `+activeUserCond("m.member_type", "m.member_id"), groupID, q)
}

func (t *tx) ListOwners(groupID string, q directory.ListQuery) (directory.Page[directory.DirectoryObject], error) {
	return t.listRelated(`SELECT user_id, 'user' FROM group_owners o WHERE tenant_id = $1 AND group_id = $2
		AND user_id > $3 AND `+activeUserCond("'user'", "o.user_id"), groupID, q)
}

func (t *tx) ListMemberOf(objectID string, q directory.ListQuery) (directory.Page[directory.DirectoryObject], error) {
	return t.listRelated(`SELECT group_id, 'group' FROM group_members WHERE tenant_id = $1 AND member_id = $2
		AND group_id > $3`, objectID, q)
}

func activeUserCond(typeCol, idCol string) string {
	return "(" + typeCol + " = 'group' OR EXISTS (SELECT 1 FROM users u WHERE u.tenant_id = $1 AND u.id = " + idCol + " AND u.deleted_at IS NULL))"
}

// loadObjects loads users and groups by id with one query per kind,
// keeping the order of ids.
func (t *tx) loadObjects(ids []string, types []directory.ObjectType) ([]directory.DirectoryObject, error) {
	var userIDs, groupIDs []any
	for i, id := range ids {
		if types[i] == directory.TypeUser {
			userIDs = append(userIDs, id)
		} else {
			groupIDs = append(groupIDs, id)
		}
	}
	byID := make(map[string]directory.DirectoryObject, len(ids))
	if len(userIDs) > 0 {
		err := t.each("SELECT "+userCols+" FROM users WHERE tenant_id = $1 AND id IN ("+placeholders(2, len(userIDs))+")", userIDs, func(r scanner) error {
			u, err := scanUser(r)
			byID[u.ID] = directory.DirectoryObject{Type: directory.TypeUser, User: &u}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	if len(groupIDs) > 0 {
		err := t.each("SELECT "+groupCols+" FROM dir_groups WHERE tenant_id = $1 AND id IN ("+placeholders(2, len(groupIDs))+")", groupIDs, func(r scanner) error {
			g, err := scanGroup(r)
			byID[g.ID] = directory.DirectoryObject{Type: directory.TypeGroup, Group: &g}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]directory.DirectoryObject, 0, len(ids))
	for _, id := range ids {
		if o, ok := byID[id]; ok {
			out = append(out, o)
		}
	}
	return out, nil
}

// each runs a query and calls fn for every row.
func (t *tx) each(q string, args []any, fn func(scanner) error) error {
	rows, err := t.query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// placeholders returns "$from, $from+1, ..." for n arguments.
func placeholders(from, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("$" + strconv.Itoa(from+i))
	}
	return b.String()
}

package sqlstore

import (
	"strconv"

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
	for i, id := range ids {
		var obj directory.DirectoryObject
		if types[i] == directory.TypeUser {
			u, err := t.GetUser(id)
			if err != nil {
				return page, err
			}
			obj = directory.DirectoryObject{Type: directory.TypeUser, User: &u}
		} else {
			g, err := t.GetGroup(id)
			if err != nil {
				return page, err
			}
			obj = directory.DirectoryObject{Type: directory.TypeGroup, Group: &g}
		}
		page.Items = append(page.Items, obj)
	}
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

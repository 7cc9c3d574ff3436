package sqlstore

import (
	"context"
	"database/sql"
	"slices"
	"strconv"

	"github.com/atriumhq/atrium/internal/directory"
)

// nameTokens are the distinct search tokens of a display name.
func nameTokens(displayName string) []string {
	toks := directory.SearchTokens(displayName)
	slices.Sort(toks)
	return slices.Compact(toks)
}

// putNameTokens replaces the search tokens of a user.
func (t *tx) putNameTokens(userID, displayName string) error {
	if _, err := t.exec("DELETE FROM user_name_tokens WHERE tenant_id = $1 AND user_id = $2", userID); err != nil {
		return err
	}
	return t.addNameTokens(userID, displayName)
}

// addNameTokens indexes the display name of a user who has no tokens yet.
func (t *tx) addNameTokens(userID, displayName string) error {
	for _, tok := range nameTokens(displayName) {
		if _, err := t.exec("INSERT INTO user_name_tokens (tenant_id, token, user_id) VALUES ($1, $2, $3)", tok, userID); err != nil {
			return err
		}
	}
	return nil
}

// backfillNameTokens is the Go half of migration 0018: the tokens of the
// users that exist when it runs.
func backfillNameTokens(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, "SELECT tenant_id, id, display_name FROM users")
	if err != nil {
		return err
	}
	type user struct{ tenant, id, name string }
	var us []user
	for rows.Next() {
		var u user
		if err := rows.Scan(&u.tenant, &u.id, &u.name); err != nil {
			rows.Close()
			return err
		}
		us = append(us, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, "INSERT INTO user_name_tokens (tenant_id, token, user_id) VALUES ($1, $2, $3)")
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, u := range us {
		for _, tok := range nameTokens(u.name) {
			if _, err := ins.ExecContext(ctx, u.tenant, tok, u.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// searchPlan counts, up to tokenCountCap, the users each display-name
// search token of q matches, for the builder to start from the rarest.
func (t *tx) searchPlan(q directory.ListQuery) (*builder, error) {
	b := &builder{}
	var toks []string
	var walk func(e directory.Expr)
	walk = func(e directory.Expr) {
		switch e := e.(type) {
		case directory.And:
			walk(e.Left)
			walk(e.Right)
		case directory.Or:
			walk(e.Left)
			walk(e.Right)
		case directory.Not:
			walk(e.X)
		case directory.Search:
			if c, ok := usersResource.search[e.Prop]; ok && c.kind == cTokenRows {
				toks = append(toks, directory.SearchTokens(e.Term)...)
			}
		}
	}
	walk(q.Search)
	if len(toks) == 0 {
		return b, nil
	}
	b.tokenCounts = map[string]int{}
	for _, tok := range toks {
		var n int
		err := t.queryRow("SELECT count(*) FROM (SELECT 1 FROM user_name_tokens WHERE tenant_id = $1 AND token >= $2 AND token < $3 LIMIT "+
			strconv.Itoa(tokenCountCap)+") m", tok, tok+"\U0010FFFF").Scan(&n)
		if err != nil {
			return nil, err
		}
		b.tokenCounts[tok] = n
	}
	return b, nil
}

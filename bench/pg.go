package main

import (
	"database/sql"
	"net/url"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// pgSchema creates a schema for one run and returns a URL that uses it and
// a function that drops it.
func pgSchema(dsn, schema string) (string, func()) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		fail(err)
	}
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		fail(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		fail(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), func() {
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	}
}

// Package testdb opens real databases for tests and benchmarks: SQLite in a
// temporary directory, and PostgreSQL in a fresh schema of the server that
// ATRIUM_TEST_POSTGRES_DSN names.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/sqlstore"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// EnvPostgres names the environment variable with the PostgreSQL test DSN.
const EnvPostgres = "ATRIUM_TEST_POSTGRES_DSN"

// SQLite opens a store on a new SQLite file that the test removes.
func SQLite(t testing.TB) *sqlstore.Store {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), sqlstore.Config{DataDir: t.TempDir()})
	if err != nil {
		t.Fatalf("open SQLite store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// PostgresURL creates a fresh schema on the test server and returns a URL
// whose connections use it; the schema is dropped when the test ends. It
// skips the test, naming the variable, when no server is configured.
func PostgresURL(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(EnvPostgres)
	if dsn == "" {
		t.Skipf("PostgreSQL tests need %s (CI sets it)", EnvPostgres)
	}
	u, drop, err := NewSchema(dsn)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	t.Cleanup(drop)
	return u
}

// NewSchema creates a schema with a unique name on the PostgreSQL server of
// dsn and returns a URL whose connections use it, and a function that drops
// it. The benchmark uses it too.
func NewSchema(dsn string) (string, func(), error) {
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", nil, err
	}
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	schema := fmt.Sprintf("atrium_test_%d_%x", time.Now().UnixNano(), suffix) // unique across parallel test processes
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	drop := func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	}
	u, err := url.Parse(dsn)
	if err != nil {
		drop()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}

// Postgres opens a store in a fresh schema of the test server.
func Postgres(t testing.TB) *sqlstore.Store {
	t.Helper()
	s, err := sqlstore.Open(context.Background(), sqlstore.Config{DatabaseURL: PostgresURL(t)})
	if err != nil {
		t.Fatalf("open PostgreSQL store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

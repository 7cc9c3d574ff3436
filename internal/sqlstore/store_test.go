package sqlstore_test

import (
	"context"
	"testing"

	"github.com/atriumhq/atrium/internal/directory/storetest"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/atriumhq/atrium/internal/sqlstore/testdb"
)

func TestSQLiteConformance(t *testing.T) {
	storetest.Run(t, testdb.SQLite(t))
}

func TestPostgresConformance(t *testing.T) {
	storetest.Run(t, testdb.Postgres(t))
}

// TestMigrationsIdempotent reopens a database: migrations already applied
// are not applied again and data survives.
func TestMigrationsIdempotent(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 2; i++ {
		s, err := sqlstore.Open(context.Background(), sqlstore.Config{DataDir: dir})
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		s.Close()
	}
}

func TestConfigValidate(t *testing.T) {
	for _, c := range []struct {
		cfg sqlstore.Config
		ok  bool
	}{
		{sqlstore.Config{DataDir: "x"}, true},
		{sqlstore.Config{DatabaseURL: "postgres://u@h/db"}, true},
		{sqlstore.Config{DatabaseURL: "mysql://u@h/db"}, false},
		{sqlstore.Config{}, false},
	} {
		if err := c.cfg.Validate(); (err == nil) != c.ok {
			t.Errorf("Validate(%+v) = %v", c.cfg, err)
		}
	}
}

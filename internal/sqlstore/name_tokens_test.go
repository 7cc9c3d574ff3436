package sqlstore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/google/uuid"
)

// TestNameTokensBackfill turns a database back into its shape before
// migration 0018 (a token column, no token rows) and reopens it: the
// migration's Go step fills the rows from the users that exist, so that
// $search finds them.
func TestNameTokensBackfill(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := sqlstore.Open(ctx, sqlstore.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	tenant := uuid.NewString()
	now := time.Now().UTC()
	err = s.CreateTenant(ctx, directory.Tenant{ID: tenant, CreatedAt: now, CursorSecret: []byte("x")}, func(tx directory.Tx) error {
		return tx.CreateUser(&directory.User{ID: uuid.NewString(), DisplayName: "Joep de Vries", UserPrincipalName: "joep@x.example",
			MailNickname: "joep", AccountEnabled: true, CreatedAt: now, PasswordChangedAt: now})
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "atrium.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TABLE user_name_tokens", "ALTER TABLE users ADD COLUMN search_tokens TEXT NOT NULL DEFAULT ''",
		"DELETE FROM schema_migrations WHERE version = 18"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err = sqlstore.Open(ctx, sqlstore.Config{DataDir: dir})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	err = s.View(ctx, tenant, func(tx directory.Tx) error {
		page, err := tx.ListUsers(directory.ListQuery{Top: 10, Search: directory.Search{Prop: "displayName", Term: "vri joe"}})
		if err != nil || len(page.Items) != 1 || page.Items[0].DisplayName != "Joep de Vries" {
			t.Errorf("search after the backfill: %+v, %v", page.Items, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

package sqlstore_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/sqlstore"
	"github.com/google/uuid"
)

// TestSecretsSealedAtRest: with SQLite the store makes a secret key next
// to the database and seals signing keys and authenticator secrets with
// it; the database file alone doesn't hold them, a wrong key can't open
// them, and the right key reads them back.
func TestSecretsSealedAtRest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := sqlstore.Open(ctx, sqlstore.Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Sealed() {
		t.Fatal("SQLite store without a key is not sealed")
	}
	if fi, err := os.Stat(filepath.Join(dir, "secret.key")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("secret.key: %v %v", fi, err)
	}
	tid := uuid.NewString()
	pem := []byte("-----BEGIN PRIVATE KEY-----\nTHE-PRIVATE-KEY-MATERIAL\n-----END PRIVATE KEY-----\n")
	userID := uuid.NewString()
	err = s.CreateTenant(ctx, directory.Tenant{ID: tid, CreatedAt: time.Now(), CursorSecret: []byte("c"), Org: directory.Organization{DisplayName: "O"}},
		func(tx directory.Tx) error {
			if err := tx.AddSigningKey(&directory.SigningKey{KID: "kid-1", PrivatePEM: pem, CreatedAt: time.Now()}); err != nil {
				return err
			}
			return tx.PutTOTP(&directory.TOTP{UserID: userID, Secret: "JBSWY3DPEHPK3PXPTOTPSECRET", CreatedAt: time.Now()})
		})
	if err != nil {
		t.Fatal(err)
	}
	read := func(s *sqlstore.Store) ([]directory.SigningKey, directory.TOTP, error) {
		var keys []directory.SigningKey
		var m directory.TOTP
		err := s.View(ctx, tid, func(tx directory.Tx) (err error) {
			if keys, err = tx.SigningKeys(); err != nil {
				return err
			}
			m, err = tx.GetTOTP(userID)
			return err
		})
		return keys, m, err
	}
	keys, m, err := read(s)
	if err != nil || len(keys) != 1 || !bytes.Equal(keys[0].PrivatePEM, pem) || m.Secret != "JBSWY3DPEHPK3PXPTOTPSECRET" {
		t.Fatalf("read back: %v %+v %+v", err, keys, m)
	}
	s.Close()
	raw, err := os.ReadFile(filepath.Join(dir, "atrium.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, wal := range []string{"atrium.db-wal"} {
		if b, err := os.ReadFile(filepath.Join(dir, wal)); err == nil {
			raw = append(raw, b...)
		}
	}
	if bytes.Contains(raw, []byte("THE-PRIVATE-KEY-MATERIAL")) || bytes.Contains(raw, []byte("TOTPSECRET")) || !bytes.Contains(raw, []byte("sealed:v1:")) {
		t.Fatal("the database file holds a secret in the clear")
	}
	other := bytes.Repeat([]byte{7}, sqlstore.SecretKeySize)
	wrong, err := sqlstore.Open(ctx, sqlstore.Config{DataDir: dir, SecretKey: other})
	if err != nil {
		t.Fatal(err)
	}
	defer wrong.Close()
	if _, _, err := read(wrong); err == nil || !strings.Contains(err.Error(), "does not open") {
		t.Fatalf("a wrong key: %v", err)
	}
}

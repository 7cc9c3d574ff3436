package sqlstore

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Secrets at rest. The store seals the values that must be read back
// (token signing keys, authenticator secrets) with AES-256-GCM under the
// deployment's secret key, bound to tenant, kind and id, so that a copy
// of the database (a backup, a replica dump) doesn't give them away. With
// SQLite the key lives next to the database in secret.key (mode 0600),
// made on first start; PostgreSQL replicas share one key given as
// --secret-key-file. Values written without a key stay readable.

// sealedPrefix marks a sealed value.
const sealedPrefix = "sealed:v1:"

// SecretKeySize is the size of the secret key: 32 bytes, base64 in its file.
const SecretKeySize = 32

type sealer struct{ aead cipher.AEAD }

func newSealer(key []byte) (*sealer, error) {
	if len(key) != SecretKeySize {
		return nil, fmt.Errorf("the secret key must be %d bytes, not %d", SecretKeySize, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &sealer{aead: aead}, nil
}

func aad(tenant, kind, id string) []byte { return []byte(tenant + "\x00" + kind + "\x00" + id) }

// seal returns v sealed, or v itself without a key.
func (s *sealer) seal(tenant, kind, id string, v []byte) []byte {
	if s == nil {
		return v
	}
	nonce := make([]byte, s.aead.NonceSize())
	_, _ = rand.Read(nonce)
	out := s.aead.Seal(nonce, nonce, v, aad(tenant, kind, id))
	return []byte(sealedPrefix + base64.RawStdEncoding.EncodeToString(out))
}

// open reverses seal; an unsealed value is returned as it is.
func (s *sealer) open(tenant, kind, id string, v []byte) ([]byte, error) {
	rest, ok := strings.CutPrefix(string(v), sealedPrefix)
	if !ok {
		return v, nil
	}
	if s == nil {
		return nil, errors.New("a sealed secret was found but no secret key is configured (--secret-key-file)")
	}
	raw, err := base64.RawStdEncoding.DecodeString(rest)
	if err != nil || len(raw) < s.aead.NonceSize() {
		return nil, errors.New("a sealed secret is damaged")
	}
	plain, err := s.aead.Open(nil, raw[:s.aead.NonceSize()], raw[s.aead.NonceSize():], aad(tenant, kind, id))
	if err != nil {
		return nil, errors.New("a sealed secret does not open with this secret key")
	}
	return plain, nil
}

// ReadSecretKey reads a secret key file: 32 bytes in base64.
func ReadSecretKey(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read secret key: %w", err)
	}
	key, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || len(key) != SecretKeySize {
		return nil, fmt.Errorf("secret key file %s must hold %d random bytes in base64 (make one with: head -c 32 /dev/urandom | base64)", path, SecretKeySize)
	}
	return key, nil
}

// sqliteSecretKey reads dir/secret.key, making it on first use.
func sqliteSecretKey(dir string) ([]byte, error) {
	path := filepath.Join(dir, "secret.key")
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		key := make([]byte, SecretKeySize)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, fmt.Errorf("create secret key: %w", err)
		}
		_, err = f.WriteString(base64.StdEncoding.EncodeToString(key) + "\n")
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("write secret key: %w", err)
		}
	}
	return ReadSecretKey(path)
}

package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id cost parameters; they are recorded in every hash.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// DefaultParams are OWASP's first recommended argon2id configuration
// (Password Storage Cheat Sheet): 46 MiB, 1 pass, 1 lane. It meets OWASP's
// minimum with the memory cost GPUs find hardest, and keeps a sign-in at
// tens of milliseconds on one core. Hashes made with other parameters are
// upgraded on the next sign-in.
var DefaultParams = Params{Memory: 46 * 1024, Time: 1, Threads: 1}

// Hasher hashes passwords with argon2id under its parameters.
type Hasher struct{ Params Params }

// Hash returns the PHC string of pw: $argon2id$v=19$m=..,t=..,p=..$salt$key.
func (h Hasher) Hash(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	p := h.Params
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, 32)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// Verify reports whether pw matches the PHC hash, in constant time, and
// whether the hash should be replaced because its parameters differ from
// the hasher's.
func (h Hasher) Verify(hash, pw string) (ok, rehash bool, err error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, false, errors.New("password hash: not an argon2id PHC string")
	}
	var v int
	var p Params
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false, false, errors.New("password hash: unsupported version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false, false, fmt.Errorf("password hash parameters: %w", err)
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false, false, errors.New("password hash: bad encoding")
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	ok = subtle.ConstantTimeCompare(got, want) == 1
	return ok, ok && p != h.Params, nil
}

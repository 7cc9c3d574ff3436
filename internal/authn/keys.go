package authn

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"

	"github.com/atriumhq/atrium/internal/directory"
)

// NewSigningKey generates an RSA-2048 token signing key. Its key id is the
// base64url SHA-256 thumbprint of the public key.
func NewSigningKey() (directory.SigningKey, error) {
	priv, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return directory.SigningKey{}, fmt.Errorf("generate signing key: %w", err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return directory.SigningKey{}, err
	}
	pub, err := x509.MarshalPKIXPublicKey(&priv.PublicKey)
	if err != nil {
		return directory.SigningKey{}, err
	}
	sum := sha256.Sum256(pub)
	return directory.SigningKey{
		KID:        base64.RawURLEncoding.EncodeToString(sum[:20]),
		PrivatePEM: pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}),
	}, nil
}

func parseKey(k directory.SigningKey) (*rsa.PrivateKey, error) {
	b, _ := pem.Decode(k.PrivatePEM)
	if b == nil {
		return nil, errors.New("signing key: no PEM block")
	}
	key, err := x509.ParsePKCS8PrivateKey(b.Bytes)
	if err != nil {
		return nil, fmt.Errorf("signing key: %w", err)
	}
	rk, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("signing key: not RSA")
	}
	return rk, nil
}

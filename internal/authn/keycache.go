package authn

import (
	"crypto/rsa"
	"sync"

	"github.com/atriumhq/atrium/internal/directory"
)

// keyCache keeps parsed signing keys by key id: parsing and validating an
// RSA key from its PEM costs about 0.24 ms, a tenth of issuing a token.
// Key ids are thumbprints, so an entry never goes stale; the cache is
// emptied when it reaches maxCachedKeys.
type keyCache struct {
	mu   sync.Mutex
	keys map[string]*rsa.PrivateKey
}

const maxCachedKeys = 4096

func (c *keyCache) get(k directory.SigningKey) (*rsa.PrivateKey, error) {
	c.mu.Lock()
	priv, ok := c.keys[k.KID]
	c.mu.Unlock()
	if ok {
		return priv, nil
	}
	priv, err := parseKey(k)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.keys == nil || len(c.keys) >= maxCachedKeys {
		c.keys = map[string]*rsa.PrivateKey{}
	}
	c.keys[k.KID] = priv
	c.mu.Unlock()
	return priv, nil
}

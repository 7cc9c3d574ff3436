package api_test

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"
)

const time1m = time.Minute

// forgeTenant rewrites the tid claim of a token without re-signing it, so
// the signature no longer matches the claimed tenant's key.
func forgeTenant(tok, tenantID string) string {
	parts := strings.Split(tok, ".")
	payload, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var claims map[string]any
	_ = json.Unmarshal(payload, &claims)
	claims["tid"] = tenantID
	b, _ := json.Marshal(claims)
	parts[1] = base64.RawURLEncoding.EncodeToString(b)
	return strings.Join(parts, ".")
}

// Package authn establishes who is calling: it signs and verifies the
// tenant-scoped access tokens (Entra claim names, RS256), runs browser
// sessions, and hosts the OpenID Connect provider (zitadel/oidc's op, one
// per tenant, with its state in the directory). It turns a bearer token or
// a session cookie into an authz.Principal built from the current
// directory state.
package authn

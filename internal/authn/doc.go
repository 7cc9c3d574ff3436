// Package authn establishes who is calling: it signs and verifies the
// tenant-scoped access tokens (Entra claim names, RS256) and turns a bearer
// token into an authz.Principal built from the current directory state.
// Sign-in flows, sessions and the OpenID Connect provider will live here.
package authn

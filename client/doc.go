// Package client is Atrium's public Go SDK: the wire types of its
// Graph-compatible API and a typed HTTP client. The atrium CLI and the
// end-to-end tests use it; it imports nothing internal.
package client

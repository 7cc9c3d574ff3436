// Package api is Atrium's HTTP layer: the Graph-compatible /v1.0 API and the
// Atrium-only /api surface. routes.go is the one route table, errors.go the
// one mapping from domain errors to HTTP status and Graph error codes.
// Handlers decode, call the directory service and encode; rules live in the
// directory.
package api

// Package directory is Atrium's domain: tenants, users, groups, domains and
// the audit trail, with the business rules that govern them. Its Service
// checks authorization, validates input, runs each change in one store
// transaction and writes the audit record in that same transaction. The
// Store interface is the one persistence contract every backend implements.
package directory

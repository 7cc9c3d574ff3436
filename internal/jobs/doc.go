// Package jobs runs Atrium's background work on the shared database. Every
// job is safe to run on several replicas at once.
package jobs

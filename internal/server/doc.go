// Package server is the composition root: it validates the configuration,
// opens the store, wires the directory, authentication and API together,
// starts the background jobs and serves HTTP until the context ends.
package server

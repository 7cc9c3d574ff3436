// Package authz decides what a principal may do: the permissions, the admin
// roles as data, and the check every service method asks before it acts. It
// is pure: no I/O, no HTTP, no SQL.
package authz

// Package sqlstore is the only package with SQL. It implements
// directory.Store on an embedded SQLite database (the default) and on
// PostgreSQL (for several replicas), with one set of SQL statements,
// embedded forward-only migrations, and driver errors mapped to domain error
// kinds. Every statement is bound to one tenant.
package sqlstore

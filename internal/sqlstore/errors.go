package sqlstore

import (
	"errors"

	"github.com/atriumhq/atrium/internal/directory"

	"github.com/jackc/pgx/v5/pgconn"
	sqlitelib "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// isUnique reports whether err is a unique or primary key violation.
func isUnique(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	var se *sqlitelib.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// retryable reports whether a transaction failed only because of a
// concurrent one and may simply run again.
func (s *Store) retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "40001" || pe.Code == "40P01"
	}
	var se *sqlitelib.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_BUSY
	}
	return false
}

// driverError turns database errors caused by input into domain errors:
// PostgreSQL refuses NUL characters and invalid UTF-8 in text (SQLSTATE
// 22021) where SQLite stores them; either way the request was bad.
func driverError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "22021" || pe.Code == "22P05") {
		return directory.Invalid("", "The request contains a character that isn't allowed (such as NUL or invalid UTF-8).")
	}
	return err
}

package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Config chooses the database: PostgreSQL when DatabaseURL is set, else an
// embedded SQLite file in DataDir.
type Config struct {
	DataDir     string
	DatabaseURL string
	// SecretKey seals secrets at rest (see seal.go). With SQLite and no
	// key, the store makes DataDir/secret.key; with PostgreSQL and none,
	// secrets are stored unsealed.
	SecretKey []byte
}

// Validate checks that cfg names one usable database.
func (c Config) Validate() error {
	if c.DatabaseURL != "" {
		u, err := url.Parse(c.DatabaseURL)
		if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			return fmt.Errorf("database URL must start with postgres:// (got scheme %q)", schemeOf(c.DatabaseURL))
		}
		return nil
	}
	if c.DataDir == "" {
		return fmt.Errorf("data directory is empty")
	}
	return nil
}

func schemeOf(s string) string {
	if i := strings.Index(s, "://"); i >= 0 {
		return s[:i]
	}
	return ""
}

type dialect int

const (
	sqlite dialect = iota
	postgres
)

// Store implements directory.Store on SQL.
type Store struct {
	d      dialect
	writer *sql.DB // SQLite: the one writer connection; PostgreSQL: the pool
	reader *sql.DB // SQLite: a pool of readers; PostgreSQL: the same pool
	sealer *sealer // nil: secrets are stored unsealed
}

// Open connects to the database cfg names and applies pending migrations.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	var s *Store
	var err error
	if cfg.DatabaseURL != "" {
		s, err = openPostgres(cfg.DatabaseURL)
	} else {
		s, err = openSQLite(cfg.DataDir)
	}
	if err != nil {
		return nil, err
	}
	key := cfg.SecretKey
	if key == nil && cfg.DatabaseURL == "" {
		if key, err = sqliteSecretKey(cfg.DataDir); err != nil {
			s.Close()
			return nil, err
		}
	}
	if key != nil {
		if s.sealer, err = newSealer(key); err != nil {
			s.Close()
			return nil, err
		}
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Sealed reports whether the store seals secrets at rest.
func (s *Store) Sealed() bool { return s.sealer != nil }

func openPostgres(dsn string) (*Store, error) {
	cc, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse database URL: %w", err)
	}
	db := stdlib.OpenDB(*cc)
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	db.SetConnMaxIdleTime(5 * time.Minute)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to PostgreSQL at %s: %w", cc.Host, err)
	}
	return &Store{d: postgres, writer: db, reader: db}, nil
}

func openSQLite(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	path := filepath.Join(dir, "atrium.db")
	pragmas := "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	// The writer keeps 32 MB of pages (SQLite's default is 2 MB): a batch
	// of new users touches every index of the users table, and a small
	// cache spills them to the WAL mid-transaction.
	writer, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=cache_size(-32768)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("open SQLite: %w", err)
	}
	writer.SetMaxOpenConns(1)
	writer.SetConnMaxLifetime(0)
	if err := writer.Ping(); err != nil {
		writer.Close()
		return nil, fmt.Errorf("open SQLite database %s: %w", path, err)
	}
	reader, err := sql.Open("sqlite", "file:"+path+"?"+pragmas+"&_pragma=query_only(1)")
	if err != nil {
		writer.Close()
		return nil, fmt.Errorf("open SQLite readers: %w", err)
	}
	reader.SetMaxOpenConns(max(4, runtime.NumCPU()))
	return &Store{d: sqlite, writer: writer, reader: reader}, nil
}

// Close closes the database connections.
func (s *Store) Close() error {
	err := s.writer.Close()
	if s.reader != s.writer {
		if rerr := s.reader.Close(); err == nil {
			err = rerr
		}
	}
	return err
}

// Dialect names the database in use, for logs: "sqlite" or "postgres".
func (s *Store) Dialect() string {
	if s.d == postgres {
		return "postgres"
	}
	return "sqlite"
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.writer.PingContext(ctx) }

// Analyze refreshes the query planner's statistics. Autovacuum does this on
// PostgreSQL in time; call it after a bulk load so the next queries are
// planned on the real table sizes at once.
func (s *Store) Analyze(ctx context.Context) error {
	_, err := s.writer.ExecContext(ctx, "ANALYZE")
	return err
}

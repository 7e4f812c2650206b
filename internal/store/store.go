// Package store keeps ITAS's state in SQLite (embedded, the default) or
// PostgreSQL (national scale) behind one set of methods. The SQL is
// written by hand next to its Scan with values always bound ($1 … works
// on both engines); where the engines differ a small dialect switch
// chooses, and migrations live in one folder per dialect. Each public
// method owns its transaction, and every method that changes state on
// behalf of a user records an audit entry in the same transaction.
//
// Errors are *apperr.Error where they mean something to users: NotFound
// (never a nil result with a nil error), Conflict for duplicates, Invalid
// for rule violations; everything else is wrapped with the operation's
// name and counts as Internal.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite"
)

// Dialect names a database engine.
type Dialect string

// The supported engines.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Store is a handle on the database. It is safe for concurrent use.
//
// Now is the clock for every time the store records or compares (audit
// times, session expiry); tests replace it. It must not be nil.
type Store struct {
	Now func() time.Time

	dialect Dialect
	db      *sql.DB     // writes (and reads on PostgreSQL)
	rdb     *sql.DB     // reads; on SQLite a separate read-only pool
	submits submitQueue // SubmitResponse's group commit (surveys_submit.go)
}

// Open connects to the database named by dsn: a "postgres://" or
// "postgresql://" URL for PostgreSQL, anything else a SQLite file path
// (created if missing; "file:" URIs are accepted). It checks the
// connection but does not migrate: call Migrate.
//
// SQLite runs in WAL mode with a busy timeout, foreign keys on and
// immediate write transactions, through one writer connection and a small
// pool of read-only connections.
func Open(ctx context.Context, dsn string) (*Store, error) {
	s := &Store{Now: time.Now}
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		s.dialect = Postgres
		s.db, err = sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store.Open: %w", err)
		}
		s.db.SetMaxOpenConns(max(4, 2*runtime.GOMAXPROCS(0)))
		s.db.SetMaxIdleConns(max(4, 2*runtime.GOMAXPROCS(0)))
		s.db.SetConnMaxIdleTime(5 * time.Minute)
		s.rdb = s.db
	} else {
		s.dialect = SQLite
		if err := s.openSQLite(dsn); err != nil {
			return nil, fmt.Errorf("store.Open(%q): %w", dsn, err)
		}
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("store.Open: ping: %w", err)
	}
	return s, nil
}

func (s *Store) openSQLite(path string) error {
	path = strings.TrimPrefix(path, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if path == "" || path == ":memory:" {
		return errors.New("SQLite needs a file path (the store uses separate read and write connections)")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return err
		}
	}
	base := "file:" + path + "?_busy_timeout=10000&_foreign_keys=1"
	var err error
	// The writer opens first so that it can switch the file to WAL mode. Its page cache is
	// 64 MB and its statement journals stay in memory: survey responses land on random pages
	// (random ids), and with the default 2 MB cache a group commit spills pages to the WAL and
	// copies them to a temporary file mid-transaction — a third more CPU per response.
	//
	// The writer syncs the WAL at every commit (synchronous=FULL): a survey response is
	// acknowledged only once it would survive a power cut, and with group commit that costs
	// one fsync per batch; the other writes are few. The read-only pool never commits.
	if s.db, err = sql.Open("sqlite", base+"&_synchronous=FULL&_journal_mode=WAL&_txlock=immediate"+
		"&_pragma=cache_size(-65536)&_pragma=temp_store(MEMORY)"); err != nil {
		return err
	}
	s.db.SetMaxOpenConns(1)
	s.db.SetMaxIdleConns(1)
	s.db.SetConnMaxLifetime(0)
	if err := s.db.Ping(); err != nil {
		s.db.Close()
		return err
	}
	if s.rdb, err = sql.Open("sqlite", base+"&_synchronous=NORMAL&_query_only=1"); err != nil {
		s.db.Close()
		return err
	}
	n := max(2, runtime.GOMAXPROCS(0))
	s.rdb.SetMaxOpenConns(n)
	s.rdb.SetMaxIdleConns(n)
	return nil
}

// Close closes every connection.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.rdb != s.db {
		err = errors.Join(err, s.rdb.Close())
	}
	return err
}

// Dialect returns the engine s runs on.
func (s *Store) Dialect() Dialect { return s.dialect }

// Ping reports whether the database answers, for health checks.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("store.Ping: %w", err)
	}
	return nil
}

// now returns the store's clock in UTC, truncated to the microsecond that
// both engines keep, so that what is written reads back equal.
func (s *Store) now() time.Time { return s.Now().UTC().Truncate(time.Microsecond) }

// write runs fn in a read-write transaction that it commits if fn returns
// nil and rolls back otherwise.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	return runTx(ctx, s.db, nil, fn)
}

// read runs fn in a read-only transaction, so that a count and a page
// come from one snapshot.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.dialect == SQLite {
		opts = nil // the read pool is query_only; BEGIN DEFERRED is a snapshot in WAL
	}
	return runTx(ctx, s.rdb, opts, fn)
}

func runTx(ctx context.Context, db *sql.DB, opts *sql.TxOptions, fn func(*sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
			return
		}
		if cerr := tx.Commit(); cerr != nil {
			err = fmt.Errorf("commit: %w", cerr)
		}
	}()
	return fn(tx)
}

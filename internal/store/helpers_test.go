package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
)

// MustOpenSQLite returns a fresh, migrated store on a SQLite file in a
// temporary directory, closed when the test ends.
func MustOpenSQLite(tb testing.TB) *Store {
	tb.Helper()
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(tb.TempDir(), "itas.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return s
}

// PostgresDSN returns the DSN of the throwaway PostgreSQL database named
// by ITAS_TEST_PG. When it is unset the test is skipped — except under
// CI=true, where a missing database fails the test: the PostgreSQL suite
// must never be skipped silently in CI.
func PostgresDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("ITAS_TEST_PG")
	if dsn == "" {
		msg := "ITAS_TEST_PG is not set: no PostgreSQL to test against " +
			`(eval "$(scripts/pg-test-cluster.sh start)" starts a throwaway one)`
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg + "; CI=true, so this is a failure, not a skip")
		}
		tb.Skip(msg)
	}
	return dsn
}

// MustOpenPostgres returns a fresh, migrated store in a new schema of the
// ITAS_TEST_PG database; the schema is dropped when the test ends.
func MustOpenPostgres(tb testing.TB) *Store {
	tb.Helper()
	base := PostgresDSN(tb)
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { admin.Close() })
	b := make([]byte, 6)
	rand.Read(b)
	schema := "itas_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	s, err := Open(ctx, u.String())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	return s
}

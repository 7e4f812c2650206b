package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrations holds the schema changes, one folder per dialect. Files are
// named NNNN_what.sql, numbered without gaps, and never edited once
// released: a change is a new file.
//
//go:embed migrations
var migrations embed.FS

// Migration is one schema change.
type Migration struct {
	Version int
	Name    string // file name
	SQL     string
}

// Migrations returns the migrations of dialect d in order.
func Migrations(d Dialect) ([]Migration, error) {
	dir := path.Join("migrations", string(d))
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, fmt.Errorf("store.Migrations(%s): %w", d, err)
	}
	var out []Migration
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("store.Migrations(%s): bad file name %q", d, name)
		}
		b, err := fs.ReadFile(migrations, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("store.Migrations(%s): %w", d, err)
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("store.Migrations(%s): %s: want version %d (no gaps, no duplicates)", d, m.Name, i+1)
		}
	}
	return out, nil
}

// Migrate brings the schema up to date: each migration not yet recorded
// in schema_migrations runs in its own transaction together with its
// record, so a failure leaves the schema at the last whole step. It is
// safe to run concurrently from several processes. It returns the names
// of the migrations it applied.
func (s *Store) Migrate(ctx context.Context) (applied []string, err error) {
	defer wrap(&err, "store.Migrate")
	ms, err := Migrations(s.dialect)
	if err != nil {
		return nil, err
	}
	created := `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`
	if _, err := s.db.ExecContext(ctx, created); err != nil {
		return nil, err
	}
	for _, m := range ms {
		done := false
		err := s.write(ctx, func(tx *sql.Tx) error {
			if s.dialect == Postgres {
				// Serialise migrators; the lock ends with the transaction.
				if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7424827)`); err != nil {
					return err
				}
			}
			var n int
			err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = $1`, m.Version).Scan(&n)
			if err != nil || n > 0 {
				done = n > 0
				return err
			}
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("%s: %w", m.Name, err)
			}
			_, err = tx.ExecContext(ctx,
				`INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`,
				m.Version, m.Name, s.now().Format(sqliteTime))
			return err
		})
		if err != nil {
			return applied, err
		}
		if !done {
			applied = append(applied, m.Name)
		}
	}
	return applied, nil
}

// SchemaVersion returns the highest migration applied, 0 for none.
func (s *Store) SchemaVersion(ctx context.Context) (v int, err error) {
	defer wrap(&err, "store.SchemaVersion")
	err = s.rdb.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

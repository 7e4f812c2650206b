package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
)

// NewPostgresSchema creates an empty schema with a random name in the
// PostgreSQL database at dsn and returns a DSN that works inside it (its
// search_path names the schema) and a function that drops it with
// everything in it. Tests of packages other than store use it to run on a
// throwaway database of their own within the one ITAS_TEST_PG names; it is
// not meant for production use.
func NewPostgresSchema(ctx context.Context, dsn string) (schemaDSN string, drop func(context.Context) error, err error) {
	defer wrap(&err, "store.NewPostgresSchema")
	u, err := url.Parse(dsn)
	if err != nil {
		return "", nil, err
	}
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return "", nil, err
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "itas_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	drop = func(ctx context.Context) error {
		defer admin.Close()
		if _, err := admin.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			return fmt.Errorf("drop schema %s: %w", schema, err)
		}
		return nil
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}

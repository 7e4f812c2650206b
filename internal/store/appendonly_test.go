package store

import (
	"context"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/audit"
)

// TestAuditLogRefusesChanges checks that the database itself keeps the
// audit log append-only, whatever SQL runs against it.
func TestAuditLogRefusesChanges(t *testing.T) {
	for name, open := range map[string]func(testing.TB) *Store{
		"SQLite": MustOpenSQLite, "Postgres": MustOpenPostgres,
	} {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			if _, err := s.AppendAudit(ctx, audit.Entry{Actor: "nacc", Action: audit.ActionLogin}); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{
				`UPDATE audit_log SET actor = 'someone else'`,
				`DELETE FROM audit_log`,
			} {
				_, err := s.db.ExecContext(ctx, q)
				if err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Errorf("%s: err = %v, want the append-only refusal", q, err)
				}
			}
			if s.dialect == Postgres {
				if _, err := s.db.ExecContext(ctx, `TRUNCATE audit_log`); err == nil {
					t.Errorf("TRUNCATE succeeded")
				}
			}
		})
	}
}

func TestMigrationsAreNumberedWithoutGaps(t *testing.T) {
	for _, d := range []Dialect{SQLite, Postgres} {
		ms, err := Migrations(d)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 {
			t.Errorf("%s: no migrations", d)
		}
	}
	sq, _ := Migrations(SQLite)
	pg, _ := Migrations(Postgres)
	if len(sq) != len(pg) {
		t.Errorf("SQLite has %d migrations, PostgreSQL %d: keep the dialects in step", len(sq), len(pg))
	}
}

package store

import (
	"context"
	"database/sql"
	"testing"

	"github.com/openitas/itas/internal/stakeholder"
)

// SeedApprovedStakeholders writes approved stakeholder data of fiscal year fy straight into
// stakeholder_data: c[code].Internal and .External for each agency (a zero count writes no
// row). It exists for the benchmarks, which need a national year faster than the approval
// cycle can write one; it records no audit entry.
func (s *Store) SeedApprovedStakeholders(tb testing.TB, fy int, c map[string]stakeholder.Counts) {
	tb.Helper()
	ctx := context.Background()
	now := s.tv(s.now())
	var rows [][]any
	for code, n := range c {
		for _, kn := range []struct {
			k stakeholder.Kind
			n int
		}{{stakeholder.Internal, n.Internal}, {stakeholder.External, n.External}} {
			if kn.n > 0 {
				rows = append(rows, []any{fy, code, string(kn.k), kn.n, string(stakeholder.Approved), now, now})
			}
		}
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		return s.insertRows(ctx, tx, `INSERT INTO stakeholder_data (fiscal_year, agency_code, kind, population, status, decided_at, updated_at)`, rows, "")
	})
	if err != nil {
		tb.Fatal(err)
	}
}

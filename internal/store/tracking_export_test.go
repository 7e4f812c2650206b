package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// SeedResponses writes n[code] = {iit, eit} responses of fiscal year fy straight into the
// responses table, spread over days consecutive days from first, with answers of a realistic
// size, counted in response_counts as the submission path counts them, and then brings the
// planner's statistics up to date. It exists for the tracking benchmark, which needs a
// national year (1.4 M rows) faster than the submission path can write one; it records no
// respondent key and no audit entry.
func (s *Store) SeedResponses(tb testing.TB, fy int, n map[string][2]int, first time.Time, days int) {
	tb.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(uint64(fy), 7))
	answers := `{"e1.1":"4","e1.2":"3","e1.3":"4","e2.1":"4","e2.2":"3","e2.3":"4","e3.1":"3","e3.2":"4",` +
		`"e4.1":"4","e4.2":"4","e4.3":"3","e5.1":"4","e5.2":"4","e6.1":"4","e6.2":"3","e7.1":"4","e8.1":"4",` +
		`"e9.1":"3","e10.1":"4","e11.1":"4","e12.1":"4","e13.1":"3","e14.1":"4","e15.1":"4"}`
	profile := `{"gender":"f","kind":"citizen","contact":"counter"}`
	var batch [][]any
	added := map[counter]int{}
	id := int64(0) // the store draws random ids; sequential ones serve a benchmark as well
	flush := func() {
		err := s.write(ctx, func(tx *sql.Tx) error {
			if err := s.insertRows(ctx, tx, `INSERT INTO responses (id, fiscal_year, agency_code, survey, channel, day, answers, profile)`, batch, ""); err != nil {
				return err
			}
			return s.addResponseCounts(ctx, tx, added)
		})
		if err != nil {
			tb.Fatal(err)
		}
		batch = batch[:0]
		clear(added)
	}
	for code, c := range n {
		for i, k := range c {
			sv := [2]string{"iit", "eit"}[i]
			for range k {
				day := first.AddDate(0, 0, r.IntN(days)).Format("2006-01-02")
				id++
				batch = append(batch, []any{id, fy, code, sv, "link", day, answers, profile})
				added[counter{fy, code, sv}]++
				if len(batch) == 20000 {
					flush()
				}
			}
		}
	}
	if len(batch) > 0 {
		flush()
	}
	stmt := `ANALYZE responses`
	if s.dialect == Postgres {
		stmt = `VACUUM ANALYZE responses, response_counts` // sets the visibility map, as autovacuum would, for index-only scans
	}
	if _, err := s.db.ExecContext(ctx, stmt); err != nil {
		tb.Fatal(fmt.Errorf("%s: %w", stmt, err))
	}
}

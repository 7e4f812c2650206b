package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"

	"github.com/openitas/itas/internal/survey"
)

// response_counts (migration 0007) holds how many responses each agency has per survey and
// year, so that the tracking table never counts the responses themselves. Every insert into
// responses adds to it in the same transaction, which keeps n equal to the rows it counts:
// a rolled-back batch or import takes its additions with it.

// counter names one row of response_counts.
type counter struct {
	fy       int
	code, sv string
}

// countStored returns how many of subs[idx] go to each counter.
func countStored(subs []survey.Submission, idx []int) map[counter]int {
	out := map[counter]int{}
	for _, i := range idx {
		sub := subs[i]
		out[counter{sub.FiscalYear, sub.AgencyCode, sub.Survey}]++
	}
	return out
}

// addResponseCounts adds added[c] to each counter c within tx, creating those not there yet:
// one upsert per counter. The rows go in key order, so that two writers on PostgreSQL (an
// import beside the group commit, or two servers) lock shared counters in the same order and
// one waits for the other instead of deadlocking.
func (s *Store) addResponseCounts(ctx context.Context, tx *sql.Tx, added map[counter]int) error {
	keys := make([]counter, 0, len(added))
	for c, n := range added {
		if n > 0 {
			keys = append(keys, c)
		}
	}
	slices.SortFunc(keys, func(a, b counter) int {
		return cmp.Or(cmp.Compare(a.fy, b.fy), cmp.Compare(a.code, b.code), cmp.Compare(a.sv, b.sv))
	})
	for lo := 0; lo < len(keys); lo += rowsPerStatement {
		part := keys[lo:min(lo+rowsPerStatement, len(keys))]
		rows := make([][]any, len(part))
		for j, c := range part {
			rows[j] = []any{c.fy, c.code, c.sv, added[c]}
		}
		q, vals := s.valuesSQL(`INSERT INTO response_counts (fiscal_year, agency_code, survey, n)`, rows,
			` ON CONFLICT (fiscal_year, agency_code, survey) DO UPDATE SET n = response_counts.n + excluded.n`)
		if _, err := tx.ExecContext(ctx, q, vals...); err != nil {
			return err
		}
	}
	return nil
}

package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/openitas/itas/internal/oit"
)

const oitSummaryColumns = `status, version, answered, passed, failed, scored, replied, decided, updated_at`

func scanOITSummary(dst []any, sum *oit.Summary) []any {
	return append(dst, &sum.Status, &sum.Version, &sum.Answered, &sum.Passed, &sum.Failed,
		&sum.Scored, &sum.Replied, &sum.Decided, timeScan{&sum.UpdatedAt})
}

// FindOITSummaries returns where the OIT records of the agencies codes stand in fiscal year
// fy, by agency code; an agency with no record is absent (it is an empty draft).
func (s *Store) FindOITSummaries(ctx context.Context, fy int, codes []string) (out map[string]oit.Summary, err error) {
	defer wrap(&err, "store.FindOITSummaries(%d)", fy)
	out = map[string]oit.Summary{}
	if len(codes) == 0 {
		return out, nil
	}
	var a args
	y := a.add(fy)
	vs := make([]any, len(codes))
	for i, c := range codes {
		vs[i] = c
	}
	q := `SELECT agency_code, ` + oitSummaryColumns + ` FROM oit_records WHERE fiscal_year = ` + y +
		` AND agency_code IN ` + a.list(vs...)
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q, a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sum oit.Summary
			if err := rows.Scan(scanOITSummary([]any{&sum.AgencyCode}, &sum)...); err != nil {
				return err
			}
			out[sum.AgencyCode] = sum
		}
		return rows.Err()
	})
	return out, err
}

// FindOITQueue returns a page of an assessor's work queue: the agencies of f's groups (every
// agency when f.Groups is nil) with where their OIT records stand in f's year, in the
// registry's Thai order, with the count of each status for the queue's tabs. The counts come
// from the records (indexed by year and status) and the agencies without one are drafts, so
// that a national queue does not join every agency to count.
func (s *Store) FindOITQueue(ctx context.Context, f oit.QueueFilter) (page oit.QueuePage, err error) {
	defer wrap(&err, "store.FindOITQueue(%d)", f.FiscalYear)
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	f.Offset = max(f.Offset, 0)
	page.Rows = []oit.QueueRow{}
	page.ByStatus = map[oit.Status]int{}
	if f.Groups != nil && len(f.Groups) == 0 {
		return page, nil
	}
	var scope args // the agencies in f's groups, as a condition on g
	scopeCond := ""
	if f.Groups != nil {
		vs := make([]any, len(f.Groups))
		for i, g := range f.Groups {
			vs[i] = g
		}
		scopeCond = "g.group_no IN " + scope.list(vs...)
	}
	const status = `COALESCE(r.status, 'draft')`
	err = s.read(ctx, func(tx *sql.Tx) error {
		var inScope int
		q := `SELECT COUNT(*) FROM agencies g`
		if scopeCond != "" {
			q += ` WHERE ` + scopeCond
		}
		if err := tx.QueryRowContext(ctx, q, scope...).Scan(&inScope); err != nil {
			return err
		}
		a := append(args(nil), scope...)
		q = `SELECT r.status, COUNT(*) FROM oit_records r`
		if scopeCond != "" {
			q += ` JOIN agencies g ON g.code = r.agency_code AND ` + scopeCond
		}
		q += ` WHERE r.fiscal_year = ` + a.add(f.FiscalYear) + ` GROUP BY r.status`
		rows, err := tx.QueryContext(ctx, q, a...)
		if err != nil {
			return err
		}
		withRecord := 0
		for rows.Next() {
			var st oit.Status
			var n int
			if err := rows.Scan(&st, &n); err != nil {
				rows.Close()
				return err
			}
			page.ByStatus[st] += n
			withRecord += n
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		page.ByStatus[oit.StatusDraft] += inScope - withRecord
		page.Total = inScope
		a = append(args(nil), scope...)
		// Agencies without a record are drafts; a filter without drafts needs only those with
		// one, which the records' (year, status) index finds.
		join := "LEFT JOIN"
		if f.Statuses != nil && !slices.Contains(f.Statuses, oit.StatusDraft) {
			join = "JOIN"
		}
		from := ` FROM agencies g ` + join + ` oit_records r ON r.agency_code = g.code AND r.fiscal_year = ` + a.add(f.FiscalYear)
		var where []string
		if scopeCond != "" {
			where = append(where, scopeCond)
		}
		if f.Statuses != nil {
			page.Total = 0
			vs := make([]any, len(f.Statuses))
			for i, st := range f.Statuses {
				vs[i] = string(st)
				page.Total += page.ByStatus[st]
			}
			where = append(where, status+" IN "+a.list(vs...))
		}
		cond := ""
		if len(where) > 0 {
			cond = " WHERE " + strings.Join(where, " AND ")
		}
		cols := `g.code, g.name, g.short_name, g.type, g.ministry, g.province, g.group_no, g.supervisor, g.website,
			` + status + `, COALESCE(r.version, 0), COALESCE(r.answered, 0), COALESCE(r.passed, 0), COALESCE(r.failed, 0),
			COALESCE(r.scored, 0), COALESCE(r.replied, 0), COALESCE(r.decided, 0), r.updated_at`
		q = `SELECT ` + cols + from + cond + ` ORDER BY g.sort_key, g.code LIMIT ` + a.add(f.Limit) + ` OFFSET ` + a.add(f.Offset)
		rows, err = tx.QueryContext(ctx, q, a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var row oit.QueueRow
			ag := &row.Agency
			dst := []any{&ag.Code, &ag.Name, &ag.ShortName, &ag.Type, &ag.Ministry, &ag.Province, &ag.Group, &ag.Supervisor, &ag.Website}
			if err := rows.Scan(scanOITSummary(dst, &row.Summary)...); err != nil {
				return err
			}
			row.AgencyCode = ag.Code
			page.Rows = append(page.Rows, row)
		}
		return rows.Err()
	})
	return page, err
}

// OITScores returns the final OIT item scores of fiscal year fy by agency code and item id,
// for the scoring engine: only records whose scores the assessors have confirmed.
func (s *Store) OITScores(ctx context.Context, fy int) (out map[string]map[string]float64, err error) {
	defer wrap(&err, "store.OITScores(%d)", fy)
	out = map[string]map[string]float64{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT i.agency_code, i.item_id, COALESCE(i.final_score, i.score)
			FROM oit_items i JOIN oit_records r ON r.fiscal_year = i.fiscal_year AND r.agency_code = i.agency_code
			WHERE i.fiscal_year = $1 AND r.status = $2 AND i.score IS NOT NULL`, fy, string(oit.StatusFinal))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var code, item string
			var v float64
			if err := rows.Scan(&code, &item, &v); err != nil {
				return err
			}
			if out[code] == nil {
				out[code] = map[string]float64{}
			}
			out[code][item] = v
		}
		return rows.Err()
	})
	return out, err
}

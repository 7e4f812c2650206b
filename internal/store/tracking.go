package store

import (
	"context"
	"database/sql"

	"github.com/openitas/itas/internal/tracking"
)

// Tracking reads what the survey tables hold without ever touching a respondent key: the
// counts of responses per agency and survey from response_counts (kept by every insert of
// responses, see surveys_counts.go), the counts per day from responses through the
// responses_agency_idx index on (fiscal_year, agency_code, survey, day), and the suggestions
// as bare texts.

// countsColumns and countsJoin add an agency's responses to each survey of a year to a query
// of agencies a: its rows in response_counts, joined, since an agency without a counter has
// had no response. $1 is the fiscal year.
const (
	countsColumns = `, COALESCE(i.n, 0), COALESCE(e.n, 0)`
	countsJoin    = `
	LEFT JOIN response_counts i ON i.fiscal_year = $1 AND i.agency_code = a.code AND i.survey = 'iit'
	LEFT JOIN response_counts e ON e.fiscal_year = $1 AND e.agency_code = a.code AND e.survey = 'eit'`
)

// rankColumns are what tracking.Arrange reads of an agency besides its counts and
// minimums: its code, the fields it can order by, and its name's sort key.
const rankColumns = `code, province, group_no, sort_key`

// ResponseCounts returns the page of the tracking table of fiscal year fy that f selects: each
// agency matching f.Agency with its IIT and EIT responses and the minimums mins gives it (an
// agency missing from mins, or a nil mins, has unknown minimums), filtered by status, ordered
// and paged as f says, and how many rows match in all.
//
// Counts come from response_counts, never from counting responses. When f orders by the
// agency's record and filters by no status, the page is cut in SQL and only its agencies are
// read; otherwise every matching agency is ranked in memory (see tracking.Arrange) on its
// rankColumns and counts, and only the page's records are read in full, unless f is Unpaged.
func (s *Store) ResponseCounts(ctx context.Context, fy int, f tracking.Filter, mins tracking.Minimums) (page tracking.Page, err error) {
	defer wrap(&err, "store.ResponseCounts(%d)", fy)
	f = f.Normalized()
	page.Rows = []tracking.Row{}
	if f.Agency.Empty() {
		return page, nil
	}
	a := args{fy}
	cond := s.agencyWhere(f.Agency, &a)
	err = s.read(ctx, func(tx *sql.Tx) error {
		switch {
		case f.Unpaged:
			rows, err := s.countRows(ctx, tx, `SELECT `+agencyColumns+`, sort_key`+countsColumns+
				` FROM agencies a`+countsJoin+cond, a, mins, wholeRow)
			page = tracking.Arrange(rows, f)
			return err
		case f.NeedsAll():
			// The agencies' other columns would cost more to read than the ranking itself.
			rows, err := s.countRows(ctx, tx, `SELECT `+rankColumns+countsColumns+
				` FROM agencies a`+countsJoin+cond, a, mins, rankRow)
			if err != nil {
				return err
			}
			page = tracking.Arrange(rows, f)
			return s.fillAgencies(ctx, tx, page.Rows)
		}
		var ca args // the count has no fiscal year: its placeholders start at $1
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM agencies a`+s.agencyWhere(f.Agency, &ca), ca...).Scan(&page.Total); err != nil {
			return err
		}
		// The page is cut in a subquery first, so that no engine looks up the counts of the
		// rows an OFFSET skips (PostgreSQL would).
		order := s.agencyOrder(f.Sort, f.Desc)
		q := `SELECT ` + agencyColumns + `, sort_key` + countsColumns + ` FROM (
			SELECT ` + agencyColumns + `, sort_key FROM agencies` + cond + ` ORDER BY ` + order +
			` LIMIT ` + a.add(f.Agency.Limit) + ` OFFSET ` + a.add(f.Agency.Offset) + `) a` + countsJoin + ` ORDER BY ` + order
		page.Rows, err = s.countRows(ctx, tx, q, a, mins, wholeRow)
		return err
	})
	return page, err
}

// countRows runs q and returns its rows, each scanned into the destinations dest gives and
// with its minimums from mins.
func (s *Store) countRows(ctx context.Context, tx *sql.Tx, q string, a args, mins tracking.Minimums,
	dest func(*tracking.Row) []any) ([]tracking.Row, error) {
	rows, err := tx.QueryContext(ctx, q, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []tracking.Row{}
	for rows.Next() {
		var r tracking.Row
		if err := rows.Scan(dest(&r)...); err != nil {
			return nil, err
		}
		m := mins[r.Agency.Code]
		r.IIT.Minimum, r.EIT.Minimum = m.IIT, m.EIT
		out = append(out, r)
	}
	return out, rows.Err()
}

// wholeRow scans agencyColumns, sort_key and countsColumns into r.
func wholeRow(r *tracking.Row) []any {
	ag := &r.Agency
	return []any{&ag.Code, &ag.Name, &ag.ShortName, &ag.Type, &ag.Ministry, &ag.Province,
		&ag.Group, &ag.Supervisor, &ag.Website, &r.SortKey, &r.IIT.Responses, &r.EIT.Responses}
}

// rankRow scans rankColumns and countsColumns into r.
func rankRow(r *tracking.Row) []any {
	return []any{&r.Agency.Code, &r.Agency.Province, &r.Agency.Group, &r.SortKey, &r.IIT.Responses, &r.EIT.Responses}
}

// fillAgencies replaces the agency of each of rows, read with rankColumns, by its whole
// record.
func (s *Store) fillAgencies(ctx context.Context, tx *sql.Tx, rows []tracking.Row) error {
	if len(rows) == 0 {
		return nil
	}
	var a args
	codes := make([]any, len(rows))
	at := make(map[string]int, len(rows))
	for i, r := range rows {
		codes[i] = r.Agency.Code
		at[r.Agency.Code] = i
	}
	res, err := tx.QueryContext(ctx, `SELECT `+agencyColumns+` FROM agencies WHERE code IN `+a.list(codes...), a...)
	if err != nil {
		return err
	}
	defer res.Close()
	for res.Next() {
		ag, err := scanAgency(res)
		if err != nil {
			return err
		}
		rows[at[ag.Code]].Agency = ag
	}
	return res.Err()
}

// agencyOrder is the ORDER BY of a sort by the agency's record. Province compares byte by
// byte on both engines (COLLATE "C" on PostgreSQL, whose default follows the locale), as
// tracking.Compare does in memory.
func (s *Store) agencyOrder(sort tracking.Sort, desc bool) string {
	dir := ""
	if desc {
		dir = " DESC"
	}
	province := "province"
	if s.dialect == Postgres {
		province = `province COLLATE "C"`
	}
	switch sort {
	case tracking.SortCode:
		return "code" + dir
	case tracking.SortGroup:
		return "group_no" + dir + ", sort_key, code"
	case tracking.SortProvince:
		return province + dir + ", sort_key, code"
	}
	return "sort_key" + dir + ", code" + dir
}

// AgencyResponseCounts returns how many responses each survey of the agency with the given code has
// in fiscal year fy. An unknown agency has none.
func (s *Store) AgencyResponseCounts(ctx context.Context, fy int, code string) (c tracking.Counts, err error) {
	defer wrap(&err, "store.AgencyResponseCounts(%d, %q)", fy, code)
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT survey, n FROM response_counts
			WHERE fiscal_year = $1 AND agency_code = $2`, fy, code)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sv string
			var n int
			if err := rows.Scan(&sv, &n); err != nil {
				return err
			}
			switch sv {
			case "iit":
				c.IIT = n
			case "eit":
				c.EIT = n
			}
		}
		return rows.Err()
	})
	return c, err
}

// DailyResponseCounts returns, for the agency with the given code in fiscal year fy, how many
// responses each survey received on each day that had any, by day then survey.
func (s *Store) DailyResponseCounts(ctx context.Context, fy int, code string) (out []tracking.Day, err error) {
	defer wrap(&err, "store.DailyResponseCounts(%d, %q)", fy, code)
	out = []tracking.Day{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT day, survey, COUNT(*) FROM responses
			WHERE fiscal_year = $1 AND agency_code = $2 GROUP BY day, survey ORDER BY day, survey`, fy, code)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var d tracking.Day
			if err := rows.Scan(dayScan{&d.Day}, &d.Survey, &d.Count); err != nil {
				return err
			}
			out = append(out, d)
		}
		return rows.Err()
	})
	return out, err
}

// Suggestions returns the suggestions respondents left on the given survey of the agency in
// fiscal year fy, as bare texts in Thai dictionary order: no id, day or position that could
// line one up with a response.
func (s *Store) Suggestions(ctx context.Context, fy int, code, survey string) (out []string, err error) {
	defer wrap(&err, "store.Suggestions(%d, %q, %q)", fy, code, survey)
	out = []string{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT text FROM suggestions
			WHERE fiscal_year = $1 AND agency_code = $2 AND survey = $3`, fy, code, survey)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	sortThai(out)
	return out, err
}

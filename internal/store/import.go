package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

// UpsertAgencies imports a batch of agencies as one change: every agency
// is normalised and validated first, and if any is wrong nothing is
// written; otherwise new codes are created and existing ones updated in
// one transaction. Re-importing the same batch changes nothing. Each
// created or updated agency gets an audit entry with before and after,
// and the import one summary entry.
//
// Errors: Invalid, whose Fields are keyed "<position in the batch, from
// 1>.<field>" ("3.name"), covering every row; a code repeated in the
// batch is an error on each repetition.
func (s *Store) UpsertAgencies(ctx context.Context, batch []agency.Agency, by audit.Entry) (res agency.ImportResult, err error) {
	defer wrap(&err, "store.UpsertAgencies(%d agencies)", len(batch))
	clean := make([]agency.Agency, len(batch))
	fields := map[string]string{}
	firstRow := map[string]int{}
	for i, a := range batch {
		a = a.Normalize()
		clean[i] = a
		for k, v := range apperr.FieldsOf(a.Validate()) {
			fields[fmt.Sprintf("%d.%s", i+1, k)] = v
		}
		if j, dup := firstRow[a.Code]; dup && a.Code != "" {
			fields[fmt.Sprintf("%d.%s", i+1, agency.FieldCode)] =
				fmt.Sprintf("รหัสหน่วยงาน %s ซ้ำกับลำดับที่ %d", a.Code, j+1)
		} else {
			firstRow[a.Code] = i
		}
	}
	if len(fields) > 0 {
		e := apperr.FieldErrors(fields)
		e.Message = fmt.Sprintf("ข้อมูลหน่วยงานไม่ถูกต้อง %d รายการ จึงยังไม่นำเข้าข้อมูลใด ๆ", len(fields))
		e.MessageEN = fmt.Sprintf("%d problems in the agency data; nothing was imported", len(fields))
		return res, e
	}
	res = agency.ImportResult{Created: []string{}, Updated: []string{}, Unchanged: []string{}}
	err = s.write(ctx, func(tx *sql.Tx) error {
		existing, err := findAgenciesByCode(ctx, tx, clean)
		if err != nil {
			return err
		}
		now := s.tv(s.now())
		var rows [][]any
		var entries []audit.Entry
		for _, a := range clean {
			before, found := existing[a.Code]
			switch {
			case !found:
				res.Created = append(res.Created, a.Code)
				entries = append(entries, s.entry(by, audit.ActionAgencyCreate, a.Code, a.Code, nil, a))
			case before != a:
				res.Updated = append(res.Updated, a.Code)
				entries = append(entries, s.entry(by, audit.ActionAgencyUpdate, a.Code, a.Code, before, a))
			default:
				res.Unchanged = append(res.Unchanged, a.Code)
				continue
			}
			rows = append(rows, []any{a.Code, a.Name, a.ShortName, a.Type, a.Ministry, a.Province, a.Group,
				string(a.Supervisor), a.Website, searchKey(a.Name, a.ShortName), sortKey(a.Name), now, now})
		}
		err = s.insertRows(ctx, tx,
			`INSERT INTO agencies (`+agencyColumns+`, search_key, sort_key, created_at, updated_at)`, rows,
			` ON CONFLICT (code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,
				type = excluded.type, ministry = excluded.ministry, province = excluded.province,
				group_no = excluded.group_no, supervisor = excluded.supervisor, website = excluded.website,
				search_key = excluded.search_key, sort_key = excluded.sort_key, updated_at = excluded.updated_at`)
		if err != nil {
			return err
		}
		summary := map[string]int{"created": len(res.Created), "updated": len(res.Updated), "unchanged": len(res.Unchanged)}
		entries = append(entries, s.entry(by, audit.ActionAgencyImport, "", "", nil, summary))
		return s.appendAudits(ctx, tx, entries)
	})
	if err == nil && len(res.Created) >= analyzeAfter {
		// Fresh statistics let the planners use the indexes of a
		// registry that just grew (SQLite keeps none until ANALYZE).
		_, err = s.db.ExecContext(ctx, `ANALYZE agencies`)
	}
	return res, err
}

// analyzeAfter is how many new agencies make an import refresh the
// planner's statistics.
const analyzeAfter = 500

// findAgenciesByCode returns the stored agencies among the codes of as.
func findAgenciesByCode(ctx context.Context, tx *sql.Tx, as []agency.Agency) (map[string]agency.Agency, error) {
	out := make(map[string]agency.Agency, len(as))
	const chunk = 500
	for lo := 0; lo < len(as); lo += chunk {
		var a args
		vs := make([]any, 0, chunk)
		for _, ag := range as[lo:min(lo+chunk, len(as))] {
			vs = append(vs, ag.Code)
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+agencyColumns+` FROM agencies WHERE code IN `+a.list(vs...), a...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			ag, err := scanAgency(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			out[ag.Code] = ag
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// entry fills the template by as record does, without writing it.
func (s *Store) entry(by audit.Entry, action, agencyCode, subject string, before, after any) audit.Entry {
	by.ID, by.At = 0, s.now()
	by.Action, by.AgencyCode, by.Subject = action, agencyCode, subject
	by.Before, by.After = audit.JSON(before), audit.JSON(after)
	return by
}

// appendAudits inserts many entries within tx, several per statement.
func (s *Store) appendAudits(ctx context.Context, tx *sql.Tx, es []audit.Entry) error {
	rows := make([][]any, len(es))
	for i, e := range es {
		if err := e.Validate(); err != nil {
			return err
		}
		rows[i] = []any{s.tv(e.At), e.Actor, e.Role, e.AgencyCode, e.Action, e.Subject, e.Before, e.After, e.IP}
	}
	return s.insertRows(ctx, tx,
		`INSERT INTO audit_log (at, actor, role, agency_code, action, subject, before_state, after_state, ip)`, rows, "")
}

// insertRows runs head + " VALUES (…), (…)" + tail for rows, as many rows
// per statement as keeps the bound values under both engines' limits.
// SQLite gets anonymous "?" placeholders: it looks "$N" names up one by
// one, which is quadratic in the number of values and took seconds for
// the 8,300-agency registry.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, head string, rows [][]any, tail string) error {
	if len(rows) == 0 {
		return nil
	}
	per := max(1, 8000/len(rows[0]))
	for lo := 0; lo < len(rows); lo += per {
		query, vals := s.valuesSQL(head, rows[lo:min(lo+per, len(rows))], tail)
		if _, err := tx.ExecContext(ctx, query, vals...); err != nil {
			return err
		}
	}
	return nil
}

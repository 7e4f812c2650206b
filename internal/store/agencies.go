package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

const agencyColumns = `code, name, short_name, type, ministry, province, group_no, supervisor, website`

func scanAgency(sc interface{ Scan(...any) error }) (agency.Agency, error) {
	var a agency.Agency
	err := sc.Scan(&a.Code, &a.Name, &a.ShortName, &a.Type, &a.Ministry, &a.Province,
		&a.Group, &a.Supervisor, &a.Website)
	return a, err
}

func agencyNotFound(code string) error {
	return apperr.NotFound(
		fmt.Sprintf("ไม่พบหน่วยงานรหัส %s", code),
		fmt.Sprintf("No agency with code %s", code))
}

// CreateAgency adds a (normalised and validated) to the registry and
// records it. Errors: Invalid with per-field messages; Conflict if the
// code is taken.
func (s *Store) CreateAgency(ctx context.Context, a agency.Agency, by audit.Entry) (err error) {
	defer wrap(&err, "store.CreateAgency(%q)", a.Code)
	a = a.Normalize()
	if err := a.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.insertAgency(ctx, tx, a); err != nil {
			if isUnique(err) {
				return apperr.Wrap(err, apperr.CodeConflict,
					fmt.Sprintf("รหัสหน่วยงาน %s มีอยู่แล้วในระบบ", a.Code),
					fmt.Sprintf("Agency code %s already exists", a.Code))
			}
			return err
		}
		return s.record(ctx, tx, by, audit.ActionAgencyCreate, a.Code, a.Code, nil, a)
	})
}

func (s *Store) insertAgency(ctx context.Context, tx *sql.Tx, a agency.Agency) error {
	now := s.tv(s.now())
	_, err := tx.ExecContext(ctx, `
		INSERT INTO agencies (`+agencyColumns+`, search_key, sort_key, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
		a.Code, a.Name, a.ShortName, a.Type, a.Ministry, a.Province, a.Group, string(a.Supervisor), a.Website,
		searchKey(a.Name, a.ShortName), sortKey(a.Name), now)
	return err
}

func (s *Store) updateAgency(ctx context.Context, tx *sql.Tx, a agency.Agency) error {
	_, err := tx.ExecContext(ctx, `
		UPDATE agencies SET name = $2, short_name = $3, type = $4, ministry = $5, province = $6,
			group_no = $7, supervisor = $8, website = $9, search_key = $10, sort_key = $11, updated_at = $12
		WHERE code = $1`,
		a.Code, a.Name, a.ShortName, a.Type, a.Ministry, a.Province, a.Group, string(a.Supervisor), a.Website,
		searchKey(a.Name, a.ShortName), sortKey(a.Name), s.tv(s.now()))
	return err
}

// UpdateAgency replaces the record of the agency with the given code by
// upd (normalised and validated; upd.Code must be code or empty — codes
// never change) and records before and after. Errors: NotFound, Invalid.
func (s *Store) UpdateAgency(ctx context.Context, code string, upd agency.Agency, by audit.Entry) (err error) {
	defer wrap(&err, "store.UpdateAgency(%q)", code)
	if upd.Code != "" && upd.Code != code {
		return apperr.Fields(agency.FieldCode, "ไม่สามารถเปลี่ยนรหัสหน่วยงานได้")
	}
	upd.Code = code
	upd = upd.Normalize()
	if err := upd.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		before, err := findAgency(ctx, tx, code)
		if err != nil {
			return err
		}
		if before == upd {
			return nil
		}
		if err := s.updateAgency(ctx, tx, upd); err != nil {
			return err
		}
		return s.record(ctx, tx, by, audit.ActionAgencyUpdate, code, code, before, upd)
	})
}

// FindAgencyByCode returns the agency with the given code. Errors:
// NotFound.
func (s *Store) FindAgencyByCode(ctx context.Context, code string) (a agency.Agency, err error) {
	defer wrap(&err, "store.FindAgencyByCode(%q)", code)
	err = s.read(ctx, func(tx *sql.Tx) error {
		a, err = findAgency(ctx, tx, code)
		return err
	})
	return a, err
}

func findAgency(ctx context.Context, tx *sql.Tx, code string) (agency.Agency, error) {
	row := tx.QueryRowContext(ctx, `SELECT `+agencyColumns+` FROM agencies WHERE code = $1`, code)
	a, err := scanAgency(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, agencyNotFound(code)
	}
	return a, err
}

// FindAgencies returns the page of agencies matching f in Thai dictionary
// order of their names (then by code), and how many match in all. The
// query part of f matches a part of the name or short name, ignoring
// spaces and letter case, or a prefix of the code.
func (s *Store) FindAgencies(ctx context.Context, f agency.Filter) (page agency.Page, err error) {
	defer wrap(&err, "store.FindAgencies")
	f = f.Normalized()
	page.Agencies = []agency.Agency{}
	if f.Empty() {
		return page, nil
	}
	var a args
	var where []string
	if q := searchFold(f.Query); q != "" {
		where = append(where, s.nameMatch(q, &a))
	}
	cond := whereClause(append(where, agencyConds(f, &a)...))
	err = s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM agencies`+cond, a...).Scan(&page.Total); err != nil {
			return err
		}
		order := "sort_key"
		if s.dialect == SQLite && f.Query != "" {
			// A name search matches few rows: scanning the table and
			// sorting the matches beats walking the sort index over every
			// row, which SQLite's planner would otherwise pick (19 → 7 ms
			// over 8,302 agencies). "+" keeps the index out.
			order = "+sort_key"
		}
		q := `SELECT ` + agencyColumns + ` FROM agencies` + cond +
			` ORDER BY ` + order + `, code LIMIT ` + a.add(f.Limit) + ` OFFSET ` + a.add(f.Offset)
		rows, err := tx.QueryContext(ctx, q, a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			ag, err := scanAgency(rows)
			if err != nil {
				return err
			}
			page.Agencies = append(page.Agencies, ag)
		}
		return rows.Err()
	})
	return page, err
}

// nameMatch returns the condition that the folded query q is a part of an agency's name or
// short name, or, for a query of digits, a prefix of its code, adding q to a.
func (s *Store) nameMatch(q string, a *args) string {
	// instr/strpos find a plain substring of the folded key: no wildcards to escape, and
	// several times faster than LIKE on Thai text in both engines.
	find := "strpos"
	if s.dialect == SQLite {
		find = "instr"
	}
	p := a.add(q)
	cond := find + `(search_key, ` + p + `) > 0`
	if strings.Trim(q, "0123456789") == "" {
		cond = `(` + cond + ` OR ` + find + `(code, ` + p + `) = 1)`
	}
	return cond
}

// agencyConds returns the conditions on an agency's record and scope that f sets (type,
// group, groups, codes, province, ministry, supervisor), adding their values to a. The name
// query of f is not among them: only the registry's search (FindAgencies) applies it.
// The registry, the tracking table and the results table select agencies by these same
// conditions, so that one filter means the same agencies on every page.
func agencyConds(f agency.Filter, a *args) []string {
	var where []string
	if f.Type != "" {
		where = append(where, "type = "+a.add(f.Type))
	}
	if f.Group != 0 {
		where = append(where, "group_no = "+a.add(f.Group))
	}
	if f.Groups != nil {
		vs := make([]any, len(f.Groups))
		for i, g := range f.Groups {
			vs[i] = g
		}
		where = append(where, "group_no IN "+a.list(vs...))
	}
	if f.Codes != nil {
		vs := make([]any, len(f.Codes))
		for i, c := range f.Codes {
			vs[i] = c
		}
		where = append(where, "code IN "+a.list(vs...))
	}
	if f.Province != "" {
		where = append(where, "province = "+a.add(f.Province))
	}
	if f.Ministry != "" {
		where = append(where, "ministry = "+a.add(f.Ministry))
	}
	if f.Supervisor != "" {
		where = append(where, "supervisor = "+a.add(string(f.Supervisor)))
	}
	return where
}

// agencyWhere returns the WHERE clause (with its leading space, or "") that selects the
// agencies of f by agencyConds, without its name query, adding its values to a.
func (s *Store) agencyWhere(f agency.Filter, a *args) string {
	return whereClause(agencyConds(f, a))
}

// whereClause returns " WHERE " and the conditions joined by AND, or "" when there are none.
func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// FindMinistries returns the distinct non-empty ministries of the
// registry in Thai order, for a filter's choices.
func (s *Store) FindMinistries(ctx context.Context) (out []string, err error) {
	defer wrap(&err, "store.FindMinistries")
	out = []string{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT ministry FROM agencies WHERE ministry <> ''`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m string
			if err := rows.Scan(&m); err != nil {
				return err
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	sortThai(out)
	return out, err
}

// CountAgencies returns how many agencies the registry holds.
func (s *Store) CountAgencies(ctx context.Context) (n int, err error) {
	defer wrap(&err, "store.CountAgencies")
	err = s.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM agencies`).Scan(&n)
	return n, err
}

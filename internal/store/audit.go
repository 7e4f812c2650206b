package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/openitas/itas/internal/audit"
)

const auditColumns = `id, at, actor, role, agency_code, action, subject, before_state, after_state, ip`

func scanAudit(sc interface{ Scan(...any) error }) (audit.Entry, error) {
	var e audit.Entry
	err := sc.Scan(&e.ID, timeScan{&e.At}, &e.Actor, &e.Role, &e.AgencyCode, &e.Action,
		&e.Subject, &e.Before, &e.After, &e.IP)
	return e, err
}

// AppendAudit records e, for events that change no other table (logins,
// logouts, exports). At is set to the store's clock when zero. It returns
// e with its ID and time. Errors: Invalid if e lacks an actor or action.
// The log is append-only: there is no method to change or remove an
// entry, and the database refuses UPDATE and DELETE on it.
func (s *Store) AppendAudit(ctx context.Context, e audit.Entry) (_ audit.Entry, err error) {
	defer wrap(&err, "store.AppendAudit(%q)", e.Action)
	err = s.write(ctx, func(tx *sql.Tx) error {
		e, err = s.appendAudit(ctx, tx, e)
		return err
	})
	return e, err
}

// appendAudit inserts e within tx, stamping At with the store's clock
// when zero.
func (s *Store) appendAudit(ctx context.Context, tx *sql.Tx, e audit.Entry) (audit.Entry, error) {
	if e.At.IsZero() {
		e.At = s.now()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	if err := e.Validate(); err != nil {
		return e, err
	}
	err := tx.QueryRowContext(ctx, `
		INSERT INTO audit_log (at, actor, role, agency_code, action, subject, before_state, after_state, ip)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		RETURNING id`,
		s.tv(e.At), e.Actor, e.Role, e.AgencyCode, e.Action, e.Subject, e.Before, e.After, e.IP,
	).Scan(&e.ID)
	return e, err
}

// record fills the template by (who acts, from where) with what happened
// and appends it within tx. before and after are encoded as JSON; nil
// means the thing did not exist.
func (s *Store) record(ctx context.Context, tx *sql.Tx, by audit.Entry, action, agencyCode, subject string, before, after any) error {
	by.ID = 0
	by.At = s.now()
	by.Action, by.AgencyCode, by.Subject = action, agencyCode, subject
	by.Before, by.After = audit.JSON(before), audit.JSON(after)
	_, err := s.appendAudit(ctx, tx, by)
	return err
}

// FindAudit returns the page of entries matching f, newest first, and
// how many match in all.
func (s *Store) FindAudit(ctx context.Context, f audit.Filter) (page audit.Page, err error) {
	defer wrap(&err, "store.FindAudit")
	f = f.Normalized()
	var a args
	var where []string
	if f.Actor != "" {
		where = append(where, "actor = "+a.add(f.Actor))
	}
	if f.AgencyCode != "" {
		where = append(where, "agency_code = "+a.add(f.AgencyCode))
	}
	if f.Subject != "" {
		where = append(where, "subject = "+a.add(f.Subject))
	}
	switch {
	case strings.HasSuffix(f.Action, "."):
		where = append(where, `action LIKE `+a.add(likeEscape(f.Action)+"%")+` ESCAPE '\'`)
	case f.Action != "":
		where = append(where, "action = "+a.add(f.Action))
	}
	if !f.Since.IsZero() {
		where = append(where, "at >= "+a.add(s.tv(f.Since)))
	}
	if !f.Until.IsZero() {
		where = append(where, "at < "+a.add(s.tv(f.Until)))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	page.Entries = []audit.Entry{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log`+cond, a...).Scan(&page.Total); err != nil {
			return err
		}
		q := `SELECT ` + auditColumns + ` FROM audit_log` + cond +
			` ORDER BY id DESC LIMIT ` + a.add(f.Limit) + ` OFFSET ` + a.add(f.Offset)
		rows, err := tx.QueryContext(ctx, q, a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanAudit(rows)
			if err != nil {
				return err
			}
			page.Entries = append(page.Entries, e)
		}
		return rows.Err()
	})
	return page, err
}

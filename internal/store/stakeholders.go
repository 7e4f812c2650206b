package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/stakeholder"
)

// Stakeholder data (manual 6.2 ข้อ 2). Every write takes the audit template by, whose Role is
// the acting role that the approval cycle (stakeholder.Next) checks, inside the transaction
// that changes the data, so that two people acting at once cannot both pass the check.
// Phases are the web layer's business: the store records what it is told.

const stakeholderColumns = `fiscal_year, agency_code, kind, population, status, return_reason,
	submitted_at, submitted_by, decided_at, decided_by, updated_at, updated_by`

func scanStakeholderRecord(sc interface{ Scan(...any) error }) (stakeholder.Record, error) {
	var r stakeholder.Record
	err := sc.Scan(&r.FiscalYear, &r.AgencyCode, &r.Kind, &r.Population, &r.Status, &r.ReturnReason,
		timeScan{&r.SubmittedAt}, &r.SubmittedBy, timeScan{&r.DecidedAt}, &r.DecidedBy, timeScan{&r.UpdatedAt}, &r.UpdatedBy)
	return r, err
}

// recordState is what the audit log keeps of a record.
type recordState struct {
	Population   int                `json:"population"`
	Status       stakeholder.Status `json:"status"`
	ReturnReason string             `json:"return_reason,omitempty"`
}

func recordStateOf(r stakeholder.Record) recordState {
	return recordState{r.Population, r.Status, r.ReturnReason}
}

// contactState is what the audit log keeps of a contact.
type contactState struct {
	ID           int64                   `json:"id"`
	Name         string                  `json:"name"`
	Organisation string                  `json:"organisation,omitempty"`
	Type         stakeholder.ContactType `json:"type"`
	Phone        string                  `json:"phone,omitempty"`
	Email        string                  `json:"email,omitempty"`
	Service      string                  `json:"service"`
}

func contactStateOf(c stakeholder.Contact) contactState {
	return contactState{c.ID, c.Name, c.Organisation, c.Type, c.Phone, c.Email, c.Service}
}

func recordSubject(fy int, k stakeholder.Kind) string { return fmt.Sprintf("%d:%s", fy, k) }

func contactSubject(fy int, id int64) string { return fmt.Sprintf("%d:contact:%d", fy, id) }

// FindStakeholderData returns the stakeholder data of the agency with the given code in
// fiscal year fy: both records — a kind never saved is a stakeholder.NewRecord draft — and
// how many sample stakeholders it lists. It does not check that the agency exists.
func (s *Store) FindStakeholderData(ctx context.Context, fy int, code string) (d stakeholder.Data, err error) {
	defer wrap(&err, "store.FindStakeholderData(%d, %q)", fy, code)
	d.Internal = stakeholder.NewRecord(fy, code, stakeholder.Internal)
	d.External = stakeholder.NewRecord(fy, code, stakeholder.External)
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+stakeholderColumns+` FROM stakeholder_data
			WHERE fiscal_year = $1 AND agency_code = $2`, fy, code)
		if err != nil {
			return err
		}
		for rows.Next() {
			r, err := scanStakeholderRecord(rows)
			if err != nil {
				rows.Close()
				return err
			}
			if r.Kind == stakeholder.External {
				d.External = r
			} else {
				d.Internal = r
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		d.Contacts, err = countContacts(ctx, tx, fy, code)
		return err
	})
	return d, err
}

// StakeholderCounts returns, for every agency with approved stakeholder data in fiscal year
// fy, its approved internal count and external estimate; a kind not approved counts 0, and
// an agency with nothing approved is absent (its zero Counts).
func (s *Store) StakeholderCounts(ctx context.Context, fy int) (out map[string]stakeholder.Counts, err error) {
	defer wrap(&err, "store.StakeholderCounts(%d)", fy)
	out = map[string]stakeholder.Counts{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT agency_code, kind, population FROM stakeholder_data
			WHERE fiscal_year = $1 AND status = $2`, fy, string(stakeholder.Approved))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var code string
			var k stakeholder.Kind
			var n int
			if err := rows.Scan(&code, &k, &n); err != nil {
				return err
			}
			c := out[code]
			if k == stakeholder.External {
				c.External = n
			} else {
				c.Internal = n
			}
			out[code] = c
		}
		return rows.Err()
	})
	return out, err
}

// SetStakeholderPopulation sets the internal staff count or the external estimate and
// records before and after. Errors: Invalid for a count stakeholder.CheckPopulation refuses;
// NotFound for an unknown agency or year; Forbidden or Conflict when the cycle does not let
// by.Role edit now (above all, approved data is locked).
func (s *Store) SetStakeholderPopulation(ctx context.Context, fy int, code string, k stakeholder.Kind, n int, by audit.Entry) (rec stakeholder.Record, err error) {
	defer wrap(&err, "store.SetStakeholderPopulation(%d, %q, %s)", fy, code, k)
	if err := stakeholder.CheckPopulation(k, n); err != nil {
		return rec, err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		before, err := s.lockRecord(ctx, tx, fy, code, k, stakeholder.ActionEdit, by)
		if err != nil {
			return err
		}
		rec = before
		if before.Population == n {
			return nil
		}
		rec.Population = n
		if rec, err = s.touchRecord(ctx, tx, rec, by); err != nil {
			return err
		}
		return s.record(ctx, tx, by, stakeholder.AuditPopulation, code, recordSubject(fy, k), recordStateOf(before), recordStateOf(rec))
	})
	return rec, err
}

// ChangeStakeholderStatus takes a step of the approval cycle on one kind of data: submit
// (the admin), approve or return (the executive; a return needs a reason). It records before
// and after. Errors: Invalid for ActionEdit (use the methods that edit), a missing or overlong
// reason, or data not ready to submit (stakeholder.Record.CheckReady); NotFound for an unknown
// agency or year; Forbidden or Conflict when the cycle refuses the step.
func (s *Store) ChangeStakeholderStatus(ctx context.Context, fy int, code string, k stakeholder.Kind, a stakeholder.Action, reason string, by audit.Entry) (rec stakeholder.Record, err error) {
	defer wrap(&err, "store.ChangeStakeholderStatus(%d, %q, %s, %s)", fy, code, k, a)
	if stakeholder.AuditActionOf(a) == "" {
		return rec, apperr.Invalid("การดำเนินการนี้ไม่ใช่ขั้นตอนการอนุมัติ", fmt.Sprintf("%q is not a step of the approval cycle", a))
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		before, err := s.lockRecord(ctx, tx, fy, code, k, a, by)
		if err != nil {
			return err
		}
		rec = before
		now := s.now()
		switch a {
		case stakeholder.ActionSubmit:
			n := 0
			if k == stakeholder.External {
				if n, err = countContacts(ctx, tx, fy, code); err != nil {
					return err
				}
			}
			if err := before.CheckReady(n); err != nil {
				return err
			}
			rec.SubmittedAt, rec.SubmittedBy, rec.ReturnReason = now, by.Actor, ""
		case stakeholder.ActionApprove:
			rec.DecidedAt, rec.DecidedBy = now, by.Actor
		case stakeholder.ActionReturn:
			if err := stakeholder.CheckReason(reason); err != nil {
				return err
			}
			rec.DecidedAt, rec.DecidedBy, rec.ReturnReason = now, by.Actor, strings.TrimSpace(reason)
		}
		rec.Status, _ = stakeholder.Next(before.Status, a, account.Role(by.Role))
		if rec, err = s.touchRecord(ctx, tx, rec, by); err != nil {
			return err
		}
		return s.record(ctx, tx, by, stakeholder.AuditActionOf(a), code, recordSubject(fy, k), recordStateOf(before), recordStateOf(rec))
	})
	return rec, err
}

// lockRecord returns the record of kind k for a change, after checking that the agency and
// the year exist and that the cycle lets by.Role take action a now. A kind never saved gets
// its draft row. On PostgreSQL the row stays locked until the transaction ends; SQLite has
// one writer at a time anyway.
func (s *Store) lockRecord(ctx context.Context, tx *sql.Tx, fy int, code string, k stakeholder.Kind, a stakeholder.Action, by audit.Entry) (stakeholder.Record, error) {
	if _, ok := stakeholder.ParseKind(string(k)); !ok {
		return stakeholder.Record{}, apperr.NotFound("ไม่พบประเภทข้อมูลผู้มีส่วนได้ส่วนเสียนี้", fmt.Sprintf("No stakeholder data of kind %q", k))
	}
	if _, err := findAgency(ctx, tx, code); err != nil {
		return stakeholder.Record{}, err
	}
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM years WHERE fiscal_year = $1`, fy).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return stakeholder.Record{}, yearNotFound(fy)
	}
	if err != nil {
		return stakeholder.Record{}, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stakeholder_data (fiscal_year, agency_code, kind, status, updated_at)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (fiscal_year, agency_code, kind) DO NOTHING`,
		fy, code, string(k), string(stakeholder.Draft), s.tv(s.now())); err != nil {
		return stakeholder.Record{}, err
	}
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE"
	}
	rec, err := scanStakeholderRecord(tx.QueryRowContext(ctx, `SELECT `+stakeholderColumns+` FROM stakeholder_data
		WHERE fiscal_year = $1 AND agency_code = $2 AND kind = $3`+lock, fy, code, string(k)))
	if err != nil {
		return rec, err
	}
	if _, err := stakeholder.Next(rec.Status, a, account.Role(by.Role)); err != nil {
		return rec, err
	}
	return rec, nil
}

// touchRecord writes rec as changed now by by.Actor and returns it as stored.
func (s *Store) touchRecord(ctx context.Context, tx *sql.Tx, rec stakeholder.Record, by audit.Entry) (stakeholder.Record, error) {
	rec.UpdatedAt, rec.UpdatedBy = s.now(), by.Actor
	_, err := tx.ExecContext(ctx, `UPDATE stakeholder_data SET population = $4, status = $5, return_reason = $6,
			submitted_at = $7, submitted_by = $8, decided_at = $9, decided_by = $10, updated_at = $11, updated_by = $12
		WHERE fiscal_year = $1 AND agency_code = $2 AND kind = $3`,
		rec.FiscalYear, rec.AgencyCode, string(rec.Kind), rec.Population, string(rec.Status), rec.ReturnReason,
		s.ntv(rec.SubmittedAt), rec.SubmittedBy, s.ntv(rec.DecidedAt), rec.DecidedBy, s.tv(rec.UpdatedAt), rec.UpdatedBy)
	return rec, err
}

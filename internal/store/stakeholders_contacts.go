package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/stakeholder"
)

// The sample list of external stakeholders. Every change to it is an edit of the external
// data, so it goes through the approval cycle's check (locked once submitted or approved)
// and touches the external record.

const contactColumns = `id, name, organisation, type, phone, email, service`

func scanContact(sc interface{ Scan(...any) error }) (stakeholder.Contact, error) {
	var c stakeholder.Contact
	err := sc.Scan(&c.ID, &c.Name, &c.Organisation, &c.Type, &c.Phone, &c.Email, &c.Service)
	return c, err
}

func contactNotFound(id int64) error {
	return apperr.NotFound(fmt.Sprintf("ไม่พบรายชื่อผู้มีส่วนได้ส่วนเสียหมายเลข %d", id), fmt.Sprintf("No stakeholder contact %d", id))
}

func countContacts(ctx context.Context, tx *sql.Tx, fy int, code string) (n int, err error) {
	err = tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM stakeholder_contacts WHERE fiscal_year = $1 AND agency_code = $2`,
		fy, code).Scan(&n)
	return n, err
}

// FindStakeholderContacts returns a page of the sample list of the agency with the given code
// in fiscal year fy, in the order the contacts were added, and how many it holds.
func (s *Store) FindStakeholderContacts(ctx context.Context, fy int, code string, f stakeholder.ContactFilter) (page stakeholder.ContactPage, err error) {
	defer wrap(&err, "store.FindStakeholderContacts(%d, %q)", fy, code)
	page.Contacts = []stakeholder.Contact{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		if page.Total, err = countContacts(ctx, tx, fy, code); err != nil {
			return err
		}
		page.Contacts, err = findContacts(ctx, tx, fy, code, f)
		return err
	})
	return page, err
}

func findContacts(ctx context.Context, tx *sql.Tx, fy int, code string, f stakeholder.ContactFilter) ([]stakeholder.Contact, error) {
	a := args{fy, code}
	q := `SELECT ` + contactColumns + ` FROM stakeholder_contacts WHERE fiscal_year = $1 AND agency_code = $2 ORDER BY id`
	if f.Limit > 0 {
		q += ` LIMIT ` + a.add(f.Limit) + ` OFFSET ` + a.add(max(f.Offset, 0))
	}
	rows, err := tx.QueryContext(ctx, q, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []stakeholder.Contact{}
	for rows.Next() {
		c, err := scanContact(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// FindStakeholderContact returns contact id of the sample list of the agency with the given
// code in fiscal year fy. Errors: NotFound, also when the contact belongs to another list.
func (s *Store) FindStakeholderContact(ctx context.Context, fy int, code string, id int64) (c stakeholder.Contact, err error) {
	defer wrap(&err, "store.FindStakeholderContact(%d, %q, %d)", fy, code, id)
	err = s.read(ctx, func(tx *sql.Tx) error {
		c, err = findContact(ctx, tx, fy, code, id)
		return err
	})
	return c, err
}

func findContact(ctx context.Context, tx *sql.Tx, fy int, code string, id int64) (stakeholder.Contact, error) {
	c, err := scanContact(tx.QueryRowContext(ctx, `SELECT `+contactColumns+` FROM stakeholder_contacts
		WHERE id = $1 AND fiscal_year = $2 AND agency_code = $3`, id, fy, code))
	if errors.Is(err, sql.ErrNoRows) {
		return c, contactNotFound(id)
	}
	return c, err
}

// checkNewContact normalizes and validates c and looks for the same person in the list
// (other than c itself). Errors: Invalid; Conflict for a duplicate, with a message on the
// field that makes it one.
func checkNewContact(ctx context.Context, tx *sql.Tx, fy int, code string, c stakeholder.Contact) (stakeholder.Contact, error) {
	c = c.Normalize()
	if err := c.Validate(); err != nil {
		return c, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+contactColumns+` FROM stakeholder_contacts
		WHERE fiscal_year = $1 AND agency_code = $2 AND name_key = $3 AND id <> $4
			AND ((phone <> '' AND phone = $5) OR (email <> '' AND email = $6))`,
		fy, code, stakeholder.NameKey(c.Name), c.ID, c.Phone, c.Email)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	var same []stakeholder.Contact
	for rows.Next() {
		o, err := scanContact(rows)
		if err != nil {
			return c, err
		}
		same = append(same, o)
	}
	if err := rows.Err(); err != nil {
		return c, err
	}
	if i := stakeholder.DuplicateOf(c, same); i >= 0 {
		return c, stakeholder.ErrDuplicate(c, same[i])
	}
	return c, nil
}

// duplicateRace turns a unique violation that slipped past checkNewContact (two writers at
// once) into the same Conflict users see otherwise.
func duplicateRace(err error) error {
	if isUnique(err) {
		return apperr.Wrap(err, apperr.CodeConflict, "รายชื่อนี้มีอยู่แล้ว (ชื่อและเบอร์โทรศัพท์หรืออีเมลตรงกัน)",
			"This person is already in the list")
	}
	return err
}

// AddStakeholderContact adds c to the sample list of the agency with the given code in fiscal
// year fy and records it; it returns c as stored, with its ID. Errors: Invalid (with
// per-field messages, or when the list already holds stakeholder.MaxContacts); Conflict for
// the same person twice; NotFound; Forbidden or Conflict when the external data cannot be
// edited now.
func (s *Store) AddStakeholderContact(ctx context.Context, fy int, code string, c stakeholder.Contact, by audit.Entry) (_ stakeholder.Contact, err error) {
	defer wrap(&err, "store.AddStakeholderContact(%d, %q)", fy, code)
	c.ID = 0
	err = s.write(ctx, func(tx *sql.Tx) error {
		rec, err := s.lockRecord(ctx, tx, fy, code, stakeholder.External, stakeholder.ActionEdit, by)
		if err != nil {
			return err
		}
		if c, err = checkNewContact(ctx, tx, fy, code, c); err != nil {
			return err
		}
		n, err := countContacts(ctx, tx, fy, code)
		if err != nil {
			return err
		}
		if n >= stakeholder.MaxContacts {
			return apperr.Invalid(fmt.Sprintf("มีรายชื่อครบ %s รายแล้ว ซึ่งเป็นจำนวนสูงสุดที่ระบบรับได้", stakeholder.FormatCount(stakeholder.MaxContacts)),
				fmt.Sprintf("The list already holds the maximum of %d contacts", stakeholder.MaxContacts))
		}
		now := s.tv(s.now())
		err = tx.QueryRowContext(ctx, `INSERT INTO stakeholder_contacts
			(fiscal_year, agency_code, name, organisation, type, phone, email, service, name_key, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
			fy, code, c.Name, c.Organisation, string(c.Type), c.Phone, c.Email, c.Service, stakeholder.NameKey(c.Name), now).Scan(&c.ID)
		if err != nil {
			return duplicateRace(err)
		}
		if _, err := s.touchRecord(ctx, tx, rec, by); err != nil {
			return err
		}
		return s.record(ctx, tx, by, stakeholder.AuditContactAdd, code, contactSubject(fy, c.ID), nil, contactStateOf(c))
	})
	return c, err
}

// UpdateStakeholderContact replaces contact c.ID of the sample list and records before and
// after. Errors: as AddStakeholderContact, and NotFound for a contact not in this list.
func (s *Store) UpdateStakeholderContact(ctx context.Context, fy int, code string, c stakeholder.Contact, by audit.Entry) (_ stakeholder.Contact, err error) {
	defer wrap(&err, "store.UpdateStakeholderContact(%d, %q, %d)", fy, code, c.ID)
	err = s.write(ctx, func(tx *sql.Tx) error {
		rec, err := s.lockRecord(ctx, tx, fy, code, stakeholder.External, stakeholder.ActionEdit, by)
		if err != nil {
			return err
		}
		before, err := findContact(ctx, tx, fy, code, c.ID)
		if err != nil {
			return err
		}
		if c, err = checkNewContact(ctx, tx, fy, code, c); err != nil {
			return err
		}
		if c == before {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE stakeholder_contacts SET name = $2, organisation = $3, type = $4, phone = $5,
				email = $6, service = $7, name_key = $8, updated_at = $9
			WHERE id = $1`,
			c.ID, c.Name, c.Organisation, string(c.Type), c.Phone, c.Email, c.Service, stakeholder.NameKey(c.Name), s.tv(s.now()))
		if err != nil {
			return duplicateRace(err)
		}
		if _, err := s.touchRecord(ctx, tx, rec, by); err != nil {
			return err
		}
		return s.record(ctx, tx, by, stakeholder.AuditContactUpdate, code, contactSubject(fy, c.ID), contactStateOf(before), contactStateOf(c))
	})
	return c, err
}

// DeleteStakeholderContact removes contact id from the sample list and records what it was.
// Errors: NotFound for a contact not in this list; Forbidden or Conflict when the external
// data cannot be edited now.
func (s *Store) DeleteStakeholderContact(ctx context.Context, fy int, code string, id int64, by audit.Entry) (err error) {
	defer wrap(&err, "store.DeleteStakeholderContact(%d, %q, %d)", fy, code, id)
	return s.write(ctx, func(tx *sql.Tx) error {
		rec, err := s.lockRecord(ctx, tx, fy, code, stakeholder.External, stakeholder.ActionEdit, by)
		if err != nil {
			return err
		}
		before, err := findContact(ctx, tx, fy, code, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stakeholder_contacts WHERE id = $1`, id); err != nil {
			return err
		}
		if _, err := s.touchRecord(ctx, tx, rec, by); err != nil {
			return err
		}
		return s.record(ctx, tx, by, stakeholder.AuditContactDelete, code, contactSubject(fy, id), contactStateOf(before), nil)
	})
}

// ImportStakeholderContacts adds every contact of cs to the sample list as one change: if any
// is invalid, repeats a person (in cs or already listed) or would take the list past
// stakeholder.MaxContacts, nothing is added. Each contact gets an audit entry, the import one
// summary entry. It returns how many were added. Callers read files with
// stakeholder.ReadContacts, which reports problems by row and cell; the checks here repeat
// them against the list as it stands inside the transaction. Errors: Invalid, Conflict,
// NotFound; Forbidden or Conflict when the external data cannot be edited now.
func (s *Store) ImportStakeholderContacts(ctx context.Context, fy int, code string, cs []stakeholder.Contact, by audit.Entry) (n int, err error) {
	defer wrap(&err, "store.ImportStakeholderContacts(%d, %q, %d contacts)", fy, code, len(cs))
	if len(cs) == 0 {
		return 0, apperr.Invalid("ไม่มีรายชื่อให้นำเข้า", "No contacts to import")
	}
	clean := make([]stakeholder.Contact, len(cs))
	for i, c := range cs {
		c.ID = 0
		c = c.Normalize()
		if err := c.Validate(); err != nil {
			return 0, apperr.Wrap(err, apperr.CodeInvalid, fmt.Sprintf("รายชื่อลำดับที่ %d ไม่ถูกต้อง จึงยังไม่นำเข้ารายชื่อใด ๆ", i+1),
				fmt.Sprintf("Contact %d is invalid; nothing was imported", i+1))
		}
		clean[i] = c
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		rec, err := s.lockRecord(ctx, tx, fy, code, stakeholder.External, stakeholder.ActionEdit, by)
		if err != nil {
			return err
		}
		existing, err := findContacts(ctx, tx, fy, code, stakeholder.ContactFilter{})
		if err != nil {
			return err
		}
		if len(existing)+len(clean) > stakeholder.MaxContacts {
			return apperr.Invalid(fmt.Sprintf("รวมกับรายชื่อที่มีอยู่แล้ว %s ราย จะเกิน %s รายที่ระบบรับได้ จึงยังไม่นำเข้ารายชื่อใด ๆ",
				stakeholder.FormatCount(len(existing)), stakeholder.FormatCount(stakeholder.MaxContacts)),
				fmt.Sprintf("The list would exceed %d contacts; nothing was imported", stakeholder.MaxContacts))
		}
		if dup, of, found := stakeholder.FirstDuplicate(existing, clean); found {
			e := apperr.As(stakeholder.ErrDuplicate(dup, of))
			e.Message = dup.Name + ": " + e.Message + " จึงยังไม่นำเข้ารายชื่อใด ๆ"
			return e
		}
		// Rows go in by batches; their IDs, wanted for the audit log, are then those the list
		// did not have before: no one else adds to it while the external record is locked.
		now := s.tv(s.now())
		rows := make([][]any, len(clean))
		for i, c := range clean {
			rows[i] = []any{fy, code, c.Name, c.Organisation, string(c.Type), c.Phone, c.Email, c.Service, stakeholder.NameKey(c.Name), now, now}
		}
		if err := s.insertRows(ctx, tx, `INSERT INTO stakeholder_contacts
			(fiscal_year, agency_code, name, organisation, type, phone, email, service, name_key, created_at, updated_at)`, rows, ""); err != nil {
			return duplicateRace(err)
		}
		old := make(map[int64]bool, len(existing))
		for _, c := range existing {
			old[c.ID] = true
		}
		all, err := findContacts(ctx, tx, fy, code, stakeholder.ContactFilter{})
		if err != nil {
			return err
		}
		entries := make([]audit.Entry, 0, len(clean)+1)
		for _, c := range all {
			if !old[c.ID] {
				entries = append(entries, s.entry(by, stakeholder.AuditContactAdd, code, contactSubject(fy, c.ID), nil, contactStateOf(c)))
			}
		}
		if _, err := s.touchRecord(ctx, tx, rec, by); err != nil {
			return err
		}
		summary := map[string]int{"imported": len(clean), "listed_before": len(existing)}
		entries = append(entries, s.entry(by, stakeholder.AuditContactImport, code, recordSubject(fy, stakeholder.External), nil, summary))
		return s.appendAudits(ctx, tx, entries)
	})
	if err != nil {
		return 0, err
	}
	return len(clean), nil
}

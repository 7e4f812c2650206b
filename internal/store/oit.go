package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/oit"
)

// ApplyOIT takes an OIT workflow action on the record of agency code in fiscal year fy, for
// the account that by names (its Role decides what the transition table allows), and
// returns the record after it. The whole step runs in one transaction: the record is read,
// oit.Record.Apply checks the action, the changed rows are written only if the version read
// is still the version stored (optimistic concurrency, on both engines), and an audit entry
// "oit.<action>" with the state before and after is appended.
//
// The store does not check the year's phases — the web layer does, before it calls — so that
// the demo and the tests can replay a past year. Errors: NotFound for an unknown year, agency
// or item; Forbidden, Conflict and Invalid as oit.Record.Apply returns them; Conflict when
// someone else changed the record meanwhile.
func (s *Store) ApplyOIT(ctx context.Context, fy int, code string, cmd oit.Command, by audit.Entry) (rec oit.Record, err error) {
	defer wrap(&err, "store.ApplyOIT(%d, %s, %s %s)", fy, code, cmd.Action, cmd.ItemID)
	err = s.write(ctx, func(tx *sql.Tx) error {
		c, err := s.oitChecklist(ctx, tx, fy, code)
		if err != nil {
			return err
		}
		if rec, err = s.loadOIT(ctx, tx, fy, code); err != nil {
			return err
		}
		return s.applyOIT(ctx, tx, c, &rec, cmd, by)
	})
	return rec, err
}

// ReplayOIT takes several workflow steps on one record in one transaction, for the demo and
// for loading a past year: each step is checked and recorded as ApplyOIT would (its own
// audit entry), against the record as the steps before it left it, so its Base is set to
// that version. It stops at the first step that fails, and then nothing is kept. Errors: as
// ApplyOIT.
func (s *Store) ReplayOIT(ctx context.Context, fy int, code string, steps []oit.Step) (rec oit.Record, err error) {
	defer wrap(&err, "store.ReplayOIT(%d, %s)", fy, code)
	err = s.write(ctx, func(tx *sql.Tx) error {
		c, err := s.oitChecklist(ctx, tx, fy, code)
		if err != nil {
			return err
		}
		if rec, err = s.loadOIT(ctx, tx, fy, code); err != nil {
			return err
		}
		for i, st := range steps {
			st.Cmd.Base = rec.Version
			if err := s.applyOIT(ctx, tx, c, &rec, st.Cmd, st.By); err != nil {
				return fmt.Errorf("step %d (%s %s): %w", i+1, st.Cmd.Action, st.Cmd.ItemID, err)
			}
		}
		return nil
	})
	return rec, err
}

// oitChecklist checks that the year and agency exist and returns the year's checklist.
func (s *Store) oitChecklist(ctx context.Context, tx *sql.Tx, fy int, code string) (*oit.Checklist, error) {
	y, err := findYear(ctx, tx, fy)
	if err != nil {
		return nil, err
	}
	if _, err := findAgency(ctx, tx, code); err != nil {
		return nil, err
	}
	return oit.ChecklistOf(y.FrameworkYear)
}

// applyOIT takes cmd on *rec within tx and writes what changed with its audit entry; *rec is
// the record after it.
func (s *Store) applyOIT(ctx context.Context, tx *sql.Tx, c *oit.Checklist, rec *oit.Record, cmd oit.Command, by audit.Entry) error {
	before := *rec // Apply changes a copy of the items, so before stays as it was
	if err := rec.Apply(c, oit.Actor{Username: by.Actor, Role: account.Role(by.Role)}, cmd, s.now()); err != nil {
		return err
	}
	if err := s.saveOITRecord(ctx, tx, before.Version, *rec); err != nil {
		return err
	}
	t, _ := oit.TransitionOf(cmd.Action)
	subject := fmt.Sprint(rec.FiscalYear)
	var from, to any = oitRecordStateOf(before), oitRecordStateOf(*rec)
	if t.OnItem {
		if err := s.saveOITItem(ctx, tx, rec.FiscalYear, rec.AgencyCode, rec.Item(cmd.ItemID)); err != nil {
			return err
		}
		subject += "/" + cmd.ItemID
		from, to = oitItemStateOf(before, cmd.ItemID), oitItemStateOf(*rec, cmd.ItemID)
	}
	return s.record(ctx, tx, by, "oit."+string(cmd.Action), rec.AgencyCode, subject, from, to)
}

// saveOITRecord writes rec's row if the stored version is still seen: an insert for a record
// never saved, else an update conditioned on the version.
func (s *Store) saveOITRecord(ctx context.Context, tx *sql.Tx, seen int, rec oit.Record) error {
	c := rec.Counts()
	vals := []any{rec.FiscalYear, rec.AgencyCode, string(rec.Status), rec.Version,
		c.Answered, c.Passed, c.Failed, c.Scored, c.Replied, c.Decided,
		s.ntv(rec.SubmittedAt), s.ntv(rec.ApprovedAt), s.ntv(rec.ReleasedAt), s.ntv(rec.ConfirmedAt), s.tv(rec.UpdatedAt)}
	if seen == 0 {
		_, err := tx.ExecContext(ctx, `INSERT INTO oit_records (fiscal_year, agency_code, status, version,
			answered, passed, failed, scored, replied, decided,
			submitted_at, approved_at, released_at, confirmed_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, vals...)
		if isUnique(err) {
			return oitChangedMeanwhile(err)
		}
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE oit_records SET status = $3, version = $4,
		answered = $5, passed = $6, failed = $7, scored = $8, replied = $9, decided = $10,
		submitted_at = $11, approved_at = $12, released_at = $13, confirmed_at = $14, updated_at = $15
		WHERE fiscal_year = $1 AND agency_code = $2 AND version = $16`, append(vals, seen)...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return oitChangedMeanwhile(nil)
	}
	return nil
}

func oitChangedMeanwhile(err error) error {
	return apperr.Wrap(err, apperr.CodeConflict,
		"แบบ OIT ถูกแก้ไขโดยผู้ใช้อื่นในระหว่างนี้ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง",
		"The OIT answers were changed by someone else meanwhile; reload and try again")
}

// saveOITItem writes one item's row.
func (s *Store) saveOITItem(ctx context.Context, tx *sql.Tx, fy int, code string, it oit.Item) error {
	urls := audit.JSON(it.Answer.URLs)
	if len(it.Answer.URLs) == 0 {
		urls = "[]"
	}
	var scoreV, finalV any
	if it.Assessment.Scored {
		scoreV = it.Assessment.Score
	}
	if it.Decision.Decided {
		finalV = it.Decision.Score
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO oit_items (fiscal_year, agency_code, item_id, version,
			disclosure, urls, explanation, reason, saved_by, saved_at,
			verdict, verdict_comment, verdict_by, verdict_at,
			components, score, score_comment, scored_by, scored_at,
			reply_text, reply_url, replied_by, replied_at,
			final_score, decision_comment, decided_by, decided_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
			$20, $21, $22, $23, $24, $25, $26, $27)
		ON CONFLICT (fiscal_year, agency_code, item_id) DO UPDATE SET version = excluded.version,
			disclosure = excluded.disclosure, urls = excluded.urls, explanation = excluded.explanation,
			reason = excluded.reason, saved_by = excluded.saved_by, saved_at = excluded.saved_at,
			verdict = excluded.verdict, verdict_comment = excluded.verdict_comment,
			verdict_by = excluded.verdict_by, verdict_at = excluded.verdict_at,
			components = excluded.components, score = excluded.score, score_comment = excluded.score_comment,
			scored_by = excluded.scored_by, scored_at = excluded.scored_at,
			reply_text = excluded.reply_text, reply_url = excluded.reply_url,
			replied_by = excluded.replied_by, replied_at = excluded.replied_at,
			final_score = excluded.final_score, decision_comment = excluded.decision_comment,
			decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
		fy, code, it.ID, it.Version,
		string(it.Answer.Disclosure), urls, it.Answer.Explanation, it.Answer.Reason, it.SavedBy, s.ntv(it.SavedAt),
		string(it.Review.Verdict), it.Review.Comment, it.Review.By, s.ntv(it.Review.At),
		intList(it.Assessment.Components), scoreV, it.Assessment.Comment, it.Assessment.By, s.ntv(it.Assessment.At),
		it.Reply.Text, it.Reply.URL, it.Reply.By, s.ntv(it.Reply.At),
		finalV, it.Decision.Comment, it.Decision.By, s.ntv(it.Decision.At))
	return err
}

// oitRecordState is what the audit log keeps of a whole-record action.
type oitRecordState struct {
	Status  oit.Status `json:"status"`
	Version int        `json:"version"`
	oit.Counts
}

func oitRecordStateOf(r oit.Record) oitRecordState {
	return oitRecordState{Status: r.Status, Version: r.Version, Counts: r.Counts()}
}

// oitItemState is what the audit log keeps of an item action: the record's status and version
// and the item's parts that are set.
type oitItemState struct {
	Status     oit.Status      `json:"status"`
	Version    int             `json:"version"`
	Answer     *oitAnswerState `json:"answer,omitempty"`
	Review     *oit.Review     `json:"review,omitempty"`
	Assessment *oit.Assessment `json:"assessment,omitempty"`
	Reply      *oit.Reply      `json:"reply,omitempty"`
	Decision   *oit.Decision   `json:"decision,omitempty"`
}

type oitAnswerState struct {
	Disclosure  oit.Disclosure `json:"disclosure"`
	URLs        []string       `json:"urls,omitempty"`
	Explanation string         `json:"explanation,omitempty"`
	Reason      string         `json:"reason,omitempty"`
}

func oitItemStateOf(r oit.Record, id string) oitItemState {
	st := oitItemState{Status: r.Status, Version: r.Version}
	it, ok := r.Items[id]
	if !ok {
		return st
	}
	if it.Answered() {
		a := it.Answer
		st.Answer = &oitAnswerState{a.Disclosure, a.URLs, a.Explanation, a.Reason}
	}
	if it.Review.Verdict != "" {
		st.Review = &it.Review
	}
	if it.Assessment.Scored {
		st.Assessment = &it.Assessment
	}
	if it.Reply.Replied() {
		st.Reply = &it.Reply
	}
	if it.Decision.Decided {
		st.Decision = &it.Decision
	}
	return st
}

// FindOIT returns the OIT record of agency code in fiscal year fy with all its items: the
// empty draft (version 0) when nothing has been saved. Errors: NotFound for an unknown year
// or agency.
func (s *Store) FindOIT(ctx context.Context, fy int, code string) (rec oit.Record, err error) {
	defer wrap(&err, "store.FindOIT(%d, %s)", fy, code)
	err = s.read(ctx, func(tx *sql.Tx) error {
		if _, err := findYear(ctx, tx, fy); err != nil {
			return err
		}
		if _, err := findAgency(ctx, tx, code); err != nil {
			return err
		}
		rec, err = s.loadOIT(ctx, tx, fy, code)
		return err
	})
	return rec, err
}

const oitItemColumns = `item_id, version, disclosure, urls, explanation, reason, saved_by, saved_at,
	verdict, verdict_comment, verdict_by, verdict_at,
	components, score, score_comment, scored_by, scored_at,
	reply_text, reply_url, replied_by, replied_at,
	final_score, decision_comment, decided_by, decided_at`

// loadOIT reads a record and its items within tx; the empty draft when there is no row.
func (s *Store) loadOIT(ctx context.Context, tx *sql.Tx, fy int, code string) (oit.Record, error) {
	rec := oit.NewRecord(fy, code)
	err := tx.QueryRowContext(ctx, `SELECT status, version, submitted_at, approved_at, released_at, confirmed_at, updated_at
		FROM oit_records WHERE fiscal_year = $1 AND agency_code = $2`, fy, code).Scan(
		&rec.Status, &rec.Version, timeScan{&rec.SubmittedAt}, timeScan{&rec.ApprovedAt},
		timeScan{&rec.ReleasedAt}, timeScan{&rec.ConfirmedAt}, timeScan{&rec.UpdatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return rec, nil
	}
	if err != nil {
		return rec, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+oitItemColumns+` FROM oit_items
		WHERE fiscal_year = $1 AND agency_code = $2`, fy, code)
	if err != nil {
		return rec, err
	}
	defer rows.Close()
	for rows.Next() {
		it, err := scanOITItem(rows)
		if err != nil {
			return rec, err
		}
		rec.Items[it.ID] = it
	}
	return rec, rows.Err()
}

func scanOITItem(sc interface{ Scan(...any) error }) (oit.Item, error) {
	var (
		it           oit.Item
		urls         string
		score, final sql.NullFloat64
	)
	err := sc.Scan(&it.ID, &it.Version, &it.Answer.Disclosure, &urls, &it.Answer.Explanation, &it.Answer.Reason,
		&it.SavedBy, timeScan{&it.SavedAt},
		&it.Review.Verdict, &it.Review.Comment, &it.Review.By, timeScan{&it.Review.At},
		intListScan{&it.Assessment.Components}, &score, &it.Assessment.Comment, &it.Assessment.By, timeScan{&it.Assessment.At},
		&it.Reply.Text, &it.Reply.URL, &it.Reply.By, timeScan{&it.Reply.At},
		&final, &it.Decision.Comment, &it.Decision.By, timeScan{&it.Decision.At})
	if err != nil {
		return it, err
	}
	if err := json.Unmarshal([]byte(urls), &it.Answer.URLs); err != nil {
		return it, fmt.Errorf("item %s urls: %w", it.ID, err)
	}
	if len(it.Answer.URLs) == 0 {
		it.Answer.URLs = nil
	}
	it.Assessment.Scored, it.Assessment.Score = score.Valid, score.Float64
	it.Decision.Decided, it.Decision.Score = final.Valid, final.Float64
	return it, nil
}

package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/oit"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/survey"
)

// ScoreInputs reads fiscal year fy into the scoring engine's inputs, one per agency of the
// registry in code order — what `itas score` builds from files, built from the database:
// the responses of the year, streamed into one tally per agency and survey (never held as a
// list; results.Collector), the approved stakeholder counts as populations
// (StakeholderCounts), the assessors' final OIT item scores (OITScores) and, as compliance
// flags, the steps each agency completed: both accounts registered, internal and external
// stakeholder data approved, OIT approved by the executive.
//
// A stored response that no longer fits e's framework fails the whole call: no result is
// computed from part of the data. Only e's framework decides what is read, so scoring a
// year with the framework of another is the caller's mistake to avoid.
func (s *Store) ScoreInputs(ctx context.Context, fy int, e *scoring.Engine) (in []scoring.Input, err error) {
	defer wrap(&err, "store.ScoreInputs(%d)", fy)
	agencies, err := s.resultAgencies(ctx, fy)
	if err != nil {
		return nil, err
	}
	counts, err := s.StakeholderCounts(ctx, fy)
	if err != nil {
		return nil, err
	}
	for i := range agencies {
		agencies[i].Counts = counts[agencies[i].Code]
	}
	c, err := results.NewCollector(e, agencies)
	if err != nil {
		return nil, err
	}
	scores, err := s.OITScores(ctx, fy)
	if err != nil {
		return nil, err
	}
	c.SetOIT(scores)
	if err := s.streamResponses(ctx, fy, c); err != nil {
		return nil, err
	}
	return c.Inputs(), nil
}

// resultAgencies returns every agency of the registry in code order with the steps of year
// fy that decide whether its result is official.
func (s *Store) resultAgencies(ctx context.Context, fy int) ([]results.Agency, error) {
	var out []results.Agency
	err := s.read(ctx, func(tx *sql.Tx) error {
		index := map[string]int{}
		rows, err := tx.QueryContext(ctx, `SELECT code, name FROM agencies ORDER BY code`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var a results.Agency
			if err := rows.Scan(&a.Code, &a.Name); err != nil {
				return err
			}
			index[a.Code] = len(out)
			out = append(out, a)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if err := s.resultRegistration(ctx, tx, index, out); err != nil {
			return fmt.Errorf("registration: %w", err)
		}
		if err := s.resultApprovals(ctx, tx, fy, index, out); err != nil {
			return fmt.Errorf("approvals: %w", err)
		}
		return nil
	})
	return out, err
}

// resultRegistration sets Facts.Registered of every agency whose two accounts have both
// completed their first login (account.Registered).
func (s *Store) resultRegistration(ctx context.Context, tx *sql.Tx, index map[string]int, out []results.Agency) error {
	rows, err := tx.QueryContext(ctx, `SELECT agency_code, role, must_change_password, disabled, password_changed_at, profile_completed_at
		FROM accounts WHERE agency_code IS NOT NULL`)
	if err != nil {
		return err
	}
	defer rows.Close()
	byAgency := map[string][]account.Account{}
	for rows.Next() {
		var code string
		var a account.Account
		if err := rows.Scan(&code, &a.Role, &a.MustChangePassword, &a.Disabled, timeScan{&a.PasswordChangedAt}, timeScan{&a.ProfileCompletedAt}); err != nil {
			return err
		}
		byAgency[code] = append(byAgency[code], a)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for code, accts := range byAgency {
		if i, ok := index[code]; ok {
			out[i].Facts.Registered = account.Registered(accts)
		}
	}
	return nil
}

// resultApprovals sets the stakeholder data and OIT steps of year fy: data approved by kind,
// OIT submitted and approved (approved or any later status of the workflow).
func (s *Store) resultApprovals(ctx context.Context, tx *sql.Tx, fy int, index map[string]int, out []results.Agency) error {
	rows, err := tx.QueryContext(ctx, `SELECT agency_code, kind FROM stakeholder_data WHERE fiscal_year = $1 AND status = $2`,
		fy, string(stakeholder.Approved))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var k stakeholder.Kind
		if err := rows.Scan(&code, &k); err != nil {
			return err
		}
		i, ok := index[code]
		switch {
		case !ok:
		case k == stakeholder.Internal:
			out[i].Facts.InternalDataApproved = true
		case k == stakeholder.External:
			out[i].Facts.ExternalDataApproved = true
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	rows, err = tx.QueryContext(ctx, `SELECT agency_code, status FROM oit_records WHERE fiscal_year = $1`, fy)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var st oit.Status
		if err := rows.Scan(&code, &st); err != nil {
			return err
		}
		if i, ok := index[code]; ok {
			out[i].Facts.OITSubmitted, out[i].Facts.OITApproved = st.Submitted(), st.Approved()
		}
	}
	return rows.Err()
}

// streamResponses adds every response of year fy to c, row by row: the answers are read as
// raw bytes and decoded in place, so a national year's 1.4 million responses pass through a
// few kilobytes of memory. The rows come in table order (ids are random), not sorted, which
// spares the database a sort; the collector finds each row's agency by its code.
func (s *Store) streamResponses(ctx context.Context, fy int, c *results.Collector) error {
	return s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT agency_code, survey, channel, answers FROM responses WHERE +fiscal_year = $1`, fy)
		if err != nil {
			return err
		}
		defer rows.Close()
		var code, sv, ch sql.RawBytes
		var answers sql.RawBytes
		var lastCode, lastSV, lastCh string
		for rows.Next() {
			if err := rows.Scan(&code, &sv, &ch, &answers); err != nil {
				return err
			}
			// Comparing first keeps the three short strings from being allocated per row.
			if string(code) != lastCode {
				lastCode = string(code)
			}
			if string(sv) != lastSV {
				lastSV = string(sv)
			}
			if string(ch) != lastCh {
				lastCh = string(ch)
			}
			if err := c.AddResponse(lastCode, lastSV, survey.Channel(lastCh), answers); err != nil {
				return err
			}
		}
		return rows.Err()
	})
}

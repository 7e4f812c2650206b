package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
)

func yearNotFound(fy int) error {
	return apperr.NotFound(
		fmt.Sprintf("ไม่พบการประเมินประจำปีงบประมาณ พ.ศ. %d", fy),
		fmt.Sprintf("No assessment for fiscal year %d (BE)", fy))
}

// yearState is what the audit log keeps of a year.
type yearState struct {
	FiscalYear    int                 `json:"fiscal_year"`
	FrameworkYear int                 `json:"framework_year"`
	Status        assessment.Status   `json:"status"`
	Phases        []assessment.Window `json:"phases"`
}

func yearStateOf(y assessment.Year) yearState {
	return yearState{y.FiscalYear, y.FrameworkYear, y.Status, y.Phases}
}

// normalizeYear validates y and brings its times to what the databases
// keep (UTC, microseconds) and its windows into phase order.
func normalizeYear(y assessment.Year) (assessment.Year, error) {
	y.Phases = append([]assessment.Window(nil), y.Phases...)
	for i := range y.Phases {
		w := &y.Phases[i]
		w.Start, w.End = w.Start.UTC().Truncate(time.Microsecond), w.End.UTC().Truncate(time.Microsecond)
	}
	y.SortPhases()
	return y, y.Validate()
}

// CreateYear opens the assessment of a fiscal year with its framework,
// status and timeline, and records it. Errors: Invalid; Conflict if the
// year exists.
func (s *Store) CreateYear(ctx context.Context, y assessment.Year, by audit.Entry) (err error) {
	defer wrap(&err, "store.CreateYear(%d)", y.FiscalYear)
	y, err = normalizeYear(y)
	if err != nil {
		return err
	}
	y.CreatedAt = s.now()
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO years (fiscal_year, framework_year, status, created_at)
			VALUES ($1, $2, $3, $4)`, y.FiscalYear, y.FrameworkYear, string(y.Status), s.tv(y.CreatedAt))
		if isUnique(err) {
			return apperr.Wrap(err, apperr.CodeConflict,
				fmt.Sprintf("มีการประเมินประจำปีงบประมาณ พ.ศ. %d อยู่แล้ว", y.FiscalYear),
				fmt.Sprintf("Fiscal year %d (BE) already exists", y.FiscalYear))
		}
		if err != nil {
			return err
		}
		if err := s.insertWindows(ctx, tx, y); err != nil {
			return err
		}
		return s.record(ctx, tx, by, audit.ActionYearCreate, "", fmt.Sprint(y.FiscalYear), nil, yearStateOf(y))
	})
}

func (s *Store) insertWindows(ctx context.Context, tx *sql.Tx, y assessment.Year) error {
	rows := make([][]any, len(y.Phases))
	for i, w := range y.Phases {
		rows[i] = []any{y.FiscalYear, string(w.Phase), s.tv(w.Start), s.tv(w.End)}
	}
	return s.insertRows(ctx, tx, `INSERT INTO phase_windows (fiscal_year, phase, starts_at, ends_at)`, rows, "")
}

// UpdateYear replaces the framework, status and timeline of the year
// y.FiscalYear and records before and after. Errors: Invalid, NotFound.
func (s *Store) UpdateYear(ctx context.Context, y assessment.Year, by audit.Entry) (err error) {
	defer wrap(&err, "store.UpdateYear(%d)", y.FiscalYear)
	y, err = normalizeYear(y)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		before, err := findYear(ctx, tx, y.FiscalYear)
		if err != nil {
			return err
		}
		y.CreatedAt = before.CreatedAt
		if _, err := tx.ExecContext(ctx, `UPDATE years SET framework_year = $2, status = $3 WHERE fiscal_year = $1`,
			y.FiscalYear, y.FrameworkYear, string(y.Status)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM phase_windows WHERE fiscal_year = $1`, y.FiscalYear); err != nil {
			return err
		}
		if err := s.insertWindows(ctx, tx, y); err != nil {
			return err
		}
		return s.record(ctx, tx, by, audit.ActionYearUpdate, "", fmt.Sprint(y.FiscalYear), yearStateOf(before), yearStateOf(y))
	})
}

// UpdatePhases replaces the timeline of fiscal year fy, keeping its
// framework and status. Errors: Invalid, NotFound.
func (s *Store) UpdatePhases(ctx context.Context, fy int, windows []assessment.Window, by audit.Entry) (err error) {
	defer wrap(&err, "store.UpdatePhases(%d)", fy)
	y, err := s.FindYear(ctx, fy)
	if err != nil {
		return err
	}
	y.Phases = windows
	return s.UpdateYear(ctx, y, by)
}

// FindYear returns the assessment of fiscal year fy with its windows in
// phase order. Errors: NotFound.
func (s *Store) FindYear(ctx context.Context, fy int) (y assessment.Year, err error) {
	defer wrap(&err, "store.FindYear(%d)", fy)
	err = s.read(ctx, func(tx *sql.Tx) error {
		y, err = findYear(ctx, tx, fy)
		return err
	})
	return y, err
}

// CurrentYear returns the open year with the highest fiscal year: the one
// the platform works on. Errors: NotFound when no year is open.
func (s *Store) CurrentYear(ctx context.Context) (y assessment.Year, err error) {
	defer wrap(&err, "store.CurrentYear")
	err = s.read(ctx, func(tx *sql.Tx) error {
		var fy int
		err := tx.QueryRowContext(ctx, `SELECT fiscal_year FROM years WHERE status = $1
			ORDER BY fiscal_year DESC LIMIT 1`, string(assessment.StatusOpen)).Scan(&fy)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound("ยังไม่มีการประเมินที่เปิดอยู่", "No assessment year is open")
		}
		if err != nil {
			return err
		}
		y, err = findYear(ctx, tx, fy)
		return err
	})
	return y, err
}

// FindYears returns every year, newest first, with their windows.
func (s *Store) FindYears(ctx context.Context) (ys []assessment.Year, err error) {
	defer wrap(&err, "store.FindYears")
	ys = []assessment.Year{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT fiscal_year, framework_year, status, created_at
			FROM years ORDER BY fiscal_year DESC`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var y assessment.Year
			if err := rows.Scan(&y.FiscalYear, &y.FrameworkYear, &y.Status, timeScan{&y.CreatedAt}); err != nil {
				rows.Close()
				return err
			}
			ys = append(ys, y)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range ys {
			if ys[i].Phases, err = findWindows(ctx, tx, ys[i].FiscalYear); err != nil {
				return err
			}
		}
		return nil
	})
	return ys, err
}

func findYear(ctx context.Context, tx *sql.Tx, fy int) (assessment.Year, error) {
	var y assessment.Year
	err := tx.QueryRowContext(ctx, `SELECT fiscal_year, framework_year, status, created_at
		FROM years WHERE fiscal_year = $1`, fy).Scan(&y.FiscalYear, &y.FrameworkYear, &y.Status, timeScan{&y.CreatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return y, yearNotFound(fy)
	}
	if err != nil {
		return y, err
	}
	y.Phases, err = findWindows(ctx, tx, fy)
	return y, err
}

func findWindows(ctx context.Context, tx *sql.Tx, fy int) ([]assessment.Window, error) {
	rows, err := tx.QueryContext(ctx, `SELECT phase, starts_at, ends_at FROM phase_windows WHERE fiscal_year = $1`, fy)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	y := assessment.Year{Phases: []assessment.Window{}}
	for rows.Next() {
		var w assessment.Window
		if err := rows.Scan(&w.Phase, timeScan{&w.Start}, timeScan{&w.End}); err != nil {
			return nil, err
		}
		y.Phases = append(y.Phases, w)
	}
	y.SortPhases()
	return y.Phases, rows.Err()
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/survey"
)

const linkColumns = `token, fiscal_year, agency_code, survey, created_at, retired_at`

func scanLink(sc interface{ Scan(...any) error }) (survey.Link, error) {
	var l survey.Link
	err := sc.Scan(&l.Token, &l.FiscalYear, &l.AgencyCode, &l.Survey, timeScan{&l.CreatedAt}, timeScan{&l.RetiredAt})
	return l, err
}

func checkLinkScope(fy int, code, sv string) error {
	if !survey.ValidSurvey(sv) {
		return apperr.Invalid("แบบสำรวจต้องเป็น IIT หรือ EIT", "The survey must be IIT or EIT")
	}
	if fy <= 0 || code == "" {
		return apperr.Invalid("ไม่ระบุปีงบประมาณหรือหน่วยงาน", "No fiscal year or agency given")
	}
	return nil
}

// SurveyLink returns the live link of an agency's survey (IIT or EIT) in a fiscal year,
// creating it on first use. Creating it is not audit-logged: it is the link the agency has
// always had, made when first asked for. Errors: Invalid for an unknown survey; NotFound for
// an unknown agency or year.
func (s *Store) SurveyLink(ctx context.Context, fy int, code, sv string) (l survey.Link, err error) {
	defer wrap(&err, "store.SurveyLink(%d, %q, %q)", fy, code, sv)
	if err := checkLinkScope(fy, code, sv); err != nil {
		return l, err
	}
	l, err = s.findLiveLink(ctx, s.rdb, fy, code, sv)
	if err == nil || !apperr.Is(err, apperr.CodeNotFound) {
		return l, err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var err error
		l, err = s.findLiveLink(ctx, tx, fy, code, sv)
		if !apperr.Is(err, apperr.CodeNotFound) {
			return err
		}
		l, err = s.insertLink(ctx, tx, fy, code, sv)
		return err
	})
	if err != nil && isUnique(err) {
		// Another request created the link at the same moment: use that one.
		return s.findLiveLink(ctx, s.db, fy, code, sv)
	}
	return l, err
}

// FindSurveyLink returns the link with the given token, live or retired (see Link.Retired:
// a retired token's page says the link has moved). Errors: NotFound.
func (s *Store) FindSurveyLink(ctx context.Context, token string) (l survey.Link, err error) {
	defer wrap(&err, "store.FindSurveyLink")
	if !survey.ValidToken(token) {
		return l, linkNotFound()
	}
	l, err = scanLink(s.rdb.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM survey_links WHERE token = $1`, token))
	if errors.Is(err, sql.ErrNoRows) {
		return l, linkNotFound()
	}
	return l, err
}

// linkState is what the audit log keeps of a link.
type linkState struct {
	Survey string `json:"survey"`
	Token  string `json:"token"`
}

// RotateSurveyLink retires the live link of an agency's survey in a fiscal year (if it has
// one) and gives it a new one, which it returns; the change is audit-logged with the old and
// new tokens. Errors: Invalid, NotFound as for SurveyLink.
func (s *Store) RotateSurveyLink(ctx context.Context, fy int, code, sv string, by audit.Entry) (l survey.Link, err error) {
	defer wrap(&err, "store.RotateSurveyLink(%d, %q, %q)", fy, code, sv)
	if err := checkLinkScope(fy, code, sv); err != nil {
		return l, err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		old, err := s.findLiveLink(ctx, tx, fy, code, sv)
		var before any
		switch {
		case err == nil:
			before = linkState{sv, old.Token}
			if _, err := tx.ExecContext(ctx, `UPDATE survey_links SET retired_at = $2 WHERE token = $1`,
				old.Token, s.tv(s.now())); err != nil {
				return err
			}
		case !apperr.Is(err, apperr.CodeNotFound):
			return err
		}
		if l, err = s.insertLink(ctx, tx, fy, code, sv); err != nil {
			return err
		}
		return s.record(ctx, tx, by, survey.ActionLinkRotate, code, fmt.Sprintf("%d/%s", fy, sv), before, linkState{sv, l.Token})
	})
	return l, err
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) findLiveLink(ctx context.Context, q querier, fy int, code, sv string) (survey.Link, error) {
	l, err := scanLink(q.QueryRowContext(ctx, `SELECT `+linkColumns+` FROM survey_links
		WHERE fiscal_year = $1 AND agency_code = $2 AND survey = $3 AND retired_at IS NULL`, fy, code, sv))
	if errors.Is(err, sql.ErrNoRows) {
		return l, linkNotFound()
	}
	return l, err
}

func (s *Store) insertLink(ctx context.Context, tx *sql.Tx, fy int, code, sv string) (survey.Link, error) {
	l := survey.Link{Token: survey.NewLinkToken(), FiscalYear: fy, AgencyCode: code, Survey: sv, CreatedAt: s.now()}
	_, err := tx.ExecContext(ctx, `INSERT INTO survey_links (token, fiscal_year, agency_code, survey, created_at)
		VALUES ($1, $2, $3, $4, $5)`, l.Token, fy, code, sv, s.tv(l.CreatedAt))
	if isForeignKey(err) {
		return l, apperr.Wrap(err, apperr.CodeNotFound, "ไม่พบหน่วยงานหรือปีการประเมินนี้",
			"No such agency or assessment year")
	}
	return l, err
}

func linkNotFound() error {
	return apperr.NotFound("ไม่พบลิงก์แบบสำรวจนี้ กรุณาตรวจสอบลิงก์หรือสแกน QR code อีกครั้ง",
		"No survey has this link; check the link or scan the QR code again")
}

// FindResponses returns every response to an agency's survey (IIT or EIT) in a fiscal year,
// for scoring and checks, in no meaningful order (ids are random). A response carries its
// day, channel, answers and demographic answers, and nothing that identifies its respondent.
func (s *Store) FindResponses(ctx context.Context, fy int, code, sv string) (out []survey.Response, err error) {
	defer wrap(&err, "store.FindResponses(%d, %q, %q)", fy, code, sv)
	out = []survey.Response{}
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT channel, day, answers, profile FROM responses
			WHERE fiscal_year = $1 AND agency_code = $2 AND survey = $3 ORDER BY id`, fy, code, sv)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r := survey.Response{FiscalYear: fy, AgencyCode: code, Survey: sv}
			var answers, profile string
			if err := rows.Scan(&r.Channel, dayScan{&r.Day}, &answers, &profile); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(answers), &r.Answers); err != nil {
				return fmt.Errorf("answers: %w", err)
			}
			if err := json.Unmarshal([]byte(profile), &r.Profile); err != nil {
				return fmt.Errorf("profile: %w", err)
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

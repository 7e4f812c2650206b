package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/evidence"
)

// Evidence records are what the server found at an agency's OIT URLs (migration 0006). They
// are not audited: a fetch is the system looking at a public page, not anyone changing ITAS's
// state, and one executive's confirmation fetches dozens of URLs that would drown the human
// trail. The user action that caused a fetch (saving, confirming, a reply) is audited by the
// OIT feature; the evidence table itself is append-only (the database refuses UPDATE) and
// says when and why each fetch was made.

// MaxEvidenceCopyBytes bounds a kept copy; the fetcher keeps less by default (5 MB).
const MaxEvidenceCopyBytes = 8 << 20

// maxEvidenceURL bounds a stored URL; longer ones are not links anyone typed.
const maxEvidenceURL = 4096

const evidenceColumns = `id, fiscal_year, agency_code, item_id, url, reason, fetched_at, status, redirects,
	final_url, content_type, size, title, sha256, text_sha256, error, flags, truncated, elapsed_ms, copy_sha256`

// SaveEvidence records one fetch, and its copy when r.Copy is not empty (stored once per
// content), and returns r with its ID, without the copy's bytes. Errors: Invalid for a
// record without target, URL or a known reason, or a copy over MaxEvidenceCopyBytes;
// NotFound for an unknown agency or year.
func (s *Store) SaveEvidence(ctx context.Context, r evidence.Record) (_ evidence.Record, err error) {
	defer wrap(&err, "store.SaveEvidence(%d, %q, %q)", r.Target.FiscalYear, r.Target.AgencyCode, r.Target.ItemID)
	if err := checkEvidence(r); err != nil {
		return r, err
	}
	if r.FetchedAt.IsZero() {
		r.FetchedAt = s.now()
	}
	r.FetchedAt = r.FetchedAt.UTC().Truncate(time.Microsecond)
	redirects := []byte("[]")
	if len(r.Redirects) > 0 {
		if redirects, err = json.Marshal(r.Redirects); err != nil {
			return r, err
		}
	}
	flags := make([]string, len(r.Flags))
	for i, f := range r.Flags {
		flags[i] = string(f)
	}
	var copySum any
	err = s.write(ctx, func(tx *sql.Tx) error {
		if len(r.Copy) > 0 {
			sum := sha256.Sum256(r.Copy)
			hexSum := hex.EncodeToString(sum[:])
			if err := s.keepCopy(ctx, tx, hexSum, r.Type, r.Copy); err != nil {
				return err
			}
			copySum = hexSum
		}
		err := tx.QueryRowContext(ctx, `
			INSERT INTO evidence (fiscal_year, agency_code, item_id, url, reason, fetched_at, status, redirects,
				final_url, content_type, size, title, sha256, text_sha256, error, flags, truncated, elapsed_ms, copy_sha256)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
			RETURNING id`,
			r.Target.FiscalYear, r.Target.AgencyCode, r.Target.ItemID, r.URL, string(r.Reason), s.tv(r.FetchedAt),
			r.Status, string(redirects), r.FinalURL, r.Type, r.Size, r.Title, r.SHA256, r.TextSHA256, r.Error,
			strings.Join(flags, ","), r.Truncated, r.ElapsedMS, copySum,
		).Scan(&r.ID)
		if isForeignKey(err) {
			return apperr.Wrap(err, apperr.CodeNotFound, "ไม่พบหน่วยงานหรือปีการประเมินนี้", "No such agency or assessment year")
		}
		return err
	})
	if err != nil {
		return r, err
	}
	r.HasCopy = copySum != nil
	r.Copy = nil
	return r, nil
}

// keepCopy stores data under its hash unless a copy with that content is already kept.
func (s *Store) keepCopy(ctx context.Context, tx *sql.Tx, sum, contentType string, data []byte) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM evidence_copies WHERE sha256 = $1`, sum).Scan(&one)
	if err == nil {
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO evidence_copies (sha256, content_type, data, created_at)
		VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING`, sum, contentType, data, s.tv(s.now()))
	return err
}

// checkEvidence reports whether r can be saved.
func checkEvidence(r evidence.Record) error {
	f := map[string]string{}
	if r.Target.FiscalYear <= 0 || r.Target.AgencyCode == "" || r.Target.ItemID == "" {
		f["target"] = "ไม่ระบุปี หน่วยงาน หรือข้อ OIT ของหลักฐาน"
	}
	if r.URL == "" || len(r.URL) > maxEvidenceURL {
		f["url"] = "ลิงก์หลักฐานว่างหรือยาวเกินไป"
	}
	if !r.Reason.Valid() {
		f["reason"] = "ไม่ทราบเหตุที่ดึงหลักฐาน"
	}
	if len(r.Copy) > MaxEvidenceCopyBytes {
		f["copy"] = "สำเนาหน้าเว็บใหญ่เกินกำหนด"
	}
	return apperr.Check(f)
}

// EvidenceHistory returns every record of the OIT answer t, newest first, without copies'
// bytes (HasCopy says whether one is kept). No record is an empty list, not an error.
func (s *Store) EvidenceHistory(ctx context.Context, t evidence.Target) (out []evidence.Record, err error) {
	defer wrap(&err, "store.EvidenceHistory(%d, %q, %q)", t.FiscalYear, t.AgencyCode, t.ItemID)
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+evidenceColumns+` FROM evidence
			WHERE fiscal_year = $1 AND agency_code = $2 AND item_id = $3
			ORDER BY fetched_at DESC, id DESC`, t.FiscalYear, t.AgencyCode, t.ItemID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanEvidence(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	if out == nil {
		out = []evidence.Record{}
	}
	return out, err
}

// LatestSubmittedEvidence returns the newest record of url for the OIT answer t that was
// fetched for a submission (evidence.Reason.Submitted) and read a 2xx page: what later fetches
// compare against to flag a change. Errors: NotFound when there is none.
func (s *Store) LatestSubmittedEvidence(ctx context.Context, t evidence.Target, url string) (r evidence.Record, err error) {
	defer wrap(&err, "store.LatestSubmittedEvidence(%d, %q, %q)", t.FiscalYear, t.AgencyCode, t.ItemID)
	row := s.rdb.QueryRowContext(ctx, `SELECT `+evidenceColumns+` FROM evidence
		WHERE fiscal_year = $1 AND agency_code = $2 AND item_id = $3 AND url = $4
			AND reason IN ($5, $6) AND status BETWEEN 200 AND 299 AND sha256 <> ''
		ORDER BY fetched_at DESC, id DESC LIMIT 1`,
		t.FiscalYear, t.AgencyCode, t.ItemID, url, string(evidence.ReasonConfirmed), string(evidence.ReasonClarified))
	r, err = scanEvidence(row)
	if errors.Is(err, sql.ErrNoRows) {
		return r, errNoEvidence
	}
	return r, err
}

// EvidenceCopy returns the record with the given id and the copy of the body it kept.
// Errors: NotFound when there is no such record or it kept no copy.
func (s *Store) EvidenceCopy(ctx context.Context, id int64) (r evidence.Record, data []byte, err error) {
	defer wrap(&err, "store.EvidenceCopy(%d)", id)
	err = s.read(ctx, func(tx *sql.Tx) error {
		r, err = scanEvidence(tx.QueryRowContext(ctx, `SELECT `+evidenceColumns+` FROM evidence WHERE id = $1`, id))
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !r.HasCopy) {
			return errNoEvidence
		}
		if err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT c.data FROM evidence e JOIN evidence_copies c ON c.sha256 = e.copy_sha256
			WHERE e.id = $1`, id).Scan(&data)
	})
	return r, data, err
}

var errNoEvidence = apperr.NotFound("ไม่พบหลักฐานที่ระบบเก็บไว้", "No such evidence record")

// scanEvidence scans one row of evidenceColumns.
func scanEvidence(row interface{ Scan(...any) error }) (evidence.Record, error) {
	var r evidence.Record
	var reason, redirects, flags string
	var copySum sql.NullString
	err := row.Scan(&r.ID, &r.Target.FiscalYear, &r.Target.AgencyCode, &r.Target.ItemID, &r.URL, &reason,
		timeScan{&r.FetchedAt}, &r.Status, &redirects, &r.FinalURL, &r.Type, &r.Size, &r.Title, &r.SHA256,
		&r.TextSHA256, &r.Error, &flags, &r.Truncated, &r.ElapsedMS, &copySum)
	if err != nil {
		return r, err
	}
	r.Reason = evidence.Reason(reason)
	r.HasCopy = copySum.Valid
	if err := json.Unmarshal([]byte(redirects), &r.Redirects); err != nil {
		return r, err
	}
	r.Flags = []evidence.Flag{} // an empty list rather than null in JSON
	if flags != "" {
		for _, f := range strings.Split(flags, ",") {
			r.Flags = append(r.Flags, evidence.Flag(f))
		}
	}
	return r, nil
}

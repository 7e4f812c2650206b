package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

// MaxLogoBytes bounds a stored logo; the web layer checks type and size
// with friendlier messages before it gets here.
const MaxLogoBytes = 2 << 20

// logoState is what the audit log keeps of a logo: never the bytes.
type logoState struct {
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
	SHA256      string `json:"sha256"`
}

func logoStateOf(contentType string, data []byte) logoState {
	sum := sha256.Sum256(data)
	return logoState{contentType, len(data), hex.EncodeToString(sum[:])}
}

// SetAgencyLogo stores (or replaces) the logo of the agency with the
// given code and records the change. Errors: Invalid for an empty logo,
// no content type or more than MaxLogoBytes; NotFound for an unknown
// agency.
func (s *Store) SetAgencyLogo(ctx context.Context, code, contentType string, data []byte, by audit.Entry) (err error) {
	defer wrap(&err, "store.SetAgencyLogo(%q)", code)
	switch {
	case len(data) == 0 || contentType == "":
		return apperr.Fields("logo", "กรุณาเลือกไฟล์ตราสัญลักษณ์")
	case len(data) > MaxLogoBytes:
		return apperr.Fields("logo", fmt.Sprintf("ไฟล์ตราสัญลักษณ์ต้องมีขนาดไม่เกิน %d MB", MaxLogoBytes>>20))
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := findAgency(ctx, tx, code); err != nil {
			return err
		}
		var before any
		var oldType string
		var oldData []byte
		err := tx.QueryRowContext(ctx, `SELECT content_type, data FROM agency_logos WHERE agency_code = $1`, code).
			Scan(&oldType, &oldData)
		switch {
		case err == nil:
			before = logoStateOf(oldType, oldData)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO agency_logos (agency_code, content_type, data, updated_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (agency_code) DO UPDATE SET content_type = excluded.content_type,
				data = excluded.data, updated_at = excluded.updated_at`,
			code, contentType, data, s.tv(s.now()))
		if err != nil {
			return err
		}
		return s.record(ctx, tx, by, audit.ActionAgencyLogo, code, code, before, logoStateOf(contentType, data))
	})
}

// FindAgencyLogo returns the logo of the agency with the given code.
// Errors: NotFound when the agency has none (or does not exist).
func (s *Store) FindAgencyLogo(ctx context.Context, code string) (contentType string, data []byte, err error) {
	defer wrap(&err, "store.FindAgencyLogo(%q)", code)
	err = s.rdb.QueryRowContext(ctx, `SELECT content_type, data FROM agency_logos WHERE agency_code = $1`, code).
		Scan(&contentType, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, apperr.NotFound("หน่วยงานนี้ยังไม่มีตราสัญลักษณ์", "This agency has no logo yet")
	}
	return contentType, data, err
}

package store

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"

	"github.com/openitas/itas/internal/apperr"
)

// wrap annotates a non-nil *errp with the operation's name, keeping the
// chain for errors.As and apperr.CodeOf. A unique violation that the
// method did not turn into a specific Conflict becomes a generic one.
func wrap(errp *error, format string, args ...any) {
	if *errp == nil {
		return
	}
	op := fmt.Sprintf(format, args...)
	if apperr.As(*errp) == nil && isUnique(*errp) {
		*errp = apperr.Wrap(fmt.Errorf("%s: %w", op, *errp), apperr.CodeConflict, "", "")
		return
	}
	*errp = fmt.Errorf("%s: %w", op, *errp)
}

// SQLite extended result codes (sqlite3.h).
const (
	sqliteConstraintUnique     = 2067
	sqliteConstraintPrimaryKey = 1555
	sqliteConstraintForeignKey = 787
)

// isUnique reports whether err is a unique or primary-key violation.
func isUnique(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqliteConstraintUnique || se.Code() == sqliteConstraintPrimaryKey
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// isForeignKey reports whether err is a foreign-key violation.
func isForeignKey(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqliteConstraintForeignKey
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23503"
}

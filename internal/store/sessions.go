package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

const sessionColumns = `token_hash, account_id, created_at, last_seen_at, idle_seconds, expires_at, ip, user_agent`

func scanSession(dest *account.Session) []any {
	return []any{&dest.TokenHash, &dest.AccountID, timeScan{&dest.CreatedAt}, timeScan{&dest.LastSeenAt},
		durationScan{&dest.IdleTimeout}, timeScan{&dest.ExpiresAt}, &dest.IP, &dest.UserAgent}
}

// durationScan scans whole seconds into a duration.
type durationScan struct{ d *time.Duration }

func (ds durationScan) Scan(src any) error {
	var n sql.NullInt64
	if err := n.Scan(src); err != nil {
		return err
	}
	*ds.d = time.Duration(n.Int64) * time.Second
	return nil
}

func sessionNotFound() error {
	return apperr.Unauthorized("เซสชันหมดอายุหรือไม่ถูกต้อง กรุณาเข้าสู่ระบบอีกครั้ง",
		"Your session has expired; please log in again")
}

// CreateSession stores sess (made by account.NewSession). Errors:
// NotFound if the account does not exist.
func (s *Store) CreateSession(ctx context.Context, sess account.Session) (err error) {
	defer wrap(&err, "store.CreateSession(account %d)", sess.AccountID)
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, idle_seconds,
				idle_expires_at, expires_at, ip, user_agent)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			sess.TokenHash, sess.AccountID, s.tv(sess.CreatedAt), s.tv(sess.LastSeenAt),
			int64(sess.IdleTimeout/time.Second), s.tv(sess.IdleExpiresAt()), s.tv(sess.ExpiresAt),
			sess.IP, sess.UserAgent)
		if isForeignKey(err) {
			return accountNotFound("")
		}
		return err
	})
}

// FindSession returns the live session whose token hashes to tokenHash,
// with its account. A session past its idle or absolute expiry, or of a
// disabled account, counts as absent. Errors: Unauthorized when there is
// no live session (the web layer asks the user to log in again).
func (s *Store) FindSession(ctx context.Context, tokenHash string) (sess account.Session, acct account.Account, err error) {
	defer wrap(&err, "store.FindSession")
	err = s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM sessions
			WHERE token_hash = $1 AND idle_expires_at > $2`, tokenHash, s.tv(s.now())).Scan(scanSession(&sess)...)
		if errors.Is(err, sql.ErrNoRows) {
			return sessionNotFound()
		}
		if err != nil {
			return err
		}
		acct, err = findAccount(ctx, tx, sess.AccountID)
		if apperr.Is(err, apperr.CodeNotFound) || (err == nil && acct.Disabled) {
			return sessionNotFound()
		}
		return err
	})
	return sess, acct, err
}

// TouchSession marks the session seen now, pushing its idle expiry
// forward (never past its absolute expiry). It is a write: callers touch
// at most once a minute or so per session. Errors: Unauthorized if the
// session is no longer live.
func (s *Store) TouchSession(ctx context.Context, tokenHash string) (err error) {
	defer wrap(&err, "store.TouchSession")
	return s.write(ctx, func(tx *sql.Tx) error {
		var sess account.Session
		now := s.now()
		err := tx.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM sessions
			WHERE token_hash = $1 AND idle_expires_at > $2`, tokenHash, s.tv(now)).Scan(scanSession(&sess)...)
		if errors.Is(err, sql.ErrNoRows) {
			return sessionNotFound()
		}
		if err != nil {
			return err
		}
		sess.LastSeenAt = now
		_, err = tx.ExecContext(ctx, `UPDATE sessions SET last_seen_at = $2, idle_expires_at = $3 WHERE token_hash = $1`,
			tokenHash, s.tv(now), s.tv(sess.IdleExpiresAt()))
		return err
	})
}

// DeleteSession ends the session (logout). Ending a session that does
// not exist is not an error.
func (s *Store) DeleteSession(ctx context.Context, tokenHash string) (err error) {
	defer wrap(&err, "store.DeleteSession")
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
		return err
	})
}

// DeleteAccountSessions ends every session of the account and returns
// how many there were.
func (s *Store) DeleteAccountSessions(ctx context.Context, accountID int64) (n int64, err error) {
	defer wrap(&err, "store.DeleteAccountSessions(%d)", accountID)
	err = s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE account_id = $1`, accountID)
		if err == nil {
			n, err = res.RowsAffected()
		}
		return err
	})
	return n, err
}

// DeleteExpiredSessions removes every session past its idle or absolute
// expiry and returns how many; run it now and then.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (n int64, err error) {
	defer wrap(&err, "store.DeleteExpiredSessions")
	err = s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE idle_expires_at <= $1`, s.tv(s.now()))
		if err == nil {
			n, err = res.RowsAffected()
		}
		return err
	})
	return n, err
}

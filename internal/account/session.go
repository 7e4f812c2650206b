package account

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// Session is a server-side login session. The browser holds a random
// token; the server stores only its SHA-256 (TokenHash), so a leaked
// database does not yield usable sessions.
//
// A session ends at ExpiresAt (absolute expiry, fixed at login) or when
// it has not been seen for IdleTimeout, whichever comes first.
type Session struct {
	TokenHash   string
	AccountID   int64
	CreatedAt   time.Time
	LastSeenAt  time.Time
	ExpiresAt   time.Time
	IdleTimeout time.Duration
	IP          string
	UserAgent   string
}

// Default session lifetimes.
const (
	DefaultIdleTimeout = 30 * time.Minute
	DefaultMaxAge      = 12 * time.Hour
)

// NewSession returns a fresh session for the account, starting at now,
// and the token to give to the browser. A zero idle or maxAge takes the
// default.
func NewSession(accountID int64, now time.Time, idle, maxAge time.Duration) (token string, s Session) {
	if idle <= 0 {
		idle = DefaultIdleTimeout
	}
	if maxAge <= 0 {
		maxAge = DefaultMaxAge
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("account: crypto/rand failed: " + err.Error())
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, Session{
		TokenHash:   HashSessionToken(token),
		AccountID:   accountID,
		CreatedAt:   now,
		LastSeenAt:  now,
		ExpiresAt:   now.Add(maxAge),
		IdleTimeout: idle,
	}
}

// HashSessionToken returns the hex SHA-256 of token, the form in which
// sessions are stored and looked up.
func HashSessionToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// IdleExpiresAt returns when s ends if it is not seen again: LastSeenAt
// plus IdleTimeout, but never after ExpiresAt.
func (s Session) IdleExpiresAt() time.Time {
	t := s.LastSeenAt.Add(s.IdleTimeout)
	if t.After(s.ExpiresAt) {
		return s.ExpiresAt
	}
	return t
}

// Valid reports whether s is still alive at now.
func (s Session) Valid(now time.Time) bool {
	return now.Before(s.IdleExpiresAt())
}

package survey

import (
	"crypto/rand"
	"encoding/base64"
	"time"
)

// Link is the public link (and QR code) of one agency's IIT or EIT in one fiscal year. Each
// agency, survey and year has at most one live link; rotating it retires the token, whose
// page then says that the link has moved without naming the new one — a leaked or misprinted
// link stops working instead of leading on.
type Link struct {
	Token      string
	FiscalYear int
	AgencyCode string
	Survey     string // IIT or EIT
	CreatedAt  time.Time
	RetiredAt  time.Time // zero while the link is live
}

// Retired reports whether the link has been replaced by a newer one.
func (l Link) Retired() bool { return !l.RetiredAt.IsZero() }

// tokenBytes is the randomness of a link token: 144 bits, beyond guessing even for a crawler
// trying every token it can, and a whole number of base64 characters (24).
const tokenBytes = 18

// NewLinkToken returns a fresh unguessable link token: 144 random bits in URL-safe base64
// without padding, so it can stand in a URL path and a QR code as it is.
func NewLinkToken() string {
	b := make([]byte, tokenBytes)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	return base64.RawURLEncoding.EncodeToString(b)
}

// ValidToken reports whether s has the shape of a link token, so that lookups of junk from
// the URL can be answered without touching the database.
func ValidToken(s string) bool {
	if len(s) != 24 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Actions recorded in the audit log by the survey feature. Single responses are not: an
// audit row would give a response a time and an order, which the day-only design withholds.
const (
	ActionLinkRotate = "survey.link_rotate"
	ActionImport     = "survey.import"
)

// ValidSurvey reports whether s names a survey collected through ITAS (IIT or EIT).
func ValidSurvey(s string) bool { return s == IIT || s == EIT }

package storetest

import (
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

var sessionTests = []test{
	{"CreateAndFind", func(t *testing.T, e *env) {
		a, err := e.s.CreateAccount(e.ctx, staff("nacc", account.RoleCentralAdmin), by)
		must(t, err)
		token, want := account.NewSession(a.ID, e.clock.Now(), 30*time.Minute, 8*time.Hour)
		want.IP, want.UserAgent = "192.0.2.7", "Mozilla/5.0 (Linux; Android 14)"
		must(t, e.s.CreateSession(e.ctx, want))
		got, acct, err := e.s.FindSession(e.ctx, account.HashSessionToken(token))
		must(t, err)
		if acct.ID != a.ID || acct.Username != "nacc" {
			t.Errorf("account = %+v", acct)
		}
		want.CreatedAt, want.LastSeenAt, want.ExpiresAt = want.CreatedAt.UTC(), want.LastSeenAt.UTC(), want.ExpiresAt.UTC()
		if got != want {
			t.Errorf("FindSession = %+v, want %+v", got, want)
		}
	}},
	{"SessionExpiry", func(t *testing.T, e *env) {
		a, err := e.s.CreateAccount(e.ctx, staff("nacc", account.RoleCentralAdmin), by)
		must(t, err)
		token, sess := account.NewSession(a.ID, e.clock.Now(), 30*time.Minute, 2*time.Hour)
		must(t, e.s.CreateSession(e.ctx, sess))
		hash := account.HashSessionToken(token)
		live := func(want bool) {
			t.Helper()
			_, _, err := e.s.FindSession(e.ctx, hash)
			switch {
			case want && err != nil:
				t.Fatalf("at %v: session not live: %v", e.clock.Now(), err)
			case !want && apperr.CodeOf(err) != apperr.CodeUnauthorized:
				t.Fatalf("at %v: err = %v, want unauthorized", e.clock.Now(), err)
			}
		}
		// Touching every 20 minutes keeps it alive until the absolute expiry.
		for range 5 {
			e.clock.Advance(20 * time.Minute)
			live(true)
			must(t, e.s.TouchSession(e.ctx, hash))
		}
		e.clock.Advance(19 * time.Minute) // 1 h 59 min
		live(true)
		e.clock.Advance(time.Minute) // 2 h: absolute expiry
		live(false)
		wantCode(t, e.s.TouchSession(e.ctx, hash), apperr.CodeUnauthorized)

		// Idle expiry.
		token, sess = account.NewSession(a.ID, e.clock.Now(), 30*time.Minute, 2*time.Hour)
		must(t, e.s.CreateSession(e.ctx, sess))
		hash = account.HashSessionToken(token)
		e.clock.Advance(29 * time.Minute)
		live(true)
		e.clock.Advance(time.Minute)
		live(false)

		n, err := e.s.DeleteExpiredSessions(e.ctx)
		must(t, err)
		if n != 2 {
			t.Errorf("DeleteExpiredSessions = %d, want 2", n)
		}
	}},
	{"DeleteSession", func(t *testing.T, e *env) {
		a, err := e.s.CreateAccount(e.ctx, staff("nacc", account.RoleCentralAdmin), by)
		must(t, err)
		var hashes []string
		for range 3 {
			token, sess := account.NewSession(a.ID, e.clock.Now(), 0, 0)
			must(t, e.s.CreateSession(e.ctx, sess))
			hashes = append(hashes, account.HashSessionToken(token))
		}
		must(t, e.s.DeleteSession(e.ctx, hashes[0]))
		must(t, e.s.DeleteSession(e.ctx, hashes[0])) // twice is fine
		_, _, err = e.s.FindSession(e.ctx, hashes[0])
		wantCode(t, err, apperr.CodeUnauthorized)
		n, err := e.s.DeleteAccountSessions(e.ctx, a.ID)
		must(t, err)
		if n != 2 {
			t.Errorf("DeleteAccountSessions = %d, want 2", n)
		}
	}},
	{"UnknownAccount", func(t *testing.T, e *env) {
		_, sess := account.NewSession(4242, e.clock.Now(), 0, 0)
		wantCode(t, e.s.CreateSession(e.ctx, sess), apperr.CodeNotFound)
		_, _, err := e.s.FindSession(e.ctx, "no-such-hash")
		wantCode(t, err, apperr.CodeUnauthorized)
	}},
}

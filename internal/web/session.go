package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

// sessionCookie is the name of the session cookie. The __Host- prefix is used over TLS.
const sessionCookie = "itas_session"

// secure reports whether cookies for r must carry the Secure attribute.
func (s *Server) secure(r *http.Request) bool {
	return r.TLS != nil || s.cfg.SecureCookies
}

// cookieName returns the session cookie's name for r: "__Host-itas_session" when Secure, so
// that a subdomain cannot plant one.
func (s *Server) cookieName(r *http.Request) string {
	if s.secure(r) {
		return "__Host-" + sessionCookie
	}
	return sessionCookie
}

// setSessionCookie sends the session token as an HttpOnly, SameSite=Lax cookie that lives as
// long as the session at most.
func (s *Server) setSessionCookie(w http.ResponseWriter, r *http.Request, token string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{
		Name: s.cookieName(r), Value: token, Path: "/", Expires: expires,
		HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteLaxMode,
	})
}

// clearSessionCookie removes the session cookie.
func (s *Server) clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name: s.cookieName(r), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: s.secure(r), SameSite: http.SameSiteLaxMode,
	})
}

// requestToken returns the session token of r from "Authorization: Bearer …" or the session
// cookie, and reports whether it came as a bearer token.
func (s *Server) requestToken(r *http.Request) (string, bool) {
	if h := r.Header.Get("Authorization"); h != "" {
		if tok, ok := strings.CutPrefix(h, "Bearer "); ok {
			return strings.TrimSpace(tok), true
		}
	}
	if c, err := r.Cookie(s.cookieName(r)); err == nil {
		return c.Value, false
	}
	return "", false
}

// withSession loads the login of requests that carry a live session token. A session past
// its idle or absolute expiry, or of a disabled account, is not live: the request goes on as
// anonymous and a stale cookie is cleared. Sessions are touched at most once a minute.
func (s *Server) withSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, bearer := s.requestToken(r)
		if tok == "" {
			next.ServeHTTP(w, r)
			return
		}
		ctx := r.Context()
		id := account.HashSessionToken(tok)
		sess, acct, err := s.store.FindSession(ctx, id)
		switch {
		case apperr.Is(err, apperr.CodeUnauthorized) || apperr.Is(err, apperr.CodeNotFound):
			if !bearer {
				s.clearSessionCookie(w, r)
			}
			next.ServeHTTP(w, r)
			return
		case err != nil:
			s.renderError(w, r, err)
			return
		}
		if s.now().Sub(sess.LastSeenAt) > time.Minute {
			if err := s.store.TouchSession(ctx, id); err != nil && !apperr.Is(err, apperr.CodeUnauthorized) {
				s.renderError(w, r, err)
				return
			}
		}
		a := &authInfo{Account: acct, SessionID: id, Bearer: bearer}
		next.ServeHTTP(w, r.WithContext(withAuth(ctx, a)))
	})
}

// startSession creates a new session for the account with the given id and returns its token;
// a new token on every login prevents session fixation.
func (s *Server) startSession(r *http.Request, accountID int64) (token string, expires time.Time, err error) {
	token, sess := account.NewSession(accountID, s.now(), s.cfg.SessionIdle, s.cfg.SessionMax)
	sess.IP = s.clientAddr(r)
	sess.UserAgent = r.UserAgent()
	if len(sess.UserAgent) > 200 {
		sess.UserAgent = sess.UserAgent[:200]
	}
	if err := s.store.CreateSession(r.Context(), sess); err != nil {
		return "", time.Time{}, err
	}
	return token, sess.ExpiresAt, nil
}

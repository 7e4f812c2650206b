package web

import (
	"context"
	"net/http"
	"time"
)

// healthz serves GET /healthz: 200 when the database answers a ping within two seconds, 503
// otherwise. It says nothing else, so that it is safe to expose.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("health check failed", "error", err.Error())
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable"})
		return nil
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	return nil
}

// langSwitch serves GET /lang/{lang}: it remembers the language in a cookie for a year and
// goes back to the page it came from.
func (s *Server) langSwitch(w http.ResponseWriter, r *http.Request) error {
	l, ok := parseLang(r.PathValue("lang"))
	if !ok {
		l = LangTH
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600,
		Secure: s.secure(r), SameSite: http.SameSiteLaxMode})
	next := safeNext(r.URL.Query().Get("next"))
	if next == "" || next == r.URL.RequestURI() {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

package web

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/openitas/itas/internal/apperr"
)

// statusOf is the one table from application error codes to HTTP statuses.
var statusOf = map[apperr.Code]int{
	apperr.CodeInvalid:      http.StatusUnprocessableEntity,
	apperr.CodeNotFound:     http.StatusNotFound,
	apperr.CodeConflict:     http.StatusConflict,
	apperr.CodeUnauthorized: http.StatusUnauthorized,
	apperr.CodeForbidden:    http.StatusForbidden,
	apperr.CodePhaseClosed:  http.StatusForbidden, // the survey API promises 403 for a closed form; 409 means "already answered"
	apperr.CodeRateLimited:  http.StatusTooManyRequests,
	apperr.CodeInternal:     http.StatusInternalServerError,
}

// httpStatus returns the HTTP status for err through statusOf.
func httpStatus(err error) int {
	if s, ok := statusOf[apperr.CodeOf(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// handlerFunc is an HTTP handler that returns its error instead of writing it; the one adapter
// (Server.adapt) renders the error.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// isAPI reports whether r is a JSON API request, whose errors are JSON rather than HTML.
func isAPI(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/")
}

// apiError is the JSON error body: {"error": {"code", "message", "fields"}}.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    apperr.Code       `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// ErrorPage is the HTML error page.
type ErrorPage struct {
	Page
	Status  int
	Message string
}

// renderError writes err to the client: a redirect to the login page for an unauthenticated
// HTML request, a JSON body under /api/, otherwise the error page in the user's language.
// Internal errors are logged with their chain; users see only a generic message.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	code := apperr.CodeOf(err)
	status := httpStatus(err)
	if code == apperr.CodeInternal {
		s.log.ErrorContext(r.Context(), "request failed", slog.String("error", err.Error()),
			slog.String("request_id", requestID(r.Context())))
	}
	lang := requestLang(r)
	msg := apperr.MessageOf(err)
	if lang == LangEN {
		msg = apperr.MessageENOf(err)
	}
	// The code tells a 403 for a closed phase from a 403 for a missing permission, for
	// clients and for TestRouteAccess.
	w.Header().Set("X-Error-Code", string(code))
	if code == apperr.CodeRateLimited {
		w.Header().Set("Retry-After", "60")
	}
	if isAPI(r) {
		if code == apperr.CodeUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="itas"`)
		}
		writeJSON(w, status, apiError{Error: apiErrorBody{Code: code, Message: msg, Fields: localFields(lang, err)}})
		return
	}
	if code == apperr.CodeUnauthorized {
		// After login, come back to the page asked for; a form posted without a session
		// cannot be replayed, so it comes back to the dashboard.
		next := "/dashboard"
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			next = r.URL.RequestURI()
		}
		http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
		return
	}
	page := &ErrorPage{Page: Page{Title: "error.title"}, Status: status, Message: msg}
	s.render(w, r, status, "error", page)
}

// writeJSON writes v as a JSON response with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

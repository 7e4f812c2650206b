package web

import (
	"net/http"

	"github.com/openitas/itas/internal/apperr"
)

// redirect is returned by the authorisation step when an HTML request must go elsewhere first.
type redirect struct{ url string }

func (r *redirect) Error() string { return "redirect to " + r.url }

// adapt turns a route into an http.Handler: it authorises the request against the route's
// access, runs the handler, and renders any error it returns. This is the one place errors
// become responses.
func (s *Server) adapt(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := s.authorize(rt.access, r)
		if err == nil {
			err = rt.h(w, r)
		}
		if err == nil {
			return
		}
		if rd, ok := err.(*redirect); ok {
			http.Redirect(w, r, rd.url, http.StatusSeeOther)
			return
		}
		s.renderError(w, r, err)
	})
}

// authorize checks that the request may use a route with access acc: a login for non-public
// routes, finished first-login steps unless the route is one of them, a role the route allows,
// and the per-account rate limit.
func (s *Server) authorize(acc access, r *http.Request) error {
	if acc.public {
		return nil
	}
	a := authOf(r.Context())
	if a == nil {
		return apperr.Unauthorized("", "")
	}
	if (a.Account.MustChangePassword && !acc.beforePassword) || (a.needsSetup() && !acc.setup) {
		if isAPI(r) {
			return apperr.Forbidden("กรุณาเปลี่ยนรหัสผ่านและกรอกข้อมูลผู้ใช้งานให้ครบถ้วนก่อน",
				"Change your one-time password and complete your profile first")
		}
		return &redirect{url: a.setupURL()}
	}
	if !acc.allows(a.Account.Role) {
		return apperr.Forbidden("", "")
	}
	if !s.perAccount.allow(a.Account.Username) {
		return apperr.RateLimited("", "")
	}
	return nil
}

// notFound is the handler of every path no route matches.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	return apperr.NotFound("ไม่พบหน้าที่ต้องการ", "Page not found")
}

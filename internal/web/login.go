package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

// LoginPage is the login form.
type LoginPage struct {
	Page
	Form   LoginForm
	Next   string
	Error  string
	Errors map[string]string
}

// errLoginFailed is the one answer to a wrong username or a wrong password, so that the
// answer does not tell which was wrong.
var errLoginFailed = apperr.Unauthorized("ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง", "Wrong username or password")

// authenticate checks a username and password, throttled per client address and per
// username. It returns RateLimited when throttled, Invalid when a field is empty, and
// errLoginFailed for an unknown user, a wrong password or a disabled account, spending the
// same hashing time in each case.
func (s *Server) authenticate(r *http.Request, username, password string) (account.Account, error) {
	if !s.loginAddr.allow(s.clientAddr(r)) || (username != "" && !s.loginUser.allow(username)) {
		return account.Account{}, apperr.RateLimited("เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่",
			"Too many login attempts; please wait a minute and try again")
	}
	if username == "" || password == "" {
		f := map[string]string{}
		if username == "" {
			f["username"] = "กรุณากรอกชื่อผู้ใช้งาน"
		}
		if password == "" {
			f["password"] = "กรุณากรอกรหัสผ่าน"
		}
		return account.Account{}, apperr.FieldErrors(f)
	}
	if len(password) > 4*account.MaxPasswordLen {
		account.VerifyDummy(password[:4*account.MaxPasswordLen])
		return account.Account{}, errLoginFailed
	}
	acct, err := s.store.FindAccountByUsername(r.Context(), username)
	if apperr.Is(err, apperr.CodeNotFound) {
		account.VerifyDummy(password)
		return account.Account{}, errLoginFailed
	}
	if err != nil {
		return account.Account{}, err
	}
	ok, err := account.VerifyPassword(acct.PasswordHash, password)
	if err != nil {
		return account.Account{}, apperr.Internal(err)
	}
	if !ok || acct.Disabled {
		return account.Account{}, errLoginFailed
	}
	return acct, nil
}

// login ends any session the request carries, starts a new one for acct and records the
// login in the audit log.
func (s *Server) login(r *http.Request, acct account.Account) (token string, expires time.Time, err error) {
	if a := authOf(r.Context()); a != nil {
		_ = s.store.DeleteSession(r.Context(), a.SessionID)
	}
	token, expires, err = s.startSession(r, acct.ID)
	if err != nil {
		return "", time.Time{}, err
	}
	e := audit.By(acct.Username, string(acct.Role), s.clientAddr(r))
	e.Action, e.Subject, e.AgencyCode = audit.ActionLogin, acct.Username, acct.AgencyCode
	if _, err := s.store.AppendAudit(r.Context(), e); err != nil {
		return "", time.Time{}, err
	}
	return token, expires, nil
}

// recordLogout records the end of the request's session in the audit log.
func (s *Server) recordLogout(r *http.Request) error {
	a := authOf(r.Context())
	e := s.by(r)
	e.Action, e.Subject, e.AgencyCode = audit.ActionLogout, a.Account.Username, a.Account.AgencyCode
	_, err := s.store.AppendAudit(r.Context(), e)
	return err
}

// safeNext returns next if it is a path on this site, else "".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n") {
		return ""
	}
	return next
}

// loginForm serves GET /login; a logged-in user goes to the dashboard.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	if authOf(r.Context()) != nil {
		return &redirect{url: "/dashboard"}
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "login", &LoginPage{Page: Page{Title: "login.title"}, Next: safeNext(r.URL.Query().Get("next"))})
	return nil
}

// loginSubmit serves POST /login.
func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	var f LoginForm
	f.parse(r)
	next := safeNext(r.PostFormValue("next"))
	acct, err := s.authenticate(r, f.Username, f.Password)
	if err != nil {
		if apperr.CodeOf(err) == apperr.CodeInternal {
			return err
		}
		s.log.WarnContext(r.Context(), "login failed", "username", f.Username, "remote", s.clientAddr(r),
			"code", string(apperr.CodeOf(err)))
		noStore(w)
		p := &LoginPage{Page: Page{Title: "login.title"}, Form: f, Next: next, Errors: localFields(requestLang(r), err)}
		p.Error = s.message(r, err)
		s.render(w, r, httpStatus(err), "login", p)
		return nil
	}
	token, expires, err := s.login(r, acct)
	if err != nil {
		return err
	}
	s.setSessionCookie(w, r, token, expires)
	a := &authInfo{Account: acct}
	switch {
	case a.needsSetup():
		next = a.setupURL()
	case next == "":
		next = "/dashboard"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// logout serves POST /logout: it deletes the session and goes back to the login page.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if a := authOf(r.Context()); a != nil {
		if err := s.store.DeleteSession(r.Context(), a.SessionID); err != nil {
			return err
		}
		if err := s.recordLogout(r); err != nil {
			return err
		}
	}
	s.clearSessionCookie(w, r)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
	return nil
}

// message returns err's user message in the request's language.
func (s *Server) message(r *http.Request, err error) string {
	if requestLang(r) == LangEN {
		return apperr.MessageENOf(err)
	}
	return apperr.MessageOf(err)
}

// by returns the audit template naming the request's user and address.
func (s *Server) by(r *http.Request) audit.Entry {
	if a := authOf(r.Context()); a != nil {
		return audit.By(a.Account.Username, string(a.Account.Role), s.clientAddr(r))
	}
	return audit.By("anonymous", "", s.clientAddr(r))
}

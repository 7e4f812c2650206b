package web

import (
	"net/http"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

// PasswordPage is the change-password form.
type PasswordPage struct {
	Page
	Forced bool
	Error  string
	Errors map[string]string
}

// ProfilePage is the profile form, with the logo upload for an agency's admin.
type ProfilePage struct {
	Page
	Forced      bool
	Form        ProfileForm
	Error       string
	Errors      map[string]string
	LogoAllowed bool
	HasLogo     bool
	LogoURL     string
	LogoError   string
}

// flashCookie carries a message key to the next page after a redirect.
const flashCookie = "flash"

// setFlash shows the message with key on the next page rendered.
func setFlash(w http.ResponseWriter, key string) {
	http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: key, Path: "/", MaxAge: 60, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// passwordForm serves GET /account/password.
func (s *Server) passwordForm(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context())
	noStore(w)
	s.render(w, r, http.StatusOK, "password", &PasswordPage{Page: Page{Title: "password.title"}, Forced: a.Account.MustChangePassword})
	return nil
}

// changePassword checks a password change and stores the new hash. It returns Invalid with
// messages under "current", "new" and "confirm".
func (s *Server) changePassword(r *http.Request, f PasswordForm) error {
	a := authOf(r.Context())
	fields := map[string]string{}
	ok, err := account.VerifyPassword(a.Account.PasswordHash, f.Current)
	if err != nil {
		return apperr.Internal(err)
	}
	if !ok {
		fields["current"] = "รหัสผ่านปัจจุบันไม่ถูกต้อง"
	}
	if err := account.CheckPassword(a.Account.Username, f.New); err != nil {
		fields["new"] = apperr.FieldsOf(err)[account.FieldPassword]
	} else if f.New == f.Current {
		fields["new"] = "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม"
	}
	if f.Confirm != f.New {
		fields["confirm"] = "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน"
	}
	if err := apperr.Check(fields); err != nil {
		return err
	}
	return s.store.UpdatePassword(r.Context(), a.Account.ID, account.HashPassword(f.New), s.by(r))
}

// passwordSubmit serves POST /account/password. On success every session of the account ends
// (the store does that) and a new one starts, then the user goes on to the profile if it is not complete.
func (s *Server) passwordSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	a := authOf(r.Context())
	var f PasswordForm
	f.parse(r)
	if err := s.changePassword(r, f); err != nil {
		if apperr.CodeOf(err) != apperr.CodeInvalid {
			return err
		}
		noStore(w)
		p := &PasswordPage{Page: Page{Title: "password.title"}, Forced: a.Account.MustChangePassword,
			Error: s.message(r, err), Errors: localFields(requestLang(r), err)}
		s.render(w, r, http.StatusUnprocessableEntity, "password", p)
		return nil
	}
	token, expires, err := s.startSession(r, a.Account.ID)
	if err != nil {
		return err
	}
	s.setSessionCookie(w, r, token, expires)
	setFlash(w, "password.changed")
	next := "/dashboard"
	if a.Account.ProfileCompletedAt.IsZero() {
		next = "/profile"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

// profilePage builds the profile page for the request's account.
func (s *Server) profilePage(r *http.Request, f ProfileForm) *ProfilePage {
	a := authOf(r.Context())
	p := &ProfilePage{Page: Page{Title: "profile.title"}, Forced: a.Account.ProfileCompletedAt.IsZero(), Form: f}
	if a.Account.Role == account.RoleAgencyAdmin && s.logos != nil {
		p.LogoAllowed = true
		if _, data, err := s.findLogo(r.Context(), a.Account.AgencyCode); err == nil && len(data) > 0 {
			p.HasLogo = true
			p.LogoURL = "/agencies/" + a.Account.AgencyCode + "/logo"
		}
	}
	return p
}

// profileForm serves GET /profile.
func (s *Server) profileForm(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context())
	noStore(w)
	s.render(w, r, http.StatusOK, "profile", s.profilePage(r, profileFormOf(a.Account.Profile)))
	return nil
}

// profileSubmit serves POST /profile.
func (s *Server) profileSubmit(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	a := authOf(r.Context())
	if err := s.requireRegistration(r.Context(), a.Account); err != nil {
		return err // agency_registration.go: first registration only within the phase
	}
	var f ProfileForm
	f.parse(r)
	p := f.profile()
	err := p.Validate()
	if err == nil {
		err = s.store.UpdateProfile(r.Context(), a.Account.ID, p, s.by(r))
	}
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		page := s.profilePage(r, f)
		page.Error, page.Errors = s.message(r, err), localFields(requestLang(r), err)
		noStore(w)
		s.render(w, r, http.StatusUnprocessableEntity, "profile", page)
		return nil
	}
	if err != nil {
		return err
	}
	setFlash(w, "profile.saved")
	http.Redirect(w, r, "/dashboard", http.StatusSeeOther)
	return nil
}

package web

import (
	"net/http"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// apiLogin serves POST /api/v1/login: username and password give a bearer token (a session
// token) with the same throttling and generic error as the login form.
func (s *Server) apiLogin(w http.ResponseWriter, r *http.Request) error {
	var f LoginForm
	if err := decodeJSON(w, r, &f); err != nil {
		return err
	}
	f.Username = account.NormalizeUsername(f.Username)
	acct, err := s.authenticate(r, f.Username, f.Password)
	if err != nil {
		return err
	}
	token, expires, err := s.login(r, acct)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, TokenJSON{Token: token, ExpiresAt: expires, Account: accountJSON(acct)})
	return nil
}

// apiLogout serves POST /api/v1/logout: it ends the session of the request.
func (s *Server) apiLogout(w http.ResponseWriter, r *http.Request) error {
	if err := s.store.DeleteSession(r.Context(), authOf(r.Context()).SessionID); err != nil {
		return err
	}
	if err := s.recordLogout(r); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiMe serves GET /api/v1/me.
func (s *Server) apiMe(w http.ResponseWriter, r *http.Request) error {
	writeJSON(w, http.StatusOK, accountJSON(authOf(r.Context()).Account))
	return nil
}

// apiPassword serves POST /api/v1/me/password. Every session of the account ends; the answer
// carries a new token.
func (s *Server) apiPassword(w http.ResponseWriter, r *http.Request) error {
	var f PasswordForm
	if err := decodeJSON(w, r, &f); err != nil {
		return err
	}
	a := authOf(r.Context())
	if err := s.changePassword(r, f); err != nil {
		return err
	}
	token, expires, err := s.startSession(r, a.Account.ID)
	if err != nil {
		return err
	}
	if !a.Bearer {
		s.setSessionCookie(w, r, token, expires)
	}
	acct, err := s.store.FindAccountByID(r.Context(), a.Account.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, TokenJSON{Token: token, ExpiresAt: expires, Account: accountJSON(acct)})
	return nil
}

// apiProfile serves PUT /api/v1/me/profile.
func (s *Server) apiProfile(w http.ResponseWriter, r *http.Request) error {
	var f ProfileForm
	if err := decodeJSON(w, r, &f); err != nil {
		return err
	}
	a := authOf(r.Context())
	if err := s.requireRegistration(r.Context(), a.Account); err != nil {
		return err
	}
	p := f.profile()
	if err := p.Validate(); err != nil {
		return err
	}
	if err := s.store.UpdateProfile(r.Context(), a.Account.ID, p, s.by(r)); err != nil {
		return err
	}
	acct, err := s.store.FindAccountByID(r.Context(), a.Account.ID)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, accountJSON(acct))
	return nil
}

// AgencyListJSON is one page of agencies.
type AgencyListJSON struct {
	Agencies []AgencyJSON `json:"agencies"`
	Total    int          `json:"total"`
	Page     int          `json:"page"`
	PerPage  int          `json:"per_page"`
}

// apiAgencies serves GET /api/v1/agencies with the list's query parameters plus per_page
// (at most 1,000), narrowed to the account's scope.
func (s *Server) apiAgencies(w http.ResponseWriter, r *http.Request) error {
	per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	if per <= 0 {
		per = agency.DefaultLimit
	}
	per = min(per, agency.MaxLimit)
	f, page := agencyFilterOf(r, per)
	res, err := s.store.FindAgencies(r.Context(), account.ScopeFilter(authOf(r.Context()).Account, f))
	if err != nil {
		return err
	}
	out := AgencyListJSON{Agencies: []AgencyJSON{}, Total: res.Total, Page: page, PerPage: per}
	for _, a := range res.Agencies {
		out.Agencies = append(out.Agencies, agencyJSON(a))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// AgencyDetailJSON is one agency with whether it has registered and its progress through
// the current year's steps.
type AgencyDetailJSON struct {
	AgencyJSON
	Registered bool         `json:"registered"`
	Progress   ProgressJSON `json:"progress"`
}

// apiAgency serves GET /api/v1/agencies/{code}: the agency and its progress, to everyone
// who may view the agency.
func (s *Server) apiAgency(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	accts, err := s.store.FindAccountsByAgency(r.Context(), ag.Code)
	if err != nil {
		return err
	}
	prog, err := s.agencyProgress(r.Context(), ag.Code)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, AgencyDetailJSON{AgencyJSON: agencyJSON(ag), Registered: account.Registered(accts),
		Progress: progressJSON(requestLang(r), prog)})
	return nil
}

// apiAgencyCreate serves POST /api/v1/agencies.
func (s *Server) apiAgencyCreate(w http.ResponseWriter, r *http.Request) error {
	var j AgencyJSON
	if err := decodeJSON(w, r, &j); err != nil {
		return err
	}
	ag := j.agency()
	if err := ag.Validate(); err != nil {
		return err
	}
	if err := s.store.CreateAgency(r.Context(), ag, s.by(r)); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, agencyJSON(ag))
	return nil
}

// apiAgencyUpdate serves PUT /api/v1/agencies/{code}; the code in the path wins.
func (s *Server) apiAgencyUpdate(w http.ResponseWriter, r *http.Request) error {
	old, err := s.editableAgency(r)
	if err != nil {
		return err
	}
	var j AgencyJSON
	if err := decodeJSON(w, r, &j); err != nil {
		return err
	}
	j.Code = old.Code
	ag := j.agency()
	if err := ag.Validate(); err != nil {
		return err
	}
	if err := s.store.UpdateAgency(r.Context(), ag.Code, ag, s.by(r)); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, agencyJSON(ag))
	return nil
}

// apiAgencyAccounts serves GET /api/v1/agencies/{code}/accounts to those who may see them.
func (s *Server) apiAgencyAccounts(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	if !account.CanViewAccounts(authOf(r.Context()).Account, ag) {
		return apperr.Forbidden("", "")
	}
	accts, err := s.store.FindAccountsByAgency(r.Context(), ag.Code)
	if err != nil {
		return err
	}
	out := []AccountJSON{}
	for _, a := range accts {
		out = append(out, accountJSON(a))
	}
	writeJSON(w, http.StatusOK, map[string]any{"accounts": out, "registered": account.Registered(accts)})
	return nil
}

// apiGenerateAccounts serves POST /api/v1/agencies/{code}/accounts: the two accounts with
// their one-time passwords, shown this once.
func (s *Server) apiGenerateAccounts(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.store.FindAgencyByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	out, err := s.generateFor(r, ag)
	if err != nil {
		return err
	}
	res := []OneTimeJSON{}
	for _, o := range out {
		res = append(res, OneTimeJSON{o.Account.Username, string(o.Account.Role), ag.Code, o.Password})
	}
	writeJSON(w, http.StatusCreated, map[string]any{"accounts": res})
	return nil
}

// apiAccountReset serves POST /api/v1/accounts/{username}/reset.
func (s *Server) apiAccountReset(w http.ResponseWriter, r *http.Request) error {
	acct, pw, err := s.resetAccount(r, r.PathValue("username"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, OneTimeJSON{acct.Username, string(acct.Role), acct.AgencyCode, pw})
	return nil
}

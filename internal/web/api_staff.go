package web

import (
	"net/http"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
)

// AccountListJSON is one page of accounts.
type AccountListJSON struct {
	Accounts []AccountJSON `json:"accounts"`
	Total    int           `json:"total"`
	Page     int           `json:"page"`
	PerPage  int           `json:"per_page"`
}

// StaffCreatedJSON answers the creation of a staff account: the account and its one-time
// password, shown this once.
type StaffCreatedJSON struct {
	Account  AccountJSON `json:"account"`
	Password string      `json:"password"`
}

// ScopeJSON is an assessor's groups or a supervisor's body.
type ScopeJSON struct {
	Groups     []int  `json:"groups"`
	Supervisor string `json:"supervisor"`
}

// apiAccounts serves GET /api/v1/accounts: every account, by username, filtered by role,
// agency, staff=true (the staff roles only) and q (a part of the username or name), paged
// with page and per_page (at most 1,000).
func (s *Server) apiAccounts(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	per, _ := strconv.Atoi(q.Get("per_page"))
	if per <= 0 {
		per = staffPerPage
	}
	per = min(per, 1000)
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	staff, _ := strconv.ParseBool(q.Get("staff"))
	f := account.Filter{Role: account.Role(q.Get("role")), AgencyCode: q.Get("agency"), Staff: staff,
		Query: q.Get("q"), Limit: per, Offset: (page - 1) * per}
	res, err := s.store.FindAccounts(r.Context(), f)
	if err != nil {
		return err
	}
	out := AccountListJSON{Accounts: []AccountJSON{}, Total: res.Total, Page: page, PerPage: per}
	for _, a := range res.Accounts {
		out.Accounts = append(out.Accounts, accountJSON(a))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiStaffCreate serves POST /api/v1/accounts: a staff account with its one-time password.
func (s *Server) apiStaffCreate(w http.ResponseWriter, r *http.Request) error {
	var f StaffForm
	if err := decodeJSON(w, r, &f); err != nil {
		return err
	}
	ot, err := s.createStaff(r, f)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, StaffCreatedJSON{Account: accountJSON(ot.Account), Password: ot.Password})
	return nil
}

// apiAccount serves GET /api/v1/accounts/{username}.
func (s *Server) apiAccount(w http.ResponseWriter, r *http.Request) error {
	a, err := s.accountByPath(r)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, accountJSON(a))
	return nil
}

// apiAccountScope serves PUT /api/v1/accounts/{username}/scope.
func (s *Server) apiAccountScope(w http.ResponseWriter, r *http.Request) error {
	a, err := s.accountByPath(r)
	if err != nil {
		return err
	}
	var j ScopeJSON
	if err := decodeJSON(w, r, &j); err != nil {
		return err
	}
	if err := s.store.UpdateAccountScope(r.Context(), a.ID, j.Groups, agency.Supervisor(j.Supervisor), s.by(r)); err != nil {
		return err
	}
	if a, err = s.store.FindAccountByID(r.Context(), a.ID); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, accountJSON(a))
	return nil
}

// apiAccountDisable serves POST /api/v1/accounts/{username}/disable.
func (s *Server) apiAccountDisable(w http.ResponseWriter, r *http.Request) error {
	return s.apiSetDisabled(w, r, true)
}

// apiAccountEnable serves POST /api/v1/accounts/{username}/enable.
func (s *Server) apiAccountEnable(w http.ResponseWriter, r *http.Request) error {
	return s.apiSetDisabled(w, r, false)
}

func (s *Server) apiSetDisabled(w http.ResponseWriter, r *http.Request, disabled bool) error {
	a, err := s.setDisabled(r, disabled)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, accountJSON(a))
	return nil
}

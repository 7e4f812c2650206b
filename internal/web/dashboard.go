package web

import (
	"net/http"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
)

// DashboardPage is the home page of a logged-in user: who they are, their agency or groups,
// and the current year's phases.
type DashboardPage struct {
	Page
	Me             account.Account
	Groups         []int
	SupervisorName string
	Agency         *agency.Agency
	AgencyType     string
	HasLogo        bool
	IsCentral      bool
	AgencyCount    int
	Year           *assessment.Year
	Phases         []PhaseRow
	Progress       *AgencyProgress // the agency's, for an agency account
}

// PhaseRow is one phase of the current year as the dashboard shows it.
type PhaseRow struct {
	Key        string
	Start, End time.Time
	Open, Past bool
}

// home serves GET /{$}: the dashboard when logged in, else the login page.
func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	if authOf(r.Context()) == nil {
		return &redirect{url: "/login"}
	}
	return &redirect{url: "/dashboard"}
}

// dashboard serves GET /dashboard.
func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context())
	lang := requestLang(r)
	p := &DashboardPage{Page: Page{Title: "dashboard.title"}, Me: a.Account, Groups: a.Account.Groups,
		IsCentral: a.Account.Role == account.RoleCentralAdmin}
	if sv, ok := a.Account.Supervisor.Info(); ok {
		p.SupervisorName = sv.ShortName + " " + sv.Name
		if lang == LangEN {
			p.SupervisorName = sv.NameEN
		}
	}
	ctx := r.Context()
	if a.Account.AgencyCode != "" {
		ag, err := s.store.FindAgencyByCode(ctx, a.Account.AgencyCode)
		if err != nil && !apperr.Is(err, apperr.CodeNotFound) {
			return err
		}
		if err == nil {
			p.Agency = &ag
			p.AgencyType = ag.TypeName()
			if t, ok := agency.TypeByCode(ag.Type); ok && lang == LangEN {
				p.AgencyType = t.NameEN
			}
			if _, data, err := s.findLogo(ctx, ag.Code); err == nil && len(data) > 0 {
				p.HasLogo = true
			}
			prog, err := s.agencyProgress(ctx, ag.Code)
			if err != nil {
				return err
			}
			p.Progress = &prog
		}
	}
	if p.IsCentral {
		res, err := s.store.FindAgencies(ctx, agency.Filter{Limit: 1})
		if err != nil {
			return err
		}
		p.AgencyCount = res.Total
	}
	years, err := s.store.FindYears(ctx)
	if err != nil {
		return err
	}
	if y, ok := currentYear(years); ok {
		p.Year = &y
		now := s.now()
		open := map[assessment.Phase]bool{}
		for _, ph := range y.OpenPhases(now) {
			open[ph] = true
		}
		for _, w := range y.Phases {
			p.Phases = append(p.Phases, PhaseRow{Key: "phase." + string(w.Phase), Start: w.Start, End: w.End,
				Open: open[w.Phase], Past: now.After(w.End)})
		}
	}
	s.render(w, r, http.StatusOK, "dashboard", p)
	return nil
}

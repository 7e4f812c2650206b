package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/tracking"
)

// trackingPerPage is the page size of the national tracking table.
const trackingPerPage = 50

// TrackingPage is the national tracking table (manual 6.6): every agency in the account's
// scope with its IIT and EIT responses against the minimums.
type TrackingPage struct {
	Page
	AgencyTable
	Rows      []tracking.Row
	CanImport bool // the account may import assessor-collected EIT responses
}

// trackingYear returns the year a tracking view shows: ?year= when given, else the current
// year. Errors: NotFound.
func (s *Server) trackingYear(r *http.Request) (assessment.Year, error) {
	v := r.URL.Query().Get("year")
	if v == "" {
		return s.openYear(r.Context())
	}
	fy, err := strconv.Atoi(v)
	if err != nil {
		return assessment.Year{}, apperr.NotFound("ไม่พบปีการประเมินนี้", "No such assessment year")
	}
	return s.store.FindYear(r.Context(), fy)
}

// trackingMinimums returns the minimum samples of every agency with approved stakeholder data
// in year y, by the rule of y's framework.
func (s *Server) trackingMinimums(ctx context.Context, y assessment.Year) (tracking.Minimums, error) {
	counts, err := s.store.StakeholderCounts(ctx, y.FiscalYear)
	if err != nil {
		return nil, err
	}
	rule, err := sampleRule(y.FrameworkYear)
	if err != nil {
		return nil, err
	}
	out := make(tracking.Minimums, len(counts))
	for code, c := range counts {
		iit, eit := c.Minimums(rule)
		out[code] = tracking.Minimum{IIT: iit, EIT: eit}
	}
	return out, nil
}

// trackingFacts fills in the survey part of an agency's progress: its IIT and EIT responses.
func (s *Server) trackingFacts(ctx context.Context, y assessment.Year, code string, f *assessment.Facts) error {
	c, err := s.store.AgencyResponseCounts(ctx, y.FiscalYear, code)
	if err != nil {
		return err
	}
	f.IITResponses, f.EITResponses = c.IIT, c.EIT
	return nil
}

// trackingFilterOf reads the table's query (see tableQueryOf) within the account's scope.
func trackingFilterOf(r *http.Request, acct account.Account, perPage int) (tracking.Filter, int) {
	q := tableQueryOf(r, acct, perPage)
	f := tracking.Filter{Agency: q.Agency, Status: tracking.StatusFilter(q.Status), Sort: tracking.Sort(q.Sort), Desc: q.Desc}
	return f.Normalized(), q.Page
}

// trackingHome serves GET /tracking: the national table for the roles that list agencies
// (each within its scope), and an agency account's own agency page.
func (s *Server) trackingHome(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context()).Account
	if a.Role.OfAgency() {
		return &redirect{url: "/agencies/" + a.AgencyCode + "/tracking"}
	}
	if !account.Allowed(a, account.ActionListAgencies) {
		return apperr.Forbidden("", "")
	}
	y, err := s.trackingYear(r)
	if err != nil {
		return err
	}
	mins, err := s.trackingMinimums(r.Context(), y)
	if err != nil {
		return err
	}
	f, page := trackingFilterOf(r, a, trackingPerPage)
	res, err := s.store.ResponseCounts(r.Context(), y.FiscalYear, f, mins)
	if err != nil {
		return err
	}
	p, err := s.trackingPage(r, y, f, page, res)
	if err != nil {
		return err
	}
	p.CanImport = account.Allowed(a, account.ActionEnterResponses)
	s.render(w, r, http.StatusOK, "tracking", p)
	return nil
}

// trackingSpec is what sets the tracking table apart from the results table.
var trackingSpec = agencyTableSpec{Path: "/tracking", YearLabel: "tracking.year", Sorts: sortNames(tracking.Sorts)}

// trackingPage builds the table's page: filters, sort links, pager and export links.
func (s *Server) trackingPage(r *http.Request, y assessment.Year, f tracking.Filter, page int, res tracking.Page) (*TrackingPage, error) {
	q := tableQuery{Agency: f.Agency, Sort: string(f.Sort), Desc: f.Desc, Page: page}
	t, err := s.agencyTable(r, trackingSpec, y, q, len(res.Rows), res.Total)
	if err != nil {
		return nil, err
	}
	t.StatusField = statusField(requestLang(r), f.Status)
	return &TrackingPage{Page: Page{Title: "tracking.title"}, AgencyTable: t, Rows: res.Rows}, nil
}

// statusField is the select of the table's status filters.
func statusField(lang Lang, value tracking.StatusFilter) Field {
	f := Field{Name: "status", Label: "tracking.status", Options: []Option{{Value: "", Label: lang.T("form.all")}}}
	for _, sf := range tracking.StatusFilters {
		f.Options = append(f.Options, Option{Value: string(sf), Label: lang.T("tracking.filter." + string(sf)), Selected: sf == value})
	}
	return f
}

// surveyIDs are the surveys tracked, in the order pages show them.
var surveyIDs = []string{survey.IIT, survey.EIT}

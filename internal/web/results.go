package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoring"
)

// Results are computed on NACC's request during the processing phase and kept (store
// SaveResults), not computed on every page view: reading a national year's 1.4 million
// responses takes seconds (BenchmarkSQLiteScoreInputs/National), the demo's a few
// milliseconds. The pages below read what was kept.

// resultsPerPage is the page size of the national results table.
const resultsPerPage = 50

// ResultsPage is the national results table of a year: every agency in the account's scope
// with its total, rating, instruments and, for an unofficial result, the reasons.
type ResultsPage struct {
	Page
	AgencyTable
	Run    results.Run
	HasRun bool
	Rows   []ResultRow
	// CanCompute: the account may compute the year's results (NACC); ComputeOpen: the
	// processing phase is open now; Processing is its window, for the note when it is not.
	CanCompute    bool
	ComputeOpen   bool
	Processing    assessment.Window
	HasProcessing bool
	Publication   assessment.Window
	// Computed lists the other years whose results have been computed, for a year without.
	Computed []int
}

// ResultRow is one agency of the table with its flags in the page's language.
type ResultRow struct {
	results.Row
	FlagTexts []string
}

// resultRows gives rows their flag texts.
func resultRows(lang Lang, rows []results.Row) []ResultRow {
	out := make([]ResultRow, len(rows))
	for i, r := range rows {
		out[i] = ResultRow{Row: r, FlagTexts: flagTexts(lang, r.Flags)}
	}
	return out
}

func flagTexts(lang Lang, flags []scoring.Flag) []string {
	out := make([]string, len(flags))
	for i, f := range flags {
		out[i] = f.Text(lang == LangEN)
	}
	return out
}

// resultsFilterOf reads the table's query (see tableQueryOf) within the account's scope.
func resultsFilterOf(r *http.Request, acct account.Account, perPage int) (results.Filter, int) {
	q := tableQueryOf(r, acct, perPage)
	f := results.Filter{Agency: q.Agency, Status: results.StatusFilter(q.Status), Sort: results.Sort(q.Sort), Desc: q.Desc}
	return f.Normalized(), q.Page
}

// resultsHome serves GET /results: the national table for the roles that list agencies (each
// within its scope) and an agency account's own results page.
func (s *Server) resultsHome(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context()).Account
	if a.Role.OfAgency() {
		return &redirect{url: "/agencies/" + a.AgencyCode + "/results"}
	}
	if !account.Allowed(a, account.ActionListAgencies) {
		return apperr.Forbidden("", "")
	}
	y, err := s.trackingYear(r)
	if err != nil {
		return err
	}
	p := &ResultsPage{Page: Page{Title: "results.title"}}
	p.CanCompute = account.CanManageYears(a)
	p.Processing, p.HasProcessing = y.Window(assessment.PhaseProcessing)
	p.Publication, _ = y.Window(assessment.PhasePublication)
	p.ComputeOpen = y.CheckOpen(assessment.PhaseProcessing, s.now()) == nil
	run, err := s.store.FindResultRun(r.Context(), y.FiscalYear)
	switch {
	case err == nil:
		p.Run, p.HasRun = run, true
	case !apperr.Is(err, apperr.CodeNotFound):
		return err
	}
	f, page := resultsFilterOf(r, a, resultsPerPage)
	var res results.Page
	if p.HasRun {
		if res, err = s.store.FindResults(r.Context(), y.FiscalYear, f); err != nil {
			return err
		}
	}
	if err := s.fillResultsPage(r, p, y, f, page, res); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "results", p)
	return nil
}

// resultsSpec is what sets the results table apart from the tracking table: scores read
// best first.
var resultsSpec = agencyTableSpec{Path: "/results", YearLabel: "results.year", Sorts: sortNames(results.Sorts),
	BestFirst: func(c string) bool { return results.Sort(c).ByScore() }}

// fillResultsPage sets the table's rows, filters, sort links, pager and export link, and,
// for a year not computed yet, the years that are.
func (s *Server) fillResultsPage(r *http.Request, p *ResultsPage, y assessment.Year, f results.Filter, page int, res results.Page) error {
	lang := requestLang(r)
	q := tableQuery{Agency: f.Agency, Sort: string(f.Sort), Desc: f.Desc, Page: page}
	t, err := s.agencyTable(r, resultsSpec, y, q, len(res.Rows), res.Total)
	if err != nil {
		return err
	}
	t.StatusField = Field{Name: "status", Label: "results.status", Options: []Option{{Value: "", Label: lang.T("form.all")}}}
	for _, sf := range results.StatusFilters {
		t.StatusField.Options = append(t.StatusField.Options, Option{Value: string(sf), Label: lang.T("results.filter." + string(sf)), Selected: sf == f.Status})
	}
	p.AgencyTable, p.Rows = t, resultRows(lang, res.Rows)
	if p.HasRun {
		return nil
	}
	years, err := s.store.FindYears(r.Context())
	if err != nil {
		return err
	}
	for _, yy := range years {
		if yy.FiscalYear == y.FiscalYear {
			continue
		}
		switch _, err := s.store.FindResultRun(r.Context(), yy.FiscalYear); {
		case err == nil:
			p.Computed = append(p.Computed, yy.FiscalYear)
		case !apperr.Is(err, apperr.CodeNotFound):
			return err
		}
	}
	return nil
}

// resultsCompute serves POST /results/compute: NACC computes the year's results from what the
// system holds and keeps them, replacing any earlier computation — only while the year's
// processing phase is open.
func (s *Server) resultsCompute(w http.ResponseWriter, r *http.Request) error {
	fy, _ := strconv.Atoi(r.PostFormValue("year"))
	run, err := s.computeResults(r.Context(), fy, s.by(r))
	if err != nil {
		return err
	}
	setFlash(w, "results.computed")
	return &redirect{url: "/results?year=" + strconv.Itoa(run.FiscalYear)}
}

// computeResults computes and keeps the results of fiscal year fy (0: the current year) if its
// processing phase is open. Errors: PhaseClosed, NotFound.
func (s *Server) computeResults(ctx context.Context, fy int, by audit.Entry) (results.Run, error) {
	y, err := s.requirePhase(ctx, fy, assessment.PhaseProcessing)
	if err != nil {
		return results.Run{}, err
	}
	e, err := engineFor(y.FrameworkYear)
	if err != nil {
		return results.Run{}, err
	}
	inputs, err := s.store.ScoreInputs(ctx, y.FiscalYear, e)
	if err != nil {
		return results.Run{}, err
	}
	rs := make([]scoring.Result, len(inputs))
	for i, in := range inputs {
		rs[i] = e.Score(in)
	}
	return s.store.SaveResults(ctx, results.Run{FiscalYear: y.FiscalYear, FrameworkYear: y.FrameworkYear}, rs, by)
}

// engineFor returns the scoring engine of a framework year.
func engineFor(frameworkYear int) (*scoring.Engine, error) {
	fw, err := framework.Builtin(frameworkYear)
	if err != nil {
		return nil, apperr.Internal(err)
	}
	e, err := scoring.NewEngine(fw)
	if err != nil {
		return nil, apperr.Internal(err)
	}
	return e, nil
}

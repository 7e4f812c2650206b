package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
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

// resultsQueryKeys are the query parameters of the results table that its links, sort
// headers and export carry along.
var resultsQueryKeys = []string{"year", "type", "group", "province", "ministry", "supervisor", "status", "sort", "dir"}

// ResultsPage is the national results table of a year: every agency in the account's scope
// with its total, rating, instruments and, for an unofficial result, the reasons.
type ResultsPage struct {
	Page
	Year          assessment.Year
	YearField     Field
	TypeField     Field
	GroupField    Field
	ProvinceField Field
	MinistryField Field
	StatusField   Field
	Sort, Dir     Hidden
	Columns       map[string]SortLink
	Run           results.Run
	HasRun        bool
	Rows          []ResultRow
	Total         int
	From, To      int
	PrevURL       string
	NextURL       string
	ExportXLSX    string
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

// resultsFilterOf reads the table's query — type, group, province, ministry, supervisor,
// status, sort, dir and page — and narrows it to the account's scope.
func resultsFilterOf(r *http.Request, acct account.Account, perPage int) (results.Filter, int) {
	q := r.URL.Query()
	f := results.Filter{
		Agency: agency.Filter{Type: q.Get("type"), Province: q.Get("province"), Ministry: q.Get("ministry"),
			Supervisor: agency.Supervisor(q.Get("supervisor")), Limit: perPage},
		Status: results.StatusFilter(q.Get("status")),
		Sort:   results.Sort(q.Get("sort")),
		Desc:   q.Get("dir") == "desc",
	}
	f.Agency.Group, _ = strconv.Atoi(q.Get("group"))
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	f.Agency.Offset = (page - 1) * perPage
	f.Agency = account.ScopeFilter(acct, f.Agency)
	return f.Normalized(), page
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
	p := &ResultsPage{Page: Page{Title: "results.title"}, Year: y, Rows: []ResultRow{}}
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
	if err := s.fillResultsPage(r, p, f, page, res); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "results", p)
	return nil
}

// fillResultsPage sets the table's filters, sort links, pager and export link.
func (s *Server) fillResultsPage(r *http.Request, p *ResultsPage, f results.Filter, page int, res results.Page) error {
	lang := requestLang(r)
	q := r.URL.Query()
	p.Rows, p.Total = resultRows(lang, res.Rows), res.Total
	p.TypeField = typeField(lang, q.Get("type"), "", false)
	p.GroupField = groupField(f.Agency.Group, "", false)
	p.ProvinceField = provinceField(lang, f.Agency.Province, "", false)
	p.StatusField = Field{Name: "status", Label: "results.status", Options: []Option{{Value: "", Label: lang.T("form.all")}}}
	for _, sf := range results.StatusFilters {
		p.StatusField.Options = append(p.StatusField.Options, Option{Value: string(sf), Label: lang.T("results.filter." + string(sf)), Selected: sf == f.Status})
	}
	p.Sort = Hidden{"sort", string(f.Sort)}
	p.Dir = Hidden{"dir", map[bool]string{true: "desc", false: "asc"}[f.Desc]}
	years, err := s.store.FindYears(r.Context())
	if err != nil {
		return err
	}
	p.YearField = Field{Name: "year", Label: "results.year"}
	for _, yy := range years {
		v := strconv.Itoa(yy.FiscalYear)
		p.YearField.Options = append(p.YearField.Options, Option{Value: v, Label: v, Selected: yy.FiscalYear == p.Year.FiscalYear})
		if p.HasRun || yy.FiscalYear == p.Year.FiscalYear {
			continue
		}
		switch _, err := s.store.FindResultRun(r.Context(), yy.FiscalYear); {
		case err == nil:
			p.Computed = append(p.Computed, yy.FiscalYear)
		case !apperr.Is(err, apperr.CodeNotFound):
			return err
		}
	}
	ministries, err := s.store.FindMinistries(r.Context())
	if err != nil {
		return err
	}
	p.MinistryField = Field{Name: "ministry", Label: "agency.ministry", Options: []Option{{Value: "", Label: "–"}}}
	for _, m := range ministries {
		p.MinistryField.Options = append(p.MinistryField.Options, Option{Value: m, Label: m, Selected: m == f.Agency.Ministry})
	}
	if res.Total > 0 && len(res.Rows) > 0 {
		p.From, p.To = f.Agency.Offset+1, f.Agency.Offset+len(res.Rows)
	}
	keep := url.Values{}
	for _, k := range resultsQueryKeys {
		if v := q.Get(k); v != "" {
			keep.Set(k, v)
		}
	}
	keep.Set("year", strconv.Itoa(p.Year.FiscalYear))
	at := func(page int) string {
		v := cloneValues(keep)
		v.Set("page", strconv.Itoa(page))
		return "/results?" + v.Encode()
	}
	if page > 1 {
		p.PrevURL = at(page - 1)
	}
	if f.Agency.Offset+len(res.Rows) < res.Total {
		p.NextURL = at(page + 1)
	}
	p.ExportXLSX = "/results/export.xlsx?" + keep.Encode()
	p.Columns = map[string]SortLink{}
	for _, c := range results.Sorts {
		v := cloneValues(keep)
		v.Set("sort", string(c))
		link := SortLink{}
		// Scores read best first; aria-sort says what the reader sees.
		first, second := "ascending", "descending"
		if c.ByScore() {
			first, second = second, first
		}
		switch {
		case c == f.Sort && !f.Desc:
			v.Set("dir", "desc")
			link.Current = first
		case c == f.Sort:
			v.Del("dir")
			link.Current = second
		default:
			v.Del("dir")
		}
		link.URL = "/results?" + v.Encode()
		p.Columns[string(c)] = link
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

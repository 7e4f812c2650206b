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
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/tracking"
)

// trackingPerPage is the page size of the national tracking table.
const trackingPerPage = 50

// trackingQueryKeys are the query parameters of the tracking table that its links, sort
// headers and exports carry along.
var trackingQueryKeys = []string{"year", "type", "group", "province", "ministry", "supervisor", "status", "sort", "dir"}

// TrackingPage is the national tracking table (manual 6.6): every agency in the account's
// scope with its IIT and EIT responses against the minimums.
type TrackingPage struct {
	Page
	Year          assessment.Year
	YearField     Field
	TypeField     Field
	GroupField    Field
	ProvinceField Field
	MinistryField Field
	StatusField   Field
	Sort, Dir     Hidden // the current order, kept by the filter form
	Columns       map[string]SortLink
	Rows          []tracking.Row
	Total         int
	From, To      int
	PrevURL       string
	NextURL       string
	ExportXLSX    string
	ExportCSV     string
	CanImport     bool // the account may import assessor-collected EIT responses
}

// SortLink is a column header's link: the table ordered by that column, and the column's
// current order for aria-sort ("ascending", "descending" or "").
type SortLink struct {
	URL     string
	Current string
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

// trackingFilterOf reads the table's query — type, group, province, ministry, supervisor,
// status, sort, dir (asc or desc) and page (1-based) — and narrows it to the account's scope.
func trackingFilterOf(r *http.Request, acct account.Account, perPage int) (tracking.Filter, int) {
	q := r.URL.Query()
	f := tracking.Filter{
		Agency: agency.Filter{
			Type:       q.Get("type"),
			Province:   q.Get("province"),
			Ministry:   q.Get("ministry"),
			Supervisor: agency.Supervisor(q.Get("supervisor")),
			Limit:      perPage,
		},
		Status: tracking.StatusFilter(q.Get("status")),
		Sort:   tracking.Sort(q.Get("sort")),
		Desc:   q.Get("dir") == "desc",
	}
	f.Agency.Group, _ = strconv.Atoi(q.Get("group"))
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	f.Agency.Offset = (page - 1) * perPage
	f.Agency = account.ScopeFilter(acct, f.Agency)
	return f.Normalized(), page
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

// trackingPage builds the table's page: filters, sort links, pager and export links.
func (s *Server) trackingPage(r *http.Request, y assessment.Year, f tracking.Filter, page int, res tracking.Page) (*TrackingPage, error) {
	lang := requestLang(r)
	q := r.URL.Query()
	p := &TrackingPage{
		Page: Page{Title: "tracking.title"}, Year: y, Rows: res.Rows, Total: res.Total,
		TypeField:     typeField(lang, q.Get("type"), "", false),
		GroupField:    groupField(f.Agency.Group, "", false),
		ProvinceField: provinceField(lang, f.Agency.Province, "", false),
		StatusField:   statusField(lang, f.Status),
		Sort:          Hidden{"sort", string(f.Sort)},
		Dir:           Hidden{"dir", map[bool]string{true: "desc", false: "asc"}[f.Desc]},
	}
	years, err := s.store.FindYears(r.Context())
	if err != nil {
		return nil, err
	}
	p.YearField = Field{Name: "year", Label: "tracking.year"}
	for _, yy := range years {
		v := strconv.Itoa(yy.FiscalYear)
		p.YearField.Options = append(p.YearField.Options, Option{Value: v, Label: v, Selected: yy.FiscalYear == y.FiscalYear})
	}
	ministries, err := s.store.FindMinistries(r.Context())
	if err != nil {
		return nil, err
	}
	p.MinistryField = Field{Name: "ministry", Label: "agency.ministry", Options: []Option{{Value: "", Label: "–"}}}
	for _, m := range ministries {
		p.MinistryField.Options = append(p.MinistryField.Options, Option{Value: m, Label: m, Selected: m == f.Agency.Ministry})
	}
	if res.Total > 0 && len(res.Rows) > 0 {
		p.From, p.To = f.Agency.Offset+1, f.Agency.Offset+len(res.Rows)
	}
	keep := url.Values{}
	for _, k := range trackingQueryKeys {
		if v := q.Get(k); v != "" {
			keep.Set(k, v)
		}
	}
	keep.Set("year", strconv.Itoa(y.FiscalYear))
	at := func(page int) string {
		v := cloneValues(keep)
		v.Set("page", strconv.Itoa(page))
		return "/tracking?" + v.Encode()
	}
	if page > 1 {
		p.PrevURL = at(page - 1)
	}
	if f.Agency.Offset+len(res.Rows) < res.Total {
		p.NextURL = at(page + 1)
	}
	p.ExportXLSX = "/tracking/export.xlsx?" + keep.Encode()
	p.ExportCSV = "/tracking/export.csv?" + keep.Encode()
	p.Columns = map[string]SortLink{}
	for _, c := range tracking.Sorts {
		v := cloneValues(keep)
		v.Set("sort", string(c))
		link := SortLink{}
		switch {
		case c == f.Sort && !f.Desc:
			v.Set("dir", "desc")
			link.Current = "ascending"
		case c == f.Sort:
			v.Del("dir")
			link.Current = "descending"
		default:
			v.Del("dir")
		}
		link.URL = "/tracking?" + v.Encode()
		p.Columns[string(c)] = link
	}
	return p, nil
}

// cloneValues returns a copy of v that can be changed without changing v.
func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
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

package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
)

// The national tracking and results tables are the same kind of table: every agency in the
// account's scope, filtered by the agency's attributes and a status, sorted by a column and
// paged, with export links. What they share lives here, so that a new filter or a fix to the
// pager is made once.

// agencyTableKeys are the query parameters of a national agency table that its links, sort
// headers and exports carry along.
var agencyTableKeys = []string{"year", "type", "group", "province", "ministry", "supervisor", "status", "sort", "dir"}

// tableQuery is a national agency table's query: the agencies (narrowed to the account's
// scope and paged), the table's own status filter, the sort column and direction, and the
// page (1-based). Each table turns Status and Sort into its own types and normalises them.
type tableQuery struct {
	Agency agency.Filter
	Status string
	Sort   string
	Desc   bool
	Page   int
}

// tableQueryOf reads the query — type, group, province, ministry, supervisor, status, sort,
// dir (asc or desc) and page — and narrows the agencies to the account's scope.
func tableQueryOf(r *http.Request, acct account.Account, perPage int) tableQuery {
	q := r.URL.Query()
	t := tableQuery{
		Agency: agency.Filter{
			Type:       q.Get("type"),
			Province:   q.Get("province"),
			Ministry:   q.Get("ministry"),
			Supervisor: agency.Supervisor(q.Get("supervisor")),
			Limit:      perPage,
		},
		Status: q.Get("status"),
		Sort:   q.Get("sort"),
		Desc:   q.Get("dir") == "desc",
	}
	t.Agency.Group, _ = strconv.Atoi(q.Get("group"))
	page, _ := strconv.Atoi(q.Get("page"))
	t.Page = max(page, 1)
	t.Agency.Offset = (t.Page - 1) * perPage
	t.Agency = account.ScopeFilter(acct, t.Agency)
	return t
}

// AgencyTable is what the pages of the national agency tables share: the filter form (the
// caller adds its StatusField), the sort headers, the count shown, the pager and the exports.
type AgencyTable struct {
	Year          assessment.Year
	YearField     Field
	TypeField     Field
	GroupField    Field
	ProvinceField Field
	MinistryField Field
	StatusField   Field
	Sort, Dir     Hidden // the current order, kept by the filter form
	Columns       map[string]SortLink
	Total         int
	From, To      int
	PrevURL       string
	NextURL       string
	path          string
	keep          url.Values
}

// SortLink is a column header's link: the table ordered by that column, and the column's
// current order for aria-sort ("ascending", "descending" or "").
type SortLink struct {
	URL     string
	Current string
}

// Export returns the link of the table's export in format ext ("xlsx", "csv"): every row
// as filtered and ordered.
func (t AgencyTable) Export(ext string) string {
	return t.path + "/export." + ext + "?" + t.keep.Encode()
}

// agencyTableSpec is what tells the national tables apart when their shared part is built.
type agencyTableSpec struct {
	Path      string   // the table's page, "/tracking"
	YearLabel string   // message key of the year select's label
	Sorts     []string // the sortable columns
	// BestFirst reports whether a column's ascending order (dir=asc) shows the best first —
	// a score, highest first — so aria-sort says "descending", what the reader sees. Nil:
	// no such column.
	BestFirst func(sort string) bool
}

// agencyTable builds the shared part of a table's page for year y: filters, sort links,
// pager and exports. q is the normalised query; shown is how many rows the page shows, of
// total.
func (s *Server) agencyTable(r *http.Request, spec agencyTableSpec, y assessment.Year, q tableQuery, shown, total int) (AgencyTable, error) {
	lang := requestLang(r)
	raw := r.URL.Query()
	f := q.Agency
	t := AgencyTable{
		Year: y, Total: total, path: spec.Path,
		TypeField:     typeField(lang, raw.Get("type"), "", false),
		GroupField:    groupField(f.Group, "", false),
		ProvinceField: provinceField(lang, f.Province, "", false),
		Sort:          Hidden{"sort", q.Sort},
		Dir:           Hidden{"dir", map[bool]string{true: "desc", false: "asc"}[q.Desc]},
	}
	years, err := s.store.FindYears(r.Context())
	if err != nil {
		return t, err
	}
	t.YearField = Field{Name: "year", Label: spec.YearLabel}
	for _, yy := range years {
		v := strconv.Itoa(yy.FiscalYear)
		t.YearField.Options = append(t.YearField.Options, Option{Value: v, Label: v, Selected: yy.FiscalYear == y.FiscalYear})
	}
	ministries, err := s.store.FindMinistries(r.Context())
	if err != nil {
		return t, err
	}
	t.MinistryField = Field{Name: "ministry", Label: "agency.ministry", Options: []Option{{Value: "", Label: "–"}}}
	for _, m := range ministries {
		t.MinistryField.Options = append(t.MinistryField.Options, Option{Value: m, Label: m, Selected: m == f.Ministry})
	}
	if total > 0 && shown > 0 {
		t.From, t.To = f.Offset+1, f.Offset+shown
	}
	t.keep = url.Values{}
	for _, k := range agencyTableKeys {
		if v := raw.Get(k); v != "" {
			t.keep.Set(k, v)
		}
	}
	t.keep.Set("year", strconv.Itoa(y.FiscalYear))
	at := func(page int) string {
		v := cloneValues(t.keep)
		v.Set("page", strconv.Itoa(page))
		return spec.Path + "?" + v.Encode()
	}
	if q.Page > 1 {
		t.PrevURL = at(q.Page - 1)
	}
	if f.Offset+shown < total {
		t.NextURL = at(q.Page + 1)
	}
	t.Columns = map[string]SortLink{}
	for _, c := range spec.Sorts {
		v := cloneValues(t.keep)
		v.Set("sort", c)
		link := SortLink{}
		first, second := "ascending", "descending"
		if spec.BestFirst != nil && spec.BestFirst(c) {
			first, second = second, first
		}
		switch {
		case c == q.Sort && !q.Desc:
			v.Set("dir", "desc")
			link.Current = first
		case c == q.Sort:
			v.Del("dir")
			link.Current = second
		default:
			v.Del("dir")
		}
		link.URL = spec.Path + "?" + v.Encode()
		t.Columns[c] = link
	}
	return t, nil
}

// sortNames returns a table's sort columns as strings, for agencyTableSpec.Sorts.
func sortNames[S ~string](sorts []S) []string {
	out := make([]string, len(sorts))
	for i, s := range sorts {
		out[i] = string(s)
	}
	return out
}

// cloneValues returns a copy of v that can be changed without changing v.
func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// apiTableStart does what the national tables' API handlers do first: refuses an account
// that may not list agencies, reads per_page (perPage when absent, at most agency.MaxLimit)
// and finds the year asked for. Errors: Forbidden, NotFound.
func (s *Server) apiTableStart(r *http.Request, perPage int) (account.Account, int, assessment.Year, error) {
	a := authOf(r.Context()).Account
	if !account.Allowed(a, account.ActionListAgencies) {
		return a, 0, assessment.Year{}, apperr.Forbidden("", "")
	}
	per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	if per <= 0 {
		per = perPage
	}
	per = min(per, agency.MaxLimit)
	y, err := s.trackingYear(r)
	return a, per, y, err
}

// AgencyRowJSON is the agency part of a row of a national agency table.
type AgencyRowJSON struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Ministry string `json:"ministry"`
	Province string `json:"province"`
	Group    int    `json:"group"`
}

func agencyRowJSON(ag agency.Agency) AgencyRowJSON {
	return AgencyRowJSON{Code: ag.Code, Name: ag.Name, Type: ag.Type, Ministry: ag.Ministry, Province: ag.Province, Group: ag.Group}
}

package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// agenciesPerPage is the page size of the agency list.
const agenciesPerPage = 50

// AgenciesPage is the agency list with its filters.
type AgenciesPage struct {
	Page
	Filter        agency.Filter
	TypeField     Field
	GroupField    Field
	ProvinceField Field
	Agencies      []agency.Agency
	Total         int
	From, To      int
	PrevURL       string
	NextURL       string
	CanEdit       bool
	Query         []Hidden // the filter as hidden inputs, for the bulk account generation form
}

// Hidden is one hidden form input.
type Hidden struct{ Name, Value string }

// viewableAgency returns the agency with code if the request's account may view it; NotFound
// and Forbidden otherwise.
func (s *Server) viewableAgency(r *http.Request, code string) (agency.Agency, error) {
	ag, err := s.store.FindAgencyByCode(r.Context(), code)
	if err != nil {
		return agency.Agency{}, err
	}
	if !account.CanViewAgency(authOf(r.Context()).Account, ag) {
		return agency.Agency{}, apperr.Forbidden("คุณไม่มีสิทธิ์ดูข้อมูลของหน่วยงานนี้", "You may not view this agency")
	}
	return ag, nil
}

// agencyList serves GET /agencies: search and filters, narrowed to the account's scope, one
// page at a time from the database.
func (s *Server) agencyList(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context())
	f, page := agencyFilterOf(r, agenciesPerPage)
	res, err := s.store.FindAgencies(r.Context(), account.ScopeFilter(a.Account, f))
	if err != nil {
		return err
	}
	lang := requestLang(r)
	p := &AgenciesPage{
		Page: Page{Title: "agencies.title"}, Filter: f, Agencies: res.Agencies, Total: res.Total,
		TypeField:     typeField(lang, f.Type, "", false),
		GroupField:    groupField(f.Group, "", false),
		ProvinceField: provinceField(lang, f.Province, "", false),
		CanEdit:       account.CanManageAccounts(a.Account),
	}
	if res.Total > 0 {
		p.From, p.To = f.Offset+1, f.Offset+len(res.Agencies)
	}
	q := r.URL.Query()
	if page > 1 {
		q.Set("page", strconv.Itoa(page-1))
		p.PrevURL = "/agencies?" + q.Encode()
	}
	if f.Offset+len(res.Agencies) < res.Total {
		q.Set("page", strconv.Itoa(page+1))
		p.NextURL = "/agencies?" + q.Encode()
	}
	for _, k := range []string{"q", "type", "group", "province", "ministry", "supervisor"} {
		if v := r.URL.Query().Get(k); v != "" {
			p.Query = append(p.Query, Hidden{k, v})
		}
	}
	s.render(w, r, http.StatusOK, "agencies", p)
	return nil
}

// typeField is the select of the 17 agency types; with required false it has an "all" choice.
func typeField(lang Lang, value, errMsg string, required bool) Field {
	f := Field{Name: "type", Label: "agency.type", Error: errMsg, Required: required}
	f.Options = append(f.Options, Option{Value: "", Label: lang.T(map[bool]string{true: "form.choose", false: "form.all"}[required])})
	for _, t := range agency.Types {
		name := t.Name
		if lang == LangEN {
			name = t.NameEN
		}
		f.Options = append(f.Options, Option{Value: t.Code, Label: name, Selected: t.Code == value})
	}
	return f
}

// groupField is the select of groups 1–10.
func groupField(value int, errMsg string, required bool) Field {
	f := Field{Name: "group", Label: "agency.group", Error: errMsg, Required: required}
	f.Options = append(f.Options, Option{Value: "", Label: "–"})
	for g := 1; g <= 10; g++ {
		f.Options = append(f.Options, Option{Value: strconv.Itoa(g), Label: strconv.Itoa(g), Selected: g == value})
	}
	return f
}

// provinceField is the select of the 77 provinces.
func provinceField(lang Lang, value, errMsg string, required bool) Field {
	f := Field{Name: "province", Label: "agency.province", Error: errMsg, Required: required}
	f.Options = append(f.Options, Option{Value: "", Label: "–"})
	for _, p := range agency.Provinces {
		name := p.Name
		if lang == LangEN {
			name = p.NameEN
		}
		f.Options = append(f.Options, Option{Value: p.Name, Label: name, Selected: p.Name == value})
	}
	return f
}

// supervisorField is the select of the supervising bodies.
func supervisorField(lang Lang, value, errMsg string) Field {
	f := Field{Name: "supervisor", Label: "agency.supervisor", Error: errMsg}
	f.Options = append(f.Options, Option{Value: "", Label: lang.T("agency.supervisor.none")})
	for _, sv := range agency.Supervisors {
		name := sv.ShortName + " " + sv.Name
		if lang == LangEN {
			name = sv.NameEN
		}
		f.Options = append(f.Options, Option{Value: string(sv.Code), Label: name, Selected: string(sv.Code) == value})
	}
	return f
}

// listURL returns the agency list URL with the given query.
func listURL(q url.Values) string {
	if len(q) == 0 {
		return "/agencies"
	}
	return "/agencies?" + q.Encode()
}

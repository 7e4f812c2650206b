package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/survey"
)

// searchPerPage is the page size of the public agency search.
const searchPerPage = 20

// SurveySearchPage is the public search for an agency's EIT form (manual 2.4 (3)): anyone who
// used an agency's services can find its form by part of its Thai name.
type SurveySearchPage struct {
	Page
	Query    string
	Agencies []agency.Agency
	Total    int
	From, To int
	PrevURL  string
	NextURL  string
	Error    string
}

// surveySearch serves GET /surveys?q=…&page=….
func (h *surveys) surveySearch(w http.ResponseWriter, r *http.Request) error {
	p := &SurveySearchPage{Page: Page{Title: "search.title"}, Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if p.Query == "" {
		h.render(w, r, http.StatusOK, "survey_search", p)
		return nil
	}
	if !h.public.allow("search " + h.clientAddr(r)) {
		p.Error = msgOf(requestLang(r), apperr.RateLimited(
			"ค้นหาถี่เกินไป กรุณารอสักครู่แล้วค้นหาอีกครั้ง", "Too many searches; please wait a moment and search again"))
		h.render(w, r, http.StatusTooManyRequests, "survey_search", p)
		return nil
	}
	if len([]rune(p.Query)) > 100 {
		p.Query = string([]rune(p.Query)[:100])
	}
	pageNo, _ := strconv.Atoi(r.URL.Query().Get("page"))
	pageNo = max(pageNo, 1)
	res, err := h.store.FindAgencies(r.Context(), agency.Filter{Query: p.Query, Limit: searchPerPage, Offset: (pageNo - 1) * searchPerPage})
	if err != nil {
		return err
	}
	p.Agencies, p.Total = res.Agencies, res.Total
	if len(res.Agencies) > 0 {
		p.From = (pageNo-1)*searchPerPage + 1
		p.To = p.From + len(res.Agencies) - 1
	}
	link := func(n int) string {
		return "/surveys?" + url.Values{"q": {p.Query}, "page": {strconv.Itoa(n)}}.Encode()
	}
	if pageNo > 1 {
		p.PrevURL = link(pageNo - 1)
	}
	if p.To < p.Total {
		p.NextURL = link(pageNo + 1)
	}
	h.render(w, r, http.StatusOK, "survey_search", p)
	return nil
}

// surveyEITByAgency serves GET /surveys/{code}/eit: the way from the search to an agency's
// EIT form, which it reaches through the live link of the current year.
func (h *surveys) surveyEITByAgency(w http.ResponseWriter, r *http.Request) error {
	y, err := h.openYear(r.Context())
	if err != nil {
		return err
	}
	l, err := h.store.SurveyLink(r.Context(), y.FiscalYear, r.PathValue("code"), survey.EIT)
	if apperr.Is(err, apperr.CodeInvalid) {
		return apperr.NotFound("ไม่พบหน่วยงานนี้", "No such agency")
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/s/"+l.Token, http.StatusSeeOther)
	return nil
}

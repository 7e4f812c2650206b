package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/oit"
)

// AssessQueuePage is an assessor's work queue: the agencies of the assessor's groups (every
// agency for NACC) with where their OIT answers stand, filtered by status, a page at a time.
type AssessQueuePage struct {
	Page
	FiscalYear int
	Years      []int
	Groups     []int
	Tabs       []AssessTab
	Rows       []AssessRow
	Total      int
	PageNo     int
	Pages      int
	PrevHref   string
	NextHref   string
}

// AssessTab is one status filter of the queue with its count.
type AssessTab struct {
	Key     string // message key
	Href    string
	Count   int
	Current bool
}

// AssessRow is one agency of the queue.
type AssessRow struct {
	oit.QueueRow
	Items   int
	Percent int
}

// assessTabs are the queue's filters: every agency, then the workflow's stages as an
// assessor meets them.
var assessTabs = []struct {
	name     string
	statuses []oit.Status
}{
	{"all", nil},
	{"answering", []oit.Status{oit.StatusDraft, oit.StatusReturned, oit.StatusSubmitted}},
	{"approved", []oit.Status{oit.StatusApproved}},
	{"released", []oit.Status{oit.StatusReleased}},
	{"final", []oit.Status{oit.StatusFinal}},
}

const assessPerPage = 50

// assessQueue serves GET /assess.
func (s *Server) assessQueue(w http.ResponseWriter, r *http.Request) error {
	page, err := s.assessQueueData(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "assess", page)
	return nil
}

// assessQueueData reads the queue of the request's account: ?year=, ?status= (a tab name),
// ?page= (1-based).
func (s *Server) assessQueueData(r *http.Request) (*AssessQueuePage, error) {
	ctx := r.Context()
	a := authOf(ctx).Account
	y, err := s.oitYear(r)
	if err != nil {
		return nil, err
	}
	list, err := oit.ChecklistOf(y.FrameworkYear)
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	tab := q.Get("status")
	pageNo, _ := strconv.Atoi(q.Get("page"))
	pageNo = max(pageNo, 1)
	f := oit.QueueFilter{FiscalYear: y.FiscalYear, Limit: assessPerPage, Offset: (pageNo - 1) * assessPerPage}
	if a.Role != account.RoleCentralAdmin {
		f.Groups = append([]int{}, a.Groups...)
	}
	found := false
	for _, t := range assessTabs {
		if t.name == tab {
			f.Statuses, found = t.statuses, true
		}
	}
	if !found {
		tab = "all"
	}
	res, err := s.store.FindOITQueue(ctx, f)
	if err != nil {
		return nil, err
	}
	p := &AssessQueuePage{Page: Page{Title: "assess.title"}, FiscalYear: y.FiscalYear, Groups: f.Groups,
		Total: res.Total, PageNo: pageNo, Pages: (res.Total + assessPerPage - 1) / assessPerPage}
	href := func(tab string, page int) string {
		v := url.Values{"year": {strconv.Itoa(y.FiscalYear)}, "status": {tab}}
		if page > 1 {
			v.Set("page", strconv.Itoa(page))
		}
		return "/assess?" + v.Encode()
	}
	for _, t := range assessTabs {
		n := 0
		for st, c := range res.ByStatus {
			if t.statuses == nil || oitHas(t.statuses, st) {
				n += c
			}
		}
		p.Tabs = append(p.Tabs, AssessTab{Key: "assess.tab." + t.name, Href: href(t.name, 1), Count: n, Current: t.name == tab})
	}
	for _, row := range res.Rows {
		p.Rows = append(p.Rows, AssessRow{QueueRow: row, Items: list.Total(), Percent: percent(row.Answered, list.Total())})
	}
	if pageNo > 1 {
		p.PrevHref = href(tab, pageNo-1)
	}
	if pageNo < p.Pages {
		p.NextHref = href(tab, pageNo+1)
	}
	years, err := s.store.FindYears(ctx)
	if err != nil {
		return nil, err
	}
	for _, y := range years {
		p.Years = append(p.Years, y.FiscalYear)
	}
	return p, nil
}

// oitHas reports whether xs holds x.
func oitHas[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// AssessAgencyPage is one agency's answers as an assessor works on them: every item with its
// answer, score and reply, and the release and confirm steps.
type AssessAgencyPage struct {
	Page
	Agency        agency.Agency
	FiscalYear    int
	Status        oit.Status
	Version       int
	Counts        oit.Counts
	Total         int
	Indicators    []OITIndicatorView
	CanScore      bool
	CanRelease    bool
	CanDecide     bool
	CanConfirm    bool
	Review        assessment.Window
	Clarification assessment.Window
	Error         string
}

// assessPath returns the URL of an agency's assessor page (item "" for the list) in year fy.
func assessPath(code string, fy int, item string) string {
	p := "/assess/" + url.PathEscape(code)
	if item != "" {
		p += "/" + url.PathEscape(item)
	}
	return p + "?year=" + strconv.Itoa(fy)
}

// assessAgency serves GET /assess/{code}.
func (s *Server) assessAgency(w http.ResponseWriter, r *http.Request) error {
	c, err := s.oitFor(r, account.ActionScoreOIT)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "assess_agency", s.assessAgencyPage(r, c))
	return nil
}

func (s *Server) assessAgencyPage(r *http.Request, c *oitCtx) *AssessAgencyPage {
	open := s.openPhases(c)
	p := &AssessAgencyPage{Page: Page{Title: "assess.agency.title"}, Agency: c.ag, FiscalYear: c.year.FiscalYear,
		Status: c.rec.Status, Version: c.rec.Version, Counts: c.rec.Counts(), Total: c.list.Total(),
		Indicators: oitIndicators(requestLang(r), c, true),
		CanScore:   s.may(c, oit.ActionScore, open), CanRelease: s.may(c, oit.ActionRelease, open),
		CanDecide: s.may(c, oit.ActionDecide, open), CanConfirm: s.may(c, oit.ActionConfirm, open)}
	p.Review, _ = c.year.Window(assessment.PhaseOITReview)
	p.Clarification, _ = c.year.Window(assessment.PhaseClarification)
	return p
}

// assessStep serves POST /assess/{code}/release and /confirm.
func (s *Server) assessStep(a oit.Action, flash string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.oitWrite(w, r, account.ActionScoreOIT, a)
		if err != nil {
			return err
		}
		var base int
		err = parseVersion(r, &base)
		if err == nil {
			err = s.applyOIT(r, c, oit.Command{Action: a, Base: base})
		}
		if isFormError(err) {
			p := s.assessAgencyPage(r, c)
			p.Error = s.message(r, err)
			s.render(w, r, httpStatus(err), "assess_agency", p)
			return nil
		}
		if err != nil {
			return err
		}
		setFlash(w, flash)
		http.Redirect(w, r, assessPath(c.ag.Code, c.year.FiscalYear, ""), http.StatusSeeOther)
		return nil
	}
}

package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/oit"
)

// OITPage is an agency's OIT answers of a year: status, progress and every item grouped by
// indicator, with the admin's submit, the executive's item-by-item check and approval, and
// the results once the agency may see them.
type OITPage struct {
	Page
	Agency         agency.Agency
	FiscalYear     int
	Years          []int
	Status         oit.Status
	Tracking       oit.Tracking
	Version        int
	Answered       int
	Total          int
	Percent        int
	Counts         oit.Counts
	Indicators     []OITIndicatorView
	Answering      assessment.Window
	Clarification  assessment.Window
	CanSave        bool
	CanSubmit      bool
	CanReview      bool
	CanReply       bool
	ResultsVisible bool
	Scorer         bool
	Error          string
	// ReviewErrors and ReviewComments bring back an executive's check that failed, by item.
	ReviewErrors   map[string]map[string]string
	ReviewComments map[string]string
}

// OITItemPage is one item: its data components, the answer (a form for the admin while the
// answers are editable), the executive's check, and the results with the reply form in the
// clarification round.
type OITItemPage struct {
	Page
	Agency         agency.Agency
	FiscalYear     int
	Status         oit.Status
	Version        int
	View           OITItemView
	Prev, Next     string
	CanSave        bool
	CanReply       bool
	Scorer         bool
	ResultsVisible bool
	Form           OITAnswerForm
	ReplyForm      OITReplyForm
	Error          string
	Errors         map[string]string
	ReplyError     string
	ReplyErrors    map[string]string
	Answering      assessment.Window
	Clarification  assessment.Window
	Disclosures    []oit.Disclosure
}

// oitHome serves GET /oit: an agency account's own OIT page.
func (s *Server) oitHome(w http.ResponseWriter, r *http.Request) error {
	return &redirect{url: "/agencies/" + url.PathEscape(authOf(r.Context()).Account.AgencyCode) + "/oit"}
}

// oitPath returns the URL of an agency's OIT page (item "" for the list) in year fy.
func oitPath(code string, fy int, item string) string {
	p := "/agencies/" + url.PathEscape(code) + "/oit"
	if item != "" {
		p += "/" + url.PathEscape(item)
	}
	return p + "?year=" + strconv.Itoa(fy)
}

// oitOverview serves GET /agencies/{code}/oit.
func (s *Server) oitOverview(w http.ResponseWriter, r *http.Request) error {
	c, err := s.oitFor(r, account.ActionViewAgency)
	if err != nil {
		return err
	}
	p, err := s.oitPage(r, c)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "oit", p)
	return nil
}

func (s *Server) oitPage(r *http.Request, c *oitCtx) (*OITPage, error) {
	lang := requestLang(r)
	open := s.openPhases(c)
	visible := s.resultsVisible(c)
	p := &OITPage{Page: Page{Title: "oit.title"}, Agency: c.ag, FiscalYear: c.year.FiscalYear,
		Status: c.rec.Status, Tracking: c.rec.Status.Tracking(), Version: c.rec.Version, Counts: c.rec.Counts(),
		Indicators: oitIndicators(lang, c, visible), ResultsVisible: visible,
		CanSave: s.may(c, oit.ActionSave, open), CanSubmit: s.may(c, oit.ActionSubmit, open),
		CanReview: s.may(c, oit.ActionReview, open), CanReply: s.may(c, oit.ActionReply, open) && visible,
		Scorer: account.Can(c.acct, account.ActionScoreOIT, c.ag)}
	p.Answered, p.Total = c.list.Progress(c.rec)
	p.Percent = percent(p.Answered, p.Total)
	p.Answering, _ = c.year.Window(assessment.PhaseOITAnswering)
	p.Clarification, _ = c.year.Window(assessment.PhaseClarification)
	years, err := s.store.FindYears(r.Context())
	if err != nil {
		return nil, err
	}
	for _, y := range years {
		p.Years = append(p.Years, y.FiscalYear)
	}
	return p, nil
}

// renderOITError re-renders the OIT page with the error of an action that failed on its
// rules or on a stale version; any other error goes to the error page.
func (s *Server) renderOITError(w http.ResponseWriter, r *http.Request, c *oitCtx, err error, fill func(*OITPage)) error {
	if !isFormError(err) {
		return err
	}
	p, perr := s.oitPage(r, c)
	if perr != nil {
		return perr
	}
	p.Error = s.message(r, err)
	if fill != nil {
		fill(p)
	}
	s.render(w, r, httpStatus(err), "oit", p)
	return nil
}

// isFormError reports whether err is one a form shows beside its fields: a rule broken or a
// version that is no longer current.
func isFormError(err error) bool {
	c := apperr.CodeOf(err)
	return err != nil && (c == apperr.CodeInvalid || c == apperr.CodeConflict)
}

// oitWrite starts every OIT change: it parses the form, loads the context for an account
// that may take action a (perm on the agency), and refuses the change outside the action's
// phases before looking at the form.
func (s *Server) oitWrite(w http.ResponseWriter, r *http.Request, perm account.Action, a oit.Action) (*oitCtx, error) {
	if err := parseForm(w, r); err != nil {
		return nil, apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	c, err := s.oitFor(r, perm)
	if err != nil {
		return nil, err
	}
	if err := s.requireOITPhase(r.Context(), c.year.FiscalYear, a); err != nil {
		return nil, err
	}
	return c, nil
}

// oitItem serves GET /agencies/{code}/oit/{item}.
func (s *Server) oitItem(w http.ResponseWriter, r *http.Request) error {
	c, err := s.oitFor(r, account.ActionViewAgency)
	if err != nil {
		return err
	}
	id, err := oitItemID(r, c)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "oit_item", s.oitItemPage(r, c, id))
	return nil
}

func (s *Server) oitItemPage(r *http.Request, c *oitCtx, id string) *OITItemPage {
	open := s.openPhases(c)
	visible := s.resultsVisible(c)
	v := oitView(requestLang(r), c, id, visible)
	p := &OITItemPage{Page: Page{Title: "oit.item.title"}, Agency: c.ag, FiscalYear: c.year.FiscalYear,
		Status: c.rec.Status, Version: c.rec.Version, View: v, ResultsVisible: visible,
		CanSave:     s.may(c, oit.ActionSave, open),
		CanReply:    s.may(c, oit.ActionReply, open) && v.ShowResult && !v.FullMarks,
		Scorer:      account.Can(c.acct, account.ActionScoreOIT, c.ag),
		Form:        answerFormOf(c.rec.Version, v.Item.Answer),
		ReplyForm:   OITReplyForm{Version: c.rec.Version, Text: v.Item.Reply.Text, URL: v.Item.Reply.URL},
		Disclosures: oit.Disclosures,
	}
	p.Prev, _ = c.list.Prev(id)
	p.Next, _ = c.list.Next(id)
	p.Answering, _ = c.year.Window(assessment.PhaseOITAnswering)
	p.Clarification, _ = c.year.Window(assessment.PhaseClarification)
	return p
}

// oitSave serves POST /agencies/{code}/oit/{item}: the admin saves one answer. "next" in the
// form goes on to the next item.
func (s *Server) oitSave(w http.ResponseWriter, r *http.Request) error {
	var f OITAnswerForm
	return s.oitItemPost(w, r, oitItemChange{perm: account.ActionSubmitAgencyData, action: oit.ActionSave,
		form: &f, flash: "oit.saved",
		reshow: func(c *oitCtx, id string, err error) error {
			p := s.oitItemPage(r, c, id)
			p.Form, p.Error, p.Errors = f, s.message(r, err), apperr.FieldsOf(err)
			s.render(w, r, httpStatus(err), "oit_item", p)
			return nil
		},
		next: func(c *oitCtx, id string) string {
			return oitPath(c.ag.Code, c.year.FiscalYear, nextIfAsked(r, c, id))
		},
	})
}

// oitReview serves POST /agencies/{code}/oit/{item}/review: the executive passes or fails one
// item and comes back to it on the list.
func (s *Server) oitReview(w http.ResponseWriter, r *http.Request) error {
	var f OITReviewForm
	return s.oitItemPost(w, r, oitItemChange{perm: account.ActionApproveAgencyData, action: oit.ActionReview,
		form: &f, flash: "oit.reviewed",
		reshow: func(c *oitCtx, id string, err error) error {
			return s.renderOITError(w, r, c, err, func(p *OITPage) {
				p.ReviewErrors = map[string]map[string]string{id: apperr.FieldsOf(err)}
				p.ReviewComments = map[string]string{id: f.Comment}
			})
		},
		next: func(c *oitCtx, id string) string {
			return oitPath(c.ag.Code, c.year.FiscalYear, "") + "#item-" + id
		},
	})
}

// oitReply serves POST /agencies/{code}/oit/{item}/reply: the admin clarifies one item.
func (s *Server) oitReply(w http.ResponseWriter, r *http.Request) error {
	var f OITReplyForm
	return s.oitItemPost(w, r, oitItemChange{perm: account.ActionSubmitAgencyData, action: oit.ActionReply,
		form: &f, flash: "oit.replied",
		reshow: func(c *oitCtx, id string, err error) error {
			p := s.oitItemPage(r, c, id)
			p.ReplyForm, p.ReplyError, p.ReplyErrors = f, s.message(r, err), apperr.FieldsOf(err)
			s.render(w, r, httpStatus(err), "oit_item", p)
			return nil
		},
		next: func(c *oitCtx, id string) string { return oitPath(c.ag.Code, c.year.FiscalYear, id) },
	})
}

// oitStep serves the whole-record actions of the agency: POST /agencies/{code}/oit/submit
// (the admin), /reject and /approve (the executive).
func (s *Server) oitStep(perm account.Action, a oit.Action, flash string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.oitWrite(w, r, perm, a)
		if err != nil {
			return err
		}
		var base int
		err = parseVersion(r, &base)
		if err == nil {
			err = s.applyOIT(r, c, oit.Command{Action: a, Base: base})
		}
		if err != nil {
			return s.renderOITError(w, r, c, err, nil)
		}
		setFlash(w, flash)
		http.Redirect(w, r, oitPath(c.ag.Code, c.year.FiscalYear, ""), http.StatusSeeOther)
		return nil
	}
}

package web

import (
	"net/http"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/evidence"
	"github.com/openitas/itas/internal/oit"
)

// AssessItemPage is the assessor's page of one item: the agency's answer and URLs, what the
// evidence capture found at them, the executive's check, the data components to tick, the
// score and comment, and in the clarification round the agency's reply and the decision.
type AssessItemPage struct {
	Page
	Agency         agency.Agency
	FiscalYear     int
	Status         oit.Status
	Version        int
	View           OITItemView
	Prev, Next     string
	Evidence       []EvidenceFetch // newest first
	EvidenceError  bool
	Scores         []string
	CanScore       bool
	CanDecide      bool
	Form           OITScoreForm
	ScoreValue     string
	Decision       OITDecisionForm
	DecisionValue  string
	Error          string
	Errors         map[string]string
	DecisionError  string
	DecisionErrors map[string]string
}

// assessItem serves GET /assess/{code}/{item}. Opening the item asks the evidence capture to
// fetch its URLs again (ReasonOpened), so that the assessor sees what is there now.
func (s *Server) assessItem(w http.ResponseWriter, r *http.Request) error {
	c, err := s.oitFor(r, account.ActionScoreOIT)
	if err != nil {
		return err
	}
	id, err := oitItemID(r, c)
	if err != nil {
		return err
	}
	if urls := c.rec.Item(id).Answer.URLs; len(urls) > 0 {
		s.captureEvidence(r.Context(), evidence.Target{FiscalYear: c.year.FiscalYear, AgencyCode: c.ag.Code, ItemID: id},
			urls, evidence.ReasonOpened)
	}
	p := s.assessItemPage(r, c, id)
	s.render(w, r, http.StatusOK, "assess_item", p)
	return nil
}

func (s *Server) assessItemPage(r *http.Request, c *oitCtx, id string) *AssessItemPage {
	open := s.openPhases(c)
	v := oitView(requestLang(r), c, id, true)
	it := v.Item
	p := &AssessItemPage{Page: Page{Title: "assess.item.title"}, Agency: c.ag, FiscalYear: c.year.FiscalYear,
		Status: c.rec.Status, Version: c.rec.Version, View: v,
		CanScore: s.may(c, oit.ActionScore, open), CanDecide: s.may(c, oit.ActionDecide, open) && it.Reply.Replied(),
		Form:     OITScoreForm{Version: c.rec.Version, Components: it.Assessment.Components, Score: it.Assessment.Score, Comment: it.Assessment.Comment},
		Decision: OITDecisionForm{Version: c.rec.Version, Score: it.Decision.Score, Comment: it.Decision.Comment},
	}
	if it.Assessment.Scored {
		p.ScoreValue = formatScore(it.Assessment.Score)
	}
	if it.Decision.Decided {
		p.DecisionValue = formatScore(it.Decision.Score)
	}
	for _, sc := range c.list.Scores() {
		p.Scores = append(p.Scores, formatScore(sc))
	}
	p.Prev, _ = c.list.Prev(id)
	p.Next, _ = c.list.Next(id)
	ev, err := s.evidenceFetchView(r, evidence.Target{FiscalYear: c.year.FiscalYear, AgencyCode: c.ag.Code, ItemID: id})
	if err != nil {
		s.log.ErrorContext(r.Context(), "evidence history", "error", err.Error())
		p.EvidenceError = true
	}
	p.Evidence = ev
	return p
}

// assessScore serves POST /assess/{code}/{item}/score; "next" in the form goes on to the next
// item.
func (s *Server) assessScore(w http.ResponseWriter, r *http.Request) error {
	var f OITScoreForm
	return s.oitItemPost(w, r, oitItemChange{perm: account.ActionScoreOIT, action: oit.ActionScore,
		form: &f, flash: "oit.scored",
		reshow: func(c *oitCtx, id string, err error) error {
			p := s.assessItemPage(r, c, id)
			p.Form, p.Error, p.Errors = f, s.message(r, err), apperr.FieldsOf(err)
			p.ScoreValue = r.PostFormValue("score")
			for i := range p.View.Components {
				p.View.Components[i].Found = oitHas(f.Components, i)
			}
			s.render(w, r, httpStatus(err), "assess_item", p)
			return nil
		},
		next: func(c *oitCtx, id string) string {
			return assessPath(c.ag.Code, c.year.FiscalYear, nextIfAsked(r, c, id))
		},
	})
}

// assessDecide serves POST /assess/{code}/{item}/decide.
func (s *Server) assessDecide(w http.ResponseWriter, r *http.Request) error {
	var f OITDecisionForm
	return s.oitItemPost(w, r, oitItemChange{perm: account.ActionScoreOIT, action: oit.ActionDecide,
		form: &f, flash: "oit.decided",
		reshow: func(c *oitCtx, id string, err error) error {
			p := s.assessItemPage(r, c, id)
			p.Decision, p.DecisionError, p.DecisionErrors = f, s.message(r, err), apperr.FieldsOf(err)
			p.DecisionValue = r.PostFormValue("score")
			s.render(w, r, httpStatus(err), "assess_item", p)
			return nil
		},
		next: func(c *oitCtx, id string) string { return assessPath(c.ag.Code, c.year.FiscalYear, id) },
	})
}

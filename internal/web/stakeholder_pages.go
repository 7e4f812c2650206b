package web

import (
	"net/http"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/stakeholder"
)

// StakeholdersPage is an agency's stakeholder data of the current year: one card per kind,
// with the forms the viewer may use.
type StakeholdersPage struct {
	Page
	Agency     agency.Agency
	FiscalYear int
	Window     *assessment.Window // the stakeholder-data phase; nil if the year sets none
	PhaseOpen  bool
	Cards      []StakeholderCard
	Contacts   int
	Error      string
}

// StakeholderCard is one kind of data as the page shows it.
type StakeholderCard struct {
	Kind    stakeholder.Kind
	Record  stakeholder.Record
	Minimum int
	// CanEdit: the viewer is the agency's admin, the phase is open and the cycle lets the data
	// change; CanDecide: the same for the executive's approve and return.
	CanEdit, CanDecide bool
	// Form values and messages re-rendered after a refused change.
	Population, Reason                         string
	PopulationError, ReasonError, SubmitErrors string
}

// Keys returns the message-key stem of the card's texts: "stakeholder.internal" or
// "stakeholder.external".
func (c StakeholderCard) Keys() string { return "stakeholder." + string(c.Kind) }

// StatusKey returns the message key of the record's status.
func (c StakeholderCard) StatusKey() string { return "stakeholder.status." + string(c.Record.Status) }

// stakeholdersPage builds the page for target t; failed, when not nil, is a refused change of
// kind k to show beside its form, with the values the user sent.
func (s *Server) stakeholdersPage(r *http.Request, t shTarget, k stakeholder.Kind, failed error, population, reason string) (*StakeholdersPage, error) {
	d, err := s.store.FindStakeholderData(r.Context(), t.Year.FiscalYear, t.Agency.Code)
	if err != nil {
		return nil, err
	}
	acct := authOf(r.Context()).Account
	p := &StakeholdersPage{Page: Page{Title: "stakeholder.title"}, Agency: t.Agency, FiscalYear: t.Year.FiscalYear,
		Contacts: d.Contacts}
	if w, ok := t.Year.Window(assessment.PhaseStakeholderData); ok {
		p.Window = &w
	}
	p.PhaseOpen = t.Year.CheckOpen(assessment.PhaseStakeholderData, s.now()) == nil
	mayEdit := p.PhaseOpen && account.Can(acct, account.ActionSubmitAgencyData, t.Agency)
	mayDecide := p.PhaseOpen && account.Can(acct, account.ActionApproveAgencyData, t.Agency)
	for _, kind := range stakeholder.Kinds {
		rec := d.Record(kind)
		c := StakeholderCard{Kind: kind, Record: rec, Minimum: rec.Minimum(t.Rule),
			CanEdit:   mayEdit && rec.Status.Editable(),
			CanDecide: mayDecide && rec.Status == stakeholder.Submitted}
		if rec.Population > 0 {
			c.Population = stakeholder.FormatCount(rec.Population)
		}
		if kind == k && failed != nil {
			if population != "" { // a refused submit or decision sends no count: keep the stored one
				c.Population = population
			}
			c.Reason = reason
			fields := apperr.FieldsOf(failed)
			c.PopulationError, c.ReasonError = fields[stakeholder.FieldPopulation], fields[stakeholder.FieldReason]
			c.SubmitErrors = fields[stakeholder.FieldContacts]
			p.Error = s.message(r, failed)
		}
		p.Cards = append(p.Cards, c)
	}
	return p, nil
}

// stakeholdersView serves GET /agencies/{code}/stakeholders.
func (s *Server) stakeholdersView(w http.ResponseWriter, r *http.Request) error {
	t, err := s.shForView(r, 0)
	if err != nil {
		return err
	}
	p, err := s.stakeholdersPage(r, t, "", nil, "", "")
	if err != nil {
		return err
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "stakeholders", p)
	return nil
}

// shRefused re-renders the page after a change the rules refused (Invalid or Conflict) with the
// messages beside the form, and reports whether it did; other errors are left to the caller.
func (s *Server) shRefused(w http.ResponseWriter, r *http.Request, t shTarget, k stakeholder.Kind, err error) (bool, error) {
	if c := apperr.CodeOf(err); c != apperr.CodeInvalid && c != apperr.CodeConflict {
		return false, nil
	}
	p, perr := s.stakeholdersPage(r, t, k, err, r.PostFormValue("population"), r.PostFormValue("reason"))
	if perr != nil {
		return true, perr
	}
	noStore(w)
	s.render(w, r, httpStatus(err), "stakeholders", p)
	return true, nil
}

// stakeholderPopulation serves POST /agencies/{code}/stakeholders/{side}/population: the admin
// saves the internal count or the external estimate.
func (s *Server) stakeholderPopulation(w http.ResponseWriter, r *http.Request) error {
	k, err := shSide(r)
	if err != nil {
		return err
	}
	t, err := s.shForWrite(r, account.ActionSubmitAgencyData)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	n, err := stakeholder.ParsePopulation(k, r.PostFormValue("population"))
	if err == nil {
		_, err = s.store.SetStakeholderPopulation(r.Context(), t.Year.FiscalYear, t.Agency.Code, k, n, s.by(r))
	}
	if done, rerr := s.shRefused(w, r, t, k, err); done || rerr != nil {
		return rerr
	}
	if err != nil {
		return err
	}
	setFlash(w, "stakeholder.flash.saved")
	return &redirect{url: "/agencies/" + t.Agency.Code + "/stakeholders"}
}

// stakeholderStepHandler serves the buttons of the approval cycle: submit (the admin), approve
// and return (the executive).
func (s *Server) stakeholderStepHandler(st stakeholderStep) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		if err := parseForm(w, r); err != nil {
			return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
		}
		t, _, err := s.takeStep(r, st, r.PostFormValue("reason"))
		if t.Agency.Code != "" {
			k, _ := shSide(r)
			if done, rerr := s.shRefused(w, r, t, k, err); done || rerr != nil {
				return rerr
			}
		}
		if err != nil {
			return err
		}
		setFlash(w, st.flash)
		return &redirect{url: "/agencies/" + t.Agency.Code + "/stakeholders"}
	}
}

// stakeholderSubmit serves POST /agencies/{code}/stakeholders/{side}/submit (ยื่นขออนุมัติ).
func (s *Server) stakeholderSubmit(w http.ResponseWriter, r *http.Request) error {
	return s.stakeholderStepHandler(stakeholderSubmitStep)(w, r)
}

// stakeholderApprove serves POST /agencies/{code}/stakeholders/{side}/approve (อนุมัติ).
func (s *Server) stakeholderApprove(w http.ResponseWriter, r *http.Request) error {
	return s.stakeholderStepHandler(stakeholderApproveStep)(w, r)
}

// stakeholderReturn serves POST /agencies/{code}/stakeholders/{side}/return (ตีกลับ), with the
// form's reason.
func (s *Server) stakeholderReturn(w http.ResponseWriter, r *http.Request) error {
	return s.stakeholderStepHandler(stakeholderReturnStep)(w, r)
}

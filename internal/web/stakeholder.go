package web

import (
	"context"
	"net/http"
	"strconv"
	"sync"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/stakeholder"
)

// The stakeholder feature (manual 6.2 ข้อ 2): pages and API for the agency admin to enter the
// internal count, the external estimate and sample list, and submit them; for the executive to
// approve or return them; read-only for the others in scope. Shared here: what a request is
// about, who may change it, and the step of the cycle each button takes.

func init() {
	// The audit log's filter offers the feature's actions; their names are in
	// messages_stakeholder.go.
	auditActions = append(auditActions, stakeholder.AuditActions...)
}

// shTarget is the agency and assessment year a stakeholder request is about, with the year's
// minimum-sample rule.
type shTarget struct {
	Agency agency.Agency
	Year   assessment.Year
	Rule   framework.SampleRule
}

// shForView resolves the path's {code} for reading: the account must be able to view the
// agency. The year is the current one; fiscalYear > 0 asks for another. Errors: NotFound,
// Forbidden, and NotFound when no year is open.
func (s *Server) shForView(r *http.Request, fiscalYear int) (shTarget, error) {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return shTarget{}, err
	}
	var y assessment.Year
	if fiscalYear > 0 {
		y, err = s.store.FindYear(r.Context(), fiscalYear)
	} else {
		y, err = s.openYear(r.Context())
	}
	if err != nil {
		return shTarget{}, err
	}
	rule, err := sampleRule(y.FrameworkYear)
	return shTarget{Agency: ag, Year: y, Rule: rule}, err
}

// shForWrite resolves the path's {code} for a change: the account's role must be allowed perm
// on that agency (the admin's own agency for submitting, the executive's for approving), and
// the stakeholder-data phase of the current year must be open now. Errors: NotFound;
// Forbidden; PhaseClosed with the phase's dates.
func (s *Server) shForWrite(r *http.Request, perm account.Action) (shTarget, error) {
	ag, err := s.store.FindAgencyByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		return shTarget{}, err
	}
	if !account.Can(authOf(r.Context()).Account, perm, ag) {
		return shTarget{}, apperr.Forbidden("คุณไม่มีสิทธิ์แก้ไขหรืออนุมัติข้อมูลผู้มีส่วนได้ส่วนเสียของหน่วยงานนี้",
			"You may not change or approve this agency's stakeholder data")
	}
	y, err := s.requirePhase(r.Context(), 0, assessment.PhaseStakeholderData)
	if err != nil {
		return shTarget{}, err
	}
	rule, err := sampleRule(y.FrameworkYear)
	return shTarget{Agency: ag, Year: y, Rule: rule}, err
}

// shSide returns the kind named by the path's {side}; NotFound for anything else.
func shSide(r *http.Request) (stakeholder.Kind, error) {
	k, ok := stakeholder.ParseKind(r.PathValue("side"))
	if !ok {
		return "", apperr.NotFound("ไม่พบประเภทข้อมูลผู้มีส่วนได้ส่วนเสียนี้ (internal หรือ external)", "No such stakeholder data (internal or external)")
	}
	return k, nil
}

// shContactID returns the contact number of the path's {contact}; NotFound if it is not one.
func shContactID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("contact"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.NotFound("ไม่พบรายชื่อนี้", "No such contact")
	}
	return id, nil
}

// stakeholderStep is one step of the approval cycle as a button or API call takes it: the
// permission it needs, the step, and the confirmation shown after it.
type stakeholderStep struct {
	perm  account.Action
	step  stakeholder.Action
	flash string
}

var (
	stakeholderSubmitStep  = stakeholderStep{account.ActionSubmitAgencyData, stakeholder.ActionSubmit, "stakeholder.flash.submitted"}
	stakeholderApproveStep = stakeholderStep{account.ActionApproveAgencyData, stakeholder.ActionApprove, "stakeholder.flash.approved"}
	stakeholderReturnStep  = stakeholderStep{account.ActionApproveAgencyData, stakeholder.ActionReturn, "stakeholder.flash.returned"}
)

// takeStep checks and takes step on the path's {side} with the given reason (for a return).
func (s *Server) takeStep(r *http.Request, st stakeholderStep, reason string) (shTarget, stakeholder.Record, error) {
	k, err := shSide(r)
	if err != nil {
		return shTarget{}, stakeholder.Record{}, err
	}
	t, err := s.shForWrite(r, st.perm)
	if err != nil {
		return t, stakeholder.Record{}, err
	}
	rec, err := s.store.ChangeStakeholderStatus(r.Context(), t.Year.FiscalYear, t.Agency.Code, k, st.step, reason, s.by(r))
	return t, rec, err
}

// stakeholderFacts fills in the stakeholder part of an agency's progress: whether each kind
// is approved, and the minimum samples the approved counts imply (0 until approved).
func (s *Server) stakeholderFacts(ctx context.Context, y assessment.Year, code string, f *assessment.Facts) error {
	d, err := s.store.FindStakeholderData(ctx, y.FiscalYear, code)
	if err != nil {
		return err
	}
	rule, err := sampleRule(y.FrameworkYear)
	if err != nil {
		return err
	}
	f.InternalDataApproved = d.Internal.Approved()
	f.ExternalDataApproved = d.External.Approved()
	if f.InternalDataApproved {
		f.IITMinimum = d.Internal.Minimum(rule)
	}
	if f.ExternalDataApproved {
		f.EITMinimum = d.External.Minimum(rule)
	}
	return nil
}

// sampleRules caches the minimum-sample rule of each framework year: parsing a framework
// takes milliseconds, and every stakeholder page and progress view needs the rule.
var sampleRules sync.Map // framework year → framework.SampleRule

// sampleRule returns the minimum-sample rule of the built-in framework of frameworkYear.
func sampleRule(frameworkYear int) (framework.SampleRule, error) {
	if r, ok := sampleRules.Load(frameworkYear); ok {
		return r.(framework.SampleRule), nil
	}
	f, err := framework.Builtin(frameworkYear)
	if err != nil {
		return framework.SampleRule{}, apperr.Internal(err)
	}
	sampleRules.Store(frameworkYear, f.MinimumSample)
	return f.MinimumSample, nil
}

// stakeholdersHome serves GET /stakeholders, the menu's entry: an agency account goes to its
// own agency's stakeholder data, anyone else to the agency list to choose one.
func (s *Server) stakeholdersHome(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context()).Account
	if a.Role.OfAgency() && a.AgencyCode != "" {
		return &redirect{url: "/agencies/" + a.AgencyCode + "/stakeholders"}
	}
	return &redirect{url: "/agencies"}
}

package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/evidence"
	"github.com/openitas/itas/internal/oit"
)

// oitCtx is what every OIT page and action works on: who asks, the agency of the path, the
// year asked for (the current one by default), its checklist, and the agency's record.
type oitCtx struct {
	acct account.Account
	ag   agency.Agency
	year assessment.Year
	list *oit.Checklist
	rec  oit.Record
}

// oitFor loads the OIT context of the request for an account that may take action perm on
// the agency of the path's {code}: ActionViewAgency for pages, the workflow's permission for
// changes. The year comes from the "year" query or form value. Errors: NotFound for an
// unknown agency or year, Forbidden outside the account's scope.
func (s *Server) oitFor(r *http.Request, perm account.Action) (*oitCtx, error) {
	ctx := r.Context()
	a := authOf(ctx)
	ag, err := s.store.FindAgencyByCode(ctx, r.PathValue("code"))
	if err != nil {
		return nil, err
	}
	if !account.Can(a.Account, perm, ag) {
		return nil, apperr.Forbidden("คุณไม่มีสิทธิ์ดำเนินการกับแบบ OIT ของหน่วยงานนี้", "You may not do this with this agency's OIT answers")
	}
	y, err := s.oitYear(r)
	if err != nil {
		return nil, err
	}
	list, err := oit.ChecklistOf(y.FrameworkYear)
	if err != nil {
		return nil, err
	}
	rec, err := s.store.FindOIT(ctx, y.FiscalYear, ag.Code)
	if err != nil {
		return nil, err
	}
	return &oitCtx{acct: a.Account, ag: ag, year: y, list: list, rec: rec}, nil
}

// oitYear returns the year named by the request's "year" value, else the current year.
func (s *Server) oitYear(r *http.Request) (assessment.Year, error) {
	v := strings.TrimSpace(r.FormValue("year"))
	if v == "" {
		return s.openYear(r.Context())
	}
	fy, err := strconv.Atoi(v)
	if err != nil {
		return assessment.Year{}, apperr.NotFound("ไม่พบปีการประเมินที่ระบุ", "No such assessment year")
	}
	return s.store.FindYear(r.Context(), fy)
}

// requireOITPhase is the phase lock of the OIT workflow: the action's phases come from the
// transition table, and it passes when any of them is open; otherwise it returns the
// PhaseClosed error of the first, which names its dates.
func (s *Server) requireOITPhase(ctx context.Context, fy int, a oit.Action) error {
	t, ok := oit.TransitionOf(a)
	if !ok {
		return apperr.Invalid("ไม่รู้จักการดำเนินการนี้", "Unknown action")
	}
	var first error
	for _, p := range t.Phases {
		_, err := s.requirePhase(ctx, fy, p)
		if err == nil {
			return nil
		}
		if apperr.CodeOf(err) != apperr.CodePhaseClosed {
			return err
		}
		if first == nil {
			first = err
		}
	}
	return first
}

// applyOIT checks the phase and takes cmd on the context's record for the request's account;
// on success it captures the evidence the action calls for and updates c.rec.
func (s *Server) applyOIT(r *http.Request, c *oitCtx, cmd oit.Command) error {
	ctx := r.Context()
	if err := s.requireOITPhase(ctx, c.year.FiscalYear, cmd.Action); err != nil {
		return err
	}
	rec, err := s.store.ApplyOIT(ctx, c.year.FiscalYear, c.ag.Code, cmd, s.by(r))
	if err != nil {
		return err
	}
	c.rec = rec
	s.oitEvidence(ctx, c, cmd)
	return nil
}

// oitEvidence asks the evidence feature to fetch the URLs an action concerns: an answer when
// it is saved, every answer when the executive confirms, a reply's URL when the agency
// clarifies. (Assessors opening an item is in assessItem.)
func (s *Server) oitEvidence(ctx context.Context, c *oitCtx, cmd oit.Command) {
	target := func(id string) evidence.Target {
		return evidence.Target{FiscalYear: c.year.FiscalYear, AgencyCode: c.ag.Code, ItemID: id}
	}
	switch cmd.Action {
	case oit.ActionSave:
		if urls := c.rec.Item(cmd.ItemID).Answer.URLs; len(urls) > 0 {
			s.captureEvidence(ctx, target(cmd.ItemID), urls, evidence.ReasonSaved)
		}
	case oit.ActionApprove:
		for _, id := range c.list.ItemIDs {
			if urls := c.rec.Item(id).Answer.URLs; len(urls) > 0 {
				s.captureEvidence(ctx, target(id), urls, evidence.ReasonConfirmed)
			}
		}
	case oit.ActionReply:
		if u := c.rec.Item(cmd.ItemID).Reply.URL; u != "" {
			s.captureEvidence(ctx, target(cmd.ItemID), []string{u}, evidence.ReasonClarified)
		}
	}
}

// oitItemID returns the path's {item} if it is an item of the checklist; NotFound otherwise.
func oitItemID(r *http.Request, c *oitCtx) (string, error) {
	id := r.PathValue("item")
	if _, ok := c.list.Item(id); !ok {
		return "", apperr.NotFound("ไม่พบข้อคำถามนี้ในแบบ OIT ของปีนี้", "No such OIT item this year")
	}
	return id, nil
}

// resultsVisible reports whether the request's account may see the assessors' scores and
// comments of c's record: assessors and NACC always; the agency and its supervising body once
// the scores are released and the clarification phase has begun (oit.ResultsVisible).
func (s *Server) resultsVisible(c *oitCtx) bool {
	if account.Allowed(c.acct, account.ActionScoreOIT) {
		return true
	}
	return oit.ResultsVisible(c.rec, c.year, s.now())
}

// openPhases returns the phases of c's year open now.
func (s *Server) openPhases(c *oitCtx) map[assessment.Phase]bool {
	out := map[assessment.Phase]bool{}
	for _, p := range c.year.OpenPhases(s.now()) {
		out[p] = true
	}
	return out
}

// may reports whether the request's account could take action a on c's record now: its role,
// the record's status and the open phases allow it. Pages use it to offer a form; the server
// checks again when the form comes back.
func (s *Server) may(c *oitCtx, a oit.Action, open map[assessment.Phase]bool) bool {
	t, ok := oit.TransitionOf(a)
	if !ok || !t.Allows(c.acct.Role) || !t.StartsIn(c.rec.Status) {
		return false
	}
	for _, p := range t.Phases {
		if open[p] {
			return true
		}
	}
	return false
}

// formatScore writes an item score as the framework does: 0, 50, 100.
func formatScore(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// oitFacts fills in the OIT steps of an agency's progress in year y: submitted (ส่งแบบแล้ว
// or later) and approved (อนุมัติแล้ว).
func (s *Server) oitFacts(ctx context.Context, y assessment.Year, code string, f *assessment.Facts) error {
	sums, err := s.store.FindOITSummaries(ctx, y.FiscalYear, []string{code})
	if err != nil {
		return err
	}
	st := sums[code].Status
	f.OITSubmitted, f.OITApproved = st.Submitted(), st.Approved()
	return nil
}

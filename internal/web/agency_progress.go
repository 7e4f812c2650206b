package web

import (
	"context"
	"fmt"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
)

// stepPhase is the phase of the year during which each step of an agency's progress gets done,
// whose window the progress shows beside the step (manual section 4's timeline).
var stepPhase = map[assessment.Step]assessment.Phase{
	assessment.StepRegistered:           assessment.PhaseRegistration,
	assessment.StepInternalDataApproved: assessment.PhaseStakeholderData,
	assessment.StepExternalDataApproved: assessment.PhaseStakeholderData,
	assessment.StepIITMinimum:           assessment.PhaseIITCollection,
	assessment.StepEITMinimum:           assessment.PhaseEITCollection,
	assessment.StepOITSubmitted:         assessment.PhaseOITAnswering,
	assessment.StepOITApproved:          assessment.PhaseOITAnswering,
}

// ProgressStep is one step of an agency's progress as pages and the API show it: done or not,
// required for an official result or not, and the window of its phase in the year.
type ProgressStep struct {
	assessment.StepStatus
	Phase      assessment.Phase
	Start, End time.Time // zero when the year has no window for the phase
	Open, Past bool      // the phase is open now, or over
	Count      string    // "12 / 30" for the respondent minimums, else ""
}

// AgencyProgress is an agency's progress through the current year's steps.
type AgencyProgress struct {
	Year    *assessment.Year // nil when no year has been opened
	Steps   []ProgressStep
	Missing []assessment.Step // the required steps not done: the result would be unofficial ("*")
}

// agencyProgress returns the progress of the agency with code in the current year (see
// currentYear), from the facts every feature contributes to agencyFacts.
func (s *Server) agencyProgress(ctx context.Context, code string) (AgencyProgress, error) {
	var out AgencyProgress
	y, err := s.openYear(ctx)
	if err != nil && !apperr.Is(err, apperr.CodeNotFound) {
		return out, err
	}
	facts, err := s.agencyFacts(ctx, y, code)
	if err != nil {
		return out, err
	}
	if y.FiscalYear != 0 {
		out.Year = &y
	}
	now := s.now()
	open := map[assessment.Phase]bool{}
	for _, p := range y.OpenPhases(now) {
		open[p] = true
	}
	statuses := assessment.Progress(facts)
	for _, st := range statuses {
		ps := ProgressStep{StepStatus: st, Phase: stepPhase[st.Step], Open: open[stepPhase[st.Step]]}
		if w, ok := y.Window(ps.Phase); ok {
			ps.Start, ps.End, ps.Past = w.Start, w.End, now.After(w.End)
		}
		switch {
		case st.Step == assessment.StepIITMinimum && facts.IITMinimum > 0:
			ps.Count = fmt.Sprintf("%s / %s", formatNumber(facts.IITResponses), formatNumber(facts.IITMinimum))
		case st.Step == assessment.StepEITMinimum && facts.EITMinimum > 0:
			ps.Count = fmt.Sprintf("%s / %s", formatNumber(facts.EITResponses), formatNumber(facts.EITMinimum))
		}
		out.Steps = append(out.Steps, ps)
	}
	out.Missing = assessment.Missing(statuses)
	return out, nil
}

// ProgressStepJSON is one step of an agency's progress in the API; start and end are the
// window of the step's phase, absent when the year has none.
type ProgressStepJSON struct {
	Step     string     `json:"step"`
	Name     string     `json:"name"`
	Done     bool       `json:"done"`
	Required bool       `json:"required"`
	Phase    string     `json:"phase"`
	Start    *time.Time `json:"start,omitempty"`
	End      *time.Time `json:"end,omitempty"`
	Open     bool       `json:"open"`
}

// ProgressJSON is an agency's progress in the current year. Official is false while a
// required step is missing.
type ProgressJSON struct {
	FiscalYear int                `json:"fiscal_year,omitempty"`
	Steps      []ProgressStepJSON `json:"steps"`
	Missing    []string           `json:"missing"`
	Official   bool               `json:"official"`
}

func progressJSON(lang Lang, p AgencyProgress) ProgressJSON {
	out := ProgressJSON{Steps: []ProgressStepJSON{}, Missing: []string{}, Official: len(p.Missing) == 0}
	if p.Year != nil {
		out.FiscalYear = p.Year.FiscalYear
	}
	for _, st := range p.Steps {
		j := ProgressStepJSON{Step: string(st.Step), Name: lang.T("step." + string(st.Step)), Done: st.Done,
			Required: st.Required, Phase: string(st.Phase), Open: st.Open}
		if !st.Start.IsZero() {
			start, end := st.Start, st.End
			j.Start, j.End = &start, &end
		}
		out.Steps = append(out.Steps, j)
	}
	for _, m := range p.Missing {
		out.Missing = append(out.Missing, string(m))
	}
	return out
}

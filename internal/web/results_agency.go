package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/thaidate"
)

// ResultsAgencyPage is one agency's result in a year: the total, rating and the reasons for
// a "*", then every instrument, indicator, sub-indicator and question (OIT: item, with the
// assessor's comment) with its score.
type ResultsAgencyPage struct {
	Page
	Agency    agency.Agency
	Year      assessment.Year
	YearField Field
	// Hidden: the agency may not see the result yet (publication has not begun); Published is
	// the publication window for the note.
	Hidden      bool
	Publication assessment.Window
	// NotComputed: the year's results have not been computed (or not with this agency).
	NotComputed bool
	Run         results.Run
	Result      ResultView
}

// ResultView is a result laid out in framework order for reading.
type ResultView struct {
	Total       string
	Rating      string
	Passed      string // message key: results.passed.yes, .no, or .none without a total
	Official    bool
	Flags       []string
	Instruments []InstrumentView
}

// InstrumentView is one instrument of a result.
type InstrumentView struct {
	ID          string
	Name        string
	Weight      string
	Score       string
	Respondents string // "130 / 125" (respondents / minimum) for a survey, else ""
	Parts       []PartView
	Indicators  []IndicatorView
}

// PartView is one collection part of a survey collected in parts.
type PartView struct {
	Name        string
	Score       string
	Respondents int
}

// IndicatorView is an indicator or an OIT sub-indicator with its questions or items.
type IndicatorView struct {
	ID        string
	Name      string
	Score     string
	Subs      []IndicatorView
	Questions []QuestionView
}

// QuestionView is a question (or OIT item) with its score — per part too for a survey
// collected in parts — and, for an OIT item, the assessor's comment.
type QuestionView struct {
	ID         string
	Text       string
	Score      string
	PartScores []string
	Comment    string
}

// resultsPublishedTo reports whether acct may see year y's results now: NACC, assessors and
// supervising bodies (in scope) as soon as they are computed; the agency itself once the
// year's publication phase has begun.
func (s *Server) resultsPublishedTo(acct account.Account, y assessment.Year) bool {
	if !acct.Role.OfAgency() {
		return true
	}
	w, ok := y.Window(assessment.PhasePublication)
	return ok && !s.now().Before(w.Start)
}

// notPublished is the error of the API before publication, with the date in Thai.
func notPublished(y assessment.Year) error {
	w, ok := y.Window(assessment.PhasePublication)
	if !ok {
		return apperr.PhaseClosed(fmt.Sprintf("ยังไม่ได้กำหนดวันประกาศผลการประเมินประจำปีงบประมาณ พ.ศ. %d", y.FiscalYear),
			fmt.Sprintf("No publication date is set for fiscal year %d", y.FiscalYear-thaidate.EraOffset))
	}
	return apperr.PhaseClosed(fmt.Sprintf("ผลการประเมินประจำปีงบประมาณ พ.ศ. %d จะประกาศตั้งแต่วันที่ %s", y.FiscalYear, thaidate.FormatDate(w.Start)),
		fmt.Sprintf("The results of fiscal year %d are published from %s", y.FiscalYear-thaidate.EraOffset, thaidate.FormatDateEN(w.Start)))
}

// resultsAgency serves GET /agencies/{code}/results to whoever may view the agency; the
// agency's own accounts see the result once publication has begun, and before that a note
// with the date.
func (s *Server) resultsAgency(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	y, err := s.trackingYear(r)
	if err != nil {
		return err
	}
	lang := requestLang(r)
	p := &ResultsAgencyPage{Page: Page{Title: "results.agency.title"}, Agency: ag, Year: y}
	p.Publication, _ = y.Window(assessment.PhasePublication)
	years, err := s.store.FindYears(r.Context())
	if err != nil {
		return err
	}
	p.YearField = Field{Name: "year", Label: "results.year"}
	for _, yy := range years {
		v := strconv.Itoa(yy.FiscalYear)
		p.YearField.Options = append(p.YearField.Options, Option{Value: v, Label: v, Selected: yy.FiscalYear == y.FiscalYear})
	}
	if !s.resultsPublishedTo(authOf(r.Context()).Account, y) {
		p.Hidden = true
		s.render(w, r, http.StatusOK, "results_agency", p)
		return nil
	}
	res, run, err := s.agencyResult(r.Context(), y, ag.Code)
	switch {
	case apperr.Is(err, apperr.CodeNotFound):
		p.NotComputed = true
	case err != nil:
		return err
	default:
		p.Run = run
		if p.Result, err = s.resultView(r.Context(), lang, y, run, res); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "results_agency", p)
	return nil
}

// agencyResult returns an agency's kept result in year y and the run it came from; NotFound
// when the year has no run or the run no result for the agency.
func (s *Server) agencyResult(ctx context.Context, y assessment.Year, code string) (scoring.Result, results.Run, error) {
	run, err := s.store.FindResultRun(ctx, y.FiscalYear)
	if err != nil {
		return scoring.Result{}, run, err
	}
	res, err := s.store.FindAgencyResult(ctx, y.FiscalYear, code)
	return res, run, err
}

// oitComments returns the assessors' comment on each OIT item of an agency's record: the
// decision's comment after a clarification, else the score's.
func (s *Server) oitComments(ctx context.Context, fy int, code string) (map[string]string, error) {
	rec, err := s.store.FindOIT(ctx, fy, code)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for id, it := range rec.Items {
		c := it.Assessment.Comment
		if it.Decision.Decided && it.Decision.Comment != "" {
			c = it.Decision.Comment
		}
		if c != "" {
			out[id] = c
		}
	}
	return out, nil
}

// resultView lays a result out in the order of the framework it was computed with.
func (s *Server) resultView(ctx context.Context, lang Lang, y assessment.Year, run results.Run, res scoring.Result) (ResultView, error) {
	fw, err := framework.Builtin(run.FrameworkYear)
	if err != nil {
		return ResultView{}, apperr.Internal(err)
	}
	comments, err := s.oitComments(ctx, y.FiscalYear, res.Agency)
	if err != nil {
		return ResultView{}, err
	}
	en := lang == LangEN
	pick := func(th, eng string) string {
		if en && eng != "" {
			return eng
		}
		return th
	}
	v := ResultView{Total: res.Total.Format(), Rating: res.Rating, Official: res.Official, Flags: flagTexts(lang, res.Flags), Passed: "results.passed.no"}
	if en && res.RatingEN != "" {
		v.Rating = res.RatingEN
	}
	switch {
	case !res.Total.Valid():
		v.Passed = "results.passed.none"
	case res.Passed:
		v.Passed = "results.passed.yes"
	}
	for _, ins := range fw.Instruments {
		ir := res.Instruments[ins.ID]
		iv := InstrumentView{ID: ins.ID, Name: pick(ins.Name, ins.NameEN), Weight: strconv.FormatFloat(ins.Weight, 'f', -1, 64), Score: ir.Score.Format()}
		if ir.Respondents != nil && ir.Minimum != nil {
			iv.Respondents = formatNumber(*ir.Respondents) + " / " + formatNumber(*ir.Minimum)
		}
		for i, pr := range ir.Parts {
			name := strconv.Itoa(pr.Part)
			if i < len(ins.Parts) {
				name = ins.Parts[i].Name
			}
			iv.Parts = append(iv.Parts, PartView{Name: name, Score: pr.Score.Format(), Respondents: pr.Respondents})
		}
		for _, ind := range ins.Indicators {
			indv := IndicatorView{ID: ind.ID, Name: pick(ind.Name, ind.NameEN), Score: res.Indicators[ind.ID].Format()}
			for _, q := range ind.Questions {
				qv := QuestionView{ID: q.ID, Text: pick(q.Text, q.TextEN), Score: res.Questions[q.ID].Format()}
				for _, pr := range ir.Parts {
					qv.PartScores = append(qv.PartScores, pr.Questions[q.ID].Format())
				}
				indv.Questions = append(indv.Questions, qv)
			}
			for _, sub := range ind.SubIndicators {
				sv := IndicatorView{ID: sub.ID, Name: pick(sub.Name, sub.NameEN), Score: res.SubIndicators[sub.ID].Format()}
				for _, it := range sub.Items {
					sv.Questions = append(sv.Questions, QuestionView{ID: it.ID, Text: pick(it.Title, it.TitleEN), Score: res.Questions[it.ID].Format(), Comment: comments[it.ID]})
				}
				indv.Subs = append(indv.Subs, sv)
			}
			iv.Indicators = append(iv.Indicators, indv)
		}
		v.Instruments = append(v.Instruments, iv)
	}
	return v, nil
}

// resultsComputedAt formats when a run was computed, for pages and exports.
func resultsComputedAt(lang Lang, run results.Run) string {
	if run.ComputedAt.IsZero() {
		return ""
	}
	return formatDateTime(lang, run.ComputedAt.In(thaidate.Location))
}

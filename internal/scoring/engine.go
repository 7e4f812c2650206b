package scoring

import (
	"fmt"
	"slices"

	"github.com/openitas/itas/internal/framework"
)

// Engine scores agencies under one framework.
type Engine struct {
	fw      *framework.Framework
	layouts map[string]*Layout
}

// NewEngine prepares an engine for a framework.
func NewEngine(fw *framework.Framework) (*Engine, error) {
	e := &Engine{fw: fw, layouts: map[string]*Layout{}}
	for _, ins := range fw.Instruments {
		if ins.Kind != framework.KindSurvey {
			continue
		}
		l, err := NewLayout(fw, ins.ID)
		if err != nil {
			return nil, err
		}
		e.layouts[ins.ID] = l
	}
	return e, nil
}

// Framework returns the engine's framework.
func (e *Engine) Framework() *framework.Framework { return e.fw }

// Layout returns the layout of a survey instrument, or nil when the framework has no such
// survey.
func (e *Engine) Layout(instrumentID string) *Layout { return e.layouts[instrumentID] }

// Agency is what scoring needs to know of an agency besides answers.
type Agency struct {
	Code string
	Name string
	// InternalPopulation and ExternalPopulation are the stakeholder counts that set the
	// minimum samples of the surveys whose population is "internal" or "external".
	InternalPopulation int
	ExternalPopulation int
	Compliance         Compliance
}

// Input is everything scored for one agency.
type Input struct {
	Agency Agency
	// Surveys holds question scores by survey instrument id; an absent instrument had no
	// respondents.
	Surveys map[string]SurveyScores
	// OIT holds assessors' final item scores by item id. Nil or empty means OIT was not scored;
	// an item missing from a non-empty map scores 0 (nothing was found to score) and is flagged.
	OIT map[string]float64
}

// Score scores one agency.
func (e *Engine) Score(in Input) Result {
	r := Result{
		Agency:        in.Agency.Code,
		Name:          in.Agency.Name,
		Flags:         append([]Flag{}, in.Agency.Compliance.flags()...),
		Instruments:   map[string]InstrumentResult{},
		Indicators:    map[string]Score{},
		SubIndicators: map[string]Score{},
		Questions:     map[string]Score{},
	}
	for i := range e.fw.Instruments {
		ins := &e.fw.Instruments[i]
		var ir InstrumentResult
		if ins.Kind == framework.KindSurvey {
			ir = e.scoreSurvey(ins, in, &r)
		} else {
			ir = e.scoreChecklist(ins, in.OIT, &r)
		}
		r.Instruments[ins.ID] = ir
	}
	e.total(&r)
	return r
}

func (e *Engine) population(ins *framework.Instrument, a Agency) int {
	if ins.Population == "internal" {
		return a.InternalPopulation
	}
	return a.ExternalPopulation
}

func (e *Engine) scoreSurvey(ins *framework.Instrument, in Input, r *Result) InstrumentResult {
	l := e.layouts[ins.ID]
	ss := in.Surveys[ins.ID]
	respondents := 0
	for _, p := range ss.Parts {
		respondents += p.Respondents
	}
	minimum := e.fw.MinimumSample.Minimum(e.population(ins, in.Agency))
	ir := InstrumentResult{Respondents: &respondents, Minimum: &minimum}

	// Only IIT's minimum gates scoring (ข้อควรระวัง #5: "ไม่สามารถประมวลผลคะแนนข้อคำถามและ
	// ตัวชี้วัดที่ 1 – 5 ได้"); a short EIT is scored and flagged.
	below := respondents < minimum
	switch {
	case ins.Population == "internal" && (below || respondents == 0):
		r.addFlag(FlagIITBelowMinimum)
		e.markSurveyMissing(ins, r)
		return ir
	case respondents == 0:
		r.addFlag(FlagNoEITRespondents)
		e.markSurveyMissing(ins, r)
		return ir
	case below:
		r.addFlag(FlagEITBelowMinimum)
	}

	parts := make([]PartResult, l.PartCount())
	partScores := make([]Score, len(parts))
	for p := range parts {
		var ps PartScores
		if p < len(ss.Parts) {
			ps = ss.Parts[p]
		}
		parts[p] = e.scorePart(l, ps, r)
		parts[p].Part = p + 1
		partScores[p] = parts[p].Score
		if ps.Respondents == 0 && len(parts) > 1 {
			r.addFlag(FlagEITPartMissing)
		}
	}
	// A framework without parts reports its one part's figures at the top level; with parts,
	// each question and indicator is the mean of the parts that were collected.
	for _, q := range l.Questions {
		var s []Score
		for _, pr := range parts {
			s = append(s, pr.Questions[q.ID])
		}
		r.Questions[q.ID] = Mean(s...)
	}
	for _, ind := range ins.Indicators {
		var s []Score
		for _, pr := range parts {
			s = append(s, pr.Indicators[ind.ID])
		}
		r.Indicators[ind.ID] = Mean(s...)
	}
	ir.Score = Mean(partScores...)
	if len(ins.Parts) > 0 {
		ir.Parts = parts
	}
	return ir
}

// scorePart scores one part: question scores → indicator means → part score.
func (e *Engine) scorePart(l *Layout, ps PartScores, r *Result) PartResult {
	pr := PartResult{Respondents: ps.Respondents, Indicators: map[string]Score{}, Questions: map[string]Score{}}
	byIndicator := make([][]Score, len(l.Instrument.Indicators))
	for qi, q := range l.Questions {
		s := Missing
		if qi < len(ps.Questions) {
			s = ps.Questions[qi]
		}
		if !s.Valid() && ps.Respondents > 0 {
			r.addFlag(FlagQuestionsBlank)
		}
		pr.Questions[q.ID] = s
		byIndicator[q.Indicator] = append(byIndicator[q.Indicator], s)
	}
	var inds []Score
	for i, ind := range l.Instrument.Indicators {
		s := Mean(byIndicator[i]...)
		pr.Indicators[ind.ID] = s
		inds = append(inds, s)
	}
	pr.Score = Mean(inds...)
	return pr
}

func (e *Engine) markSurveyMissing(ins *framework.Instrument, r *Result) {
	for _, ind := range ins.Indicators {
		r.Indicators[ind.ID] = Missing
		for _, q := range ind.Questions {
			r.Questions[q.ID] = Missing
		}
	}
}

// scoreChecklist scores OIT: item → sub-indicator mean → indicator mean → instrument mean.
func (e *Engine) scoreChecklist(ins *framework.Instrument, items map[string]float64, r *Result) InstrumentResult {
	if len(items) == 0 {
		r.addFlag(FlagOITNotScored)
		for _, ind := range ins.Indicators {
			r.Indicators[ind.ID] = Missing
			for _, sub := range ind.SubIndicators {
				r.SubIndicators[sub.ID] = Missing
				for _, it := range sub.Items {
					r.Questions[it.ID] = Missing
				}
			}
		}
		return InstrumentResult{}
	}
	var inds []Score
	for _, ind := range ins.Indicators {
		var subs, all []Score
		for _, sub := range ind.SubIndicators {
			var its []Score
			for _, it := range sub.Items {
				v, ok := items[it.ID]
				if !ok {
					r.addFlag(FlagOITItemsUnscored)
				}
				s := Of(v)
				r.Questions[it.ID] = s
				its = append(its, s)
			}
			ss := Mean(its...)
			r.SubIndicators[sub.ID] = ss
			subs = append(subs, ss)
			all = append(all, its...)
		}
		is := Mean(subs...)
		if ins.IndicatorMean == framework.MeanOfItems {
			is = Mean(all...)
		}
		r.Indicators[ind.ID] = is
		inds = append(inds, is)
	}
	return InstrumentResult{Score: Mean(inds...)}
}

// total weighs the instruments, rates the total and decides whether the result is official.
// Without a score for every instrument there is no total: the manual defines the total only as
// the weighted sum of all three, and re-weighting the rest would reward an agency for not
// collecting IIT.
func (e *Engine) total(r *Result) {
	sum := 0.0
	scores := make([]float64, 0, len(e.fw.Instruments))
	complete := true
	for _, ins := range e.fw.Instruments {
		s := r.Instruments[ins.ID].Score
		if !s.Valid() {
			complete = false
			continue
		}
		sum += ins.Weight / 100 * s.Value()
		scores = append(scores, s.Value())
	}
	r.Official = complete
	for _, f := range r.Flags {
		if f.Unofficial() {
			r.Official = false
		}
	}
	if !complete {
		return
	}
	r.Total = Of(sum)
	band, passed, ok := e.fw.Rating.Rate(sum, scores)
	if ok {
		r.Rating, r.RatingEN, r.Passed = band.Label, band.LabelEN, passed
	}
}

func (r *Result) addFlag(f Flag) {
	if !slices.Contains(r.Flags, f) {
		r.Flags = append(r.Flags, f)
	}
}

// String summarises a result for test failures.
func (r Result) String() string {
	return fmt.Sprintf("%s total=%s rating=%s passed=%v official=%v flags=%v", r.Agency, r.Total.Format(), r.Rating, r.Passed, r.Official, r.Flags)
}

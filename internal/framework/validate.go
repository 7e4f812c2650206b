package framework

import (
	"fmt"
	"math"
	"strings"
)

// Problem is one thing wrong with a framework, at a path such as "instruments[IIT].indicators[1]".
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// ValidationError lists every problem found in a framework.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return fmt.Sprintf("invalid framework (%d problems):\n  %s", len(e.Problems), strings.Join(lines, "\n  "))
}

// Validate reports every problem in the framework as a *ValidationError, or nil.
func (f *Framework) Validate() error {
	v := validator{seen: map[string]string{}}
	if f.Year < 2500 || f.Year > 2700 {
		v.add("year", "must be a Buddhist-era fiscal year such as 2563, got %d", f.Year)
	}
	if strings.TrimSpace(f.Title) == "" {
		v.add("title", "is required")
	}
	types := v.answerTypes(f.AnswerTypes)
	v.instruments(f.Instruments, types)
	v.rating(f.Rating)
	v.sample(f.MinimumSample)
	if len(v.problems) > 0 {
		return &ValidationError{Problems: v.problems}
	}
	return nil
}

type validator struct {
	problems []Problem
	// seen maps an id to the path where it first appeared: indicator, question, sub-indicator
	// and OIT item ids share one namespace because files and reports name them bare.
	seen map[string]string
}

func (v *validator) add(path, format string, args ...any) {
	v.problems = append(v.problems, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) unique(kind, id, path string) {
	if strings.TrimSpace(id) == "" {
		v.add(path, "%s id is required", kind)
		return
	}
	key := namespace(kind) + ":" + id
	if first, ok := v.seen[key]; ok {
		v.add(path, "duplicate %s id %q (first at %s)", kind, id, first)
		return
	}
	v.seen[key] = path
}

// namespace groups the kinds of id that files and reports name bare: a question, one of its
// sub-item keys ("i1.1") and an OIT item all appear as columns and result keys, so no two may
// share an id.
func namespace(kind string) string {
	switch kind {
	case "question", "sub-item", "OIT item":
		return "item"
	}
	return kind
}

func (v *validator) answerTypes(types []AnswerType) map[string]bool {
	known := map[string]bool{}
	for i, t := range types {
		p := fmt.Sprintf("answer_types[%d]", i)
		if t.ID != "" {
			p = fmt.Sprintf("answer_types[%s]", t.ID)
		}
		v.unique("answer type", t.ID, p)
		known[t.ID] = true
		if len(t.Options) < 2 {
			v.add(p, "needs at least two options, has %d", len(t.Options))
		}
		codes := map[string]bool{}
		for j, o := range t.Options {
			op := fmt.Sprintf("%s.options[%d]", p, j)
			if strings.TrimSpace(o.Code) == "" {
				v.add(op, "code is required")
			}
			for _, c := range append([]string{o.Code}, o.Aliases...) {
				n := normalizeCode(c)
				if codes[n] {
					v.add(op, "answer code %q is used twice", c)
				}
				codes[n] = true
			}
			if o.Score < 0 || o.Score > 100 || math.IsNaN(o.Score) {
				v.add(op, "score must be within 0–100, got %g", o.Score)
			}
		}
	}
	return known
}

func (v *validator) instruments(list []Instrument, types map[string]bool) {
	if len(list) == 0 {
		v.add("instruments", "at least one instrument is required")
		return
	}
	sum := 0.0
	for _, ins := range list {
		p := fmt.Sprintf("instruments[%s]", ins.ID)
		v.unique("instrument", ins.ID, p)
		sum += ins.Weight
		if ins.Weight <= 0 {
			v.add(p, "weight must be positive, got %g", ins.Weight)
		}
		if len(ins.Indicators) == 0 {
			v.add(p, "has no indicators")
		}
		switch ins.Kind {
		case KindSurvey:
			v.survey(p, ins, types)
		case KindChecklist:
			v.checklist(p, ins)
		default:
			v.add(p, "unknown kind %q (want %q or %q)", ins.Kind, KindSurvey, KindChecklist)
		}
	}
	if math.Abs(sum-100) > 1e-9 {
		v.add("instruments", "weights must sum to 100, they sum to %g", sum)
	}
}

func (v *validator) survey(p string, ins Instrument, types map[string]bool) {
	if ins.Population != "internal" && ins.Population != "external" {
		v.add(p, "population must be \"internal\" or \"external\", got %q", ins.Population)
	}
	if len(ins.ItemScores) > 0 || ins.IndicatorMean != "" {
		v.add(p, "item_scores and indicator_mean belong to checklist instruments only")
	}
	for i, part := range ins.Parts {
		if part.Number != i+1 {
			v.add(fmt.Sprintf("%s.parts[%d]", p, i), "parts must be numbered 1, 2, … in order, got %d", part.Number)
		}
	}
	for _, ind := range ins.Indicators {
		ip := fmt.Sprintf("%s.indicators[%s]", p, ind.ID)
		v.unique("indicator", ind.ID, ip)
		if len(ind.SubIndicators) > 0 {
			v.add(ip, "a survey indicator has questions, not sub-indicators")
		}
		if len(ind.Questions) == 0 {
			v.add(ip, "indicator has no questions")
		}
		for _, q := range ind.Questions {
			qp := fmt.Sprintf("%s.questions[%s]", ip, q.ID)
			v.unique("question", q.ID, qp)
			if strings.TrimSpace(q.Text) == "" {
				v.add(qp, "text is required")
			}
			if !types[q.Answer] {
				v.add(qp, "unknown answer type %q", q.Answer)
			}
			if len(q.SubItems) > 0 && q.Negative {
				v.add(qp, "set negative on each sub-item of a multi-part question, not on the question")
			}
			for k, si := range q.SubItems {
				sp := fmt.Sprintf("%s.subitems[%d]", qp, k)
				if strings.TrimSpace(si.Text) == "" {
					v.add(sp, "text is required")
				}
				v.unique("sub-item", fmt.Sprintf("%s.%d", q.ID, k+1), sp)
			}
		}
	}
}

func (v *validator) checklist(p string, ins Instrument) {
	if len(ins.Parts) > 0 {
		v.add(p, "parts belong to survey instruments only")
	}
	switch ins.IndicatorMean {
	case "", MeanOfSubIndicators, MeanOfItems:
	default:
		v.add(p, "indicator_mean must be %q or %q, got %q", MeanOfSubIndicators, MeanOfItems, ins.IndicatorMean)
	}
	if len(ins.ItemScores) == 0 {
		v.add(p, "item_scores is required (the scores an assessor may give, e.g. [0, 100])")
	}
	for _, s := range ins.ItemScores {
		if s < 0 || s > 100 {
			v.add(p, "item score %g is outside 0–100", s)
		}
	}
	for _, ind := range ins.Indicators {
		ip := fmt.Sprintf("%s.indicators[%s]", p, ind.ID)
		v.unique("indicator", ind.ID, ip)
		if len(ind.Questions) > 0 {
			v.add(ip, "a checklist indicator has sub-indicators, not questions")
		}
		if len(ind.SubIndicators) == 0 {
			v.add(ip, "indicator has no sub-indicators")
		}
		for _, sub := range ind.SubIndicators {
			sp := fmt.Sprintf("%s.subindicators[%s]", ip, sub.ID)
			v.unique("sub-indicator", sub.ID, sp)
			if len(sub.Items) == 0 {
				v.add(sp, "sub-indicator has no items")
			}
			for _, it := range sub.Items {
				itp := fmt.Sprintf("%s.items[%s]", sp, it.ID)
				v.unique("OIT item", it.ID, itp)
				if strings.TrimSpace(it.Title) == "" {
					v.add(itp, "title is required")
				}
				if len(it.Components) == 0 {
					v.add(itp, "item has no data components")
				}
			}
		}
	}
}

func (v *validator) rating(r RatingRule) {
	if r.PassMark <= 0 || r.PassMark > 100 {
		v.add("rating.pass_mark", "must be within (0, 100], got %g", r.PassMark)
	}
	if len(r.Bands) == 0 {
		v.add("rating.bands", "at least one band is required")
		return
	}
	for i, b := range r.Bands {
		bp := fmt.Sprintf("rating.bands[%d]", i)
		if strings.TrimSpace(b.Label) == "" {
			v.add(bp, "label is required")
		}
		if i > 0 && b.Min > r.Bands[i-1].Min {
			v.add(bp, "bands must be ordered from the highest min down (%g follows %g)", b.Min, r.Bands[i-1].Min)
		}
	}
	if last := r.Bands[len(r.Bands)-1]; last.Min != 0 || last.InstrumentMin != nil {
		v.add("rating.bands", "the last band must have min 0 and no instrument_min, so every total gets a rating")
	}
}

func (v *validator) sample(s SampleRule) {
	if s.Percent <= 0 || s.Percent > 100 {
		v.add("minimum_sample.percent", "must be within (0, 100], got %g", s.Percent)
	}
	if s.AtLeast < 0 {
		v.add("minimum_sample.at_least", "must not be negative")
	}
	if s.AtMost != 0 && s.AtMost < s.AtLeast {
		v.add("minimum_sample.at_most", "must be at least at_least (%d), got %d", s.AtLeast, s.AtMost)
	}
}

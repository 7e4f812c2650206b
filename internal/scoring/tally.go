package scoring

import (
	"fmt"
	"math"
)

// Tally accumulates one agency's respondents for one survey instrument. It keeps, per part and
// per question, the sum of respondents' question scores and how many respondents answered, so
// its size does not grow with the number of respondents.
type Tally struct {
	layout *Layout
	parts  []partTally
}

type partTally struct {
	respondents int
	sum         []float64
	answered    []int
}

// NewTally returns an empty tally for a survey layout.
func NewTally(l *Layout) *Tally {
	t := &Tally{layout: l, parts: make([]partTally, l.PartCount())}
	for i := range t.parts {
		t.parts[i].sum = make([]float64, len(l.Questions))
		t.parts[i].answered = make([]int, len(l.Questions))
	}
	return t
}

// Add records one respondent. part is 1…n for an instrument collected in parts and 0 (or 1)
// otherwise. items holds the respondent's item scores (0–100, polarity already applied) by
// layout slot, NaN for an item left blank. A respondent's question score is the mean of the
// question's answered sub-items; a question with no answered sub-item is left out of that
// question's mean (blanks are excluded, manual 3.1).
func (t *Tally) Add(part int, items []float64) error {
	p, err := t.partIndex(part)
	if err != nil {
		return err
	}
	if len(items) != len(t.layout.Items) {
		return fmt.Errorf("respondent has %d item scores, layout has %d", len(items), len(t.layout.Items))
	}
	pt := &t.parts[p]
	pt.respondents++
	for qi, q := range t.layout.Questions {
		sum, n := 0.0, 0
		for _, v := range items[q.First:q.End] {
			if !math.IsNaN(v) {
				sum += v
				n++
			}
		}
		if n > 0 {
			pt.sum[qi] += sum / float64(n)
			pt.answered[qi]++
		}
	}
	return nil
}

func (t *Tally) partIndex(part int) (int, error) {
	if part == 0 {
		part = 1
	}
	if part < 1 || part > len(t.parts) {
		if len(t.parts) == 1 {
			return 0, fmt.Errorf("instrument %s is not collected in parts, got part %d", t.layout.Instrument.ID, part)
		}
		return 0, fmt.Errorf("part must be 1–%d, got %d", len(t.parts), part)
	}
	return part - 1, nil
}

// Respondents returns the number of respondents over all parts.
func (t *Tally) Respondents() int {
	n := 0
	for _, p := range t.parts {
		n += p.respondents
	}
	return n
}

// Scores returns the question scores of each part: the mean over respondents who answered.
func (t *Tally) Scores() SurveyScores {
	s := SurveyScores{Parts: make([]PartScores, len(t.parts))}
	for p, pt := range t.parts {
		qs := make([]Score, len(pt.sum))
		for q := range qs {
			if pt.answered[q] > 0 {
				qs[q] = Of(pt.sum[q] / float64(pt.answered[q]))
			}
		}
		s.Parts[p] = PartScores{Respondents: pt.respondents, Questions: qs}
	}
	return s
}

// SurveyScores are a survey instrument's question scores, per part, in layout order. They are
// what a Tally yields, and what a golden test builds from published question scores.
type SurveyScores struct {
	Parts []PartScores
}

// PartScores are one part's respondents and question scores.
type PartScores struct {
	Respondents int
	Questions   []Score
}

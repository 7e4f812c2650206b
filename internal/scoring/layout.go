package scoring

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/framework"
)

// Layout fixes the order of a survey instrument's answerable sub-items and questions, so that
// a respondent's answers travel as a flat slice indexed by slot rather than a map: scoring a
// national year touches tens of millions of answers.
type Layout struct {
	Instrument *framework.Instrument
	// Items are the answerable sub-items in framework order; an answer slice has one entry per
	// item.
	Items []framework.ItemRef
	// Questions are in framework order; each spans a run of Items.
	Questions []QuestionSpan
	slots     map[string]int
	questions map[string]int
	// codes holds, per slot, every exact spelling of an answer with its score.
	codes [][]codeScore
}

// QuestionSpan is a question's run of item slots [First, End) and the index of its indicator
// in the instrument.
type QuestionSpan struct {
	ID        string
	Indicator int
	First     int
	End       int
}

// NewLayout builds the layout of a survey instrument.
func NewLayout(fw *framework.Framework, instrumentID string) (*Layout, error) {
	ins, ok := fw.Instrument(instrumentID)
	if !ok {
		return nil, fmt.Errorf("framework %d has no instrument %q", fw.Year, instrumentID)
	}
	if ins.Kind != framework.KindSurvey {
		return nil, fmt.Errorf("instrument %s is not a survey", instrumentID)
	}
	l := &Layout{Instrument: ins, slots: map[string]int{}, questions: map[string]int{}}
	for ii := range ins.Indicators {
		for qi := range ins.Indicators[ii].Questions {
			q := &ins.Indicators[ii].Questions[qi]
			span := QuestionSpan{ID: q.ID, Indicator: ii, First: len(l.Items)}
			for _, key := range q.ItemKeys() {
				ref, _ := fw.Item(key)
				l.slots[key] = len(l.Items)
				l.Items = append(l.Items, ref)
				l.codes = append(l.codes, answerCodes(ref))
			}
			span.End = len(l.Items)
			l.questions[q.ID] = len(l.Questions)
			l.Questions = append(l.Questions, span)
		}
	}
	return l, nil
}

// Slot returns the slot of an item key ("i1.2"), and reports whether the instrument has it.
func (l *Layout) Slot(key string) (int, bool) {
	s, ok := l.slots[key]
	return s, ok
}

// QuestionIndex returns the position of a question id in Questions.
func (l *Layout) QuestionIndex(id string) (int, bool) {
	i, ok := l.questions[id]
	return i, ok
}

// PartCount returns how many parts the instrument is collected in (1 when it has none).
func (l *Layout) PartCount() int {
	if n := len(l.Instrument.Parts); n > 0 {
		return n
	}
	return 1
}

// Answer converts an answer code given for the item in a slot into the item's score, polarity
// applied. It reports false when the code is not one of the item's answer options. It is called
// for every answer of a national year, so the common case — a code spelt exactly as an option
// or alias — is one scan of a few short strings; only a miss pays for normalising the text (case,
// stray spaces, a spreadsheet's "4.00").
func (l *Layout) Answer(slot int, code string) (float64, bool) {
	for _, c := range l.codes[slot] {
		if c.code == code {
			return c.score, true
		}
	}
	it := l.Items[slot]
	if v, ok := it.Question.AnswerType.ItemScore(code, it.Negative); ok {
		return v, true
	}
	if whole, ok := integerCode(code); ok {
		return it.Question.AnswerType.ItemScore(whole, it.Negative)
	}
	return 0, false
}

// codeScore is one accepted spelling of an answer and what it is worth on one item.
type codeScore struct {
	code  string
	score float64
}

// answerCodes lists every exact spelling an item accepts with its score, polarity applied.
func answerCodes(it framework.ItemRef) []codeScore {
	var cs []codeScore
	for _, o := range it.Question.AnswerType.Options {
		score := o.ScoreFor(it.Negative)
		for _, c := range append([]string{o.Code}, o.Aliases...) {
			cs = append(cs, codeScore{c, score})
		}
	}
	return cs
}

// integerCode turns a number a spreadsheet formatted with decimals ("4.00", "4.0") into the
// integer code it stands for ("4").
func integerCode(s string) (string, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v != math.Trunc(v) || math.Abs(v) > 1e6 {
		return "", false
	}
	return strconv.Itoa(int(v)), true
}

package survey

import (
	"fmt"
	"strings"

	"github.com/openitas/itas/internal/framework"
)

// Form is a survey's questionnaire for one framework year, as respondents see it and as
// Check validates it: the instrument's questions in order with their sub-items, notes and
// answer options, then the demographic questions. A Form is built once per framework and
// survey and is safe for concurrent use.
type Form struct {
	FrameworkYear int
	Survey        string // IIT or EIT
	Instrument    *framework.Instrument
	Questions     []Question
	Profile       []ProfileQuestion

	items map[string]*framework.AnswerType // item key → its answer type
	keys  []string                         // item keys in framework order
}

// Question is one question of a Form. A single-part question has one Item whose Text is "";
// a multi-part question has one Item per sub-item, each answered on its own.
type Question struct {
	ID      string // "i1"
	Number  int    // 1-based position in the form, as shown to respondents
	Text    string
	TextEN  string
	Note    string // the manual's หมายเหตุ, or ""
	Items   []Item
	Options []framework.Option // the answers every item of the question accepts
}

// Item is one answerable sub-item: Key is its answer key, as in `itas score` files and the
// JSON API ("i1.1", or "i2" for a single-part question).
type Item struct {
	Key    string
	Text   string
	TextEN string
}

// NewForm builds the form of a survey ("iit" or "eit"; "IIT" and "EIT" are accepted) from a
// framework.
func NewForm(fw *framework.Framework, surveyID string) (*Form, error) {
	id := strings.ToLower(surveyID)
	if id != IIT && id != EIT {
		return nil, fmt.Errorf("survey.NewForm: %q is not a survey (iit or eit)", surveyID)
	}
	ins, ok := fw.Instrument(strings.ToUpper(id))
	if !ok || ins.Kind != framework.KindSurvey {
		return nil, fmt.Errorf("survey.NewForm: framework %d has no survey %s", fw.Year, strings.ToUpper(id))
	}
	f := &Form{
		FrameworkYear: fw.Year, Survey: id, Instrument: ins, Profile: ProfileQuestions(id),
		items: map[string]*framework.AnswerType{},
	}
	for ii := range ins.Indicators {
		for qi := range ins.Indicators[ii].Questions {
			q := &ins.Indicators[ii].Questions[qi]
			ref, ok := fw.Question(q.ID)
			if !ok || ref.AnswerType == nil {
				return nil, fmt.Errorf("survey.NewForm: question %s has no answer type", q.ID)
			}
			fq := Question{
				ID: q.ID, Number: len(f.Questions) + 1, Text: q.Text, TextEN: q.TextEN, Note: q.Note,
				Options: ref.AnswerType.Options,
			}
			for n, key := range q.ItemKeys() {
				it := Item{Key: key}
				if len(q.SubItems) > 0 {
					it.Text, it.TextEN = q.SubItems[n].Text, q.SubItems[n].TextEN
				}
				fq.Items = append(fq.Items, it)
				f.items[key] = ref.AnswerType
				f.keys = append(f.keys, key)
			}
			f.Questions = append(f.Questions, fq)
		}
	}
	return f, nil
}

// ItemKeys returns the answer keys of every item, in the order of the form.
func (f *Form) ItemKeys() []string { return append([]string(nil), f.keys...) }

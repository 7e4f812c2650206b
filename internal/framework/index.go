package framework

import "strconv"

// QuestionRef locates a survey question in its framework.
type QuestionRef struct {
	Instrument *Instrument
	Indicator  *Indicator
	Question   *Question
	AnswerType *AnswerType
}

// ItemRef locates one answerable sub-item: the unit a respondent answers and a file column
// names ("i1.1" for the first sub-item of i1, "i2" for a single-part question).
type ItemRef struct {
	Key      string
	Question QuestionRef
	// SubItem is the 0-based sub-item index; 0 for a single-part question.
	SubItem  int
	Negative bool
}

// OITRef locates an OIT item.
type OITRef struct {
	Instrument   *Instrument
	Indicator    *Indicator
	SubIndicator *SubIndicator
	Item         *OITItem
}

type index struct {
	instruments map[string]*Instrument
	questions   map[string]QuestionRef
	items       map[string]ItemRef
	oit         map[string]OITRef
}

// buildIndex fills the lookup maps. It runs after Validate, so ids are unique and answer
// types exist.
func (f *Framework) buildIndex() {
	ix := index{
		instruments: map[string]*Instrument{},
		questions:   map[string]QuestionRef{},
		items:       map[string]ItemRef{},
		oit:         map[string]OITRef{},
	}
	types := map[string]*AnswerType{}
	for i := range f.AnswerTypes {
		types[f.AnswerTypes[i].ID] = &f.AnswerTypes[i]
	}
	for i := range f.Instruments {
		ins := &f.Instruments[i]
		ix.instruments[ins.ID] = ins
		for j := range ins.Indicators {
			ind := &ins.Indicators[j]
			for k := range ind.Questions {
				q := &ind.Questions[k]
				ref := QuestionRef{Instrument: ins, Indicator: ind, Question: q, AnswerType: types[q.Answer]}
				ix.questions[q.ID] = ref
				if len(q.SubItems) == 0 {
					ix.items[q.ID] = ItemRef{Key: q.ID, Question: ref, Negative: q.Negative}
					continue
				}
				for n, si := range q.SubItems {
					key := q.ID + "." + strconv.Itoa(n+1)
					ix.items[key] = ItemRef{Key: key, Question: ref, SubItem: n, Negative: si.Negative}
				}
			}
			for k := range ind.SubIndicators {
				sub := &ind.SubIndicators[k]
				for m := range sub.Items {
					it := &sub.Items[m]
					ix.oit[it.ID] = OITRef{Instrument: ins, Indicator: ind, SubIndicator: sub, Item: it}
				}
			}
		}
	}
	f.ix = ix
}

// Instrument returns the instrument with the given id (IIT, EIT, OIT).
func (f *Framework) Instrument(id string) (*Instrument, bool) {
	ins, ok := f.ix.instruments[id]
	return ins, ok
}

// Question returns a survey question by id (i1, e3).
func (f *Framework) Question(id string) (QuestionRef, bool) {
	q, ok := f.ix.questions[id]
	return q, ok
}

// Item returns an answerable sub-item by its file key (i1.1, i2).
func (f *Framework) Item(key string) (ItemRef, bool) {
	it, ok := f.ix.items[key]
	return it, ok
}

// OITItem returns an OIT item by id (o1).
func (f *Framework) OITItem(id string) (OITRef, bool) {
	it, ok := f.ix.oit[id]
	return it, ok
}

// ItemKeys returns the answer keys of a survey question in order: its id alone for a
// single-part question, id.1, id.2 … otherwise.
func (q *Question) ItemKeys() []string {
	if len(q.SubItems) == 0 {
		return []string{q.ID}
	}
	keys := make([]string, len(q.SubItems))
	for i := range q.SubItems {
		keys[i] = q.ID + "." + strconv.Itoa(i+1)
	}
	return keys
}

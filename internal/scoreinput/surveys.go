package scoreinput

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/tabular"
)

// itemColumn matches a header that names a survey item ("i1", "i1.2", "E3"). Such a column
// must be an item of the file's instrument; any other column (demographics) is passed over.
var itemColumn = regexp.MustCompile(`^[A-Za-z]\d+(\.\d+)?$`)

// surveyColumns is what a survey file's header means.
type surveyColumns struct {
	agency, respondent, part int // part is -1 when absent
	// items maps a column index to its layout slot.
	items []itemCol
}

type itemCol struct {
	col, slot int
	options   string // the accepted codes, for messages
}

func mapSurveyColumns(r *tabular.Reader, fw *framework.Framework, l *scoring.Layout, errs *Errors) (surveyColumns, bool) {
	req, ok := requireColumns(r, errs, "agency", "respondent")
	if !ok {
		return surveyColumns{}, false
	}
	sc := surveyColumns{agency: req[0], respondent: req[1], part: -1}
	if c, ok := column(r, "part"); ok {
		if len(l.Instrument.Parts) == 0 {
			errs.add(r.Errorf(r.HeaderLine(), c, "%s %d is not collected in parts: remove the part column", l.Instrument.ID, fw.Year))
		}
		sc.part = c
	}
	seen := map[int]int{} // slot → column, to catch the same item twice ("i2", "I2")
	for col, name := range r.Header() {
		key := strings.ToLower(name)
		slot, ok := l.Slot(key)
		if !ok {
			// A header shaped like an item that is not one of this survey's is a mistake; any
			// other header is a demographic column and passed over.
			if itemColumn.MatchString(name) || isFrameworkID(fw, key) {
				errs.add(r.Errorf(r.HeaderLine(), col, "%s", unknownItem(fw, l, key)))
			}
			continue
		}
		if first, dup := seen[slot]; dup {
			errs.add(r.Errorf(r.HeaderLine(), col, "item %s has a second column (first is column %d, %s)", key, first+1, r.Header()[first]))
			continue
		}
		seen[slot] = col
		sc.items = append(sc.items, itemCol{col: col, slot: slot, options: optionList(l.Items[slot].Question.AnswerType)})
	}
	if len(sc.items) == 0 && len(errs.List) == 0 {
		errs.add(r.Errorf(r.HeaderLine(), -1, "no %s item columns (expected columns such as %s)", l.Instrument.ID, l.Items[0].Key))
	}
	return sc, len(errs.List) == 0
}

// unknownItem explains why a column that looks like an item is not one of this instrument's.
func unknownItem(fw *framework.Framework, l *scoring.Layout, key string) string {
	qid, _, multi := strings.Cut(key, ".")
	if q, ok := fw.Question(qid); ok {
		switch {
		case q.Instrument.ID != l.Instrument.ID:
			return "item " + key + " belongs to " + q.Instrument.ID + ", not " + l.Instrument.ID
		case !multi:
			return qid + " has " + strconv.Itoa(len(q.Question.SubItems)) + " sub-items: use columns " + strings.Join(q.Question.ItemKeys(), ", ")
		case len(q.Question.SubItems) == 0:
			return qid + " has no sub-items: use column " + qid
		default:
			return qid + " has sub-items " + strings.Join(q.Question.ItemKeys(), ", ") + " only"
		}
	}
	if ref, ok := fw.OITItem(key); ok {
		return "item " + key + " belongs to " + ref.Instrument.ID + ", not " + l.Instrument.ID
	}
	return "unknown item " + key + " in the " + strconv.Itoa(fw.Year) + " framework"
}

// isFrameworkID reports whether a header names a question, item or OIT item of the framework,
// whatever its shape (a custom framework may use ids like "q2a").
func isFrameworkID(fw *framework.Framework, key string) bool {
	qid, _, _ := strings.Cut(key, ".")
	_, q := fw.Question(qid)
	_, o := fw.OITItem(key)
	return q || o
}

func optionList(t *framework.AnswerType) string {
	codes := make([]string, len(t.Options))
	for i, o := range t.Options {
		codes[i] = o.Code
	}
	return strings.Join(codes, ", ")
}

// readSurvey reads one survey file into per-agency tallies. known lists the agencies of the
// agencies file.
func readSurvey(path string, fw *framework.Framework, l *scoring.Layout, known map[string]bool, errs *Errors) map[string]*scoring.Tally {
	r, err := tabular.Open(path)
	if err != nil {
		errs.add(err)
		return nil
	}
	defer r.Close()
	sc, ok := mapSurveyColumns(r, fw, l, errs)
	if !ok {
		return nil
	}
	tallies := map[string]*scoring.Tally{}
	// Respondent ids must be unique within an agency; one map over all agencies, keyed by
	// agency and id, keeps the memory of a national year in the tens of megabytes.
	seen := map[string]int32{}
	items := make([]float64, len(l.Items))
	var lastAgency string
	var last *scoring.Tally
	eachRow(r, errs, func(row tabular.Row) {
		agency := r.Cell(row, sc.agency)
		if agency != lastAgency || last == nil {
			if !known[agency] {
				errs.add(r.Errorf(row.Line, sc.agency, "agency %q is not in the agencies file", agency))
				return
			}
			t, ok := tallies[agency]
			if !ok {
				t = scoring.NewTally(l)
				tallies[agency] = t
			}
			lastAgency, last = agency, t
		}
		respondent := r.Cell(row, sc.respondent)
		if respondent == "" {
			errs.add(r.Errorf(row.Line, sc.respondent, "respondent id is empty"))
			return
		}
		key := agency + "\x1f" + respondent
		if first, dup := seen[key]; dup {
			errs.add(r.Errorf(row.Line, sc.respondent, "respondent %q of agency %q appears again (first at %s)", respondent, agency, r.Pos(int(first), -1)))
			return
		}
		seen[key] = int32(row.Line)
		part := 0
		if sc.part >= 0 {
			p, err := strconv.Atoi(r.Cell(row, sc.part))
			if err != nil || p < 1 || p > len(l.Instrument.Parts) {
				errs.add(r.Errorf(row.Line, sc.part, "part %q must be 1–%d", r.Cell(row, sc.part), len(l.Instrument.Parts)))
				return
			}
			part = p
		}
		if !fillItems(r, row, sc, l, items, errs) {
			return
		}
		if err := last.Add(part, items); err != nil {
			errs.add(r.Errorf(row.Line, -1, "%v", err))
		}
	})
	return tallies
}

// fillItems converts a row's answer cells into item scores, NaN for blanks. It reports false
// when a cell is not an answer or the respondent answered nothing.
func fillItems(r *tabular.Reader, row tabular.Row, sc surveyColumns, l *scoring.Layout, items []float64, errs *Errors) bool {
	for i := range items {
		items[i] = math.NaN()
	}
	ok, answered := true, false
	for _, ic := range sc.items {
		cell := r.Cell(row, ic.col)
		if cell == "" {
			continue
		}
		v, valid := l.Answer(ic.slot, cell)
		if !valid {
			errs.add(r.Errorf(row.Line, ic.col, "answer %q is not one of %s", cell, ic.options))
			ok = false
			continue
		}
		items[ic.slot] = v
		answered = true
	}
	if ok && !answered {
		errs.add(r.Errorf(row.Line, -1, "the respondent answered no question"))
		return false
	}
	return ok
}

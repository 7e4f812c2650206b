package scoring

import (
	"math"
	"os"
	"slices"
	"testing"

	"github.com/openitas/itas/internal/framework"
)

func tinyEngine(t *testing.T) *Engine {
	t.Helper()
	data, err := os.ReadFile("testdata/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fw, err := framework.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := NewEngine(fw)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// respondent builds one respondent's item scores from answer codes by item key.
func respondent(t *testing.T, l *Layout, codes map[string]string) []float64 {
	t.Helper()
	items := make([]float64, len(l.Items))
	for i := range items {
		items[i] = math.NaN()
	}
	for key, code := range codes {
		slot, ok := l.Slot(key)
		if !ok {
			t.Fatalf("no item %s", key)
		}
		v, ok := l.Answer(slot, code)
		if !ok {
			t.Fatalf("bad code %q for %s", code, key)
		}
		items[slot] = v
	}
	return items
}

func tally(t *testing.T, e *Engine, ins string, part int, rows ...map[string]string) *Tally {
	t.Helper()
	tl := NewTally(e.Layout(ins))
	for _, row := range rows {
		if err := tl.Add(part, respondent(t, e.Layout(ins), row)); err != nil {
			t.Fatal(err)
		}
	}
	return tl
}

func near(got Score, want float64) bool {
	return got.Valid() && math.Abs(got.Value()-want) < 1e-9
}

func TestQuestionScoreIsMeanOfSubItemsThenOfRespondents(t *testing.T) {
	e := tinyEngine(t)
	tl := tally(t, e, "IIT", 0,
		// i1: sub-item 1 positive "4" → 100; sub-item 2 negative "1" → 100 − 0 = 100. Mean 100.
		map[string]string{"i1.1": "4", "i1.2": "1", "i2": "ไม่มี", "i3": "3"},
		// i1: 66.67 and 100 − 66.67 = 33.33 → 50. i2 negative "มี" → 0. i3 "2" → 33.33.
		map[string]string{"i1.1": "3", "i1.2": "3", "i2": "yes", "i3": "2"},
		// i1.2 left blank: i1 = 33.33 from i1.1 alone. i2 and i3 blank: excluded.
		map[string]string{"i1.1": "2"},
	)
	s := tl.Scores().Parts[0]
	tests := []struct {
		q    string
		want float64
	}{
		{"i1", (100 + 50 + 33.33) / 3},
		{"i2", (100 + 0) / 2.0},
		{"i3", (66.67 + 33.33) / 2},
	}
	l := e.Layout("IIT")
	for _, tt := range tests {
		qi, _ := l.QuestionIndex(tt.q)
		if got := s.Questions[qi]; !near(got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.q, got.Value(), tt.want)
		}
	}
	if s.Respondents != 3 {
		t.Errorf("respondents = %d, want 3", s.Respondents)
	}
}

func fullInput(t *testing.T, e *Engine, iitRows int) Input {
	t.Helper()
	var iit []map[string]string
	for i := 0; i < iitRows; i++ {
		iit = append(iit, map[string]string{"i1.1": "4", "i1.2": "1", "i2": "ไม่มี", "i3": "3"})
	}
	eit1 := tally(t, e, "EIT", 1, map[string]string{"e1": "4", "e2": "4"}, map[string]string{"e1": "3", "e2": "4"})
	if err := eit1.Add(2, respondent(t, e.Layout("EIT"), map[string]string{"e1": "2", "e2": "4"})); err != nil {
		t.Fatal(err)
	}
	return Input{
		Agency:  Agency{Code: "A1", InternalPopulation: 30, ExternalPopulation: 10},
		Surveys: map[string]SurveyScores{"IIT": tally(t, e, "IIT", 0, iit...).Scores(), "EIT": eit1.Scores()},
		OIT:     map[string]float64{"o1": 100, "o2": 0, "o3": 100, "o4": 100},
	}
}

func TestScoreAgency(t *testing.T) {
	e := tinyEngine(t)
	r := e.Score(fullInput(t, e, 3))

	// IIT: indicator 1 = mean(i1 100, i2 100) = 100; indicator 2 = i3 66.67. IIT = 83.335.
	// EIT part 1: e1 (100+66.67)/2 = 83.335, e2 100 → 91.6675; part 2: e1 33.33, e2 100 → 66.665.
	// EIT = mean of parts = 79.16625.
	// OIT: 4.1 = 50, 4.2 = 100 → 4 = 75; 5 = 100 → OIT = 87.5.
	iit, eit, oit := 83.335, 79.16625, 87.5
	total := 0.3*iit + 0.3*eit + 0.4*oit
	checks := []struct {
		name string
		got  Score
		want float64
	}{
		{"IIT", r.Instruments["IIT"].Score, iit},
		{"EIT", r.Instruments["EIT"].Score, eit},
		{"EIT part 1", r.Instruments["EIT"].Parts[0].Score, 91.6675},
		{"EIT part 2", r.Instruments["EIT"].Parts[1].Score, 66.665},
		{"e1 (mean of parts)", r.Questions["e1"], (83.335 + 33.33) / 2},
		{"indicator 3 (mean of parts)", r.Indicators["3"], eit},
		{"OIT", r.Instruments["OIT"].Score, oit},
		{"sub-indicator 4.1", r.SubIndicators["4.1"], 50},
		{"indicator 4", r.Indicators["4"], 75},
		{"o2", r.Questions["o2"], 0},
		{"total", r.Total, total},
	}
	for _, c := range checks {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v (valid %v), want %v", c.name, c.got.Value(), c.got.Valid(), c.want)
		}
	}
	if r.Rating != "ต่ำ" || r.Passed || !r.Official {
		t.Errorf("got %v, want rating ต่ำ, not passed, official", r)
	}
	if got, want := *r.Instruments["IIT"].Minimum, 3; got != want {
		t.Errorf("IIT minimum = %d, want %d", got, want)
	}
}

func TestIITBelowMinimumIsUnofficialWithoutTotal(t *testing.T) {
	e := tinyEngine(t)
	r := e.Score(fullInput(t, e, 2)) // minimum for 30 staff is 3
	if r.Total.Valid() || r.Rating != "" || r.Passed || r.Official {
		t.Fatalf("got %v, want no total, no rating, not passed, unofficial", r)
	}
	if !slices.Contains(r.Flags, FlagIITBelowMinimum) {
		t.Errorf("flags = %v, want %s", r.Flags, FlagIITBelowMinimum)
	}
	for _, id := range []string{"1", "2"} {
		if r.Indicators[id].Valid() {
			t.Errorf("indicator %s scored below the IIT minimum", id)
		}
	}
	if r.Questions["i1"].Valid() || r.Instruments["IIT"].Score.Valid() {
		t.Error("IIT questions or instrument scored below the minimum")
	}
	if !r.Instruments["EIT"].Score.Valid() || !r.Instruments["OIT"].Score.Valid() {
		t.Error("EIT and OIT must still be scored")
	}
}

func TestSkippedStepKeepsTotalButIsUnofficial(t *testing.T) {
	e := tinyEngine(t)
	in := fullInput(t, e, 3)
	in.Agency.Compliance = Compliance{OITNotApproved: true, NotRegistered: true}
	r := e.Score(in)
	if !r.Total.Valid() || r.Official {
		t.Fatalf("got %v, want a total marked unofficial", r)
	}
	want := []Flag{FlagNotRegistered, FlagOITNotApproved}
	if !slices.Equal(r.Flags, want) {
		t.Errorf("flags = %v, want %v", r.Flags, want)
	}
}

func TestOIT(t *testing.T) {
	e := tinyEngine(t)
	t.Run("NotScoredMeansNoTotal", func(t *testing.T) {
		in := fullInput(t, e, 3)
		in.OIT = nil
		r := e.Score(in)
		if r.Total.Valid() || r.Instruments["OIT"].Score.Valid() || !slices.Contains(r.Flags, FlagOITNotScored) {
			t.Errorf("got %v", r)
		}
	})
	t.Run("MissingItemScoresZeroAndIsFlagged", func(t *testing.T) {
		in := fullInput(t, e, 3)
		delete(in.OIT, "o4")
		r := e.Score(in)
		if !near(r.Indicators["5"], 0) || !slices.Contains(r.Flags, FlagOITItemsUnscored) {
			t.Errorf("indicator 5 = %v, flags %v", r.Indicators["5"].Value(), r.Flags)
		}
	})
}

func TestEIT(t *testing.T) {
	e := tinyEngine(t)
	t.Run("NoRespondentsMeansNoTotal", func(t *testing.T) {
		in := fullInput(t, e, 3)
		delete(in.Surveys, "EIT")
		r := e.Score(in)
		if r.Total.Valid() || !slices.Contains(r.Flags, FlagNoEITRespondents) {
			t.Errorf("got %v", r)
		}
	})
	t.Run("BelowMinimumIsScoredAndFlagged", func(t *testing.T) {
		in := fullInput(t, e, 3)
		in.Agency.ExternalPopulation = 100 // minimum 10, three respondents
		r := e.Score(in)
		if !r.Total.Valid() || !r.Official || !slices.Contains(r.Flags, FlagEITBelowMinimum) {
			t.Errorf("got %v", r)
		}
	})
	t.Run("PartWithoutRespondentsUsesTheOther", func(t *testing.T) {
		in := fullInput(t, e, 3)
		in.Surveys["EIT"] = tally(t, e, "EIT", 1, map[string]string{"e1": "4", "e2": "4"}).Scores()
		r := e.Score(in)
		if !near(r.Instruments["EIT"].Score, 100) || !slices.Contains(r.Flags, FlagEITPartMissing) {
			t.Errorf("EIT = %v, flags %v", r.Instruments["EIT"].Score.Value(), r.Flags)
		}
	})
}

func TestTallyRejectsBadParts(t *testing.T) {
	e := tinyEngine(t)
	row := respondent(t, e.Layout("EIT"), map[string]string{"e1": "4"})
	for _, part := range []int{-1, 3} {
		if err := NewTally(e.Layout("EIT")).Add(part, row); err == nil {
			t.Errorf("part %d accepted", part)
		}
	}
	if err := NewTally(e.Layout("IIT")).Add(2, respondent(t, e.Layout("IIT"), nil)); err == nil {
		t.Error("part 2 accepted for an instrument without parts")
	}
}

func TestRatingUsesInstrumentFloors(t *testing.T) {
	e := tinyEngine(t)
	in := fullInput(t, e, 3)
	all4 := map[string]string{"i1.1": "4", "i1.2": "1", "i2": "ไม่มี", "i3": "4"}
	in.Surveys["IIT"] = tally(t, e, "IIT", 0, all4, all4, all4).Scores()
	in.Surveys["EIT"] = tally(t, e, "EIT", 1, map[string]string{"e1": "4", "e2": "4"}).Scores()
	in.OIT = map[string]float64{"o1": 100, "o2": 100, "o3": 100, "o4": 100}
	r := e.Score(in) // IIT 100, EIT 100 (one part), OIT 100
	if r.Rating != "ดีเยี่ยม" || !r.Passed {
		t.Errorf("got %v, want ดีเยี่ยม", r)
	}
	in.OIT["o3"] = 0 // 4.2 = 0 → indicator 4 = 50, 5 = 100 → OIT 75 < 95: total 90 falls to ดี
	if r := e.Score(in); r.Rating != "ดี" || !r.Passed {
		t.Errorf("got %v, want ดี passed", r)
	}
}

func TestAnswerAcceptsSpreadsheetSpellings(t *testing.T) {
	e := tinyEngine(t)
	l := e.Layout("IIT")
	i11, _ := l.Slot("i1.1")
	i12, _ := l.Slot("i1.2") // negative
	i2, _ := l.Slot("i2")    // negative yes/no
	tests := []struct {
		slot int
		code string
		want float64
		ok   bool
	}{
		{i11, "4", 100, true},
		{i11, "4.00", 100, true}, // a number cell formatted with decimals
		{i11, " 3 ", 66.67, true},
		{i12, "1", 100, true},
		{i2, "YES", 0, true},
		{i2, "ไม่มี", 100, true},
		{i11, "4.5", 0, false},
		{i11, "5", 0, false},
		{i11, "", 0, false},
	}
	for _, tt := range tests {
		got, ok := l.Answer(tt.slot, tt.code)
		if ok != tt.ok || (ok && math.Abs(got-tt.want) > 1e-9) {
			t.Errorf("Answer(%s, %q) = %v, %v; want %v, %v", l.Items[tt.slot].Key, tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

package results

import (
	"math"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/survey"
)

func engine(t testing.TB, year int) *scoring.Engine {
	t.Helper()
	fw, err := framework.Builtin(year)
	if err != nil {
		t.Fatal(err)
	}
	e, err := scoring.NewEngine(fw)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestPartOf(t *testing.T) {
	e2563, e2568 := engine(t, 2563), engine(t, 2568)
	tests := []struct {
		name string
		l    *scoring.Layout
		ch   survey.Channel
		want int
	}{
		{"NoPartsLink", e2563.Layout("EIT"), survey.ChannelLink, 0},
		{"NoPartsPhone", e2563.Layout("EIT"), survey.ChannelPhone, 0},
		{"IITHasNoParts", e2568.Layout("IIT"), survey.ChannelImport, 0},
		{"LinkIsPart1", e2568.Layout("EIT"), survey.ChannelLink, 1},
		{"APIIsPart1", e2568.Layout("EIT"), survey.ChannelAPI, 1},
		{"PhoneIsPart2", e2568.Layout("EIT"), survey.ChannelPhone, 2},
		{"FieldIsPart2", e2568.Layout("EIT"), survey.ChannelField, 2},
		{"ImportIsPart2", e2568.Layout("EIT"), survey.ChannelImport, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PartOf(tt.l, tt.ch); got != tt.want {
				t.Errorf("PartOf(%s, %s) = %d, want %d", tt.l.Instrument.ID, tt.ch, got, tt.want)
			}
		})
	}
}

func TestComplianceOf(t *testing.T) {
	all := assessment.Facts{Registered: true, InternalDataApproved: true, ExternalDataApproved: true, OITSubmitted: true, OITApproved: true}
	if got := ComplianceOf(all); got != (scoring.Compliance{}) {
		t.Errorf("every step done: got %+v, want no flags", got)
	}
	got := ComplianceOf(assessment.Facts{OITSubmitted: true})
	want := scoring.Compliance{NotRegistered: true, InternalDataNotApproved: true, ExternalDataNotApproved: true, OITNotApproved: true}
	if got != want {
		t.Errorf("nothing done: got %+v, want %+v", got, want)
	}
}

// TestCollectorMatchesTally: responses added as stored JSON give the tally that the same
// answers give when added to scoring.Tally directly, part by channel included.
func TestCollectorMatchesTally(t *testing.T) {
	e := engine(t, 2568)
	l := e.Layout("EIT")
	c, err := NewCollector(e, []Agency{{Code: "A1", Name: "หน่วยงาน", Counts: stakeholder.Counts{Internal: 40, External: 300}}})
	if err != nil {
		t.Fatal(err)
	}
	want := scoring.NewTally(l)
	responses := []struct {
		ch      survey.Channel
		answers string
	}{
		{survey.ChannelLink, `{"e1":"4","e3":"มี","e2":"2"}`},
		{survey.ChannelAPI, ` { "e1" : "1" , "e4" : "4" } `},
		{survey.ChannelPhone, `{"e1":"2","e2":"4","e3":"ไม่มี"}`},
		{survey.ChannelField, `{"e2":"\u0033"}`}, // escaped: decoded the slow way
	}
	for _, r := range responses {
		if err := c.AddResponse("A1", survey.EIT, r.ch, []byte(r.answers)); err != nil {
			t.Fatalf("AddResponse(%s): %v", r.answers, err)
		}
		items := make([]float64, len(l.Items))
		for i := range items {
			items[i] = math.NaN()
		}
		for _, kv := range strings.Split(strings.Trim(strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(r.answers, `\u0033`, "3"), " ", "")), "{}"), ",") {
			k, v, _ := strings.Cut(kv, ":")
			slot, ok := l.Slot(strings.Trim(k, `"`))
			if !ok {
				t.Fatalf("test answers name %s, not a 2568 EIT item", k)
			}
			items[slot], _ = l.Answer(slot, strings.Trim(v, `"`))
		}
		if err := want.Add(PartOf(l, r.ch), items); err != nil {
			t.Fatal(err)
		}
	}
	in := c.Inputs()[0]
	got := in.Surveys["EIT"]
	w := want.Scores()
	if len(got.Parts) != 2 || got.Parts[0].Respondents != 2 || got.Parts[1].Respondents != 2 {
		t.Fatalf("parts = %+v, want 2 respondents in each of 2 parts", got.Parts)
	}
	for p := range w.Parts {
		for q := range w.Parts[p].Questions {
			if g, w := got.Parts[p].Questions[q], w.Parts[p].Questions[q]; g != w {
				t.Errorf("part %d question %s = %v, want %v", p+1, l.Questions[q].ID, g, w)
			}
		}
	}
	if in.Agency.InternalPopulation != 40 || in.Agency.ExternalPopulation != 300 {
		t.Errorf("populations = %d/%d, want 40/300", in.Agency.InternalPopulation, in.Agency.ExternalPopulation)
	}
	if _, ok := in.Surveys["IIT"]; ok {
		t.Error("IIT has a tally without responses")
	}
	if c.Respondents("A1", survey.EIT) != 4 || c.Respondents("A1", survey.IIT) != 0 {
		t.Errorf("respondents = %d EIT, %d IIT; want 4, 0", c.Respondents("A1", survey.EIT), c.Respondents("A1", survey.IIT))
	}
}

// TestAddResponseRefuses: a stored response that no longer fits the framework fails the run
// instead of being skipped.
func TestAddResponseRefuses(t *testing.T) {
	e := engine(t, 2563)
	c, err := NewCollector(e, []Agency{{Code: "A1"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, code, sv, answers, want string
	}{
		{"UnknownAgency", "B2", survey.IIT, `{"i1":"4"}`, "not listed"},
		{"UnknownSurvey", "A1", "oit", `{"i1":"4"}`, "no survey"},
		{"ItemOfAnotherSurvey", "A1", survey.EIT, `{"i1":"4"}`, "not in the framework's EIT"},
		{"AnswerOutOfRange", "A1", survey.IIT, `{"i2":"5"}`, "not one of its options"},
		{"NothingAnswered", "A1", survey.IIT, `{}`, "answers no item"},
		{"NotAnObject", "A1", survey.IIT, `["i1"]`, "not a JSON object"},
		{"NumberValue", "A1", survey.IIT, `{"i1":4}`, "not a string"},
		{"Truncated", "A1", survey.IIT, `{"i2":"4"`, "not a JSON object"},
		{"Trailing", "A1", survey.IIT, `{"i2":"4"}x`, "after the closing brace"},
		{"EscapedUnknown", "A1", survey.IIT, `{"i\u0039\u0039":"4"}`, "not in the framework's IIT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.AddResponse(tt.code, tt.sv, survey.ChannelLink, []byte(tt.answers))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("AddResponse(%s) = %v, want an error with %q", tt.answers, err, tt.want)
			}
		})
	}
	if n := c.Respondents("A1", survey.IIT); n != 0 {
		t.Errorf("refused responses counted: %d", n)
	}
	if _, err := NewCollector(e, []Agency{{Code: "A1"}, {Code: "A1"}}); err == nil {
		t.Error("NewCollector accepted an agency listed twice")
	}
}

// TestInputsCompliance: steps not done and counts not approved reach the engine, and the engine
// marks the result unofficial; OIT comes from SetOIT.
func TestInputsCompliance(t *testing.T) {
	e := engine(t, 2563)
	c, err := NewCollector(e, []Agency{
		{Code: "A1", Facts: assessment.Facts{Registered: true, InternalDataApproved: true, ExternalDataApproved: true, OITApproved: true}, Counts: stakeholder.Counts{Internal: 20, External: 20}},
		{Code: "A2", Facts: assessment.Facts{Registered: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	c.SetOIT(map[string]map[string]float64{"A1": {"o1": 100}})
	rs := c.Score()
	if rs[0].Agency != "A1" || rs[1].Agency != "A2" {
		t.Fatalf("order = %s, %s; want A1, A2", rs[0].Agency, rs[1].Agency)
	}
	if !hasFlag(rs[0], scoring.FlagOITItemsUnscored) || hasFlag(rs[0], scoring.FlagOITNotScored) {
		t.Errorf("A1 flags = %v, want OIT scored with items missing", rs[0].Flags)
	}
	for _, f := range []scoring.Flag{scoring.FlagInternalDataNotApproved, scoring.FlagExternalDataNotApproved, scoring.FlagOITNotApproved, scoring.FlagOITNotScored} {
		if !hasFlag(rs[1], f) {
			t.Errorf("A2 flags = %v, want %s", rs[1].Flags, f)
		}
	}
	if rs[1].Official {
		t.Error("A2 is official without approved data")
	}
}

func hasFlag(r scoring.Result, f scoring.Flag) bool {
	for _, x := range r.Flags {
		if x == f {
			return true
		}
	}
	return false
}

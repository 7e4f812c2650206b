package framework

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// mustBuiltin2568 returns the embedded 2568 framework or stops the test.
func mustBuiltin2568(t *testing.T) *Framework {
	t.Helper()
	fw, err := Builtin(2568)
	if err != nil {
		t.Fatalf("Builtin(2568): %v", err)
	}
	return fw
}

func TestBuiltin2568Parses(t *testing.T) {
	fw := mustBuiltin2568(t)
	if fw.Year != 2568 {
		t.Errorf("Year = %d, want 2568", fw.Year)
	}
	if len(fw.Assumptions) == 0 {
		t.Error("Assumptions is empty; the 2568 file is rebuilt from an agency report and must say what it assumes")
	}
	for _, id := range []string{"IIT", "EIT", "OIT"} {
		if _, ok := fw.Instrument(id); !ok {
			t.Errorf("Instrument(%q) not found", id)
		}
	}
}

// question2568 is what a 2568 survey question must be: where it sits, how it is answered and
// whether it is negatively worded.
type question2568 struct {
	id        string
	indicator string
	answer    string
	negative  bool
}

func TestBuiltin2568IITQuestions(t *testing.T) {
	fw := mustBuiltin2568(t)
	tests := []question2568{
		{"i1", "1", "scale4", false},
		{"i2", "1", "scale4", true},
		{"i3", "1", "yesno", true},
		{"i4", "2", "scale4", false},
		{"i5", "2", "scale4", true},
		{"i6", "2", "scale4", true},
		{"i7", "3", "scale4", true},
		{"i8", "3", "scale4", true},
		{"i9", "3", "yesno", true},
		{"i10", "4", "scale4", false},
		{"i11", "4", "scale4", true},
		{"i12", "4", "scale4", false},
		{"i13", "5", "scale4", false},
		{"i14", "5", "scale4", false},
		{"i15", "5", "scale4", false},
	}
	checkQuestions2568(t, fw, "IIT", tests)
}

func TestBuiltin2568EITQuestions(t *testing.T) {
	fw := mustBuiltin2568(t)
	tests := []question2568{
		{"e1", "6", "scale4", false},
		{"e2", "6", "scale4", false},
		{"e3", "6", "yesno", true},
		{"e4", "7", "scale4", false},
		{"e5", "7", "scale4", false},
		{"e6", "7", "scale4", false},
		{"e7", "8", "scale4", false},
		{"e8", "8", "scale4", false},
		{"e9", "8", "scale4", false},
	}
	checkQuestions2568(t, fw, "EIT", tests)
}

// checkQuestions2568 checks that an instrument has exactly the given questions, each as described.
func checkQuestions2568(t *testing.T, fw *Framework, instrument string, tests []question2568) {
	t.Helper()
	ins, ok := fw.Instrument(instrument)
	if !ok {
		t.Fatalf("Instrument(%q) not found", instrument)
	}
	n := 0
	for _, ind := range ins.Indicators {
		n += len(ind.Questions)
	}
	if got, want := n, len(tests); got != want {
		t.Errorf("%s has %d questions, want %d", instrument, got, want)
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			ref, ok := fw.Question(tt.id)
			if !ok {
				t.Fatalf("Question(%q) not found", tt.id)
			}
			if got := ref.Instrument.ID; got != instrument {
				t.Errorf("instrument = %s, want %s", got, instrument)
			}
			if got := ref.Indicator.ID; got != tt.indicator {
				t.Errorf("indicator = %s, want %s", got, tt.indicator)
			}
			if got := ref.Question.Answer; got != tt.answer {
				t.Errorf("answer = %s, want %s", got, tt.answer)
			}
			item, ok := fw.Item(tt.id)
			if !ok {
				t.Fatalf("Item(%q) not found; want a single-part question", tt.id)
			}
			if item.Negative != tt.negative {
				t.Errorf("negative = %v, want %v", item.Negative, tt.negative)
			}
		})
	}
}

func TestBuiltin2568EITParts(t *testing.T) {
	fw := mustBuiltin2568(t)
	eit, _ := fw.Instrument("EIT")
	if got := len(eit.Parts); got != 2 {
		t.Fatalf("EIT has %d parts, want 2", got)
	}
	for i, p := range eit.Parts {
		if p.Number != i+1 || p.Name == "" {
			t.Errorf("parts[%d] = {Number: %d, Name: %q}, want number %d and a name", i, p.Number, p.Name, i+1)
		}
	}
	iit, _ := fw.Instrument("IIT")
	if len(iit.Parts) != 0 {
		t.Errorf("IIT has %d parts, want none", len(iit.Parts))
	}
}

func TestBuiltin2568OITItems(t *testing.T) {
	fw := mustBuiltin2568(t)
	oit, _ := fw.Instrument("OIT")
	if got, want := oit.ItemScores, []float64{0, 50, 100}; !slices.Equal(got, want) {
		t.Errorf("OIT item_scores = %v, want %v", got, want)
	}
	sub := map[string]string{}
	for i := 1; i <= 28; i++ {
		var s string
		switch {
		case i <= 4:
			s = "9.1"
		case i <= 11:
			s = "9.2"
		case i <= 13:
			s = "9.3"
		case i <= 16:
			s = "9.4"
		case i <= 20:
			s = "9.5"
		case i <= 24:
			s = "10.1"
		default:
			s = "10.2"
		}
		sub["o"+strconv.Itoa(i)] = s
	}
	n := 0
	for _, ind := range oit.Indicators {
		for _, si := range ind.SubIndicators {
			n += len(si.Items)
		}
	}
	if n != 28 {
		t.Errorf("OIT has %d items, want 28", n)
	}
	for id, want := range sub {
		t.Run(id, func(t *testing.T) {
			ref, ok := fw.OITItem(id)
			if !ok {
				t.Fatalf("OITItem(%q) not found", id)
			}
			if got := ref.SubIndicator.ID; got != want {
				t.Errorf("sub-indicator = %s, want %s", got, want)
			}
			wantInd, _, _ := strings.Cut(want, ".")
			if got := ref.Indicator.ID; got != wantInd {
				t.Errorf("indicator = %s, want %s", got, wantInd)
			}
			if len(ref.Item.Components) == 0 {
				t.Error("item has no components")
			}
		})
	}
}

func TestBuiltin2568Rating(t *testing.T) {
	fw := mustBuiltin2568(t)
	tests := []struct {
		name        string
		total       float64
		instruments []float64
		label       string
		passed      bool
	}{
		// อบต.คลองเส 2568 (seed 003): total ≥ 95 but IIT below 95, so ผ่านดี, not ผ่านดีเยี่ยม.
		{"SeedAgencyInstrumentBelow95", 96.83, []float64{93.80, 97.30, 98.75}, "ผ่านดี", true},
		{"AllAtLeast95", 96, []float64{95, 96, 97}, "ผ่านดีเยี่ยม", true},
		{"InstrumentBelow85", 86, []float64{80, 90, 88}, "ผ่าน", true},
		{"JustBelowPassMark", 84.99, []float64{84.99, 84.99, 84.99}, "ต้องปรับปรุง", false},
		{"RoundsUpToPassMark", 84.995, []float64{84.995, 84.995, 84.995}, "ผ่านดี", true},
		{"AtSeventy", 70, []float64{70, 70, 70}, "ต้องปรับปรุง", false},
		{"BelowSeventy", 69.99, []float64{69.99, 69.99, 69.99}, "ต้องปรับปรุงโดยด่วน", false},
		{"Zero", 0, []float64{0, 0, 0}, "ต้องปรับปรุงโดยด่วน", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			band, passed, found := fw.Rating.Rate(tt.total, tt.instruments)
			if !found {
				t.Fatalf("Rate(%v, %v): no band", tt.total, tt.instruments)
			}
			if band.Label != tt.label || passed != tt.passed {
				t.Errorf("Rate(%v, %v) = %s, passed %v; want %s, passed %v",
					tt.total, tt.instruments, band.Label, passed, tt.label, tt.passed)
			}
			if band.LabelEN == "" {
				t.Errorf("band %s has no label_en", band.Label)
			}
		})
	}
}

package framework

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The tables below are taken from NACC's manual for fiscal year 2563 (shared/seeds/001_…),
// section 5, and its summary table of questions per indicator. A change to the framework file
// that moves a question, an item or a polarity must show up here as a test change.

func load2563(t *testing.T) *Framework {
	t.Helper()
	f, err := Builtin(2563)
	if err != nil {
		t.Fatalf("Builtin(2563): %v", err)
	}
	return f
}

// question2563 is one survey question as the manual lays it out: its answer scale and how many
// things it asks about (0 for a single-part question).
type question2563 struct {
	id       string
	answer   string
	subitems int
}

type surveyIndicator2563 struct {
	id        string
	name      string
	questions []question2563
}

var iit2563 = []surveyIndicator2563{
	{"1", "การปฏิบัติหน้าที่", []question2563{
		{"i1", "scale4", 2}, {"i2", "scale4", 0}, {"i3", "scale4", 3},
		{"i4", "yesno", 3}, {"i5", "yesno", 3}, {"i6", "yesno", 3},
	}},
	{"2", "การใช้งบประมาณ", []question2563{
		{"i7", "scale4", 0}, {"i8", "scale4", 2}, {"i9", "scale4", 0},
		{"i10", "scale4", 0}, {"i11", "scale4", 2}, {"i12", "scale4", 3},
	}},
	{"3", "การใช้อำนาจ", []question2563{
		{"i13", "scale4", 0}, {"i14", "scale4", 0}, {"i15", "scale4", 0},
		{"i16", "scale4", 0}, {"i17", "scale4", 0}, {"i18", "scale4", 3},
	}},
	{"4", "การใช้ทรัพย์สินของราชการ", []question2563{
		{"i19", "scale4", 0}, {"i20", "scale4", 0}, {"i21", "scale4", 0},
		{"i22", "scale4", 0}, {"i23", "scale4", 0}, {"i24", "scale4", 0},
	}},
	{"5", "การแก้ไขปัญหาการทุจริต", []question2563{
		{"i25", "scale4", 0}, {"i26", "yesno", 2}, {"i27", "scale4", 0},
		{"i28", "scale4", 3}, {"i29", "scale4", 0}, {"i30", "scale4", 4},
	}},
}

var eit2563 = []surveyIndicator2563{
	{"6", "คุณภาพการดำเนินงาน", []question2563{
		{"e1", "scale4", 2}, {"e2", "scale4", 0}, {"e3", "scale4", 0},
		{"e4", "yesno", 3}, {"e5", "scale4", 0},
	}},
	{"7", "ประสิทธิภาพการสื่อสาร", []question2563{
		{"e6", "scale4", 2}, {"e7", "scale4", 0}, {"e8", "yesno", 0},
		{"e9", "scale4", 0}, {"e10", "yesno", 0},
	}},
	{"8", "การปรับปรุงระบบการทำงาน", []question2563{
		{"e11", "scale4", 0}, {"e12", "scale4", 0}, {"e13", "yesno", 0},
		{"e14", "scale4", 0}, {"e15", "scale4", 0},
	}},
}

// negative2563 lists every answer key (i1.2 for a sub-item, i9 for a single-part question) on
// which reporting more is worse: bribes asked, taken or given, spending for personal benefit,
// false claims, favouring a contractor, errands for the superior, wrongful orders, interference,
// bought positions, favouritism, state property taken or used without permission.
var negative2563 = []string{
	"i4.1", "i4.2", "i4.3",
	"i5.1", "i5.2", "i5.3",
	"i6.1", "i6.2", "i6.3",
	"i9",
	"i10",
	"i11.2",
	"i16",
	"i17",
	"i18.1", "i18.2", "i18.3",
	"i19",
	"i22",
	"e4.1", "e4.2", "e4.3",
}

type oitSub2563 struct {
	indicator string
	id        string
	name      string
	items     []string
}

var oit2563 = []oitSub2563{
	{"9", "9.1", "ข้อมูลพื้นฐาน", []string{"o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9"}},
	{"9", "9.2", "การบริหารงาน", []string{"o10", "o11", "o12", "o13", "o14", "o15", "o16", "o17"}},
	{"9", "9.3", "การบริหารเงินงบประมาณ", []string{"o18", "o19", "o20", "o21", "o22", "o23", "o24"}},
	{"9", "9.4", "การบริหารและพัฒนาทรัพยากรบุคคล", []string{"o25", "o26", "o27", "o28"}},
	{"9", "9.5", "การส่งเสริมความโปร่งใส", []string{"o29", "o30", "o31", "o32", "o33"}},
	{"10", "10.1", "การดำเนินการเพื่อป้องกันการทุจริต", []string{"o34", "o35", "o36", "o37", "o38", "o39", "o40", "o41"}},
	{"10", "10.2", "มาตรการภายในเพื่อป้องกันการทุจริต", []string{"o42", "o43"}},
}

func TestBuiltin2563Instruments(t *testing.T) {
	f := load2563(t)
	if f.Year != 2563 {
		t.Errorf("Year = %d, want 2563", f.Year)
	}
	if err := f.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	tests := []struct {
		id         string
		kind       string
		weight     float64
		population string
		indicators []string
	}{
		{"IIT", KindSurvey, 30, "internal", []string{"1", "2", "3", "4", "5"}},
		{"EIT", KindSurvey, 30, "external", []string{"6", "7", "8"}},
		{"OIT", KindChecklist, 40, "", []string{"9", "10"}},
	}
	if len(f.Instruments) != len(tests) {
		t.Fatalf("%d instruments, want %d", len(f.Instruments), len(tests))
	}
	for i, tt := range tests {
		ins, ok := f.Instrument(tt.id)
		if !ok {
			t.Errorf("instrument %s missing", tt.id)
			continue
		}
		if f.Instruments[i].ID != tt.id {
			t.Errorf("instrument %d is %s, want %s", i, f.Instruments[i].ID, tt.id)
		}
		if ins.Kind != tt.kind || ins.Weight != tt.weight || ins.Population != tt.population {
			t.Errorf("%s: kind %q weight %g population %q, want %q %g %q",
				tt.id, ins.Kind, ins.Weight, ins.Population, tt.kind, tt.weight, tt.population)
		}
		var ids []string
		for _, ind := range ins.Indicators {
			ids = append(ids, ind.ID)
			if strings.TrimSpace(ind.Name) == "" || strings.TrimSpace(ind.NameEN) == "" {
				t.Errorf("%s indicator %s: name and name_en are required", tt.id, ind.ID)
			}
			if strings.TrimSpace(ind.Description) == "" {
				t.Errorf("%s indicator %s: description is missing", tt.id, ind.ID)
			}
		}
		if !slices.Equal(ids, tt.indicators) {
			t.Errorf("%s indicators = %v, want %v", tt.id, ids, tt.indicators)
		}
	}
	oit, _ := f.Instrument("OIT")
	if !slices.Equal(oit.ItemScores, []float64{0, 100}) {
		t.Errorf("OIT item_scores = %v, want [0 100]", oit.ItemScores)
	}
}

func TestBuiltin2563SurveyQuestions(t *testing.T) {
	f := load2563(t)
	tests := []struct {
		instrument string
		want       []surveyIndicator2563
		prefix     string
		count      int
	}{
		{"IIT", iit2563, "i", 30},
		{"EIT", eit2563, "e", 15},
	}
	for _, tt := range tests {
		t.Run(tt.instrument, func(t *testing.T) {
			ins, ok := f.Instrument(tt.instrument)
			if !ok {
				t.Fatalf("instrument %s missing", tt.instrument)
			}
			if len(ins.Indicators) != len(tt.want) {
				t.Fatalf("%d indicators, want %d", len(ins.Indicators), len(tt.want))
			}
			var all []string
			for i, want := range tt.want {
				ind := ins.Indicators[i]
				if ind.ID != want.id || ind.Name != want.name {
					t.Errorf("indicator %d = %s %s, want %s %s", i, ind.ID, ind.Name, want.id, want.name)
				}
				var got []question2563
				for _, q := range ind.Questions {
					got = append(got, question2563{q.ID, q.Answer, len(q.SubItems)})
					all = append(all, q.ID)
					if strings.TrimSpace(q.Text) == "" {
						t.Errorf("%s: text is empty", q.ID)
					}
				}
				if !slices.Equal(got, want.questions) {
					t.Errorf("indicator %s questions =\n  %v\nwant\n  %v", want.id, got, want.questions)
				}
				for _, q := range want.questions {
					ref, ok := f.Question(q.id)
					if !ok {
						t.Errorf("Question(%q) not found", q.id)
						continue
					}
					if ref.Indicator.ID != want.id || ref.Instrument.ID != tt.instrument {
						t.Errorf("Question(%q) is in %s/%s, want %s/%s",
							q.id, ref.Instrument.ID, ref.Indicator.ID, tt.instrument, want.id)
					}
					if ref.AnswerType == nil || ref.AnswerType.ID != q.answer {
						t.Errorf("Question(%q) answer type %v, want %s", q.id, ref.AnswerType, q.answer)
					}
				}
			}
			if len(all) != tt.count {
				t.Errorf("%d questions, want %d", len(all), tt.count)
			}
			for n, id := range all {
				if want := tt.prefix + strconv.Itoa(n+1); id != want {
					t.Errorf("question %d is %s, want %s (numbered in order)", n+1, id, want)
				}
			}
		})
	}
}

func TestBuiltin2563OITItems(t *testing.T) {
	f := load2563(t)
	ins, ok := f.Instrument("OIT")
	if !ok {
		t.Fatal("instrument OIT missing")
	}
	var subs []oitSub2563
	for _, ind := range ins.Indicators {
		for _, sub := range ind.SubIndicators {
			s := oitSub2563{indicator: ind.ID, id: sub.ID, name: sub.Name}
			if strings.TrimSpace(sub.NameEN) == "" {
				t.Errorf("sub-indicator %s: name_en is missing", sub.ID)
			}
			for _, it := range sub.Items {
				s.items = append(s.items, it.ID)
			}
			subs = append(subs, s)
		}
	}
	if len(subs) != len(oit2563) {
		t.Fatalf("%d sub-indicators, want %d", len(subs), len(oit2563))
	}
	n := 0
	for i, want := range oit2563 {
		got := subs[i]
		if got.indicator != want.indicator || got.id != want.id || got.name != want.name {
			t.Errorf("sub-indicator %d = %s/%s %s, want %s/%s %s",
				i, got.indicator, got.id, got.name, want.indicator, want.id, want.name)
		}
		if !slices.Equal(got.items, want.items) {
			t.Errorf("sub-indicator %s items = %v, want %v", want.id, got.items, want.items)
		}
		for _, id := range want.items {
			n++
			if id != "o"+strconv.Itoa(n) {
				t.Errorf("item %d in the table is %s: the table must number o1…o43 in order", n, id)
			}
			ref, ok := f.OITItem(id)
			if !ok {
				t.Errorf("OITItem(%q) not found", id)
				continue
			}
			if ref.SubIndicator.ID != want.id || ref.Indicator.ID != want.indicator {
				t.Errorf("OITItem(%q) is in %s/%s, want %s/%s",
					id, ref.Indicator.ID, ref.SubIndicator.ID, want.indicator, want.id)
			}
			it := ref.Item
			if strings.TrimSpace(it.Title) == "" || strings.TrimSpace(it.TitleEN) == "" {
				t.Errorf("%s: title and title_en are required", id)
			}
			if len(it.Components) == 0 {
				t.Errorf("%s: no data components", id)
			}
			for k, c := range it.Components {
				if strings.TrimSpace(c) == "" {
					t.Errorf("%s: component %d is empty", id, k+1)
				}
			}
		}
	}
	if n != 43 {
		t.Errorf("%d OIT items, want 43", n)
	}
}

func TestBuiltin2563Polarity(t *testing.T) {
	f := load2563(t)
	var got []string
	for _, id := range []string{"IIT", "EIT"} {
		ins, _ := f.Instrument(id)
		for _, ind := range ins.Indicators {
			for _, q := range ind.Questions {
				for _, key := range q.ItemKeys() {
					ref, ok := f.Item(key)
					if !ok {
						t.Errorf("Item(%q) not found", key)
						continue
					}
					if ref.Negative {
						got = append(got, key)
					}
				}
			}
		}
	}
	want := slices.Clone(negative2563)
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("negative items =\n  %v\nwant\n  %v", got, want)
	}
}

func TestBuiltin2563ItemKeys(t *testing.T) {
	f := load2563(t)
	tests := []struct {
		key      string
		exists   bool
		question string
		subItem  int
	}{
		{"i1.1", true, "i1", 0},
		{"i1.2", true, "i1", 1},
		{"i1", false, "", 0}, // multi-part: answered per sub-item only
		{"i1.3", false, "", 0},
		{"i2", true, "i2", 0},
		{"i2.1", false, "", 0},
		{"i30.4", true, "i30", 3},
		{"e4.3", true, "e4", 2},
		{"e15", true, "e15", 0},
		{"i31", false, "", 0},
		{"e16", false, "", 0},
	}
	for _, tt := range tests {
		ref, ok := f.Item(tt.key)
		if ok != tt.exists {
			t.Errorf("Item(%q) found = %v, want %v", tt.key, ok, tt.exists)
			continue
		}
		if ok && (ref.Question.Question.ID != tt.question || ref.SubItem != tt.subItem) {
			t.Errorf("Item(%q) = %s sub-item %d, want %s sub-item %d",
				tt.key, ref.Question.Question.ID, ref.SubItem, tt.question, tt.subItem)
		}
	}
}

func TestBuiltin2563MinimumSample(t *testing.T) {
	f := load2563(t)
	// Manual 2.3: 10 % of the stakeholders, at least 30; everyone when fewer than 30; 400 when
	// more than 4,000.
	tests := []struct {
		population int
		want       int
	}{
		{0, 0},
		{20, 20},
		{29, 29},
		{30, 30},
		{100, 30},
		{300, 30},
		{301, 31},
		{1000, 100},
		{4000, 400},
		{4001, 400},
		{100000, 400},
	}
	for _, tt := range tests {
		if got := f.MinimumSample.Minimum(tt.population); got != tt.want {
			t.Errorf("Minimum(%d) = %d, want %d", tt.population, got, tt.want)
		}
	}
}

func TestBuiltin2563Rating(t *testing.T) {
	f := load2563(t)
	// Manual 3.2: AA 95–100, A 85–94.99, B 75–84.99, C 65–74.99, D 55–64.99, E 50–54.99,
	// F 0–49.99; pass mark 85. Totals are compared after rounding to two decimals.
	tests := []struct {
		total  float64
		label  string
		passed bool
	}{
		{100, "AA", true},
		{95, "AA", true},
		{94.995, "AA", true}, // shown as 95.00
		{94.994, "A", true},
		{85, "A", true},
		{84.995, "A", true}, // shown as 85.00
		{84.99, "B", false},
		{75, "B", false},
		{74.99, "C", false},
		{65, "C", false},
		{64.99, "D", false},
		{55, "D", false},
		{54.99, "E", false},
		{50, "E", false},
		{49.99, "F", false},
		{0, "F", false},
	}
	for _, tt := range tests {
		band, passed, found := f.Rating.Rate(tt.total, nil)
		if !found {
			t.Errorf("Rate(%g): no band", tt.total)
			continue
		}
		if band.Label != tt.label || passed != tt.passed {
			t.Errorf("Rate(%g) = %s passed %v, want %s passed %v", tt.total, band.Label, passed, tt.label, tt.passed)
		}
	}
}

package oit

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
)

func TestAnswerValidate(t *testing.T) {
	tests := []struct {
		name  string
		a     Answer
		field string // "" means valid
	}{
		{"Yes", Answer{Disclosure: Yes, URLs: []string{"https://energy.go.th/structure"}}, ""},
		{"YesHTTPAndExplanation", Answer{Disclosure: Yes, URLs: []string{"http://energy.go.th/a", "https://energy.go.th/b"}, Explanation: "หน้า 2"}, ""},
		{"No", Answer{Disclosure: No, Explanation: "ยังไม่ได้จัดทำ"}, ""},
		{"Cannot", Answer{Disclosure: CannotDisclose, Reason: "เป็นข้อมูลลับตามมาตรา 15 พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540"}, ""},
		{"Empty", Answer{}, FieldDisclosure},
		{"YesNoURL", Answer{Disclosure: Yes}, FieldURLs},
		{"YesRelative", Answer{Disclosure: Yes, URLs: []string{"/ita/o1"}}, FieldURLs},
		{"YesJavascript", Answer{Disclosure: Yes, URLs: []string{"javascript:alert(1)"}}, FieldURLs},
		{"YesCredentials", Answer{Disclosure: Yes, URLs: []string{"https://user:pw@energy.go.th/"}}, FieldURLs},
		{"YesSpace", Answer{Disclosure: Yes, URLs: []string{"https://energy.go.th/a b"}}, FieldURLs},
		{"YesTooMany", Answer{Disclosure: Yes, URLs: manyURLs(MaxURLs + 1)}, FieldURLs},
		{"NoWithURL", Answer{Disclosure: No, URLs: []string{"https://energy.go.th"}}, FieldURLs},
		{"CannotShortReason", Answer{Disclosure: CannotDisclose, Reason: "ความลับ"}, FieldReason},
		{"ReasonWithYes", Answer{Disclosure: Yes, URLs: []string{"https://energy.go.th"}, Reason: "ไม่เกี่ยวข้องกับคำตอบนี้เลยจริง ๆ"}, FieldReason},
		{"LongExplanation", Answer{Disclosure: No, Explanation: strings.Repeat("ก", MaxText+1)}, FieldExplanation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.a.Normalize().Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if _, ok := apperr.FieldsOf(err)[tt.field]; !ok {
				t.Fatalf("Validate() = %v, want a message for %q", err, tt.field)
			}
		})
	}
}

func manyURLs(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "https://energy.go.th/p" + strings.Repeat("x", i+1)
	}
	return out
}

func TestNormalize(t *testing.T) {
	a := Answer{Disclosure: " yes ", URLs: []string{" https://a.go.th/x ", "", "https://a.go.th/x", "https://a.go.th/y"}, Explanation: "  ดู  "}.Normalize()
	if a.Disclosure != Yes || !slices.Equal(a.URLs, []string{"https://a.go.th/x", "https://a.go.th/y"}) || a.Explanation != "ดู" {
		t.Fatalf("Normalize() = %+v", a)
	}
}

func TestOffSite(t *testing.T) {
	tests := []struct {
		url, site string
		want      bool
	}{
		{"https://energy.go.th/ita", "https://energy.go.th", false},
		{"https://www.energy.go.th/ita", "https://energy.go.th", false},
		{"https://energy.go.th:8443/ita", "energy.go.th", false},
		{"https://ita.energy.go.th/o1", "https://www.energy.go.th/", false},
		{"https://ENERGY.go.th/o1", "https://energy.go.th", false},
		{"https://www.facebook.com/energy", "https://energy.go.th", true},
		{"https://drive.google.com/file/d/1", "https://energy.go.th", true},
		{"https://notenergy.go.th/o1", "https://energy.go.th", true},
		{"https://energy.go.th.evil.example/o1", "https://energy.go.th", true},
		{"https://energy.go.th/o1", "", false},
		{"https://xn--42cg3gvan9i.xn--o3cw4h/ita", "https://คลองเส.ไทย", false},
		{"https://ita.คลองเส.ไทย/o1", "xn--42cg3gvan9i.xn--o3cw4h", false},
		{"https://คลองเหนือ.ไทย/o1", "https://คลองเส.ไทย", true},
		{"not a url", "https://energy.go.th", false},
	}
	for _, tt := range tests {
		if got := OffSite(tt.url, tt.site); got != tt.want {
			t.Errorf("OffSite(%q, %q) = %v, want %v", tt.url, tt.site, got, tt.want)
		}
	}
	a := Answer{Disclosure: Yes, URLs: []string{"https://energy.go.th/a", "https://facebook.com/energy"}}
	if got := a.OffSite("https://energy.go.th"); !slices.Equal(got, []string{"https://facebook.com/energy"}) {
		t.Errorf("Answer.OffSite = %v", got)
	}
}

func TestTracking(t *testing.T) {
	want := map[Status]Tracking{
		StatusDraft: TrackingDraft, StatusReturned: TrackingDraft, StatusSubmitted: TrackingSubmitted,
		StatusApproved: TrackingApproved, StatusReleased: TrackingApproved, StatusFinal: TrackingApproved,
	}
	for s, w := range want {
		if got := s.Tracking(); got != w {
			t.Errorf("%s.Tracking() = %s, want %s", s, got, w)
		}
	}
}

func TestResultsVisible(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2020, 8, d, 0, 0, 0, 0, time.UTC) }
	y := assessment.Year{FiscalYear: 2563, Status: assessment.StatusOpen, Phases: []assessment.Window{
		{Phase: assessment.PhaseClarification, Start: day(16), End: day(31)},
	}}
	released := Record{Status: StatusReleased}
	if ResultsVisible(released, y, day(10)) {
		t.Error("visible before clarification")
	}
	if !ResultsVisible(released, y, day(20)) || !ResultsVisible(Record{Status: StatusFinal}, y, day(31).AddDate(0, 1, 0)) {
		t.Error("not visible during or after clarification")
	}
	if ResultsVisible(Record{Status: StatusApproved}, y, day(20)) {
		t.Error("unreleased scores visible")
	}
	y.Status = assessment.StatusClosed
	if !ResultsVisible(Record{Status: StatusFinal}, y, day(1)) {
		t.Error("not visible in a closed year")
	}
}

func TestChecklist(t *testing.T) {
	for _, tt := range []struct {
		year, total int
		max         float64
		scores      []float64
	}{{2563, 43, 100, []float64{0, 100}}, {2568, 28, 100, []float64{0, 50, 100}}} {
		c := checklist(t, tt.year)
		if c.Total() != tt.total || c.MaxScore() != tt.max || !slices.Equal(c.Scores(), tt.scores) {
			t.Errorf("%d: total %d max %v scores %v", tt.year, c.Total(), c.MaxScore(), c.Scores())
		}
		if c.ItemIDs[0] != "o1" || c.ItemIDs[len(c.ItemIDs)-1] != "o"+itoa(tt.total) {
			t.Errorf("%d: items %v", tt.year, c.ItemIDs)
		}
		if n, ok := c.Next("o1"); !ok || n != "o2" {
			t.Errorf("Next(o1) = %q", n)
		}
		if _, ok := c.Prev("o1"); ok {
			t.Error("Prev(o1) exists")
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

package assessment

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/thaidate"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, thaidate.Location)
}

// year2563 is a timeline in the shape of NACC's for fiscal year 2563.
func year2563() Year {
	w := func(p Phase, from, to time.Time) Window { return Window{p, from, thaidate.EndOfDay(to)} }
	return Year{
		FiscalYear: 2563, FrameworkYear: 2563, Status: StatusOpen,
		Phases: []Window{
			w(PhaseRegistration, day(2020, 3, 1), day(2020, 3, 31)),
			w(PhaseStakeholderData, day(2020, 3, 1), day(2020, 4, 30)),
			w(PhaseIITCollection, day(2020, 4, 1), day(2020, 7, 31)),
			w(PhaseEITCollection, day(2020, 4, 1), day(2020, 7, 31)),
			w(PhaseOITAnswering, day(2020, 4, 1), day(2020, 6, 30)),
			w(PhaseOITReview, day(2020, 7, 1), day(2020, 7, 31)),
			w(PhaseClarification, day(2020, 8, 1), day(2020, 8, 15)),
			w(PhaseProcessing, day(2020, 8, 16), day(2020, 8, 31)),
			w(PhasePublication, day(2020, 9, 1), day(2020, 9, 30)),
		},
	}
}

func TestCheckOpen(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*Year)
		phase   Phase
		now     time.Time
		wantErr string // part of the Thai message; "" means open
	}{
		{"Open", nil, PhaseOITAnswering, day(2020, 5, 10), ""},
		{"FirstInstant", nil, PhaseOITAnswering, day(2020, 4, 1), ""},
		{"LastDayEvening", nil, PhaseOITAnswering, day(2020, 6, 30).Add(23 * time.Hour), ""},
		{"NotYet", nil, PhaseOITAnswering, day(2020, 3, 31), "ยังไม่ถึงช่วงเวลาการตอบแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ซึ่งเปิดระหว่างวันที่ 1 เม.ย. 2563 – 30 มิ.ย. 2563"},
		{"Over", nil, PhaseOITAnswering, day(2020, 7, 1), "สิ้นสุดช่วงเวลาการตอบแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) แล้ว (เปิดระหว่างวันที่ 1 เม.ย. 2563 – 30 มิ.ย. 2563)"},
		{"NoWindow", func(y *Year) { y.Phases = y.Phases[:1] }, PhaseOITReview, day(2020, 7, 5), "ยังไม่ได้กำหนดช่วงเวลา"},
		{"Draft", func(y *Year) { y.Status = StatusDraft }, PhaseRegistration, day(2020, 3, 5), "ยังไม่เปิด"},
		{"Closed", func(y *Year) { y.Status = StatusClosed }, PhaseRegistration, day(2020, 3, 5), "ปิดแล้ว"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y := year2563()
			if tt.change != nil {
				tt.change(&y)
			}
			err := y.CheckOpen(tt.phase, tt.now)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("CheckOpen = %v, want nil", err)
				}
				return
			}
			if got := apperr.CodeOf(err); got != apperr.CodePhaseClosed {
				t.Fatalf("code = %q, want phase_closed", got)
			}
			if msg := apperr.MessageOf(err); !strings.Contains(msg, tt.wantErr) {
				t.Errorf("message = %q, want it to contain %q", msg, tt.wantErr)
			}
			if apperr.MessageENOf(err) == "" {
				t.Errorf("no English message")
			}
		})
	}
}

func TestOpenPhases(t *testing.T) {
	got := year2563().OpenPhases(day(2020, 4, 15))
	want := []Phase{PhaseStakeholderData, PhaseIITCollection, PhaseEITCollection, PhaseOITAnswering}
	if !slices.Equal(got, want) {
		t.Errorf("OpenPhases = %v, want %v", got, want)
	}
}

func TestYearValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Year)
		want   []string
	}{
		{"Valid", func(*Year) {}, nil},
		{"DraftMayLackWindows", func(y *Year) { y.Status = StatusDraft; y.Phases = nil }, nil},
		{"OpenNeedsAll", func(y *Year) { y.Phases = y.Phases[:8] }, []string{string(PhasePublication)}},
		{"EndBeforeStart", func(y *Year) { y.Phases[2].End = y.Phases[2].Start.Add(-time.Hour) }, []string{string(PhaseIITCollection)}},
		{"Duplicate", func(y *Year) { y.Phases[8] = y.Phases[0] }, []string{string(PhaseRegistration), string(PhasePublication)}},
		{"UnknownPhase", func(y *Year) { y.Phases = append(y.Phases, Window{Phase: "party"}) }, []string{"party"}},
		{"CEYear", func(y *Year) { y.FiscalYear = 2020; y.FrameworkYear = 2020 }, []string{FieldFiscalYear, FieldFrameworkYear}},
		{"FrameworkNewer", func(y *Year) { y.FrameworkYear = 2568 }, []string{FieldFrameworkYear}},
		{"BadStatus", func(y *Year) { y.Status = "" }, []string{FieldStatus}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y := year2563()
			tt.change(&y)
			fields := apperr.FieldsOf(y.Validate())
			if len(fields) != len(tt.want) {
				t.Fatalf("fields = %v, want keys %v", fields, tt.want)
			}
			for _, k := range tt.want {
				if fields[k] == "" {
					t.Errorf("no message for %q in %v", k, fields)
				}
			}
		})
	}
}

func TestSortPhases(t *testing.T) {
	y := year2563()
	slices.Reverse(y.Phases)
	y.SortPhases()
	for i, w := range y.Phases {
		if w.Phase != Phases[i] {
			t.Fatalf("Phases[%d] = %s, want %s", i, w.Phase, Phases[i])
		}
	}
}

func TestPhaseNames(t *testing.T) {
	for i, p := range Phases {
		if p.Name() == string(p) || p.NameEN() == string(p) || p.Index() != i {
			t.Errorf("phase %s: names %q / %q, index %d", p, p.Name(), p.NameEN(), p.Index())
		}
	}
}

func TestProgress(t *testing.T) {
	tests := []struct {
		name        string
		facts       Facts
		wantDone    []Step
		wantMissing []Step
	}{
		{"Nothing", Facts{}, nil, []Step{StepRegistered, StepInternalDataApproved, StepExternalDataApproved, StepIITMinimum, StepOITSubmitted, StepOITApproved}},
		{"RegisteredOnly", Facts{Registered: true}, []Step{StepRegistered}, []Step{StepInternalDataApproved, StepExternalDataApproved, StepIITMinimum, StepOITSubmitted, StepOITApproved}},
		{"MinimumUnknown", Facts{IITResponses: 50}, nil, nil},
		{"Everything", Facts{
			Registered: true, InternalDataApproved: true, ExternalDataApproved: true,
			IITResponses: 30, IITMinimum: 30, EITResponses: 29, EITMinimum: 30, OITApproved: true,
		}, []Step{StepRegistered, StepInternalDataApproved, StepExternalDataApproved, StepIITMinimum, StepOITSubmitted, StepOITApproved}, []Step{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Progress(tt.facts)
			if len(p) != len(Steps()) {
				t.Fatalf("len(Progress) = %d, want %d", len(p), len(Steps()))
			}
			var done []Step
			for _, s := range p {
				if s.Done {
					done = append(done, s.Step)
				}
			}
			if !slices.Equal(done, tt.wantDone) {
				t.Errorf("done = %v, want %v", done, tt.wantDone)
			}
			if tt.wantMissing != nil && !slices.Equal(Missing(p), tt.wantMissing) && !(len(tt.wantMissing) == 0 && len(Missing(p)) == 0) {
				t.Errorf("Missing = %v, want %v", Missing(p), tt.wantMissing)
			}
		})
	}
	if StepEITMinimum.Required() {
		t.Errorf("EIT minimum must not be required for an official result (manual ข้อควรระวัง #5)")
	}
}

package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/thaidate"
)

// Year2563 is an open year with a full timeline shaped like NACC's.
func Year2563() assessment.Year {
	day := func(m time.Month, d int) time.Time { return time.Date(2020, m, d, 0, 0, 0, 0, thaidate.Location) }
	w := func(p assessment.Phase, from, to time.Time) assessment.Window {
		return assessment.Window{Phase: p, Start: from, End: thaidate.EndOfDay(to)}
	}
	return assessment.Year{
		FiscalYear: 2563, FrameworkYear: 2563, Status: assessment.StatusOpen,
		Phases: []assessment.Window{
			w(assessment.PhaseRegistration, day(3, 1), day(3, 31)),
			w(assessment.PhaseStakeholderData, day(3, 1), day(4, 30)),
			w(assessment.PhaseIITCollection, day(4, 1), day(7, 31)),
			w(assessment.PhaseEITCollection, day(4, 1), day(7, 31)),
			w(assessment.PhaseOITAnswering, day(4, 1), day(6, 30)),
			w(assessment.PhaseOITReview, day(7, 1), day(7, 31)),
			w(assessment.PhaseClarification, day(8, 1), day(8, 15)),
			w(assessment.PhaseProcessing, day(8, 16), day(8, 31)),
			w(assessment.PhasePublication, day(9, 1), day(9, 30)),
		},
	}
}

func sameYear(t *testing.T, got, want assessment.Year) {
	t.Helper()
	if got.FiscalYear != want.FiscalYear || got.FrameworkYear != want.FrameworkYear || got.Status != want.Status ||
		len(got.Phases) != len(want.Phases) {
		t.Fatalf("year = %+v, want %+v", got, want)
	}
	for i := range want.Phases {
		g, w := got.Phases[i], want.Phases[i]
		if g.Phase != w.Phase || !g.Start.Equal(w.Start) || !g.End.Truncate(time.Microsecond).Equal(w.End.Truncate(time.Microsecond)) {
			t.Errorf("window %d = %+v, want %+v", i, g, w)
		}
	}
}

var yearTests = []test{
	{"CreateAndFind", func(t *testing.T, e *env) {
		want := Year2563()
		must(t, e.s.CreateYear(e.ctx, want, by))
		got, err := e.s.FindYear(e.ctx, 2563)
		must(t, err)
		sameYear(t, got, want)
		if !got.CreatedAt.Equal(Epoch) {
			t.Errorf("CreatedAt = %v, want %v", got.CreatedAt, Epoch)
		}
		// The stored window still closes at the last instant of its last day.
		if err := got.CheckOpen(assessment.PhaseOITAnswering, time.Date(2020, 6, 30, 23, 59, 0, 0, thaidate.Location)); err != nil {
			t.Errorf("CheckOpen on the last evening: %v", err)
		}
	}},
	{"ErrNotFound", func(t *testing.T, e *env) {
		_, err := e.s.FindYear(e.ctx, 2563)
		wantCode(t, err, apperr.CodeNotFound)
		_, err = e.s.CurrentYear(e.ctx)
		wantCode(t, err, apperr.CodeNotFound)
		wantCode(t, e.s.UpdateYear(e.ctx, Year2563(), by), apperr.CodeNotFound)
	}},
	{"DuplicateIsConflict", func(t *testing.T, e *env) {
		must(t, e.s.CreateYear(e.ctx, Year2563(), by))
		wantCode(t, e.s.CreateYear(e.ctx, Year2563(), by), apperr.CodeConflict)
	}},
	{"InvalidTimeline", func(t *testing.T, e *env) {
		y := Year2563()
		y.Phases[4].End = y.Phases[4].Start.Add(-time.Hour)
		err := e.s.CreateYear(e.ctx, y, by)
		wantCode(t, err, apperr.CodeInvalid)
		if apperr.FieldsOf(err)[string(assessment.PhaseOITAnswering)] == "" {
			t.Errorf("fields = %v", apperr.FieldsOf(err))
		}
	}},
	{"UpdatePhases", func(t *testing.T, e *env) {
		must(t, e.s.CreateYear(e.ctx, Year2563(), by))
		y := Year2563()
		y.Phases[4].End = y.Phases[4].End.AddDate(0, 0, 14) // OIT answering extended two weeks
		must(t, e.s.UpdatePhases(e.ctx, 2563, y.Phases, by))
		got, err := e.s.FindYear(e.ctx, 2563)
		must(t, err)
		sameYear(t, got, y)
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: audit.ActionYearUpdate})
		must(t, err)
		if page.Total != 1 || page.Entries[0].Subject != "2563" || !strings.Contains(page.Entries[0].After, "oit_answering") {
			t.Errorf("audit = %+v", page)
		}
	}},
	{"CurrentIsNewestOpen", func(t *testing.T, e *env) {
		y63 := Year2563()
		must(t, e.s.CreateYear(e.ctx, y63, by))
		y64 := Year2563()
		y64.FiscalYear, y64.FrameworkYear, y64.Status, y64.Phases = 2564, 2563, assessment.StatusDraft, nil
		must(t, e.s.CreateYear(e.ctx, y64, by))
		cur, err := e.s.CurrentYear(e.ctx)
		must(t, err)
		if cur.FiscalYear != 2563 {
			t.Errorf("CurrentYear = %d, want 2563 (2564 is a draft)", cur.FiscalYear)
		}
		y64.Status, y64.Phases = assessment.StatusOpen, Year2563().Phases
		must(t, e.s.UpdateYear(e.ctx, y64, by))
		cur, err = e.s.CurrentYear(e.ctx)
		must(t, err)
		if cur.FiscalYear != 2564 || len(cur.Phases) != 9 {
			t.Errorf("CurrentYear = %d with %d windows, want 2564 with 9", cur.FiscalYear, len(cur.Phases))
		}
		ys, err := e.s.FindYears(e.ctx)
		must(t, err)
		if len(ys) != 2 || ys[0].FiscalYear != 2564 || ys[1].FiscalYear != 2563 || len(ys[1].Phases) != 9 {
			t.Errorf("FindYears = %+v", ys)
		}
	}},
}

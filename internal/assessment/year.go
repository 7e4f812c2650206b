package assessment

import (
	"fmt"
	"slices"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/thaidate"
)

// Status is where a year stands.
type Status string

// The statuses of a year.
const (
	// StatusDraft: the year is being set up; no phase is open.
	StatusDraft Status = "draft"
	// StatusOpen: the year runs; its phases open and close by their
	// windows.
	StatusOpen Status = "open"
	// StatusClosed: the year is over; nothing can change.
	StatusClosed Status = "closed"
)

var statusNames = map[Status][2]string{
	StatusDraft:  {"กำลังเตรียมการ", "Draft"},
	StatusOpen:   {"เปิดการประเมิน", "Open"},
	StatusClosed: {"ปิดการประเมินแล้ว", "Closed"},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := statusNames[s]; return ok }

// Name returns the Thai name of s, or s itself if unknown.
func (s Status) Name() string {
	if n, ok := statusNames[s]; ok {
		return n[0]
	}
	return string(s)
}

// NameEN returns the English name of s, or s itself if unknown.
func (s Status) NameEN() string {
	if n, ok := statusNames[s]; ok {
		return n[1]
	}
	return string(s)
}

// Window is the time during which a phase is open: from Start to End,
// both inclusive. Forms that take whole days set End to the end of the
// last day (thaidate.EndOfDay).
type Window struct {
	Phase Phase
	Start time.Time
	End   time.Time
}

// Contains reports whether t lies within w.
func (w Window) Contains(t time.Time) bool {
	return !t.Before(w.Start) && !t.After(w.End)
}

// Dates returns w in Thai as "1 มี.ค. 2563 – 31 มี.ค. 2563".
func (w Window) Dates() string {
	return thaidate.FormatDate(w.Start) + " – " + thaidate.FormatDate(w.End)
}

// DatesEN returns w in English as "1 Mar 2020 – 31 Mar 2020".
func (w Window) DatesEN() string {
	return thaidate.FormatDateEN(w.Start) + " – " + thaidate.FormatDateEN(w.End)
}

// Year is one yearly assessment.
//
// FiscalYear is the Buddhist-era fiscal year assessed (2563).
// FrameworkYear names the framework file its questions and OIT items come
// from (usually the same year). Phases holds at most one window per
// phase, in the order of Phases; a phase without a window is never open.
type Year struct {
	FiscalYear    int
	FrameworkYear int
	Status        Status
	Phases        []Window
	CreatedAt     time.Time
}

// Window returns the window of phase p and reports whether y has one.
func (y Year) Window(p Phase) (Window, bool) {
	for _, w := range y.Phases {
		if w.Phase == p {
			return w, true
		}
	}
	return Window{}, false
}

// OpenPhases returns the phases open at now, in order; none unless the
// year's status is open.
func (y Year) OpenPhases(now time.Time) []Phase {
	var out []Phase
	if y.Status != StatusOpen {
		return nil
	}
	for _, p := range Phases {
		if w, ok := y.Window(p); ok && w.Contains(now) {
			out = append(out, p)
		}
	}
	return out
}

// CheckOpen returns nil if phase p is open at now, and otherwise an
// *apperr.Error with code PhaseClosed whose Thai message names the phase
// and its dates in the Buddhist era.
func (y Year) CheckOpen(p Phase, now time.Time) error {
	fy := y.FiscalYear
	switch y.Status {
	case StatusClosed:
		return apperr.PhaseClosed(
			fmt.Sprintf("การประเมินประจำปีงบประมาณ พ.ศ. %d ปิดแล้ว ไม่สามารถแก้ไขข้อมูลได้", fy),
			fmt.Sprintf("The assessment of fiscal year %d is closed", fy-thaidate.EraOffset))
	case StatusOpen:
	default:
		return apperr.PhaseClosed(
			fmt.Sprintf("การประเมินประจำปีงบประมาณ พ.ศ. %d ยังไม่เปิด", fy),
			fmt.Sprintf("The assessment of fiscal year %d has not opened yet", fy-thaidate.EraOffset))
	}
	w, ok := y.Window(p)
	switch {
	case !ok:
		return apperr.PhaseClosed(
			fmt.Sprintf("ยังไม่ได้กำหนดช่วงเวลา%s ของปีงบประมาณ พ.ศ. %d", p.Name(), fy),
			fmt.Sprintf("No dates are set for %s in fiscal year %d", p.NameEN(), fy-thaidate.EraOffset))
	case now.Before(w.Start):
		return apperr.PhaseClosed(
			fmt.Sprintf("ยังไม่ถึงช่วงเวลา%s ซึ่งเปิดระหว่างวันที่ %s", p.Name(), w.Dates()),
			fmt.Sprintf("%s has not opened yet: it runs %s", p.NameEN(), w.DatesEN()))
	case now.After(w.End):
		return apperr.PhaseClosed(
			fmt.Sprintf("สิ้นสุดช่วงเวลา%s แล้ว (เปิดระหว่างวันที่ %s)", p.Name(), w.Dates()),
			fmt.Sprintf("%s has closed: it ran %s", p.NameEN(), w.DatesEN()))
	}
	return nil
}

// Field names of the messages Validate returns; a window's messages use
// the phase name as the key ("oit_answering").
const (
	FieldFiscalYear    = "fiscal_year"
	FieldFrameworkYear = "framework_year"
	FieldStatus        = "status"
)

// Validate reports every rule y breaks as an *apperr.Error with code
// Invalid and Thai per-field messages, or returns nil. The fiscal and
// framework years must be Buddhist-era years (2500–2700) with the
// framework not newer than the year; each window names a known phase
// once and ends no earlier than it starts; a year that is open or closed
// must have a window for every phase. Windows may overlap, as NACC's
// timelines do.
func (y Year) Validate() error {
	f := map[string]string{}
	if y.FiscalYear < 2500 || y.FiscalYear > 2700 {
		f[FieldFiscalYear] = "ปีงบประมาณต้องเป็นปีพุทธศักราช เช่น 2563"
	}
	switch {
	case y.FrameworkYear < 2500 || y.FrameworkYear > 2700:
		f[FieldFrameworkYear] = "กรุณาเลือกกรอบการประเมิน (ปี พ.ศ.)"
	case y.FrameworkYear > y.FiscalYear:
		f[FieldFrameworkYear] = "กรอบการประเมินต้องไม่ใหม่กว่าปีงบประมาณที่ประเมิน"
	}
	if !y.Status.Valid() {
		f[FieldStatus] = "สถานะของปีการประเมินไม่ถูกต้อง"
	}
	seen := map[Phase]bool{}
	for _, w := range y.Phases {
		key := string(w.Phase)
		switch {
		case !w.Phase.Valid():
			f[key] = "ไม่รู้จักช่วงการประเมินนี้"
		case seen[w.Phase]:
			f[key] = "กำหนดช่วงเวลานี้ซ้ำ"
		case w.Start.IsZero() || w.End.IsZero():
			f[key] = "กรุณาระบุวันเริ่มต้นและวันสิ้นสุด"
		case w.End.Before(w.Start):
			f[key] = "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น"
		}
		seen[w.Phase] = true
	}
	if y.Status == StatusOpen || y.Status == StatusClosed {
		for _, p := range Phases {
			if !seen[p] && f[string(p)] == "" {
				f[string(p)] = "กรุณากำหนดช่วงเวลา" + p.Name()
			}
		}
	}
	return apperr.Check(f)
}

// SortPhases orders y.Phases as Phases, leaving unknown phases last.
func (y *Year) SortPhases() {
	slices.SortStableFunc(y.Phases, func(a, b Window) int {
		ia, ib := a.Phase.Index(), b.Phase.Index()
		if ia < 0 {
			ia = len(Phases)
		}
		if ib < 0 {
			ib = len(Phases)
		}
		return ia - ib
	})
}

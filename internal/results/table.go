package results

import (
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/scoring"
)

// ActionCompute is the audit action of computing a year's results.
const ActionCompute = "results.compute"

// Run is one computation of a fiscal year's results, kept until the next replaces it.
type Run struct {
	FiscalYear    int
	FrameworkYear int
	ComputedAt    time.Time
	ComputedBy    string // username
	Agencies      int
}

// Summary is what the national table shows of an agency's result.
type Summary struct {
	Total    scoring.Score
	IIT      scoring.Score
	EIT      scoring.Score
	OIT      scoring.Score
	Rating   string
	Passed   bool
	Official bool
	Flags    []scoring.Flag
}

// SummaryOf returns the table's part of a result.
func SummaryOf(r scoring.Result) Summary {
	return Summary{
		Total: r.Total, IIT: r.Instruments["IIT"].Score, EIT: r.Instruments["EIT"].Score, OIT: r.Instruments["OIT"].Score,
		Rating: r.Rating, Passed: r.Passed, Official: r.Official, Flags: r.Flags,
	}
}

// Status is where an agency's result stands, for the table's filter.
type Status string

// The statuses. A result without a total has neither passed nor failed.
const (
	StatusPassed  Status = "passed"   // a total at or above the pass mark
	StatusFailed  Status = "failed"   // a total below it
	StatusNoTotal Status = "no_total" // an instrument could not be scored (IIT below its minimum)
)

// Status returns the result's status.
func (s Summary) Status() Status {
	switch {
	case !s.Total.Valid():
		return StatusNoTotal
	case s.Passed:
		return StatusPassed
	}
	return StatusFailed
}

// Row is one agency of the national table.
type Row struct {
	Agency agency.Agency
	Summary
}

// StatusFilter narrows the table.
type StatusFilter string

// The filters; "" is every agency.
const (
	FilterPassed     StatusFilter = "passed"
	FilterFailed     StatusFilter = "failed"
	FilterNoTotal    StatusFilter = "no_total"
	FilterUnofficial StatusFilter = "unofficial" // marked "*" (ข้อควรระวัง #5)
)

// StatusFilters lists the filters in the order forms offer them.
var StatusFilters = []StatusFilter{FilterPassed, FilterFailed, FilterNoTotal, FilterUnofficial}

// Sort orders the table.
type Sort string

// The orders. Scores sort highest first by default with unscored agencies last either way.
const (
	SortName  Sort = "name"
	SortCode  Sort = "code"
	SortTotal Sort = "total"
	SortIIT   Sort = "iit"
	SortEIT   Sort = "eit"
	SortOIT   Sort = "oit"
)

// Sorts lists the orders.
var Sorts = []Sort{SortName, SortCode, SortTotal, SortIIT, SortEIT, SortOIT}

// ByScore reports whether s orders by a score.
func (s Sort) ByScore() bool { return s == SortTotal || s == SortIIT || s == SortEIT || s == SortOIT }

// Filter selects and orders a page of the national table.
type Filter struct {
	Agency  agency.Filter // the agency's attributes and the account's scope; Limit and Offset page
	Status  StatusFilter
	Sort    Sort
	Desc    bool
	Unpaged bool // every matching row (exports)
}

// Normalized returns f with unknown values replaced by the defaults: every status, by name.
func (f Filter) Normalized() Filter {
	ok := false
	for _, s := range StatusFilters {
		ok = ok || s == f.Status
	}
	if !ok {
		f.Status = ""
	}
	ok = false
	for _, s := range Sorts {
		ok = ok || s == f.Sort
	}
	if !ok {
		f.Sort, f.Desc = SortName, false
	}
	f.Agency = f.Agency.Normalized()
	return f
}

// Page is one page of the national table and how many rows match in all.
type Page struct {
	Rows  []Row
	Total int
}

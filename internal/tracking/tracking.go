// Package tracking follows the collection of the IIT and EIT surveys (manual 6.6): how many
// people have answered each agency's surveys, against the minimum sample its stakeholder
// numbers imply, day by day. It holds the rules — what counts as reaching the minimum, how the
// national table filters, sorts and pages — and knows nothing of storage or HTTP.
package tracking

import (
	"time"

	"github.com/openitas/itas/internal/agency"
)

// ActionExport is the audit action of an export of the tracking table.
const ActionExport = "tracking.export"

// Status is where an agency's survey stands against its minimum sample.
type Status string

// The statuses. The manual's tracking screen shows the first two; Unknown is for an agency
// whose minimum cannot be known yet because its stakeholder numbers are not in.
const (
	StatusShort   Status = "short"   // ตอบไม่ครบตามจำนวนขั้นต่ำ
	StatusMet     Status = "met"     // ตอบครบตามจำนวนขั้นต่ำ
	StatusUnknown Status = "unknown" // ยังไม่ทราบจำนวนขั้นต่ำ
)

// Survey is one survey of one agency: responses so far and the minimum they must reach.
// Minimum 0 means the minimum is not known yet.
type Survey struct {
	Responses int
	Minimum   int
}

// Status returns whether s has reached its minimum. Without a known minimum the status is
// Unknown, never Met: a count of 0 against an unknown minimum must not look done.
func (s Survey) Status() Status {
	switch {
	case s.Minimum <= 0:
		return StatusUnknown
	case s.Responses >= s.Minimum:
		return StatusMet
	}
	return StatusShort
}

// Missing returns how many more responses s needs to reach its minimum: 0 when it has, or
// when the minimum is not known.
func (s Survey) Missing() int {
	if s.Minimum <= 0 || s.Responses >= s.Minimum {
		return 0
	}
	return s.Minimum - s.Responses
}

// Percent returns the responses as a share of the minimum, in percent, capped at 100 for
// display; -1 when the minimum is not known.
func (s Survey) Percent() int {
	if s.Minimum <= 0 {
		return -1
	}
	return min(100, s.Responses*100/s.Minimum)
}

// Row is one agency in the tracking table.
type Row struct {
	Agency agency.Agency
	IIT    Survey
	EIT    Survey
	// SortKey is the Thai collation key of the agency's name, so that rows ordered in memory
	// follow the same dictionary order as the agency list. Not shown.
	SortKey []byte
}

// Counts is how many responses an agency's surveys have.
type Counts struct {
	IIT int
	EIT int
}

// Minimum is the minimum sample of an agency's two surveys; 0 means not known.
type Minimum struct {
	IIT int
	EIT int
}

// Minimums maps an agency code to its minimums. A code that is absent has unknown minimums.
type Minimums map[string]Minimum

// Day is the number of responses a survey of an agency received on one day (in Bangkok).
type Day struct {
	Day    time.Time // midnight in Bangkok
	Survey string    // survey.IIT or survey.EIT
	Count  int
}

// Page is one page of the tracking table and how many rows match in all.
type Page struct {
	Rows  []Row
	Total int
}

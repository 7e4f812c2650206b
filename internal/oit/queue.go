package oit

import (
	"time"

	"github.com/openitas/itas/internal/agency"
)

// Summary is where one agency's record stands, without its items: what tracking, progress
// and an assessor's queue show. An agency that never saved anything has the zero Version and
// StatusDraft.
type Summary struct {
	AgencyCode string
	Status     Status
	Version    int
	Counts
	UpdatedAt time.Time
}

// Summary returns r's summary.
func (r Record) Summary() Summary {
	return Summary{AgencyCode: r.AgencyCode, Status: r.Status, Version: r.Version, Counts: r.Counts(), UpdatedAt: r.UpdatedAt}
}

// QueueFilter selects an assessor's work queue: the agencies of some groups in a year,
// optionally only those in some statuses, one page at a time.
type QueueFilter struct {
	FiscalYear int
	// Groups limits the queue to agencies of these groups; nil means every group (NACC).
	Groups []int
	// Statuses limits the queue to records in these statuses; nil means any.
	Statuses []Status
	Limit    int
	Offset   int
}

// QueueRow is one agency of a queue.
type QueueRow struct {
	Agency agency.Agency
	Summary
}

// QueuePage is one page of a queue: its rows in the agencies' Thai order, how many agencies
// match in all, and how many of the filter's groups are in each status (ignoring the status
// filter), for the queue's tabs.
type QueuePage struct {
	Rows     []QueueRow
	Total    int
	ByStatus map[Status]int
}

package web

import (
	"context"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/tracking"
)

// trackingStore is what the tracking feature and the assessors' EIT entry need from the store;
// see Store.
type trackingStore interface {
	// ResponseCounts returns one page of the tracking table of a fiscal year: the agencies of
	// f with their responses and the minimums of mins, filtered, ordered and paged by f.
	ResponseCounts(ctx context.Context, fiscalYear int, f tracking.Filter, mins tracking.Minimums) (tracking.Page, error)
	// AgencyResponseCounts returns how many responses each survey of an agency has.
	AgencyResponseCounts(ctx context.Context, fiscalYear int, code string) (tracking.Counts, error)
	// DailyResponseCounts returns an agency's responses per day and survey, by day.
	DailyResponseCounts(ctx context.Context, fiscalYear int, code string) ([]tracking.Day, error)
	// Suggestions returns the suggestions left on an agency's survey as bare texts in Thai
	// order, with nothing that lines one up with a response.
	Suggestions(ctx context.Context, fiscalYear int, code, sv string) ([]string, error)
	// FindMinistries returns the ministries of the registry, for the table's filter.
	FindMinistries(ctx context.Context) ([]string, error)
	// ImportResponses stores responses all together or not at all, audit-logged per agency
	// and survey. Errors: Invalid or Conflict with Fields keyed by the 0-based index in subs.
	ImportResponses(ctx context.Context, subs []survey.Submission, by audit.Entry) error
}

package web

import (
	"context"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/oit"
)

// oitStore is what the oit feature needs from the store; see Store.
type oitStore interface {
	// FindOIT returns an agency's OIT record of a year with its items (the empty draft when
	// nothing was saved). Errors: NotFound for an unknown year or agency.
	FindOIT(ctx context.Context, fiscalYear int, code string) (oit.Record, error)
	// ApplyOIT takes a workflow action for the account by names and records it; it does not
	// check phases (see requireOITPhase). Errors: as oit.Record.Apply, and Conflict when the
	// record changed meanwhile.
	ApplyOIT(ctx context.Context, fiscalYear int, code string, cmd oit.Command, by audit.Entry) (oit.Record, error)
	// FindOITSummaries returns where some agencies' records stand, by code.
	FindOITSummaries(ctx context.Context, fiscalYear int, codes []string) (map[string]oit.Summary, error)
	// FindOITQueue returns a page of an assessor's work queue.
	FindOITQueue(ctx context.Context, f oit.QueueFilter) (oit.QueuePage, error)
	// OITScores returns the confirmed item scores of a year by agency and item.
	OITScores(ctx context.Context, fiscalYear int) (map[string]map[string]float64, error)
}

package web

import (
	"context"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoring"
)

// resultsStore is what the results feature needs from the store; see Store. The assessors'
// comments on OIT items come from oitStore's FindOIT.
type resultsStore interface {
	// ScoreInputs reads a fiscal year into the scoring engine's inputs, one per agency of the
	// registry: responses, approved stakeholder counts, steps done and final OIT scores.
	ScoreInputs(ctx context.Context, fiscalYear int, e *scoring.Engine) ([]scoring.Input, error)
	// SaveResults replaces a year's kept results, audit-logged; it returns the run as kept.
	SaveResults(ctx context.Context, run results.Run, rs []scoring.Result, by audit.Entry) (results.Run, error)
	// FindResultRun returns the kept computation of a year; NotFound when there is none.
	FindResultRun(ctx context.Context, fiscalYear int) (results.Run, error)
	// FindResults returns one page of a year's national results table.
	FindResults(ctx context.Context, fiscalYear int, f results.Filter) (results.Page, error)
	// FindAgencyResult returns an agency's kept result; NotFound when it has none.
	FindAgencyResult(ctx context.Context, fiscalYear int, code string) (scoring.Result, error)
}

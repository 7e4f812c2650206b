package web

import (
	"context"

	"github.com/openitas/itas/internal/evidence"
)

// evidenceStore is what the evidence feature needs from the store; see Store.
type evidenceStore interface {
	// SaveEvidence records one fetch and its copy and returns it with its ID.
	SaveEvidence(ctx context.Context, r evidence.Record) (evidence.Record, error)
	// EvidenceHistory returns every record of an OIT answer, newest first, without copies.
	EvidenceHistory(ctx context.Context, t evidence.Target) ([]evidence.Record, error)
	// LatestSubmittedEvidence returns the newest 2xx record of url fetched for a submission;
	// NotFound when there is none.
	LatestSubmittedEvidence(ctx context.Context, t evidence.Target, url string) (evidence.Record, error)
	// EvidenceCopy returns a record and the copy it kept; NotFound when there is none.
	EvidenceCopy(ctx context.Context, id int64) (evidence.Record, []byte, error)
}

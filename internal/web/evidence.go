package web

import (
	"context"

	"github.com/openitas/itas/internal/evidence"
)

// captureEvidence queues a fetch of every URL given for an OIT answer, for the reason given;
// it returns at once and never waits on the network (the fetches run in the background with
// bounded concurrency). The evidence feature implements it.
func (s *Server) captureEvidence(ctx context.Context, t evidence.Target, urls []string, reason evidence.Reason) {
}

// evidenceHistory returns every fetch recorded for an OIT answer, newest first.
func (s *Server) evidenceHistory(ctx context.Context, t evidence.Target) ([]evidence.Record, error) {
	return nil, nil
}

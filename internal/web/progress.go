package web

import (
	"context"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/assessment"
)

// agencyFacts gathers what is known about an agency's year, for its progress through the
// steps of the manual's section 6. Each feature fills in its own part below; y is the zero
// Year when no year is open, and then only registration is known.
func (s *Server) agencyFacts(ctx context.Context, y assessment.Year, code string) (assessment.Facts, error) {
	var f assessment.Facts
	accts, err := s.store.FindAccountsByAgency(ctx, code)
	if err != nil {
		return f, err
	}
	f.Registered = account.Registered(accts)
	if y.FiscalYear == 0 {
		return f, nil
	}
	// Stakeholder data: InternalDataApproved, ExternalDataApproved, IITMinimum, EITMinimum.
	if err := s.stakeholderFacts(ctx, y, code, &f); err != nil {
		return f, err
	}
	// Surveys: IITResponses, EITResponses.
	if err := s.trackingFacts(ctx, y, code, &f); err != nil {
		return f, err
	}
	// OIT: OITSubmitted, OITApproved.
	if err := s.oitFacts(ctx, y, code, &f); err != nil {
		return f, err
	}
	return f, nil
}

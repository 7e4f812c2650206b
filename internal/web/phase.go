package web

import (
	"context"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
)

// openYear returns the current assessment year (see currentYear); NotFound when no year has
// been opened yet.
func (s *Server) openYear(ctx context.Context) (assessment.Year, error) {
	years, err := s.store.FindYears(ctx)
	if err != nil {
		return assessment.Year{}, err
	}
	y, ok := currentYear(years)
	if !ok {
		return assessment.Year{}, apperr.NotFound("ยังไม่มีการเปิดปีการประเมิน", "No assessment year has been opened")
	}
	return y, nil
}

// requirePhase is the server-side phase lock every write goes through: it returns the year
// fiscalYear if phase p of it is open now, and otherwise a PhaseClosed error whose Thai
// message names the phase and its dates in the Buddhist era. Hiding a button is never enough;
// handlers call this before they change anything. fiscalYear 0 means the current year.
func (s *Server) requirePhase(ctx context.Context, fiscalYear int, p assessment.Phase) (assessment.Year, error) {
	var (
		y   assessment.Year
		err error
	)
	if fiscalYear == 0 {
		y, err = s.openYear(ctx)
	} else {
		y, err = s.store.FindYear(ctx, fiscalYear)
	}
	if err != nil {
		return assessment.Year{}, err
	}
	if err := y.CheckOpen(p, s.now()); err != nil {
		return y, err
	}
	return y, nil
}

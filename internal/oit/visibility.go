package oit

import (
	"time"

	"github.com/openitas/itas/internal/assessment"
)

// ResultsVisible reports whether the agency (and its supervising body) may see the assessors'
// scores and comments of record r at now: once the scores are released for clarification and
// the clarification phase has begun, and from then on — through processing and publication
// and after the year closes — so that the items, replies and decisions stay visible. Before
// that only the assessors and NACC see them.
func ResultsVisible(r Record, y assessment.Year, now time.Time) bool {
	if r.Status != StatusReleased && r.Status != StatusFinal {
		return false
	}
	if y.Status == assessment.StatusClosed {
		return true
	}
	w, ok := y.Window(assessment.PhaseClarification)
	return ok && !now.Before(w.Start)
}

package demo

import (
	"context"
	"time"
)

// surveyStore is what the demo's survey data needs from the store.
type surveyStore interface {
}

// loadSurveys fills in the demo's survey data.
func loadSurveys(ctx context.Context, st Store, now time.Time) error {
	return nil
}

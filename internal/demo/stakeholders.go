package demo

import (
	"context"
	"time"
)

// stakeholderStore is what the demo's stakeholder data needs from the store.
type stakeholderStore interface {
}

// loadStakeholders fills in the demo's stakeholder data.
func loadStakeholders(ctx context.Context, st Store, now time.Time) error {
	return nil
}

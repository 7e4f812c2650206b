package demo

import (
	"context"
	"time"
)

// oitStore is what the demo's oit data needs from the store.
type oitStore interface {
}

// loadOits fills in the demo's oit data.
func loadOIT(ctx context.Context, st Store, now time.Time) error {
	return nil
}

package store_test

import (
	"testing"

	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/store/storetest"
)

// TestPostgres runs the conformance suite against the database named by
// ITAS_TEST_PG (see scripts/pg-test-cluster.sh), each test in a schema of
// its own. Without ITAS_TEST_PG it skips, or fails when CI=true.
func TestPostgres(t *testing.T) {
	store.PostgresDSN(t)
	storetest.Run(t, store.MustOpenPostgres)
}

func BenchmarkPostgresFindAgencies(b *testing.B) {
	storetest.BenchmarkFindAgencies(b, store.MustOpenPostgres(b))
}

package store_test

import (
	"testing"

	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/store/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, store.MustOpenSQLite)
}

func BenchmarkSQLiteFindAgencies(b *testing.B) {
	storetest.BenchmarkFindAgencies(b, store.MustOpenSQLite(b))
}

package store

import (
	"context"
	"testing"
)

// TestSQLiteWriterIsDurable checks that the SQLite writer syncs at every commit
// (synchronous=FULL = 2): a survey response is acknowledged only after its batch commits, and
// that promise means nothing if the commit can be lost in a power cut.
func TestSQLiteWriterIsDurable(t *testing.T) {
	s := MustOpenSQLite(t)
	var v int
	if err := s.db.QueryRowContext(context.Background(), `PRAGMA synchronous`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != 2 {
		t.Errorf("writer PRAGMA synchronous = %d, want 2 (FULL)", v)
	}
}

package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/evidence"
)

// TestEvidenceKeptAsFetched checks what the conformance suite cannot see from outside: a
// page fetched twice unchanged is stored once, and the database refuses to change a record
// or a copy whatever SQL runs against it.
func TestEvidenceKeptAsFetched(t *testing.T) {
	for name, open := range map[string]func(testing.TB) *Store{
		"SQLite": MustOpenSQLite, "Postgres": MustOpenPostgres,
	} {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			by := audit.System()
			if err := s.CreateAgency(ctx, agency.Agency{Code: "6100101", Name: "องค์การบริหารส่วนตำบลท่าซุง",
				Type: agency.TypeSAO, Province: "อุทัยธานี", Group: 6}, by); err != nil {
				t.Fatal(err)
			}
			y := assessment.Year{FiscalYear: 2563, FrameworkYear: 2563, Status: assessment.StatusOpen}
			for i, p := range assessment.Phases {
				start := time.Date(2020, time.March, 1+10*i, 0, 0, 0, 0, time.UTC)
				y.Phases = append(y.Phases, assessment.Window{Phase: p, Start: start, End: start.AddDate(0, 0, 9)})
			}
			if err := s.CreateYear(ctx, y, by); err != nil {
				t.Fatal(err)
			}
			r := evidence.Record{
				Target: evidence.Target{FiscalYear: 2563, AgencyCode: "6100101", ItemID: "o1"},
				URL:    "https://www.thasung.go.th/", Reason: evidence.ReasonSaved, Status: 200,
				Type: "text/html", Copy: []byte("<title>ท่าซุง</title>"),
			}
			for range 3 {
				if _, err := s.SaveEvidence(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			var records, copies int
			if err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM evidence), (SELECT COUNT(*) FROM evidence_copies)`).
				Scan(&records, &copies); err != nil {
				t.Fatal(err)
			}
			if records != 3 || copies != 1 {
				t.Errorf("%d records and %d copies, want 3 records sharing 1 copy", records, copies)
			}
			for _, q := range []string{
				`UPDATE evidence SET status = 404`,
				`UPDATE evidence_copies SET data = data`,
			} {
				_, err := s.db.ExecContext(ctx, q)
				if err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Errorf("%s: err = %v, want the append-only refusal", q, err)
				}
			}
		})
	}
}

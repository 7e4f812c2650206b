package store

import (
	"context"
	"crypto/sha256"
	"fmt"
	"testing"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/tracking"
)

// TestResponseCountsMigration checks that migration 0007 counts the responses stored before
// it: responses are written, the counter table is dropped and the migration run again on a
// database that has them.
func TestResponseCountsMigration(t *testing.T) {
	for name, open := range map[string]func(testing.TB) *Store{
		"SQLite": MustOpenSQLite, "Postgres": MustOpenPostgres,
	} {
		t.Run(name, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			for _, code := range []string{"1001", "1005"} {
				a := agency.Agency{Code: code, Name: "หน่วยงาน " + code, Type: agency.TypeDepartment, Group: agency.CentralGroup,
					Supervisor: agency.SupervisorPACC}
				if err := s.CreateAgency(ctx, a, audit.System()); err != nil {
					t.Fatal(err)
				}
			}
			want := map[[2]any]tracking.Counts{ // {year, agency}
				{2563, "1001"}: {IIT: 7, EIT: 3}, {2563, "1005"}: {EIT: 5}, {2564, "1001"}: {IIT: 2},
			}
			var subs []survey.Submission
			for k, c := range want {
				for sv, n := range map[string]int{survey.IIT: c.IIT, survey.EIT: c.EIT} {
					for i := range n {
						h := sha256.Sum256(fmt.Appendf(nil, "%v/%s/%d", k, sv, i))
						subs = append(subs, survey.Submission{Response: survey.Response{FiscalYear: k[0].(int),
							AgencyCode: k[1].(string), Survey: sv, Channel: survey.ChannelPhone,
							Answers: map[string]string{"x": "4"}}, IDHash: h[:]})
					}
				}
			}
			if err := s.ImportResponses(ctx, subs, audit.System()); err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{`DROP TABLE response_counts`, `DELETE FROM schema_migrations WHERE version = 7`} {
				if _, err := s.db.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if applied, err := s.Migrate(ctx); err != nil || len(applied) != 1 {
				t.Fatalf("Migrate applied %v (%v), want 0007 alone", applied, err)
			}
			for k, w := range want {
				got, err := s.AgencyResponseCounts(ctx, k[0].(int), k[1].(string))
				if err != nil {
					t.Fatal(err)
				}
				if got != w {
					t.Errorf("%v: counts after the migration %+v, want %+v", k, got, w)
				}
			}
		})
	}
}

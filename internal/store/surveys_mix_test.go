package store

import (
	"context"
	"crypto/sha256"
	"strconv"
	"testing"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/survey"
)

// TestMixSurveyRows checks on PostgreSQL that after a mix the survey tables keep exactly their
// rows, that every row carries the same transaction id (so xmin no longer pairs a key with its
// answers), and that the rows no longer sit in the order they were written; on SQLite the mix
// does nothing.
func TestMixSurveyRows(t *testing.T) {
	ctx := context.Background()
	t.Run("SQLite", func(t *testing.T) {
		if n, err := MustOpenSQLite(t).MixSurveyRows(ctx); n != 0 || err != nil {
			t.Fatalf("MixSurveyRows on SQLite = %d, %v; want 0, nil", n, err)
		}
	})
	t.Run("Postgres", func(t *testing.T) {
		PostgresDSN(t)
		s := MustOpenPostgres(t)
		a := agency.Agency{Code: "6100101", Name: "องค์การบริหารส่วนตำบลท่าซุง", Type: agency.TypeSAO,
			Province: "อุทัยธานี", Group: 6, Supervisor: agency.SupervisorDLA}
		if err := s.CreateAgency(ctx, a, audit.System()); err != nil {
			t.Fatal(err)
		}
		const batches, per = 40, 5
		for b := range batches {
			subs := make([]survey.Submission, per)
			for i := range subs {
				k := b*per + i
				h := sha256.Sum256([]byte(strconv.Itoa(k)))
				subs[i] = survey.Submission{
					Response: survey.Response{FiscalYear: 2563, AgencyCode: a.Code, Survey: survey.IIT, Channel: survey.ChannelLink,
						Day: time.Date(2020, 3, 1, 0, 0, 0, 0, time.UTC), Answers: map[string]string{"seq": strconv.Itoa(k)}},
					IDHash: h[:], Suggestion: strconv.Itoa(k),
				}
			}
			if _, err := s.InsertResponsesRaw(ctx, subs); err != nil {
				t.Fatal(err)
			}
		}
		const total = batches * per
		xmins := func(table string) int {
			var n int
			if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT xmin::text) FROM `+table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		if got := xmins("responses"); got != batches {
			t.Fatalf("before the mix responses carry %d transaction ids, want %d (one per batch)", got, batches)
		}
		n, err := s.MixSurveyRows(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != 3*total {
			t.Errorf("mixed %d rows, want %d", n, 3*total)
		}
		for _, table := range mixedTables {
			var c int
			if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&c); err != nil {
				t.Fatal(err)
			}
			if c != total {
				t.Errorf("%s has %d rows after the mix, want %d", table, c, total)
			}
			if got := xmins(table); got != 1 {
				t.Errorf("%s rows carry %d transaction ids after the mix, want 1", table, got)
			}
		}
		// Physical order: the suggestions were written 0, 1, 2, …; after the mix reading
		// them in heap order must not give that sequence back.
		rows, err := s.db.QueryContext(ctx, `SELECT text FROM suggestions ORDER BY ctid`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		inOrder, prev := 0, -1
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			k, _ := strconv.Atoi(v)
			if k == prev+1 {
				inOrder++
			}
			prev = k
		}
		if inOrder > total/4 {
			t.Errorf("%d of %d suggestions still follow their predecessor in the heap: not mixed", inOrder, total)
		}
	})
}

package store_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/store/storetest"
	"github.com/openitas/itas/internal/thaidate"
)

func BenchmarkSQLiteScoreInputs(b *testing.B) { benchmarkScoreInputs(b, store.MustOpenSQLite(b)) }

func BenchmarkPostgresScoreInputs(b *testing.B) { benchmarkScoreInputs(b, store.MustOpenPostgres(b)) }

// benchmarkScoreInputs measures ScoreInputs, and scoring what it returns, over the demo and
// over a national year: 8,302 agencies shaped like ITA 2563's registry with about 0.49 M IIT
// and 0.96 M EIT responses (as benchmarkTracking), answers varied over every item; then
// keeping the national results (SaveResults) and reading the table and one agency back.
func benchmarkScoreInputs(b *testing.B, s *store.Store) {
	ctx := context.Background()
	e := scoringEngine(b, 2563)
	b.Run("Demo", func(b *testing.B) {
		d := store.MustOpenSQLite(b)
		if s.Dialect() == store.Postgres {
			d = store.MustOpenPostgres(b)
		}
		now := time.Date(2026, time.November, 21, 10, 0, 0, 0, thaidate.Location)
		d.Now = func() time.Time { return now }
		if _, err := demo.Load(ctx, d, now); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			in, err := d.ScoreInputs(ctx, 2570, e)
			if err != nil {
				b.Fatal(err)
			}
			for _, x := range in {
				e.Score(x)
			}
		}
	})
	b.Run("National", func(b *testing.B) {
		const fy = 2569
		all := storetest.Generate(8302, 1)
		if _, err := s.UpsertAgencies(ctx, all, audit.System()); err != nil {
			b.Fatal(err)
		}
		r := rand.New(rand.NewPCG(2569, 1))
		counts := map[string][2]int{}
		total := 0
		for _, a := range all {
			t, _ := agency.TypeByCode(a.Type)
			c := [2]int{100 + r.IntN(301), 150 + r.IntN(251)}
			if t.Local && a.Type != agency.TypePAO {
				c = [2]int{20 + r.IntN(41), 60 + r.IntN(81)}
			}
			counts[a.Code] = c
			total += c[0] + c[1]
		}
		start := time.Now()
		s.SeedScoredResponses(b, fy, e, counts)
		b.Logf("%d agencies, %d responses seeded in %s", len(all), total, time.Since(start).Round(time.Second))
		var rs []scoring.Result
		b.Run("ScoreInputs", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				in, err := s.ScoreInputs(ctx, fy, e)
				if err != nil {
					b.Fatal(err)
				}
				rs = rs[:0]
				for _, x := range in {
					rs = append(rs, e.Score(x))
				}
			}
		})
		y := storetest.Year2563()
		y.FiscalYear = fy
		if err := s.CreateYear(ctx, y, audit.System()); err != nil {
			b.Fatal(err)
		}
		b.Run("SaveResults", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.SaveResults(ctx, results.Run{FiscalYear: fy, FrameworkYear: 2563}, rs, audit.System()); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, c := range []struct {
			name string
			f    results.Filter
		}{
			{"FirstPageByName", results.Filter{}},
			{"FirstPageByTotal", results.Filter{Sort: results.SortTotal}},
			{"DeepPageByTotal", results.Filter{Sort: results.SortTotal, Agency: agency.Filter{Offset: 8000}}},
			{"ProvinceFailed", results.Filter{Status: results.FilterFailed, Agency: agency.Filter{Province: "ขอนแก่น"}}},
			{"AssessorScopeByTotal", results.Filter{Sort: results.SortTotal, Agency: agency.Filter{Groups: []int{3, 4}}}},
			{"ExportAll", results.Filter{Unpaged: true, Sort: results.SortTotal}},
		} {
			b.Run("FindResults"+c.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := s.FindResults(ctx, fy, c.f); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run("FindAgencyResult", func(b *testing.B) {
			for b.Loop() {
				if _, err := s.FindAgencyResult(ctx, fy, all[len(all)/2].Code); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
}

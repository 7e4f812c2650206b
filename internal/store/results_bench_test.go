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
// keeping the national results (SaveResults). benchmarkResultsTable measures reading them.
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
	})
}

func BenchmarkSQLiteResultsTable(b *testing.B) { benchmarkResultsTable(b, store.MustOpenSQLite(b)) }

func BenchmarkPostgresResultsTable(b *testing.B) { benchmarkResultsTable(b, store.MustOpenPostgres(b)) }

// benchmarkResultsTable measures the national results table alone over 8,302 agencies' kept
// results (varied totals, some without, some unofficial), without the responses that
// benchmarkScoreInputs reads.
func benchmarkResultsTable(b *testing.B, s *store.Store) {
	ctx := context.Background()
	const fy = 2569
	all := storetest.Generate(8302, 1)
	if _, err := s.UpsertAgencies(ctx, all, audit.System()); err != nil {
		b.Fatal(err)
	}
	y := storetest.Year2563()
	y.FiscalYear = fy
	if err := s.CreateYear(ctx, y, audit.System()); err != nil {
		b.Fatal(err)
	}
	e := scoringEngine(b, 2563)
	r := rand.New(rand.NewPCG(fy, 3))
	rs := make([]scoring.Result, len(all))
	for i, a := range all {
		in := scoring.Input{Agency: scoring.Agency{Code: a.Code, InternalPopulation: 100, ExternalPopulation: 100}, Surveys: map[string]scoring.SurveyScores{}, OIT: map[string]float64{}}
		for _, id := range []string{"IIT", "EIT"} {
			l := e.Layout(id)
			qs := make([]scoring.Score, len(l.Questions))
			for q := range qs {
				qs[q] = scoring.Of(60 + 40*r.Float64())
			}
			n := 30
			if id == "IIT" && r.IntN(10) == 0 {
				n = 5 // below the minimum: no total
			}
			in.Surveys[id] = scoring.SurveyScores{Parts: []scoring.PartScores{{Respondents: n, Questions: qs}}}
		}
		for _, ins := range e.Framework().Instruments {
			for _, ind := range ins.Indicators {
				for _, sub := range ind.SubIndicators {
					for _, it := range sub.Items {
						in.OIT[it.ID] = float64(100 * r.IntN(2))
					}
				}
			}
		}
		in.Agency.Compliance.NotRegistered = r.IntN(8) == 0
		rs[i] = e.Score(in)
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
		{"NationalUnofficial", results.Filter{Status: results.FilterUnofficial}},
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
}

package store_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/store/storetest"
	"github.com/openitas/itas/internal/thaidate"
	"github.com/openitas/itas/internal/tracking"
)

func BenchmarkSQLiteTracking(b *testing.B) { benchmarkTracking(b, store.MustOpenSQLite(b)) }

func BenchmarkPostgresTracking(b *testing.B) { benchmarkTracking(b, store.MustOpenPostgres(b)) }

// benchmarkTracking loads a national year — 8,302 agencies shaped like ITA 2563's registry,
// about 0.49 M IIT and 0.96 M EIT responses over 60 days, local administrations small and
// central agencies large — and measures the tracking table's queries.
func benchmarkTracking(b *testing.B, s *store.Store) {
	ctx := context.Background()
	const fy = 2569
	all := storetest.Generate(8302, 1)
	if _, err := s.UpsertAgencies(ctx, all, audit.System()); err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(2569, 1))
	counts := map[string][2]int{}
	mins := tracking.Minimums{}
	total := 0
	for _, a := range all {
		t, _ := agency.TypeByCode(a.Type)
		var c [2]int
		if t.Local && a.Type != agency.TypePAO {
			c = [2]int{20 + r.IntN(41), 60 + r.IntN(81)}
			mins[a.Code] = tracking.Minimum{IIT: 30 + r.IntN(10), EIT: 100}
		} else {
			c = [2]int{100 + r.IntN(301), 150 + r.IntN(251)}
			mins[a.Code] = tracking.Minimum{IIT: 200 + r.IntN(200), EIT: 400}
		}
		counts[a.Code] = c
		total += c[0] + c[1]
	}
	first := time.Date(2026, time.November, 1, 0, 0, 0, 0, thaidate.Location)
	s.SeedResponses(b, fy, counts, first, 60)
	b.Logf("%d agencies, %d responses", len(all), total)
	code := all[len(all)/2].Code
	national := func(f tracking.Filter) func() error {
		return func() error { _, err := s.ResponseCounts(ctx, fy, f, mins); return err }
	}
	cases := []struct {
		name string
		run  func() error
	}{
		{"FirstPageByName", national(tracking.Filter{Agency: agency.Filter{Limit: 50}})},
		{"DeepPageByName", national(tracking.Filter{Agency: agency.Filter{Limit: 50, Offset: 8000}})},
		{"ProvinceByGroup", national(tracking.Filter{Agency: agency.Filter{Province: "ขอนแก่น", Limit: 50}, Sort: tracking.SortGroup})},
		{"NationalIITShort", national(tracking.Filter{Agency: agency.Filter{Limit: 50}, Status: tracking.IITShort})},
		{"NationalByEITDesc", national(tracking.Filter{Agency: agency.Filter{Limit: 50}, Sort: tracking.SortEIT, Desc: true})},
		{"AssessorScopeShort", national(tracking.Filter{Agency: agency.Filter{Groups: []int{3, 4}, Limit: 50}, Status: tracking.AnyShort})},
		{"ExportAll", national(tracking.Filter{Unpaged: true, Sort: tracking.SortIITPct})},
		{"AgencyDaily", func() error { _, err := s.DailyResponseCounts(ctx, fy, code); return err }},
		{"AgencyCounts", func() error { _, err := s.AgencyResponseCounts(ctx, fy, code); return err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

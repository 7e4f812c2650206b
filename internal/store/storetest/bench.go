package storetest

import (
	"context"
	"testing"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/store"
)

// BenchmarkFindAgencies loads a registry of 8,302 agencies shaped like
// ITA 2563's into s and measures the listing queries of the agencies
// page: the first page, a Thai name search, filters, and a deep page.
func BenchmarkFindAgencies(b *testing.B, s *store.Store) {
	ctx := context.Background()
	if _, err := s.UpsertAgencies(ctx, Generate(8302, 1), audit.System()); err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		f    agency.Filter
	}{
		{"FirstPage", agency.Filter{Limit: 50}},
		{"DeepPage", agency.Filter{Limit: 50, Offset: 8000}},
		{"SearchThai", agency.Filter{Query: "หนองบัว", Limit: 50}},
		{"SearchCode", agency.Filter{Query: "20075", Limit: 50}},
		{"FilterTypeGroup", agency.Filter{Type: agency.TypeSAO, Group: 4, Limit: 50}},
		{"SearchFilterPage", agency.Filter{Query: "ตำบล", Province: "ขอนแก่น", Limit: 20, Offset: 20}},
		{"AssessorScope", agency.Filter{Groups: []int{3, 4}, Supervisor: agency.SupervisorDLA, Limit: 50, Offset: 500}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.FindAgencies(ctx, c.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/store/storetest"
)

func BenchmarkSQLiteStakeholders(b *testing.B) { benchmarkStakeholders(b, store.MustOpenSQLite(b)) }

func BenchmarkPostgresStakeholders(b *testing.B) { benchmarkStakeholders(b, store.MustOpenPostgres(b)) }

// benchmarkStakeholders measures, over a national registry of 8,302 agencies with approved
// stakeholder data: StakeholderCounts (what survey tracking reads for the minimums), one
// agency's data as its page reads it, and the import of a full sample list of 5,000 contacts
// (one audit entry each) into a fresh agency per iteration.
func benchmarkStakeholders(b *testing.B, s *store.Store) {
	ctx := context.Background()
	all := storetest.Generate(8302, 1)
	if _, err := s.UpsertAgencies(ctx, all, audit.System()); err != nil {
		b.Fatal(err)
	}
	y := storetest.Year2563()
	if err := s.CreateYear(ctx, y, audit.System()); err != nil {
		b.Fatal(err)
	}
	counts := map[string]stakeholder.Counts{}
	for i, a := range all[:len(all)-200] { // the last 200 are left for the imports
		counts[a.Code] = stakeholder.Counts{Internal: 20 + i%900, External: 100 + i%20000}
	}
	s.SeedApprovedStakeholders(b, y.FiscalYear, counts)
	b.Run("StakeholderCounts", func(b *testing.B) {
		for b.Loop() {
			got, err := s.StakeholderCounts(ctx, y.FiscalYear)
			if err != nil || len(got) != len(counts) {
				b.Fatalf("%d counts, %v", len(got), err)
			}
		}
	})
	b.Run("FindStakeholderData", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.FindStakeholderData(ctx, y.FiscalYear, all[100].Code); err != nil {
				b.Fatal(err)
			}
		}
	})
	list := make([]stakeholder.Contact, stakeholder.MaxContacts)
	for i := range list {
		list[i] = stakeholder.Contact{Name: fmt.Sprintf("ผู้รับบริการ ที่%d", i), Organisation: "บริษัท ตัวอย่าง จำกัด",
			Type: stakeholder.TypeBusiness, Phone: fmt.Sprintf("08%08d", i), Email: fmt.Sprintf("p%d@example.com", i), Service: "ชำระภาษีป้าย"}
	}
	next := len(all) - 200 // -count runs the sub-benchmark again on the same store
	b.Run("Import5000", func(b *testing.B) {
		for b.Loop() {
			code := all[next].Code
			next++
			by := audit.By("a"+code, "agency_admin", "")
			if n, err := s.ImportStakeholderContacts(ctx, y.FiscalYear, code, list, by); err != nil || n != len(list) {
				b.Fatalf("imported %d: %v", n, err)
			}
		}
	})
}

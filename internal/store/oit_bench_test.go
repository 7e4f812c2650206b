package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/oit"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/store/storetest"
)

func BenchmarkSQLiteOIT(b *testing.B) { benchmarkOIT(b, store.MustOpenSQLite(b)) }

func BenchmarkPostgresOIT(b *testing.B) { benchmarkOIT(b, store.MustOpenPostgres(b)) }

// benchmarkOIT measures, over a national registry of 8,302 agencies of which 2,000 have
// started their OIT answers and 300 are approved with all 43 items: the assessor's queue
// (NACC's first page over every agency; one group's agencies waiting to be scored), one
// agency's record as its pages read it, and saving one answer (with its audit entry).
func benchmarkOIT(b *testing.B, s *store.Store) {
	ctx := context.Background()
	all := storetest.Generate(8302, 1)
	if _, err := s.UpsertAgencies(ctx, all, audit.System()); err != nil {
		b.Fatal(err)
	}
	y := storetest.Year2563()
	if err := s.CreateYear(ctx, y, audit.System()); err != nil {
		b.Fatal(err)
	}
	c, err := oit.ChecklistOf(y.FrameworkYear)
	if err != nil {
		b.Fatal(err)
	}
	admin := audit.By("a", string(account.RoleAgencyAdmin), "")
	exec := audit.By("t", string(account.RoleAgencyExecutive), "")
	for i, a := range all[:2000] {
		n := 5
		if i < 300 {
			n = len(c.ItemIDs)
		}
		var steps []oit.Step
		for _, id := range c.ItemIDs[:n] {
			steps = append(steps, oit.Step{By: admin, Cmd: oit.Command{Action: oit.ActionSave, ItemID: id,
				Answer: oit.Answer{Disclosure: oit.Yes, URLs: []string{fmt.Sprintf("https://a%s.go.th/ita/%s", a.Code, id)}}}})
		}
		if i < 300 {
			steps = append(steps, oit.Step{By: admin, Cmd: oit.Command{Action: oit.ActionSubmit}})
			for _, id := range c.ItemIDs {
				steps = append(steps, oit.Step{By: exec, Cmd: oit.Command{Action: oit.ActionReview, ItemID: id, Verdict: oit.Pass}})
			}
			steps = append(steps, oit.Step{By: exec, Cmd: oit.Command{Action: oit.ActionApprove}})
		}
		if _, err := s.ReplayOIT(ctx, y.FiscalYear, a.Code, steps); err != nil {
			b.Fatal(err)
		}
	}
	group := all[0].Group
	cases := []struct {
		name string
		f    oit.QueueFilter
	}{
		{"QueueAllFirstPage", oit.QueueFilter{FiscalYear: y.FiscalYear, Limit: 50}},
		{"QueueGroupToScore", oit.QueueFilter{FiscalYear: y.FiscalYear, Groups: []int{group}, Statuses: []oit.Status{oit.StatusApproved}, Limit: 50}},
		{"QueueDeepPage", oit.QueueFilter{FiscalYear: y.FiscalYear, Limit: 50, Offset: 8000}},
	}
	for _, cs := range cases {
		b.Run(cs.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.FindOITQueue(ctx, cs.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("FindOIT43Items", func(b *testing.B) {
		for b.Loop() {
			if rec, err := s.FindOIT(ctx, y.FiscalYear, all[0].Code); err != nil || len(rec.Items) != len(c.ItemIDs) {
				b.Fatalf("%d items, %v", len(rec.Items), err)
			}
		}
	})
	code := all[1500].Code
	b.Run("SaveAnswer", func(b *testing.B) {
		i := 0
		for b.Loop() {
			rec, err := s.FindOIT(ctx, y.FiscalYear, code)
			if err != nil {
				b.Fatal(err)
			}
			i++
			_, err = s.ApplyOIT(ctx, y.FiscalYear, code, oit.Command{Action: oit.ActionSave, Base: rec.Version, ItemID: "o9",
				Answer: oit.Answer{Disclosure: oit.Yes, URLs: []string{fmt.Sprintf("https://a.go.th/%d", i)}}}, admin)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

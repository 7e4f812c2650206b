package storetest

import (
	"testing"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

var importTests = []test{
	{"ImportCreates", func(t *testing.T, e *env) {
		batch := append(Energy(), Thasung())
		res, err := e.s.UpsertAgencies(e.ctx, batch, by)
		must(t, err)
		if len(res.Created) != len(batch) || len(res.Updated) != 0 || len(res.Unchanged) != 0 {
			t.Errorf("result = %+v", res)
		}
		for _, want := range batch {
			got, err := e.s.FindAgencyByCode(e.ctx, want.Code)
			must(t, err)
			if got != want {
				t.Errorf("stored %+v, want %+v", got, want)
			}
		}
	}},
	{"ImportIsAllOrNothing", func(t *testing.T, e *env) {
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		batch := Energy()
		batch[2].Name = ""     // row 3
		batch[6].Type = "bank" // row 7
		batch[8].Code = "1001" // row 9 repeats row 1
		changed := Thasung()   // a valid update that must not land either
		changed.Website = "https://changed.go.th"
		batch = append(batch, changed)
		_, err := e.s.UpsertAgencies(e.ctx, batch, by)
		wantCode(t, err, apperr.CodeInvalid)
		f := apperr.FieldsOf(err)
		for _, k := range []string{"3.name", "7.type", "9.code"} {
			if f[k] == "" {
				t.Errorf("no message for %s in %v", k, f)
			}
		}
		if len(f) != 3 {
			t.Errorf("fields = %v, want exactly 3", f)
		}
		n, err := e.s.CountAgencies(e.ctx)
		must(t, err)
		if n != 1 {
			t.Errorf("CountAgencies = %d, want 1: nothing imported", n)
		}
		got, err := e.s.FindAgencyByCode(e.ctx, "6100101")
		must(t, err)
		if got != Thasung() {
			t.Errorf("existing agency changed to %+v", got)
		}
	}},
	{"ReimportIsIdempotent", func(t *testing.T, e *env) {
		batch := Generate(300, 7)
		_, err := e.s.UpsertAgencies(e.ctx, batch, by)
		must(t, err)
		before, err := e.s.FindAudit(e.ctx, audit.Filter{Action: "agency."})
		must(t, err)
		res, err := e.s.UpsertAgencies(e.ctx, batch, by)
		must(t, err)
		if len(res.Unchanged) != len(batch) || len(res.Created)+len(res.Updated) != 0 {
			t.Errorf("re-import: created %d, updated %d, unchanged %d", len(res.Created), len(res.Updated), len(res.Unchanged))
		}
		after, err := e.s.FindAudit(e.ctx, audit.Filter{Action: "agency."})
		must(t, err)
		if after.Total != before.Total+1 { // only the import's summary
			t.Errorf("audit entries %d → %d, want one summary more", before.Total, after.Total)
		}
		batch[10].Website = "https://changed.go.th"
		res, err = e.s.UpsertAgencies(e.ctx, batch, by)
		must(t, err)
		if len(res.Updated) != 1 || res.Updated[0] != batch[10].Code {
			t.Errorf("Updated = %v, want [%s]", res.Updated, batch[10].Code)
		}
		got, err := e.s.FindAgencyByCode(e.ctx, batch[10].Code)
		must(t, err)
		if got.Website != "https://changed.go.th" {
			t.Errorf("Website = %q", got.Website)
		}
	}},
	{"ImportWholeRegistry", func(t *testing.T, e *env) {
		if testing.Short() {
			t.Skip("8,302 agencies: skipped with -short")
		}
		batch := Generate(8302, 1)
		res, err := e.s.UpsertAgencies(e.ctx, batch, by)
		must(t, err)
		if len(res.Created) != 8302 {
			t.Errorf("created %d, want 8302", len(res.Created))
		}
		page, err := e.s.FindAgencies(e.ctx, agency.Filter{Type: agency.TypeSAO, Limit: 1})
		must(t, err)
		if page.Total != 5325 {
			t.Errorf("SAO count = %d, want 5325 (manual 2563)", page.Total)
		}
	}},
}

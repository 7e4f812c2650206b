package storetest

import (
	"strings"
	"testing"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/store"
)

var migrationTests = []test{
	{"MigrateIsIdempotent", func(t *testing.T, e *env) {
		applied, err := e.s.Migrate(e.ctx)
		must(t, err)
		if len(applied) != 0 {
			t.Errorf("second Migrate applied %v, want nothing", applied)
		}
		ms, err := store.Migrations(e.s.Dialect())
		must(t, err)
		v, err := e.s.SchemaVersion(e.ctx)
		must(t, err)
		if v != len(ms) {
			t.Errorf("SchemaVersion = %d, want %d", v, len(ms))
		}
	}},
}

var agencyTests = []test{
	{"CreateAndFind", func(t *testing.T, e *env) {
		want := Thasung()
		must(t, e.s.CreateAgency(e.ctx, want, by))
		got, err := e.s.FindAgencyByCode(e.ctx, want.Code)
		must(t, err)
		if got != want {
			t.Errorf("FindAgencyByCode = %+v, want %+v", got, want)
		}
	}},
	{"CreateNormalizes", func(t *testing.T, e *env) {
		in := Thasung()
		in.Name, in.Province, in.Website = "  องค์การบริหารส่วนตำบล   ท่าซุง ", "จังหวัดอุทัยธานี", "www.thasung.go.th"
		must(t, e.s.CreateAgency(e.ctx, in, by))
		got, err := e.s.FindAgencyByCode(e.ctx, in.Code)
		must(t, err)
		if got.Name != "องค์การบริหารส่วนตำบล ท่าซุง" || got.Province != "อุทัยธานี" || got.Website != "https://www.thasung.go.th" {
			t.Errorf("stored %+v", got)
		}
	}},
	{"ErrNotFound", func(t *testing.T, e *env) {
		_, err := e.s.FindAgencyByCode(e.ctx, "999")
		wantCode(t, err, apperr.CodeNotFound)
		if !strings.Contains(apperr.MessageOf(err), "999") {
			t.Errorf("message %q does not name the code", apperr.MessageOf(err))
		}
		missing := Thasung()
		missing.Code = "999"
		wantCode(t, e.s.UpdateAgency(e.ctx, "999", missing, by), apperr.CodeNotFound)
	}},
	{"DuplicateCodeIsConflict", func(t *testing.T, e *env) {
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		other := Thasung()
		other.Name = "อบต.อื่น"
		wantCode(t, e.s.CreateAgency(e.ctx, other, by), apperr.CodeConflict)
	}},
	{"InvalidHasFieldMessages", func(t *testing.T, e *env) {
		a := Thasung()
		a.Name, a.Group = "", 11
		err := e.s.CreateAgency(e.ctx, a, by)
		wantCode(t, err, apperr.CodeInvalid)
		f := apperr.FieldsOf(err)
		if f[agency.FieldName] == "" || f[agency.FieldGroup] == "" {
			t.Errorf("fields = %v, want name and group", f)
		}
		_, err = e.s.FindAgencyByCode(e.ctx, a.Code)
		wantCode(t, err, apperr.CodeNotFound)
	}},
	{"UpdateRecordsBeforeAndAfter", func(t *testing.T, e *env) {
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		upd := Thasung()
		upd.Website = "https://thasung.go.th/new"
		upd.Code = ""
		must(t, e.s.UpdateAgency(e.ctx, "6100101", upd, by))
		got, err := e.s.FindAgencyByCode(e.ctx, "6100101")
		must(t, err)
		if got.Website != "https://thasung.go.th/new" {
			t.Errorf("Website = %q", got.Website)
		}
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: audit.ActionAgencyUpdate})
		must(t, err)
		if page.Total != 1 {
			t.Fatalf("%d update entries, want 1", page.Total)
		}
		en := page.Entries[0]
		if en.AgencyCode != "6100101" || en.Subject != "6100101" || en.Actor != by.Actor || en.IP != by.IP ||
			!strings.Contains(en.Before, "www.thasung.go.th") || !strings.Contains(en.After, "/new") {
			t.Errorf("entry = %+v", en)
		}
	}},
	{"UpdateWithoutChangeRecordsNothing", func(t *testing.T, e *env) {
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		must(t, e.s.UpdateAgency(e.ctx, "6100101", Thasung(), by))
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: audit.ActionAgencyUpdate})
		must(t, err)
		if page.Total != 0 {
			t.Errorf("%d update entries, want 0", page.Total)
		}
	}},
	{"CodeCannotChange", func(t *testing.T, e *env) {
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		upd := Thasung()
		upd.Code = "6100102"
		wantCode(t, e.s.UpdateAgency(e.ctx, "6100101", upd, by), apperr.CodeInvalid)
	}},
	{"AuditInSameTransaction", func(t *testing.T, e *env) {
		// An entry that cannot be written (no actor) must undo the change.
		err := e.s.CreateAgency(e.ctx, Thasung(), audit.Entry{})
		wantCode(t, err, apperr.CodeInvalid)
		_, err = e.s.FindAgencyByCode(e.ctx, "6100101")
		wantCode(t, err, apperr.CodeNotFound)
	}},
	{"ConcurrentWrites", func(t *testing.T, e *env) {
		as := Generate(40, 1)
		errs := make(chan error, len(as))
		for _, a := range as {
			go func() { errs <- e.s.CreateAgency(e.ctx, a, by) }()
		}
		for range as {
			must(t, <-errs)
		}
		n, err := e.s.CountAgencies(e.ctx)
		must(t, err)
		if n != len(as) {
			t.Errorf("CountAgencies = %d, want %d", n, len(as))
		}
	}},
}

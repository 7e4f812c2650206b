package storetest

import (
	"fmt"
	"slices"
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

// names returns the names of a page's agencies.
func names(p agency.Page) []string {
	out := make([]string, len(p.Agencies))
	for i, a := range p.Agencies {
		out[i] = a.Name
	}
	return out
}

func mkAgency(code, name string) agency.Agency {
	return agency.Agency{Code: code, Name: name, Type: agency.TypeDepartment, Group: 10}
}

var searchTests = []test{
	{"ThaiOrder", func(t *testing.T, e *env) {
		in := []string{"ขา", "ไก่", "เกาะ", "กา", "องค์การ", "กรม"}
		for i, n := range in {
			must(t, e.s.CreateAgency(e.ctx, mkAgency(fmt.Sprintf("10%d", i), n), by))
		}
		page, err := e.s.FindAgencies(e.ctx, agency.Filter{})
		must(t, err)
		want := []string{"กรม", "กา", "เกาะ", "ไก่", "ขา", "องค์การ"}
		if got := names(page); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("order = %v, want %v (Thai dictionary order)", got, want)
		}
	}},
	{"SearchThaiSubstring", func(t *testing.T, e *env) {
		_, err := e.s.UpsertAgencies(e.ctx, append(Energy(), Thasung()), by)
		must(t, err)
		must(t, e.s.CreateAgency(e.ctx, mkAgency("2001", "สำนักงาน 100% ทดสอบ_ขีด"), by))
		tests := []struct {
			query string
			want  []string // codes in order
		}{
			{"ท่าซุง", []string{"6100101"}},
			{"ท่า ซุง", []string{"6100101"}},    // spaces ignored
			{"ตำบลท่า", []string{"6100101"}},    // any part of the name
			{"อบต.ท่าซุง", []string{"6100101"}}, // short name
			{"ปตท", []string{"1007"}},           // short name of a company
			{"พลังงาน", []string{"1003", "1002", "1008", "1004", "1005"}},
			{"61001", []string{"6100101"}}, // code prefix
			{"100", []string{"1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "2001"}},
			{"%", []string{"2001"}}, // wildcards are literal
			{"_", []string{"2001"}},
			{"ไม่มีชื่อนี้", nil},
		}
		for _, tt := range tests {
			page, err := e.s.FindAgencies(e.ctx, agency.Filter{Query: tt.query})
			must(t, err)
			var got []string
			for _, a := range page.Agencies {
				got = append(got, a.Code)
			}
			if strings.Join(sortedCopy(got), ",") != strings.Join(sortedCopy(tt.want), ",") || page.Total != len(tt.want) {
				t.Errorf("Query %q = %v (total %d), want %v", tt.query, got, page.Total, tt.want)
			}
		}
	}},
	{"FilterAndPaging", func(t *testing.T, e *env) {
		all := Generate(400, 3)
		_, err := e.s.UpsertAgencies(e.ctx, all, by)
		must(t, err)
		count := func(keep func(agency.Agency) bool) int {
			n := 0
			for _, a := range all {
				if keep(a) {
					n++
				}
			}
			return n
		}
		tests := []struct {
			name string
			f    agency.Filter
			keep func(agency.Agency) bool
		}{
			{"All", agency.Filter{}, func(agency.Agency) bool { return true }},
			{"Type", agency.Filter{Type: agency.TypeSubdistrictMuni}, func(a agency.Agency) bool { return a.Type == agency.TypeSubdistrictMuni }},
			{"Group", agency.Filter{Group: 4}, func(a agency.Agency) bool { return a.Group == 4 }},
			{"Groups", agency.Filter{Groups: []int{1, 2}}, func(a agency.Agency) bool { return a.Group == 1 || a.Group == 2 }},
			{"GroupAndGroups", agency.Filter{Group: 3, Groups: []int{1, 2}}, func(agency.Agency) bool { return false }},
			{"EmptyGroups", agency.Filter{Groups: []int{}}, func(agency.Agency) bool { return false }},
			{"Codes", agency.Filter{Codes: []string{all[0].Code, all[5].Code}}, func(a agency.Agency) bool { return a.Code == all[0].Code || a.Code == all[5].Code }},
			{"Province", agency.Filter{Province: "จังหวัดเชียงใหม่"}, func(a agency.Agency) bool { return a.Province == "เชียงใหม่" }},
			{"Ministry", agency.Filter{Ministry: "กระทรวงมหาดไทย"}, func(a agency.Agency) bool { return a.Ministry == "กระทรวงมหาดไทย" }},
			{"Supervisor", agency.Filter{Supervisor: agency.SupervisorSEPO}, func(a agency.Agency) bool { return a.Supervisor == agency.SupervisorSEPO }},
			{"Combined", agency.Filter{Type: agency.TypeSAO, Group: 3, Query: "องค์การ"}, func(a agency.Agency) bool { return a.Type == agency.TypeSAO && a.Group == 3 }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				want := count(tt.keep)
				seen := map[string]bool{}
				for off := 0; ; off += 37 {
					f := tt.f
					f.Limit, f.Offset = 37, off
					page, err := e.s.FindAgencies(e.ctx, f)
					must(t, err)
					if page.Total != want {
						t.Fatalf("Total = %d, want %d", page.Total, want)
					}
					for _, a := range page.Agencies {
						if seen[a.Code] {
							t.Fatalf("agency %s on two pages", a.Code)
						}
						if !tt.keep(a) {
							t.Fatalf("agency %+v does not match", a)
						}
						seen[a.Code] = true
					}
					if len(page.Agencies) < 37 {
						break
					}
				}
				if len(seen) != want {
					t.Errorf("pages held %d agencies, want %d", len(seen), want)
				}
			})
		}
	}},
	{"Ministries", func(t *testing.T, e *env) {
		_, err := e.s.UpsertAgencies(e.ctx, append(Energy(), Thasung()), by)
		must(t, err)
		got, err := e.s.FindMinistries(e.ctx)
		must(t, err)
		if strings.Join(got, ",") != "กระทรวงพลังงาน,กระทรวงมหาดไทย" {
			t.Errorf("FindMinistries = %v", got)
		}
	}},
}

func sortedCopy(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}

package storetest

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/stakeholder"
)

// The acting accounts of the stakeholder tests: Thasung's admin and executive.
var (
	shAdmin = audit.By("a6100101", string(account.RoleAgencyAdmin), "192.0.2.10")
	shExec  = audit.By("t6100101", string(account.RoleAgencyExecutive), "192.0.2.11")
)

// shSetup creates Thasung and the year 2563 and returns the fiscal year and agency code.
func shSetup(t *testing.T, e *env) (int, string) {
	t.Helper()
	must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
	must(t, e.s.CreateYear(e.ctx, Year2563(), by))
	return 2563, Thasung().Code
}

// person returns a valid contact for person n.
func person(n int) stakeholder.Contact {
	return stakeholder.Contact{Name: fmt.Sprintf("ผู้รับบริการ ที่%d", n), Type: stakeholder.TypePublic,
		Phone: fmt.Sprintf("08%08d", n), Service: "ชำระภาษีป้าย"}
}

// auditCount returns how many entries have the action.
func auditCount(t *testing.T, e *env, action string) int {
	t.Helper()
	page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: action})
	must(t, err)
	return page.Total
}

// shState puts kind k of the agency's data into status st the way people would: the admin
// enters what submitting needs (250, and one contact for External), submits, and the
// executive decides.
func shState(t *testing.T, e *env, fy int, code string, k stakeholder.Kind, st stakeholder.Status) {
	t.Helper()
	_, err := e.s.SetStakeholderPopulation(e.ctx, fy, code, k, 250, shAdmin)
	must(t, err)
	if k == stakeholder.External {
		_, err := e.s.AddStakeholderContact(e.ctx, fy, code, person(1), shAdmin)
		must(t, err)
	}
	if st == stakeholder.Draft {
		return
	}
	_, err = e.s.ChangeStakeholderStatus(e.ctx, fy, code, k, stakeholder.ActionSubmit, "", shAdmin)
	must(t, err)
	switch st {
	case stakeholder.Approved:
		_, err = e.s.ChangeStakeholderStatus(e.ctx, fy, code, k, stakeholder.ActionApprove, "", shExec)
	case stakeholder.Returned:
		_, err = e.s.ChangeStakeholderStatus(e.ctx, fy, code, k, stakeholder.ActionReturn, "ตัวเลขไม่ตรงกับทะเบียน", shExec)
	}
	must(t, err)
}

// shAct takes action a on kind k as role r, the way the web layer would.
func shAct(e *env, fy int, code string, k stakeholder.Kind, a stakeholder.Action, r account.Role) (stakeholder.Record, error) {
	who := audit.By("someone", string(r), "192.0.2.12")
	if a == stakeholder.ActionEdit {
		return e.s.SetStakeholderPopulation(e.ctx, fy, code, k, 300, who)
	}
	return e.s.ChangeStakeholderStatus(e.ctx, fy, code, k, a, "เหตุผล", who)
}

var stakeholderTests = []test{
	{"DraftUntilEntered", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		d, err := e.s.FindStakeholderData(e.ctx, fy, code)
		must(t, err)
		for _, r := range []stakeholder.Record{d.Internal, d.External} {
			if r.Status != stakeholder.Draft || r.Population != 0 || r.AgencyCode != code || r.FiscalYear != fy {
				t.Errorf("record never saved = %+v, want an empty draft", r)
			}
		}
		if d.Contacts != 0 || d.Internal.Kind != stakeholder.Internal || d.External.Kind != stakeholder.External {
			t.Errorf("data = %+v", d)
		}
	}},
	{"PopulationAudited", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		e.clock.Advance(time.Hour)
		rec, err := e.s.SetStakeholderPopulation(e.ctx, fy, code, stakeholder.Internal, 120, shAdmin)
		must(t, err)
		if rec.Population != 120 || rec.Status != stakeholder.Draft || rec.UpdatedBy != "a6100101" || !rec.UpdatedAt.Equal(e.clock.Now().UTC()) {
			t.Errorf("record = %+v", rec)
		}
		_, err = e.s.SetStakeholderPopulation(e.ctx, fy, code, stakeholder.Internal, 130, shAdmin)
		must(t, err)
		_, err = e.s.SetStakeholderPopulation(e.ctx, fy, code, stakeholder.Internal, 130, shAdmin) // no change, no entry
		must(t, err)
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: stakeholder.AuditPopulation})
		must(t, err)
		if page.Total != 2 {
			t.Fatalf("%d population entries, want 2", page.Total)
		}
		last := page.Entries[0]
		if last.AgencyCode != code || last.Actor != "a6100101" || last.Role != "agency_admin" || last.Subject != "2563:internal" ||
			!strings.Contains(last.Before, `"population":120`) || !strings.Contains(last.After, `"population":130`) {
			t.Errorf("audit entry = %+v", last)
		}
		d, err := e.s.FindStakeholderData(e.ctx, fy, code)
		must(t, err)
		if d.Internal.Population != 130 || d.External.Population != 0 {
			t.Errorf("data = %+v", d)
		}
		_, err = e.s.SetStakeholderPopulation(e.ctx, fy, code, stakeholder.External, 0, shAdmin)
		wantCode(t, err, apperr.CodeInvalid)
	}},
	{"TransitionsByRole", func(t *testing.T, e *env) {
		// Walk every step of the cycle with every role from every status, on both kinds:
		// legal steps land where the table says and are audit-logged; the rest are refused
		// and change nothing.
		must(t, e.s.CreateYear(e.ctx, Year2563(), by))
		legal := map[string]stakeholder.Status{}
		for _, tr := range stakeholder.Transitions() {
			legal[fmt.Sprint(tr.From, tr.Action, tr.Role)] = tr.To
		}
		n := 0
		for _, k := range stakeholder.Kinds {
			for _, from := range stakeholder.Statuses {
				for _, a := range stakeholder.Actions {
					for _, r := range account.Roles {
						n++
						ag := Thasung()
						ag.Code = fmt.Sprintf("61%05d", n)
						must(t, e.s.CreateAgency(e.ctx, ag, by))
						shState(t, e, 2563, ag.Code, k, from)
						entries := auditCount(t, e, "stakeholder.")
						rec, err := shAct(e, 2563, ag.Code, k, a, r)
						want, ok := legal[fmt.Sprint(from, a, r)]
						after := auditCount(t, e, "stakeholder.")
						d, derr := e.s.FindStakeholderData(e.ctx, 2563, ag.Code)
						must(t, derr)
						stored := d.Record(k).Status
						switch {
						case ok && (err != nil || rec.Status != want || stored != want || after != entries+1):
							t.Errorf("%s %s by %s from %s: %v, status %s (stored %s), %d entries; want %s and one entry",
								k, a, r, from, err, rec.Status, stored, after-entries, want)
						case !ok && (err == nil || stored != from || after != entries):
							t.Errorf("%s %s by %s from %s: err %v, stored %s, %d entries; want a refusal that changes nothing",
								k, a, r, from, err, stored, after-entries)
						case !ok && apperr.CodeOf(err) != apperr.CodeForbidden && apperr.CodeOf(err) != apperr.CodeConflict:
							t.Errorf("%s %s by %s from %s: %v, want Forbidden or Conflict", k, a, r, from, err)
						}
					}
				}
			}
		}
	}},
	{"ApprovedIsLocked", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		shState(t, e, fy, code, stakeholder.External, stakeholder.Approved)
		d, err := e.s.FindStakeholderData(e.ctx, fy, code)
		must(t, err)
		if d.External.DecidedBy != "t6100101" || d.External.SubmittedBy != "a6100101" || d.External.DecidedAt.IsZero() {
			t.Errorf("approved record = %+v", d.External)
		}
		_, err = e.s.SetStakeholderPopulation(e.ctx, fy, code, stakeholder.External, 999, shAdmin)
		wantCode(t, err, apperr.CodeConflict)
		_, err = e.s.AddStakeholderContact(e.ctx, fy, code, person(2), shAdmin)
		wantCode(t, err, apperr.CodeConflict)
		page, err := e.s.FindStakeholderContacts(e.ctx, fy, code, stakeholder.ContactFilter{})
		must(t, err)
		c := page.Contacts[0]
		c.Name = "ชื่อใหม่"
		_, err = e.s.UpdateStakeholderContact(e.ctx, fy, code, c, shAdmin)
		wantCode(t, err, apperr.CodeConflict)
		wantCode(t, e.s.DeleteStakeholderContact(e.ctx, fy, code, c.ID, shAdmin), apperr.CodeConflict)
		_, err = e.s.ImportStakeholderContacts(e.ctx, fy, code, []stakeholder.Contact{person(3)}, shAdmin)
		wantCode(t, err, apperr.CodeConflict)
		// The internal data is still a draft: locking one kind does not lock the other.
		_, err = e.s.SetStakeholderPopulation(e.ctx, fy, code, stakeholder.Internal, 40, shAdmin)
		must(t, err)
	}},
	{"ReturnNeedsReason", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		shState(t, e, fy, code, stakeholder.Internal, stakeholder.Submitted)
		_, err := e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.Internal, stakeholder.ActionReturn, "  ", shExec)
		wantCode(t, err, apperr.CodeInvalid)
		rec, err := e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.Internal, stakeholder.ActionReturn, " นับรวมลูกจ้างรายวันด้วย ", shExec)
		must(t, err)
		if rec.Status != stakeholder.Returned || rec.ReturnReason != "นับรวมลูกจ้างรายวันด้วย" {
			t.Errorf("returned record = %+v", rec)
		}
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: stakeholder.AuditReturn})
		must(t, err)
		if page.Total != 1 || !strings.Contains(page.Entries[0].After, "ลูกจ้างรายวัน") || page.Entries[0].Actor != "t6100101" {
			t.Errorf("return entry = %+v", page.Entries)
		}
		// Corrected and submitted again: the reason is gone from the record, kept in the log.
		_, err = e.s.SetStakeholderPopulation(e.ctx, fy, code, stakeholder.Internal, 200, shAdmin)
		must(t, err)
		rec, err = e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.Internal, stakeholder.ActionSubmit, "", shAdmin)
		must(t, err)
		if rec.Status != stakeholder.Submitted || rec.ReturnReason != "" || rec.Population != 200 {
			t.Errorf("resubmitted record = %+v", rec)
		}
	}},
	{"SubmitNeedsData", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		_, err := e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.Internal, stakeholder.ActionSubmit, "", shAdmin)
		wantCode(t, err, apperr.CodeInvalid)
		_, err = e.s.SetStakeholderPopulation(e.ctx, fy, code, stakeholder.External, 5000, shAdmin)
		must(t, err)
		_, err = e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.External, stakeholder.ActionSubmit, "", shAdmin)
		if apperr.FieldsOf(err)[stakeholder.FieldContacts] == "" {
			t.Errorf("external submitted without contacts: %v", err)
		}
		_, err = e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.External, stakeholder.ActionEdit, "", shAdmin)
		wantCode(t, err, apperr.CodeInvalid)
	}},
	{"ContactsAndDuplicates", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		a, err := e.s.AddStakeholderContact(e.ctx, fy, code, stakeholder.Contact{
			Name: " สมหญิง  ใจงาม ", Type: stakeholder.TypePublic, Phone: "081-234-5678", Email: "Somying@Example.com", Service: "ขอใบอนุญาต"}, shAdmin)
		must(t, err)
		if a.ID == 0 || a.Name != "สมหญิง ใจงาม" || a.Phone != "0812345678" || a.Email != "somying@example.com" {
			t.Errorf("stored contact = %+v", a)
		}
		b, err := e.s.AddStakeholderContact(e.ctx, fy, code, person(2), shAdmin)
		must(t, err)
		// The same person by name and phone, or by name and e-mail, is refused.
		for _, dup := range []stakeholder.Contact{
			{Name: "สมหญิง ใจงาม", Type: stakeholder.TypePublic, Phone: "0812345678", Service: "อื่น"},
			{Name: "สมหญิง ใจงาม", Type: stakeholder.TypePublic, Email: "SOMYING@example.com", Service: "อื่น"},
		} {
			_, err := e.s.AddStakeholderContact(e.ctx, fy, code, dup, shAdmin)
			wantCode(t, err, apperr.CodeConflict)
			if len(apperr.FieldsOf(err)) != 1 {
				t.Errorf("duplicate %+v: %v, want a message on the field that repeats", dup, err)
			}
		}
		// A namesake with another number is someone else.
		_, err = e.s.AddStakeholderContact(e.ctx, fy, code, stakeholder.Contact{
			Name: "สมหญิง ใจงาม", Type: stakeholder.TypePublic, Phone: "021234567", Service: "อื่น"}, shAdmin)
		must(t, err)
		_, err = e.s.AddStakeholderContact(e.ctx, fy, code, stakeholder.Contact{Name: "x", Type: "tourist", Phone: "1"}, shAdmin)
		if f := apperr.FieldsOf(err); f[stakeholder.FieldType] == "" || f[stakeholder.FieldPhone] == "" || f[stakeholder.FieldService] == "" {
			t.Errorf("invalid contact: %v", err)
		}
		// Editing keeps the person's own number; taking another person's name and number is refused.
		b.Service = "ยื่นคำร้อง"
		_, err = e.s.UpdateStakeholderContact(e.ctx, fy, code, b, shAdmin)
		must(t, err)
		b.Name, b.Phone = a.Name, a.Phone
		_, err = e.s.UpdateStakeholderContact(e.ctx, fy, code, b, shAdmin)
		wantCode(t, err, apperr.CodeConflict)
		got, err := e.s.FindStakeholderContact(e.ctx, fy, code, b.ID)
		must(t, err)
		if got.Service != "ยื่นคำร้อง" || got.Name != person(2).Name {
			t.Errorf("contact after edits = %+v", got)
		}
		// Another agency's list is another list.
		other := Thasung()
		other.Code = "6100102"
		must(t, e.s.CreateAgency(e.ctx, other, by))
		_, err = e.s.FindStakeholderContact(e.ctx, fy, other.Code, b.ID)
		wantCode(t, err, apperr.CodeNotFound)
		wantCode(t, e.s.DeleteStakeholderContact(e.ctx, fy, other.Code, b.ID, audit.By("a6100102", "agency_admin", "")), apperr.CodeNotFound)
		_, err = e.s.AddStakeholderContact(e.ctx, fy, other.Code, person(2), audit.By("a6100102", "agency_admin", ""))
		must(t, err)

		must(t, e.s.DeleteStakeholderContact(e.ctx, fy, code, b.ID, shAdmin))
		_, err = e.s.FindStakeholderContact(e.ctx, fy, code, b.ID)
		wantCode(t, err, apperr.CodeNotFound)
		d, err := e.s.FindStakeholderData(e.ctx, fy, code)
		must(t, err)
		if d.Contacts != 2 || d.External.UpdatedBy != "a6100101" {
			t.Errorf("data = %+v", d)
		}
		for action, want := range map[string]int{stakeholder.AuditContactAdd: 4, stakeholder.AuditContactUpdate: 1, stakeholder.AuditContactDelete: 1} {
			if got := auditCount(t, e, action); got != want {
				t.Errorf("%d %s entries, want %d", got, action, want)
			}
		}
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: stakeholder.AuditContactDelete})
		must(t, err)
		var before map[string]any
		if err := json.Unmarshal([]byte(page.Entries[0].Before), &before); err != nil || before["service"] != "ยื่นคำร้อง" || page.Entries[0].After != "" {
			t.Errorf("delete entry = %+v", page.Entries[0])
		}
	}},
	{"ContactsPaged", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		var cs []stakeholder.Contact
		for i := 1; i <= 7; i++ {
			cs = append(cs, person(i))
		}
		n, err := e.s.ImportStakeholderContacts(e.ctx, fy, code, cs, shAdmin)
		must(t, err)
		if n != 7 {
			t.Errorf("imported %d, want 7", n)
		}
		page, err := e.s.FindStakeholderContacts(e.ctx, fy, code, stakeholder.ContactFilter{Limit: 3, Offset: 3})
		must(t, err)
		if page.Total != 7 || len(page.Contacts) != 3 || page.Contacts[0].Name != person(4).Name || page.Contacts[2].Name != person(6).Name {
			t.Errorf("page = %+v", page)
		}
	}},
	{"ImportAllOrNothing", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		_, err := e.s.AddStakeholderContact(e.ctx, fy, code, person(5), shAdmin)
		must(t, err)
		for name, batch := range map[string][]stakeholder.Contact{
			"DuplicateWithExisting": {person(1), person(2), person(5)},
			"DuplicateInBatch":      {person(1), person(2), person(1)},
			"Invalid":               {person(1), {Name: "x"}},
			"Empty":                 nil,
		} {
			_, err := e.s.ImportStakeholderContacts(e.ctx, fy, code, batch, shAdmin)
			if c := apperr.CodeOf(err); c != apperr.CodeConflict && c != apperr.CodeInvalid {
				t.Errorf("%s: %v, want a refusal", name, err)
			}
		}
		d, err := e.s.FindStakeholderData(e.ctx, fy, code)
		must(t, err)
		if d.Contacts != 1 || auditCount(t, e, stakeholder.AuditContactImport) != 0 {
			t.Errorf("after refused imports: %d contacts, %d import entries; want 1 and 0", d.Contacts, auditCount(t, e, stakeholder.AuditContactImport))
		}
		too := make([]stakeholder.Contact, stakeholder.MaxContacts)
		for i := range too {
			too[i] = person(100 + i)
		}
		_, err = e.s.ImportStakeholderContacts(e.ctx, fy, code, too, shAdmin)
		wantCode(t, err, apperr.CodeInvalid)
		start := time.Now()
		n, err := e.s.ImportStakeholderContacts(e.ctx, fy, code, too[:stakeholder.MaxContacts-1], shAdmin)
		must(t, err)
		t.Logf("imported %d contacts in %v", n, time.Since(start).Round(time.Millisecond))
		if got := auditCount(t, e, stakeholder.AuditContactAdd); got != stakeholder.MaxContacts {
			t.Errorf("%d add entries, want one per contact (%d)", got, stakeholder.MaxContacts)
		}
		_, err = e.s.AddStakeholderContact(e.ctx, fy, code, person(1), shAdmin)
		wantCode(t, err, apperr.CodeInvalid) // the list is full
	}},
	{"ConcurrentDecisions", func(t *testing.T, e *env) {
		// Four approvals and four returns of the same submission at once: exactly one
		// decision wins, the others find the data no longer submitted.
		fy, code := shSetup(t, e)
		shState(t, e, fy, code, stakeholder.Internal, stakeholder.Returned)
		_, err := e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.Internal, stakeholder.ActionSubmit, "", shAdmin)
		must(t, err)
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if i%2 == 0 {
					_, errs[i] = e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.Internal, stakeholder.ActionApprove, "", shExec)
				} else {
					_, errs[i] = e.s.ChangeStakeholderStatus(e.ctx, fy, code, stakeholder.Internal, stakeholder.ActionReturn, "ไม่ครบ", shExec)
				}
			}()
		}
		wg.Wait()
		ok := 0
		for _, err := range errs {
			if err == nil {
				ok++
			} else if apperr.CodeOf(err) != apperr.CodeConflict {
				t.Errorf("concurrent decision: %v, want Conflict", err)
			}
		}
		if ok != 1 || auditCount(t, e, stakeholder.AuditApprove)+auditCount(t, e, stakeholder.AuditReturn) != 2 {
			t.Errorf("%d of 8 concurrent decisions succeeded, want exactly 1", ok)
		}
	}},
	{"Counts", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		other := Thasung()
		other.Code = "6100102"
		must(t, e.s.CreateAgency(e.ctx, other, by))
		shState(t, e, fy, code, stakeholder.Internal, stakeholder.Approved) // 250
		shState(t, e, fy, code, stakeholder.External, stakeholder.Submitted)
		shState(t, e, fy, other.Code, stakeholder.External, stakeholder.Approved)
		got, err := e.s.StakeholderCounts(e.ctx, fy)
		must(t, err)
		want := map[string]stakeholder.Counts{code: {Internal: 250}, other.Code: {External: 250}}
		if len(got) != len(want) || got[code] != want[code] || got[other.Code] != want[other.Code] {
			t.Errorf("StakeholderCounts = %v, want %v", got, want)
		}
		none, err := e.s.StakeholderCounts(e.ctx, 2564)
		must(t, err)
		if len(none) != 0 {
			t.Errorf("counts of a year with no data = %v", none)
		}
	}},
	{"UnknownAgencyOrYear", func(t *testing.T, e *env) {
		fy, code := shSetup(t, e)
		_, err := e.s.SetStakeholderPopulation(e.ctx, fy, "9999999", stakeholder.Internal, 10, shAdmin)
		wantCode(t, err, apperr.CodeNotFound)
		_, err = e.s.SetStakeholderPopulation(e.ctx, 2599, code, stakeholder.Internal, 10, shAdmin)
		wantCode(t, err, apperr.CodeNotFound)
		_, err = e.s.AddStakeholderContact(e.ctx, 2599, code, person(1), shAdmin)
		wantCode(t, err, apperr.CodeNotFound)
		_, err = e.s.SetStakeholderPopulation(e.ctx, fy, code, "other", 10, shAdmin)
		wantCode(t, err, apperr.CodeNotFound)
	}},
}

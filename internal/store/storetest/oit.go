package storetest

import (
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/oit"
)

// The actors of the OIT tests: the agency's two accounts, an assessor and a central admin.
var (
	oitAdmin    = audit.By("a1005", string(account.RoleAgencyAdmin), "192.0.2.10")
	oitExec     = audit.By("t1005", string(account.RoleAgencyExecutive), "192.0.2.11")
	oitAssessor = audit.By("assessor1", string(account.RoleAssessor), "192.0.2.12")
	oitCentral  = audit.By("nacc.admin", string(account.RoleCentralAdmin), "192.0.2.13")
	oitActors   = []audit.Entry{oitAdmin, oitExec, oitAssessor, oitCentral,
		audit.By("supervisor1", string(account.RoleSupervisor), "192.0.2.14")}
)

// oitSetup creates the nine energy agencies (group 10) and Thasung (group 6), and the open
// year 2563; it returns สป.พน.'s code.
func oitSetup(t *testing.T, e *env) string {
	t.Helper()
	for _, a := range append(Energy(), Thasung()) {
		must(t, e.s.CreateAgency(e.ctx, a, by))
	}
	must(t, e.s.CreateYear(e.ctx, Year2563(), by))
	return "1005"
}

// oitStep is one step of the workflow walk: who takes it and the command.
type oitStep struct {
	by  audit.Entry
	cmd oit.Command
}

// oitHappyPath returns the steps from an empty draft to final scores for a 43-item 2563
// checklist: o2 scored 0, the agency replies, the assessor raises it to 100.
func oitHappyPath(c *oit.Checklist) []oitStep {
	var steps []oitStep
	for _, id := range c.ItemIDs {
		steps = append(steps, oitStep{oitAdmin, oit.Command{Action: oit.ActionSave, ItemID: id,
			Answer: oit.Answer{Disclosure: oit.Yes, URLs: []string{"https://energy.go.th/ita/" + id}}}})
	}
	steps = append(steps, oitStep{oitAdmin, oit.Command{Action: oit.ActionSubmit}})
	for _, id := range c.ItemIDs {
		steps = append(steps, oitStep{oitExec, oit.Command{Action: oit.ActionReview, ItemID: id, Verdict: oit.Pass}})
	}
	steps = append(steps, oitStep{oitExec, oit.Command{Action: oit.ActionApprove}})
	for _, id := range c.ItemIDs {
		cmd := oit.Command{Action: oit.ActionScore, ItemID: id, Score: 100, Components: []int{0}}
		switch id {
		case "o1":
			cmd.Components = []int{0, 1}
		case "o2":
			cmd.Score, cmd.Components, cmd.Comment = 0, []int{0}, "ไม่มีช่องทางติดต่อผู้บริหารโดยตรง"
		}
		steps = append(steps, oitStep{oitAssessor, cmd})
	}
	return append(steps,
		oitStep{oitCentral, oit.Command{Action: oit.ActionRelease}},
		oitStep{oitAdmin, oit.Command{Action: oit.ActionReply, ItemID: "o2", Text: "เพิ่มอีเมลและโทรศัพท์ของปลัดกระทรวงแล้ว", URL: "https://energy.go.th/executives"}},
		oitStep{oitAssessor, oit.Command{Action: oit.ActionDecide, ItemID: "o2", Score: 100, Comment: "พบช่องทางติดต่อครบถ้วน"}},
		oitStep{oitAssessor, oit.Command{Action: oit.ActionConfirm}},
	)
}

// walkOIT applies steps to the record of code in 2563, each on the version the store has.
func walkOIT(t *testing.T, e *env, code string, steps []oitStep) oit.Record {
	t.Helper()
	var rec oit.Record
	for _, st := range steps {
		cur, err := e.s.FindOIT(e.ctx, 2563, code)
		must(t, err)
		st.cmd.Base = cur.Version
		rec, err = e.s.ApplyOIT(e.ctx, 2563, code, st.cmd, st.by)
		if err != nil {
			t.Fatalf("%s %s by %s: %v", st.cmd.Action, st.cmd.ItemID, st.by.Actor, err)
		}
	}
	return rec
}

func oitAuditCount(t *testing.T, e *env, code string) int {
	t.Helper()
	page, err := e.s.FindAudit(e.ctx, audit.Filter{AgencyCode: code, Action: "oit.", Limit: 1})
	must(t, err)
	return page.Total
}

var oitTests = []test{
	{"EmptyDraft", func(t *testing.T, e *env) {
		code := oitSetup(t, e)
		rec, err := e.s.FindOIT(e.ctx, 2563, code)
		must(t, err)
		if rec.Status != oit.StatusDraft || rec.Version != 0 || len(rec.Items) != 0 || rec.AgencyCode != code {
			t.Fatalf("empty record = %+v", rec)
		}
		_, err = e.s.FindOIT(e.ctx, 2563, "9999999")
		wantCode(t, err, apperr.CodeNotFound)
		_, err = e.s.FindOIT(e.ctx, 2599, code)
		wantCode(t, err, apperr.CodeNotFound)
		_, err = e.s.ApplyOIT(e.ctx, 2563, "9999999", oit.Command{Action: oit.ActionSubmit}, oitAdmin)
		wantCode(t, err, apperr.CodeNotFound)
	}},

	// WorkflowTransitionsByRole walks the whole workflow; before each step every other role
	// tries it and is refused with nothing written, and each step taken appends one audit
	// entry "oit.<action>" with the state before and after.
	{"WorkflowTransitionsByRole", func(t *testing.T, e *env) {
		code := oitSetup(t, e)
		c, err := oit.ChecklistOf(2563)
		must(t, err)
		logged := 0
		for i, st := range oitHappyPath(c) {
			cur, err := e.s.FindOIT(e.ctx, 2563, code)
			must(t, err)
			st.cmd.Base = cur.Version
			tr, _ := oit.TransitionOf(st.cmd.Action)
			// Try the other roles on the first and last step of each kind, which covers
			// every action without walking 43 items × 5 roles.
			if i == 0 || !tr.OnItem || st.cmd.ItemID == "o43" {
				for _, other := range oitActors {
					if tr.Allows(account.Role(other.Role)) {
						continue
					}
					_, err := e.s.ApplyOIT(e.ctx, 2563, code, st.cmd, other)
					wantCode(t, err, apperr.CodeForbidden)
				}
				if got := oitAuditCount(t, e, code); got != logged {
					t.Fatalf("refused steps wrote audit entries: %d, want %d", got, logged)
				}
			}
			e.clock.Advance(time.Minute)
			rec, err := e.s.ApplyOIT(e.ctx, 2563, code, st.cmd, st.by)
			if err != nil {
				t.Fatalf("step %d %s %s by %s: %v", i, st.cmd.Action, st.cmd.ItemID, st.by.Role, err)
			}
			logged++
			if rec.Version != cur.Version+1 || rec.Status != tr.Next(cur.Status) {
				t.Fatalf("after %s: version %d status %s", st.cmd.Action, rec.Version, rec.Status)
			}
			page, err := e.s.FindAudit(e.ctx, audit.Filter{AgencyCode: code, Action: "oit.", Limit: 1})
			must(t, err)
			if page.Total != logged {
				t.Fatalf("after %s: %d audit entries, want %d", st.cmd.Action, page.Total, logged)
			}
			ent := page.Entries[0]
			if ent.Action != "oit."+string(st.cmd.Action) || ent.Actor != st.by.Actor || ent.Role != st.by.Role || ent.IP != st.by.IP {
				t.Fatalf("audit entry = %+v", ent)
			}
			var before, after struct {
				Status  oit.Status `json:"status"`
				Version int        `json:"version"`
			}
			if err := json.Unmarshal([]byte(ent.Before), &before); err != nil {
				t.Fatalf("before %q: %v", ent.Before, err)
			}
			if err := json.Unmarshal([]byte(ent.After), &after); err != nil {
				t.Fatalf("after %q: %v", ent.After, err)
			}
			if before.Status != cur.Status || before.Version != cur.Version || after.Status != rec.Status || after.Version != rec.Version {
				t.Fatalf("%s: audit before %+v after %+v; want %s/%d → %s/%d", st.cmd.Action, before, after,
					cur.Status, cur.Version, rec.Status, rec.Version)
			}
		}
		scores, err := e.s.OITScores(e.ctx, 2563)
		must(t, err)
		if len(scores) != 1 || len(scores[code]) != 43 || scores[code]["o2"] != 100 || scores[code]["o1"] != 100 {
			t.Fatalf("OITScores = %v", scores)
		}
	}},

	{"RoundTrip", func(t *testing.T, e *env) {
		code := oitSetup(t, e)
		c, err := oit.ChecklistOf(2563)
		must(t, err)
		steps := oitHappyPath(c)
		steps[0].cmd.Answer = oit.Answer{Disclosure: oit.Yes, URLs: []string{"https://energy.go.th/b", "https://energy.go.th/a"}, Explanation: "แผนผังอยู่หน้า 2"}
		steps[1].cmd.Answer = oit.Answer{Disclosure: oit.CannotDisclose, Reason: "ข้อมูลนี้เป็นความลับตามมาตรา 15 แห่ง พ.ร.บ.ข้อมูลข่าวสารของราชการ"}
		rec := walkOIT(t, e, code, steps[:len(steps)-2]) // stop before the decision
		got, err := e.s.FindOIT(e.ctx, 2563, code)
		must(t, err)
		if got.Status != oit.StatusReleased || got.Version != rec.Version || len(got.Items) != 43 {
			t.Fatalf("found %s v%d with %d items, want released v%d with 43", got.Status, got.Version, len(got.Items), rec.Version)
		}
		if got.SubmittedAt.IsZero() || got.ApprovedAt.IsZero() || got.ReleasedAt.IsZero() || !got.ConfirmedAt.IsZero() || !got.UpdatedAt.Equal(Epoch) {
			t.Errorf("times: %+v", got)
		}
		o1, o2 := got.Item("o1"), got.Item("o2")
		if !slices.Equal(o1.Answer.URLs, []string{"https://energy.go.th/b", "https://energy.go.th/a"}) || o1.Answer.Explanation != "แผนผังอยู่หน้า 2" ||
			o1.SavedBy != "a1005" || !o1.SavedAt.Equal(Epoch) {
			t.Errorf("o1 answer = %+v", o1)
		}
		if o2.Answer.Disclosure != oit.CannotDisclose || o2.Answer.URLs != nil || o2.Answer.Reason == "" {
			t.Errorf("o2 answer = %+v", o2.Answer)
		}
		if o1.Review.Verdict != oit.Pass || o1.Review.By != "t1005" {
			t.Errorf("o1 review = %+v", o1.Review)
		}
		if a := o2.Assessment; !a.Scored || a.Score != 0 || !slices.Equal(a.Components, []int{0}) || a.Comment == "" || a.By != "assessor1" {
			t.Errorf("o2 assessment = %+v", a)
		}
		if a := o1.Assessment; !a.Scored || a.Score != 100 || !slices.Equal(a.Components, []int{0, 1}) {
			t.Errorf("o1 assessment = %+v", a)
		}
		if r := o2.Reply; !r.Replied() || r.URL != "https://energy.go.th/executives" || r.By != "a1005" {
			t.Errorf("o2 reply = %+v", r)
		}
		if o2.Decision.Decided {
			t.Errorf("o2 decided before the decision: %+v", o2.Decision)
		}
		if o2.Version != rec.Version || o1.Version >= o2.Version {
			t.Errorf("item versions o1 %d o2 %d, record %d", o1.Version, o2.Version, rec.Version)
		}
		if scores, err := e.s.OITScores(e.ctx, 2563); err != nil || len(scores) != 0 {
			t.Errorf("OITScores before confirmation = %v, %v", scores, err)
		}
	}},

	// StaleVersion: a page opened before someone else's change cannot overwrite it, on the
	// domain's check and, for writers racing each other, on the database's.
	{"StaleVersion", func(t *testing.T, e *env) {
		code := oitSetup(t, e)
		save := func(base int, url string) error {
			_, err := e.s.ApplyOIT(e.ctx, 2563, code, oit.Command{Action: oit.ActionSave, Base: base, ItemID: "o1",
				Answer: oit.Answer{Disclosure: oit.Yes, URLs: []string{url}}}, oitAdmin)
			return err
		}
		must(t, save(0, "https://energy.go.th/one"))
		wantCode(t, save(0, "https://energy.go.th/two"), apperr.CodeConflict)
		got, err := e.s.FindOIT(e.ctx, 2563, code)
		must(t, err)
		if u := got.Item("o1").Answer.URLs; !slices.Equal(u, []string{"https://energy.go.th/one"}) {
			t.Fatalf("o1 = %v after a stale save", u)
		}

		// Eight tabs save o2 at once from the same page: exactly one wins.
		var wg sync.WaitGroup
		errs := make([]error, 8)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = e.s.ApplyOIT(e.ctx, 2563, code, oit.Command{Action: oit.ActionSave, Base: got.Version, ItemID: "o2",
					Answer: oit.Answer{Disclosure: oit.No}}, oitAdmin)
			}()
		}
		wg.Wait()
		won := 0
		for _, err := range errs {
			switch apperr.CodeOf(err) {
			case "":
				won++
			case apperr.CodeConflict:
			default:
				t.Errorf("racing save: %v", err)
			}
		}
		if won != 1 {
			t.Fatalf("%d racing saves won, want 1", won)
		}
		if n := oitAuditCount(t, e, code); n != 2 {
			t.Fatalf("%d audit entries, want 2", n)
		}
	}},

	{"QueueAndSummaries", func(t *testing.T, e *env) {
		code := oitSetup(t, e)
		c, err := oit.ChecklistOf(2563)
		must(t, err)
		steps := oitHappyPath(c)
		walkOIT(t, e, code, steps[:len(c.ItemIDs)*2+2]) // สป.พน. approved
		walkOIT(t, e, "1001", steps[:3])                // ชธ. answering: 3 items
		rows := func(p oit.QueuePage) []string {
			var out []string
			for _, r := range p.Rows {
				out = append(out, r.AgencyCode+":"+string(r.Status))
			}
			return out
		}

		all, err := e.s.FindOITQueue(e.ctx, oit.QueueFilter{FiscalYear: 2563, Groups: []int{agency.CentralGroup}})
		must(t, err)
		if all.Total != 9 || len(all.Rows) != 9 {
			t.Fatalf("group %d queue: %d rows of %d, want 9", agency.CentralGroup, len(all.Rows), all.Total)
		}
		if all.ByStatus[oit.StatusDraft] != 8 || all.ByStatus[oit.StatusApproved] != 1 {
			t.Errorf("ByStatus = %v", all.ByStatus)
		}
		for _, r := range all.Rows {
			switch r.AgencyCode {
			case code:
				if r.Answered != 43 || r.Passed != 43 || r.Version == 0 || r.Agency.Name != "สำนักงานปลัดกระทรวงพลังงาน" {
					t.Errorf("สป.พน. row = %+v", r)
				}
			case "1001":
				if r.Answered != 3 || r.Status != oit.StatusDraft {
					t.Errorf("ชธ. row = %+v", r)
				}
			}
		}

		approved, err := e.s.FindOITQueue(e.ctx, oit.QueueFilter{FiscalYear: 2563, Groups: []int{agency.CentralGroup}, Statuses: []oit.Status{oit.StatusApproved}})
		must(t, err)
		if got := rows(approved); !slices.Equal(got, []string{code + ":approved"}) || approved.ByStatus[oit.StatusDraft] != 8 {
			t.Errorf("approved queue = %v, tabs %v", got, approved.ByStatus)
		}
		local, err := e.s.FindOITQueue(e.ctx, oit.QueueFilter{FiscalYear: 2563, Groups: []int{6}})
		must(t, err)
		if got := rows(local); !slices.Equal(got, []string{"6100101:draft"}) {
			t.Errorf("group 6 queue = %v", got)
		}
		none, err := e.s.FindOITQueue(e.ctx, oit.QueueFilter{FiscalYear: 2563, Groups: []int{}})
		must(t, err)
		if none.Total != 0 || len(none.Rows) != 0 {
			t.Errorf("queue of no groups = %+v", none)
		}
		everyone, err := e.s.FindOITQueue(e.ctx, oit.QueueFilter{FiscalYear: 2563, Limit: 4, Offset: 8})
		must(t, err)
		if everyone.Total != 10 || len(everyone.Rows) != 2 {
			t.Errorf("NACC queue page 3: %d rows of %d, want 2 of 10", len(everyone.Rows), everyone.Total)
		}

		sums, err := e.s.FindOITSummaries(e.ctx, 2563, []string{code, "1001", "1002"})
		must(t, err)
		if len(sums) != 2 || sums[code].Status != oit.StatusApproved || sums["1001"].Answered != 3 {
			t.Errorf("summaries = %+v", sums)
		}
	}},

	// ReplayAllOrNothing: a replay records every step as ApplyOIT would, or nothing when a
	// step fails.
	{"ReplayAllOrNothing", func(t *testing.T, e *env) {
		code := oitSetup(t, e)
		c, err := oit.ChecklistOf(2563)
		must(t, err)
		var steps []oit.Step
		for _, st := range oitHappyPath(c)[:len(c.ItemIDs)+1] { // answers and submit
			steps = append(steps, oit.Step{Cmd: st.cmd, By: st.by})
		}
		bad := append(steps[:2:2], oit.Step{Cmd: oit.Command{Action: oit.ActionSubmit}, By: oitAdmin}) // incomplete
		_, err = e.s.ReplayOIT(e.ctx, 2563, code, bad)
		wantCode(t, err, apperr.CodeInvalid)
		if rec, err := e.s.FindOIT(e.ctx, 2563, code); err != nil || rec.Version != 0 || oitAuditCount(t, e, code) != 0 {
			t.Fatalf("after a failed replay: version %d, %d audit entries, %v", rec.Version, oitAuditCount(t, e, code), err)
		}
		rec, err := e.s.ReplayOIT(e.ctx, 2563, code, steps)
		must(t, err)
		if rec.Status != oit.StatusSubmitted || rec.Version != len(steps) || oitAuditCount(t, e, code) != len(steps) {
			t.Fatalf("after replay: %s v%d, %d audit entries; want submitted v%d", rec.Status, rec.Version, oitAuditCount(t, e, code), len(steps))
		}
	}},
}

package oit

import (
	"slices"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

var t0 = time.Date(2020, 5, 1, 9, 0, 0, 0, time.UTC)

func checklist(t *testing.T, year int) *Checklist {
	t.Helper()
	c, err := ChecklistOf(year)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

var (
	admin    = Actor{"a1500100", account.RoleAgencyAdmin}
	exec     = Actor{"t1500100", account.RoleAgencyExecutive}
	assessor = Actor{"assessor", account.RoleAssessor}
)

func actorOf(r account.Role) Actor { return Actor{Username: "u-" + string(r), Role: r} }

func yes(id string) Answer {
	return Answer{Disclosure: Yes, URLs: []string{"https://energy.go.th/ita/" + id}}
}

// must applies cmd and fails the test on error.
func must(t *testing.T, r *Record, c *Checklist, by Actor, cmd Command) {
	t.Helper()
	if cmd.Base == 0 {
		cmd.Base = r.Version
	}
	if err := r.Apply(c, by, cmd, t0); err != nil {
		t.Fatalf("%s %s as %s: %v", cmd.Action, cmd.ItemID, by.Role, err)
	}
}

// recordAt walks the happy path until the record reaches status s; in StatusReleased the
// first item has a reply, and in StatusReturned the first item failed.
func recordAt(t *testing.T, c *Checklist, s Status) Record {
	t.Helper()
	r := NewRecord(2563, "1500100")
	if s == StatusDraft {
		return r
	}
	for _, id := range c.ItemIDs {
		must(t, &r, c, admin, Command{Action: ActionSave, ItemID: id, Answer: yes(id)})
	}
	must(t, &r, c, admin, Command{Action: ActionSubmit})
	if s == StatusSubmitted {
		return r
	}
	if s == StatusReturned {
		must(t, &r, c, exec, Command{Action: ActionReview, ItemID: c.ItemIDs[0], Verdict: Fail, Comment: "ไม่มีแผนผัง"})
		must(t, &r, c, exec, Command{Action: ActionReject})
		return r
	}
	for _, id := range c.ItemIDs {
		must(t, &r, c, exec, Command{Action: ActionReview, ItemID: id, Verdict: Pass})
	}
	must(t, &r, c, exec, Command{Action: ActionApprove})
	if s == StatusApproved {
		return r
	}
	for i, id := range c.ItemIDs {
		cmd := Command{Action: ActionScore, ItemID: id, Score: c.MaxScore(), Components: []int{0}}
		if i == 0 {
			cmd.Score, cmd.Comment = 0, "ไม่มีช่องทางติดต่อผู้บริหาร"
		}
		must(t, &r, c, assessor, cmd)
	}
	must(t, &r, c, assessor, Command{Action: ActionRelease})
	must(t, &r, c, admin, Command{Action: ActionReply, ItemID: c.ItemIDs[0], Text: "เพิ่มแล้ว", URL: "https://energy.go.th/exec"})
	if s == StatusReleased {
		return r
	}
	must(t, &r, c, assessor, Command{Action: ActionDecide, ItemID: c.ItemIDs[0], Score: c.MaxScore(), Comment: "ครบถ้วน"})
	must(t, &r, c, assessor, Command{Action: ActionConfirm})
	if r.Status != s {
		t.Fatalf("walked to %s, want %s", r.Status, s)
	}
	return r
}

// legalCommand returns a command for action a that the rules accept on a record in status s
// (one the happy path would take there).
func legalCommand(c *Checklist, r Record, a Action) Command {
	first := c.ItemIDs[0]
	cmd := Command{Action: a, Base: r.Version}
	switch a {
	case ActionSave:
		cmd.ItemID, cmd.Answer = first, yes(first)
	case ActionReview:
		cmd.ItemID, cmd.Verdict = first, Pass
	case ActionScore:
		cmd.ItemID, cmd.Score = first, c.MaxScore()
	case ActionReply:
		cmd.ItemID, cmd.Text = first, "ชี้แจง"
	case ActionDecide:
		cmd.ItemID, cmd.Score, cmd.Comment = first, c.MaxScore(), "รับฟัง"
	}
	return cmd
}

// TestTransitionTable walks every status × action × role: a role the table does not name is
// Forbidden, a status the action does not start from is Conflict, and a legal step succeeds
// with the next version and the table's next status. Where the happy path's record cannot
// take a legal command (approve needs every item passed), the rule's own error is Invalid —
// never Forbidden or Conflict.
func TestTransitionTable(t *testing.T) {
	c := checklist(t, 2563)
	for _, s := range Statuses {
		base := recordAt(t, c, s)
		for _, tr := range Transitions {
			for _, role := range account.Roles {
				t.Run(string(s)+"/"+string(tr.Action)+"/"+string(role), func(t *testing.T) {
					r := base.clone()
					cmd := legalCommand(c, r, tr.Action)
					err := r.Apply(c, actorOf(role), cmd, t0)
					switch {
					case !tr.Allows(role):
						if apperr.CodeOf(err) != apperr.CodeForbidden {
							t.Fatalf("err = %v, want Forbidden", err)
						}
					case !tr.StartsIn(s):
						if apperr.CodeOf(err) != apperr.CodeConflict {
							t.Fatalf("err = %v, want Conflict", err)
						}
					case err != nil:
						if apperr.CodeOf(err) != apperr.CodeInvalid {
							t.Fatalf("legal step failed with %v, want success or a rule's Invalid", err)
						}
					default:
						if r.Version != base.Version+1 || r.Status != tr.Next(s) {
							t.Fatalf("after %s: version %d status %s, want %d %s", tr.Action, r.Version, r.Status, base.Version+1, tr.Next(s))
						}
					}
					if err != nil && (r.Version != base.Version || r.Status != base.Status) {
						t.Fatalf("a refused %s changed the record", tr.Action)
					}
				})
			}
		}
	}
}

// TestTableMatchesPolicy keeps the workflow's roles in step with the account policy: the
// admin submits agency data, the executive approves it, assessors and NACC score OIT.
func TestTableMatchesPolicy(t *testing.T) {
	perm := map[Action]account.Action{
		ActionSave: account.ActionSubmitAgencyData, ActionSubmit: account.ActionSubmitAgencyData, ActionReply: account.ActionSubmitAgencyData,
		ActionReview: account.ActionApproveAgencyData, ActionReject: account.ActionApproveAgencyData, ActionApprove: account.ActionApproveAgencyData,
		ActionScore: account.ActionScoreOIT, ActionRelease: account.ActionScoreOIT, ActionDecide: account.ActionScoreOIT, ActionConfirm: account.ActionScoreOIT,
	}
	for _, tr := range Transitions {
		for _, role := range account.Roles {
			want := account.Allowed(account.Account{Role: role}, perm[tr.Action])
			if got := tr.Allows(role); got != want {
				t.Errorf("%s by %s: table %v, policy %v", tr.Action, role, got, want)
			}
		}
		if len(tr.Phases) == 0 {
			t.Errorf("%s has no phase", tr.Action)
		}
	}
}

func TestStaleVersion(t *testing.T) {
	c := checklist(t, 2563)
	r := NewRecord(2570, "1500100")
	must(t, &r, c, admin, Command{Action: ActionSave, ItemID: "o1", Answer: yes("o1")}) // v1
	seen := r.Version
	must(t, &r, c, admin, Command{Action: ActionSave, ItemID: "o2", Answer: yes("o2")}) // v2, another tab

	t.Run("OtherItemFromOlderPage", func(t *testing.T) {
		x := r.clone()
		if err := x.Apply(c, admin, Command{Action: ActionSave, Base: seen, ItemID: "o3", Answer: yes("o3")}, t0); err != nil {
			t.Fatalf("saving an untouched item from an older page: %v", err)
		}
	})
	t.Run("SameItemChangedMeanwhile", func(t *testing.T) {
		x := r.clone()
		err := x.Apply(c, admin, Command{Action: ActionSave, Base: seen - 1, ItemID: "o1", Answer: yes("o1")}, t0)
		if apperr.CodeOf(err) != apperr.CodeConflict {
			t.Fatalf("err = %v, want Conflict", err)
		}
	})
	t.Run("VersionFromTheFuture", func(t *testing.T) {
		x := r.clone()
		err := x.Apply(c, admin, Command{Action: ActionSave, Base: r.Version + 5, ItemID: "o4", Answer: yes("o4")}, t0)
		if apperr.CodeOf(err) != apperr.CodeConflict {
			t.Fatalf("err = %v, want Conflict", err)
		}
	})
	t.Run("SubmitFromOlderPage", func(t *testing.T) {
		x := recordAt(t, c, StatusSubmitted)
		x.Status = StatusDraft
		err := x.Apply(c, admin, Command{Action: ActionSubmit, Base: x.Version - 1}, t0)
		if apperr.CodeOf(err) != apperr.CodeConflict {
			t.Fatalf("err = %v, want Conflict", err)
		}
	})
}

func TestRules(t *testing.T) {
	c := checklist(t, 2563)
	c68 := checklist(t, 2568)
	tests := []struct {
		name   string
		c      *Checklist
		status Status
		by     Actor
		cmd    Command
		field  string // "" means an Invalid without fields
	}{
		{"SubmitIncomplete", c, StatusDraft, admin, Command{Action: ActionSubmit}, ""},
		{"SaveUnknownDisclosure", c, StatusDraft, admin, Command{Action: ActionSave, ItemID: "o1", Answer: Answer{Disclosure: "maybe"}}, FieldDisclosure},
		{"SaveYesWithoutURL", c, StatusDraft, admin, Command{Action: ActionSave, ItemID: "o1", Answer: Answer{Disclosure: Yes}}, FieldURLs},
		{"SaveFTP", c, StatusDraft, admin, Command{Action: ActionSave, ItemID: "o1", Answer: Answer{Disclosure: Yes, URLs: []string{"ftp://energy.go.th/x"}}}, FieldURLs},
		{"SaveCannotWithoutReason", c, StatusDraft, admin, Command{Action: ActionSave, ItemID: "o1", Answer: Answer{Disclosure: CannotDisclose}}, FieldReason},
		{"ReviewFailWithoutComment", c, StatusSubmitted, exec, Command{Action: ActionReview, ItemID: "o1", Verdict: Fail}, FieldComment},
		{"ReviewNoVerdict", c, StatusSubmitted, exec, Command{Action: ActionReview, ItemID: "o1"}, FieldVerdict},
		{"RejectNothingFailed", c, StatusSubmitted, exec, Command{Action: ActionReject}, ""},
		{"ApproveNotAllPassed", c, StatusSubmitted, exec, Command{Action: ActionApprove}, ""},
		{"Score50In2563", c, StatusApproved, assessor, Command{Action: ActionScore, ItemID: "o1", Score: 50, Comment: "ครึ่งเดียว"}, FieldScore},
		{"ScoreZeroWithoutComment", c, StatusApproved, assessor, Command{Action: ActionScore, ItemID: "o1", Score: 0}, FieldComment},
		{"ScoreUnknownComponent", c, StatusApproved, assessor, Command{Action: ActionScore, ItemID: "o1", Score: 100, Components: []int{2}}, FieldComponents},
		{"ReleaseUnscored", c, StatusApproved, assessor, Command{Action: ActionRelease}, ""},
		{"ReplyFullMarks", c, StatusReleased, admin, Command{Action: ActionReply, ItemID: "o2", Text: "ขอชี้แจง"}, ""},
		{"ReplyWithoutText", c, StatusReleased, admin, Command{Action: ActionReply, ItemID: "o1"}, FieldText},
		{"DecideWithoutReply", c, StatusReleased, assessor, Command{Action: ActionDecide, ItemID: "o2", Score: 100, Comment: "ok"}, ""},
		{"DecideWithoutComment", c, StatusReleased, assessor, Command{Action: ActionDecide, ItemID: "o1", Score: 100}, FieldComment},
		{"Score2568Of75", c68, StatusApproved, assessor, Command{Action: ActionScore, ItemID: "o1", Score: 75, Comment: "x"}, FieldScore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := recordAt(t, tt.c, tt.status)
			tt.cmd.Base = r.Version
			err := r.Apply(tt.c, tt.by, tt.cmd, t0)
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Fatalf("err = %v, want Invalid", err)
			}
			if tt.field != "" {
				if _, ok := apperr.FieldsOf(err)[tt.field]; !ok {
					t.Fatalf("fields = %v, want a message for %q", apperr.FieldsOf(err), tt.field)
				}
			}
		})
	}
	t.Run("Score50In2568", func(t *testing.T) {
		r := recordAt(t, c68, StatusApproved)
		must(t, &r, c68, assessor, Command{Action: ActionScore, ItemID: "o1", Score: 50, Comment: "ขาดบางองค์ประกอบ", Components: []int{0, 0}})
		if got := r.Item("o1").Assessment.Components; !slices.Equal(got, []int{0}) {
			t.Errorf("components = %v, want [0] (once each)", got)
		}
	})
	t.Run("UnknownItem", func(t *testing.T) {
		r := NewRecord(2563, "1500100")
		err := r.Apply(c, admin, Command{Action: ActionSave, ItemID: "o44", Answer: yes("o44")}, t0)
		if apperr.CodeOf(err) != apperr.CodeNotFound {
			t.Fatalf("err = %v, want NotFound", err)
		}
	})
}

// TestReturnedAndResubmitted follows ไม่อนุมัติ: the failed item stays marked until the admin
// fixes it, passed items keep their verdict, and the executive approves after checking the
// fixed item.
func TestReturnedAndResubmitted(t *testing.T) {
	c := checklist(t, 2563)
	r := recordAt(t, c, StatusSubmitted)
	for _, id := range c.ItemIDs[1:] {
		must(t, &r, c, exec, Command{Action: ActionReview, ItemID: id, Verdict: Pass})
	}
	must(t, &r, c, exec, Command{Action: ActionReview, ItemID: "o1", Verdict: Fail, Comment: "แผนผังไม่ครบ"})
	must(t, &r, c, exec, Command{Action: ActionReject})
	if r.Status != StatusReturned || r.Status.Tracking() != TrackingDraft || r.Status.Submitted() {
		t.Fatalf("after reject: %s (%s)", r.Status, r.Status.Tracking())
	}
	if got := r.Counts(); got.Failed != 1 || got.Passed != c.Total()-1 {
		t.Fatalf("counts after reject = %+v", got)
	}
	must(t, &r, c, admin, Command{Action: ActionSave, ItemID: "o1", Answer: yes("o1-new")})
	if v := r.Item("o1").Review.Verdict; v != "" {
		t.Fatalf("fixed item keeps verdict %q", v)
	}
	must(t, &r, c, admin, Command{Action: ActionSubmit})
	must(t, &r, c, exec, Command{Action: ActionReview, ItemID: "o1", Verdict: Pass})
	must(t, &r, c, exec, Command{Action: ActionApprove})
	if !r.Status.Approved() || r.ApprovedAt.IsZero() {
		t.Fatalf("status %s, approved at %v", r.Status, r.ApprovedAt)
	}
}

// TestScores follows seed 000's สป.พน. 2563: six items failed, one reply accepted.
func TestScores(t *testing.T) {
	c := checklist(t, 2563)
	r := recordAt(t, c, StatusApproved)
	failing := []string{"o2", "o8", "o9", "o17", "o38", "o43", "o5"}
	for _, id := range c.ItemIDs {
		cmd := Command{Action: ActionScore, ItemID: id, Score: 100}
		if slices.Contains(failing, id) {
			cmd.Score, cmd.Comment = 0, "ไม่ครบองค์ประกอบ"
		}
		must(t, &r, c, assessor, cmd)
	}
	if r.Scores() != nil {
		t.Fatal("scores before confirmation")
	}
	must(t, &r, c, assessor, Command{Action: ActionRelease})
	must(t, &r, c, admin, Command{Action: ActionReply, ItemID: "o5", Text: "มีแผนที่ตั้งแล้วที่หน้าติดต่อเรา", URL: "https://energy.go.th/contact"})
	err := r.Apply(c, assessor, Command{Action: ActionConfirm, Base: r.Version}, t0)
	if apperr.CodeOf(err) != apperr.CodeInvalid {
		t.Fatalf("confirm with an open reply: %v, want Invalid", err)
	}
	must(t, &r, c, assessor, Command{Action: ActionDecide, ItemID: "o5", Score: 100, Comment: "พบข้อมูลครบถ้วน"})
	must(t, &r, c, assessor, Command{Action: ActionConfirm})
	got := r.Scores()
	if len(got) != 43 {
		t.Fatalf("%d scores, want 43", len(got))
	}
	zeros := 0
	for id, s := range got {
		if s == 0 {
			zeros++
			if !slices.Contains(failing, id) || id == "o5" {
				t.Errorf("%s = 0", id)
			}
		}
	}
	if zeros != 6 || got["o5"] != 100 {
		t.Errorf("%d zeros, o5 = %v; want 6 and 100", zeros, got["o5"])
	}
}

// TestReplyAgainNeedsNewDecision: a second reply reopens the decision.
func TestReplyAgainNeedsNewDecision(t *testing.T) {
	c := checklist(t, 2563)
	r := recordAt(t, c, StatusReleased)
	must(t, &r, c, assessor, Command{Action: ActionDecide, ItemID: "o1", Score: 0, Comment: "ยังไม่พบ"})
	must(t, &r, c, admin, Command{Action: ActionReply, ItemID: "o1", Text: "เพิ่มอีกหน้า", URL: "https://energy.go.th/exec2"})
	if r.Item("o1").Decision.Decided {
		t.Fatal("decision kept after a new reply")
	}
	if c := r.Counts(); c.Replied != 1 || c.Decided != 0 {
		t.Fatalf("counts = %+v", c)
	}
}

package oit

import (
	"fmt"
	"slices"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
)

// Action is one step of the workflow.
type Action string

// The actions, in the order of the workflow.
const (
	ActionSave    Action = "save"    // the admin saves one item's answer (a draft)
	ActionSubmit  Action = "submit"  // the admin asks for approval (ยื่นขออนุมัติ)
	ActionReview  Action = "review"  // the executive passes or fails one item (ผ่าน / ไม่ผ่าน)
	ActionReject  Action = "reject"  // the executive sends the answers back (ไม่อนุมัติ)
	ActionApprove Action = "approve" // the executive confirms the check (ยืนยันการตรวจ)
	ActionScore   Action = "score"   // an assessor scores one item
	ActionRelease Action = "release" // an assessor releases the scores for clarification
	ActionReply   Action = "reply"   // the admin replies to one disputed item (ชี้แจงเพิ่มเติม)
	ActionDecide  Action = "decide"  // an assessor decides on one reply
	ActionConfirm Action = "confirm" // an assessor confirms the final scores
)

// Transition is one row of the workflow's table: who may take an action, in which statuses,
// what status follows, and in which phases of the year. The store does not look at phases
// (the demo and the tests replay past years); the web layer refuses an action outside them.
type Transition struct {
	Action Action
	// OnItem reports whether the action concerns one item (Command.ItemID).
	OnItem bool
	From   []Status
	// To is the status after the action; "" leaves it unchanged.
	To     Status
	Roles  []account.Role
	Phases []assessment.Phase
}

var (
	agencyAdmin = []account.Role{account.RoleAgencyAdmin}
	executive   = []account.Role{account.RoleAgencyExecutive}
	assessors   = []account.Role{account.RoleAssessor, account.RoleCentralAdmin}
	editable    = []Status{StatusDraft, StatusReturned}
)

// Transitions is the whole workflow. The phases are the manual's: the agency answers and the
// executive approves in the answering phase, and nothing changes after it (ข้อควรระวัง #2);
// assessors score in the review phase; the agency replies in the clarification phase.
// Deciding on replies and confirming the final scores are allowed in the clarification phase
// (seed 000's step 2.6 puts the confirmation in the same window as the replies) and in the
// processing phase, so that replies that arrive on the last day can still be read before
// the scores are processed. Once the scores are confirmed the agency can no longer reply.
var Transitions = []Transition{
	{ActionSave, true, editable, "", agencyAdmin, []assessment.Phase{assessment.PhaseOITAnswering}},
	{ActionSubmit, false, editable, StatusSubmitted, agencyAdmin, []assessment.Phase{assessment.PhaseOITAnswering}},
	{ActionReview, true, []Status{StatusSubmitted}, "", executive, []assessment.Phase{assessment.PhaseOITAnswering}},
	{ActionReject, false, []Status{StatusSubmitted}, StatusReturned, executive, []assessment.Phase{assessment.PhaseOITAnswering}},
	{ActionApprove, false, []Status{StatusSubmitted}, StatusApproved, executive, []assessment.Phase{assessment.PhaseOITAnswering}},
	{ActionScore, true, []Status{StatusApproved}, "", assessors, []assessment.Phase{assessment.PhaseOITReview}},
	{ActionRelease, false, []Status{StatusApproved}, StatusReleased, assessors, []assessment.Phase{assessment.PhaseOITReview}},
	{ActionReply, true, []Status{StatusReleased}, "", agencyAdmin, []assessment.Phase{assessment.PhaseClarification}},
	{ActionDecide, true, []Status{StatusReleased}, "", assessors, []assessment.Phase{assessment.PhaseClarification, assessment.PhaseProcessing}},
	{ActionConfirm, false, []Status{StatusReleased}, StatusFinal, assessors, []assessment.Phase{assessment.PhaseClarification, assessment.PhaseProcessing}},
}

// TransitionOf returns the row of action a, and whether there is one.
func TransitionOf(a Action) (Transition, bool) {
	for _, t := range Transitions {
		if t.Action == a {
			return t, true
		}
	}
	return Transition{}, false
}

// Allows reports whether role may take the action.
func (t Transition) Allows(role account.Role) bool { return slices.Contains(t.Roles, role) }

// StartsIn reports whether the action may start in status s.
func (t Transition) StartsIn(s Status) bool { return slices.Contains(t.From, s) }

// Next returns the status after the action taken in status s.
func (t Transition) Next(s Status) Status {
	if t.To == "" {
		return s
	}
	return t.To
}

// Step is one command and who takes it (the audit template naming the account, its role and
// address), for replaying a record's history in one go (the demo, a past year's import).
type Step struct {
	Cmd Command
	By  audit.Entry
}

// Actor is who takes an action.
type Actor struct {
	Username string
	Role     account.Role
}

// Command is one action with what it carries. Base is the record version the actor's page
// showed: an item action fails with Conflict if the item changed after it, a whole-record
// action if anything did.
type Command struct {
	Action Action
	Base   int
	ItemID string
	// Answer is the answer saved (ActionSave).
	Answer Answer
	// Verdict is the executive's check (ActionReview).
	Verdict Verdict
	// Comment goes with a verdict, a score or a decision.
	Comment string
	// Components are the indexes of the data components found (ActionScore).
	Components []int
	// Score is the score given (ActionScore, ActionDecide).
	Score float64
	// Text and URL are the agency's reply (ActionReply).
	Text string
	URL  string
}

// Apply takes the command on r for the actor at time now, checking the transition table, the
// version the actor saw and the action's rules against the checklist c. On success the record
// has its next version, status and times; on error it is unchanged. Errors: Forbidden for a
// role the table does not allow; Conflict for a status the action cannot start from or a
// stale version; NotFound for an item not in the checklist; Invalid for a rule broken, with
// Thai messages per field.
func (r *Record) Apply(c *Checklist, by Actor, cmd Command, now time.Time) error {
	t, ok := TransitionOf(cmd.Action)
	if !ok {
		return apperr.Invalid("ไม่รู้จักการดำเนินการนี้", fmt.Sprintf("Unknown OIT action %q", cmd.Action))
	}
	if !t.Allows(by.Role) {
		return apperr.Forbidden("บทบาทของท่านไม่สามารถ"+actionNames[t.Action][0]+"ได้",
			"Your role may not "+actionNames[t.Action][1])
	}
	if !t.StartsIn(r.Status) {
		return apperr.Conflict(
			fmt.Sprintf("แบบ OIT อยู่ในสถานะ%s จึง%sไม่ได้", statusNames[r.Status][0], actionNames[t.Action][0]),
			fmt.Sprintf("The OIT answers are %s: you cannot %s now", statusNames[r.Status][1], actionNames[t.Action][1]))
	}
	next := r.clone()
	if t.OnItem {
		if _, ok := c.Item(cmd.ItemID); !ok {
			return apperr.NotFound(fmt.Sprintf("ไม่พบข้อ %s ในแบบ OIT ของปีนี้", cmd.ItemID),
				fmt.Sprintf("No OIT item %q in this year's framework", cmd.ItemID))
		}
		if it := r.Item(cmd.ItemID); it.Version > cmd.Base || cmd.Base > r.Version {
			return staleItem(cmd.ItemID)
		}
	} else if cmd.Base != r.Version {
		return staleRecord()
	}
	if err := rules[t.Action](&next, c, by, cmd, now); err != nil {
		return err
	}
	next.Version = r.Version + 1
	next.Status = t.Next(r.Status)
	next.UpdatedAt = now
	if t.OnItem {
		it := next.Item(cmd.ItemID)
		it.Version = next.Version
		next.Items[cmd.ItemID] = it
	}
	*r = next
	return nil
}

func staleItem(id string) error {
	return apperr.Conflict(
		fmt.Sprintf("ข้อ %s ถูกแก้ไขจากหน้าต่างหรือผู้ใช้อื่นหลังจากที่ท่านเปิดหน้านี้ กรุณาโหลดหน้าใหม่เพื่อดูข้อมูลล่าสุดแล้วดำเนินการอีกครั้ง", id),
		fmt.Sprintf("Item %s was changed in another window after you opened this page; reload it and try again", id))
}

func staleRecord() error {
	return apperr.Conflict(
		"แบบ OIT ถูกแก้ไขจากหน้าต่างหรือผู้ใช้อื่นหลังจากที่ท่านเปิดหน้านี้ กรุณาโหลดหน้าใหม่เพื่อดูข้อมูลล่าสุดแล้วดำเนินการอีกครั้ง",
		"The OIT answers were changed in another window after you opened this page; reload it and try again")
}

var actionNames = map[Action][2]string{
	ActionSave:    {"บันทึกคำตอบ", "save answers"},
	ActionSubmit:  {"ยื่นขออนุมัติ", "submit the answers for approval"},
	ActionReview:  {"ตรวจคำตอบ", "check answers"},
	ActionReject:  {"ไม่อนุมัติ", "return the answers"},
	ActionApprove: {"ยืนยันการตรวจ", "approve the answers"},
	ActionScore:   {"ให้คะแนน", "score items"},
	ActionRelease: {"ส่งผลการตรวจให้หน่วยงานชี้แจง", "release the scores for clarification"},
	ActionReply:   {"ชี้แจงเพิ่มเติม", "reply to the scores"},
	ActionDecide:  {"พิจารณาคำชี้แจง", "decide on replies"},
	ActionConfirm: {"ยืนยันผลคะแนน", "confirm the final scores"},
}

var statusNames = map[Status][2]string{
	StatusDraft:     {"แบบร่าง", "a draft"},
	StatusReturned:  {"แบบร่าง (ผู้บริหารส่งกลับให้แก้ไข)", "a draft returned by the executive"},
	StatusSubmitted: {"ส่งแบบแล้ว (รอผู้บริหารตรวจ)", "submitted to the executive"},
	StatusApproved:  {"อนุมัติแล้ว (อยู่ระหว่างการตรวจให้คะแนน)", "approved and being scored"},
	StatusReleased:  {"ส่งผลการตรวจให้หน่วยงานชี้แจงแล้ว", "released for clarification"},
	StatusFinal:     {"ยืนยันผลคะแนนแล้ว", "final"},
}

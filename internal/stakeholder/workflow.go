package stakeholder

import (
	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

// Status is where a record stands in the approval cycle.
type Status string

// The statuses.
const (
	// Draft: being entered by the agency admin; never submitted.
	Draft Status = "draft"
	// Submitted: the admin asked for approval (ยื่นขออนุมัติ); waiting for the executive.
	Submitted Status = "submitted"
	// Approved: the executive approved it (อนุมัติ); locked for the rest of the year.
	Approved Status = "approved"
	// Returned: the executive sent it back with a reason (ตีกลับ); the admin edits and
	// submits again.
	Returned Status = "returned"
)

// Statuses lists every status in the order of the cycle.
var Statuses = []Status{Draft, Submitted, Approved, Returned}

var statusNames = map[Status][2]string{
	Draft:     {"แบบร่าง", "Draft"},
	Submitted: {"ยื่นขออนุมัติแล้ว รอผู้บริหารตรวจสอบ", "Submitted, waiting for the executive"},
	Approved:  {"ผู้บริหารอนุมัติแล้ว", "Approved"},
	Returned:  {"ผู้บริหารตีกลับให้แก้ไข", "Returned for changes"},
}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { _, ok := statusNames[s]; return ok }

// Name returns the Thai name of s, or s itself if it is unknown.
func (s Status) Name() string {
	if n, ok := statusNames[s]; ok {
		return n[0]
	}
	return string(s)
}

// NameEN returns the English name of s, or s itself if it is unknown.
func (s Status) NameEN() string {
	if n, ok := statusNames[s]; ok {
		return n[1]
	}
	return string(s)
}

// Editable reports whether the admin may change data in status s.
func (s Status) Editable() bool {
	_, err := Next(s, ActionEdit, account.RoleAgencyAdmin)
	return err == nil
}

// Action is something done to stakeholder data.
type Action string

// The actions.
const (
	ActionEdit    Action = "edit"    // change the count or the sample list
	ActionSubmit  Action = "submit"  // ยื่นขออนุมัติ
	ActionApprove Action = "approve" // อนุมัติ
	ActionReturn  Action = "return"  // ตีกลับ, with a reason
)

// Actions lists every action.
var Actions = []Action{ActionEdit, ActionSubmit, ActionApprove, ActionReturn}

// ParseAction returns the action named s and reports whether there is one.
func ParseAction(s string) (Action, bool) {
	for _, a := range Actions {
		if string(a) == s {
			return a, true
		}
	}
	return "", false
}

// Transition is one legal step of the cycle: in status From, role Role may take Action, and
// the record is then in status To.
type Transition struct {
	From   Status
	Action Action
	Role   account.Role
	To     Status
}

// transitions is the whole approval cycle of manual 6.2 ข้อ 2, the same for internal and
// external data. Whatever is not here is refused. Editing a returned record keeps it Returned,
// so that the executive's reason stays in sight until the admin submits again.
var transitions = []Transition{
	{Draft, ActionEdit, account.RoleAgencyAdmin, Draft},
	{Returned, ActionEdit, account.RoleAgencyAdmin, Returned},
	{Draft, ActionSubmit, account.RoleAgencyAdmin, Submitted},
	{Returned, ActionSubmit, account.RoleAgencyAdmin, Submitted},
	{Submitted, ActionApprove, account.RoleAgencyExecutive, Approved},
	{Submitted, ActionReturn, account.RoleAgencyExecutive, Returned},
}

// Transitions returns a copy of the cycle's legal steps, for tests that walk it.
func Transitions() []Transition { return append([]Transition(nil), transitions...) }

// Next returns the status a record in status from moves to when role takes action a.
//
// Errors: Forbidden when role never takes a (an executive editing, an admin approving);
// Conflict when role may take a but not in status from — above all, approved data is locked.
func Next(from Status, a Action, role account.Role) (Status, error) {
	if from == "" {
		from = Draft
	}
	roleMay := false
	for _, t := range transitions {
		if t.Action != a || t.Role != role {
			continue
		}
		roleMay = true
		if t.From == from {
			return t.To, nil
		}
	}
	if !roleMay {
		return from, forbidden(a)
	}
	return from, conflict(from, a)
}

// forbidden is the refusal of an action to a role that never takes it.
func forbidden(a Action) error {
	switch a {
	case ActionApprove, ActionReturn:
		return apperr.Forbidden("เฉพาะผู้บริหารของหน่วยงานเท่านั้นที่อนุมัติหรือตีกลับข้อมูลผู้มีส่วนได้ส่วนเสียได้",
			"Only the agency's executive may approve or return stakeholder data")
	default:
		return apperr.Forbidden("เฉพาะผู้ดูแลระบบของหน่วยงานเท่านั้นที่กรอก แก้ไข และยื่นขออนุมัติข้อมูลผู้มีส่วนได้ส่วนเสียได้",
			"Only the agency's administrator may enter, change and submit stakeholder data")
	}
}

// conflict is the refusal of an action the record's status does not allow.
func conflict(from Status, a Action) error {
	switch {
	case from == Approved:
		return apperr.Conflict("ข้อมูลนี้ผู้บริหารอนุมัติแล้วจึงถูกล็อก ไม่สามารถแก้ไขหรือดำเนินการซ้ำได้",
			"This data is approved and locked")
	case from == Submitted:
		return apperr.Conflict("ข้อมูลนี้ยื่นขออนุมัติแล้ว อยู่ระหว่างรอผู้บริหารตรวจสอบ แก้ไขได้อีกครั้งเมื่อผู้บริหารตีกลับ",
			"This data is waiting for the executive; it can change again only if it is returned")
	case a == ActionApprove || a == ActionReturn:
		return apperr.Conflict("ข้อมูลนี้ยังไม่ได้ยื่นขออนุมัติ ผู้บริหารจึงยังอนุมัติหรือตีกลับไม่ได้",
			"This data has not been submitted yet")
	}
	return apperr.Conflict("", "")
}

// Package oit is the workflow of the OIT disclosure checklist (manual 2563, 2.4 and 6.5;
// seed 000's calendar steps 2.4–2.6): an agency's admin answers every item of the year's
// framework (มี with URLs on the agency's main website, ไม่มี, or cannot disclose with a legal
// reason), the executive checks the answers item by item and approves them or sends them back,
// assessors score each item against its data components, release the scores to the agency
// for clarification, review the agency's replies and confirm the final scores, which feed the
// scoring engine.
//
// The package is pure: Record.Apply checks a Command against the transition table (who may
// do it, from which state) and the item rules, and changes the record in memory. The store
// persists the result with an audit entry; the web layer checks the phase of the year
// (Transition.Phases) before it asks the store.
package oit

// Status is where an agency's OIT answers stand in the year.
type Status string

// The statuses, in the order of the workflow.
const (
	// StatusDraft: the admin is answering (แบบร่าง). A record that was never saved is a draft.
	StatusDraft Status = "draft"
	// StatusReturned: the executive did not approve (ไม่อนุมัติ) and sent the answers back with
	// the failed items marked; the admin answers again. Tracking shows it as แบบร่าง.
	StatusReturned Status = "returned"
	// StatusSubmitted: the admin asked for approval (ยื่นขออนุมัติ); the executive reviews the
	// answers item by item (ส่งแบบแล้ว).
	StatusSubmitted Status = "submitted"
	// StatusApproved: the executive confirmed the check (ยืนยันการตรวจ); the answers are with the
	// assessors, who score them (อนุมัติแล้ว).
	StatusApproved Status = "approved"
	// StatusReleased: the assessors released their scores to the agency for clarification
	// (การชี้แจงเพิ่มเติม); the agency may reply to the items it disputes.
	StatusReleased Status = "released"
	// StatusFinal: the assessors confirmed the final scores (ยืนยันผล).
	StatusFinal Status = "final"
)

// Statuses lists every status in the order of the workflow.
var Statuses = []Status{StatusDraft, StatusReturned, StatusSubmitted, StatusApproved, StatusReleased, StatusFinal}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	for _, x := range Statuses {
		if x == s {
			return true
		}
	}
	return false
}

// Tracking is the status the manual's tracking screen shows (6.6): แบบร่าง, ส่งแบบแล้ว or
// อนุมัติแล้ว.
type Tracking string

// The tracking statuses of the manual.
const (
	TrackingDraft     Tracking = "draft"     // แบบร่าง
	TrackingSubmitted Tracking = "submitted" // ส่งแบบแล้ว
	TrackingApproved  Tracking = "approved"  // อนุมัติแล้ว
)

// Tracking returns the manual's tracking status of s: a returned record is a draft again,
// and everything from the executive's approval on is approved.
func (s Status) Tracking() Tracking {
	switch s {
	case StatusSubmitted:
		return TrackingSubmitted
	case StatusApproved, StatusReleased, StatusFinal:
		return TrackingApproved
	}
	return TrackingDraft
}

// Submitted reports whether the admin has sent the answers and they have not come back: the
// step "OIT submitted" of the agency's progress.
func (s Status) Submitted() bool { return s.Tracking() != TrackingDraft }

// Approved reports whether the executive has approved the answers: the step "OIT approved",
// without which the agency's result is unofficial (ข้อควรระวัง #5).
func (s Status) Approved() bool { return s.Tracking() == TrackingApproved }

// Editable reports whether the admin may change answers in status s.
func (s Status) Editable() bool { return s == StatusDraft || s == StatusReturned }

// Disclosure is the agency's answer to an item.
type Disclosure string

// The answers. The manual's form has มี and ไม่มี; ข้อควรระวัง #4 adds the case of an agency
// that cannot disclose for a legal or insurmountable reason, which it must explain.
const (
	Yes            Disclosure = "yes"    // มี: the page is on the website; URLs required
	No             Disclosure = "no"     // ไม่มี
	CannotDisclose Disclosure = "cannot" // ไม่สามารถเปิดเผยได้: a legal reason is required
)

// Disclosures lists the answers in the order the form offers them.
var Disclosures = []Disclosure{Yes, No, CannotDisclose}

// Valid reports whether d is one of Disclosures.
func (d Disclosure) Valid() bool { return d == Yes || d == No || d == CannotDisclose }

// Verdict is the executive's check of one answer.
type Verdict string

// The verdicts; the zero Verdict means not checked yet.
const (
	Pass Verdict = "pass" // ผ่าน
	Fail Verdict = "fail" // ไม่ผ่าน
)

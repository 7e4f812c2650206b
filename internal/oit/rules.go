package oit

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/openitas/itas/internal/apperr"
)

// rule checks one action against the record and applies it to next, a copy of the record;
// Apply sets the version, status and update time afterwards.
type rule func(next *Record, c *Checklist, by Actor, cmd Command, now time.Time) error

var rules = map[Action]rule{
	ActionSave:    save,
	ActionSubmit:  submit,
	ActionReview:  review,
	ActionReject:  reject,
	ActionApprove: approve,
	ActionScore:   score,
	ActionRelease: release,
	ActionReply:   reply,
	ActionDecide:  decide,
	ActionConfirm: confirm,
}

// save stores one answer. A changed answer loses the executive's verdict: it must be checked
// again, and a failed item stops being marked once it has been fixed.
func save(next *Record, _ *Checklist, by Actor, cmd Command, now time.Time) error {
	a := cmd.Answer.Normalize()
	if err := a.Validate(); err != nil {
		return err
	}
	it := next.Item(cmd.ItemID)
	it.Answer, it.SavedBy, it.SavedAt = a, by.Username, now
	it.Review = Review{}
	next.Items[cmd.ItemID] = it
	return nil
}

// submit needs every item answered.
func submit(next *Record, c *Checklist, _ Actor, _ Command, now time.Time) error {
	var missing []string
	for _, id := range c.ItemIDs {
		it := next.Item(id)
		if !it.Answered() || it.Answer.Validate() != nil {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return apperr.Invalid(
			fmt.Sprintf("ยังตอบไม่ครบทุกข้อ (ตอบแล้ว %d จาก %d ข้อ) ข้อที่ยังไม่ได้ตอบ: %s",
				c.Total()-len(missing), c.Total(), strings.Join(missing, ", ")),
			fmt.Sprintf("Answer every item first (%d of %d answered); missing: %s",
				c.Total()-len(missing), c.Total(), strings.Join(missing, ", ")))
	}
	next.SubmittedAt = now
	return nil
}

// review records the executive's verdict on one item; a failed item needs a comment that
// tells the admin what to fix.
func review(next *Record, _ *Checklist, by Actor, cmd Command, now time.Time) error {
	comment := strings.TrimSpace(cmd.Comment)
	f := map[string]string{}
	switch cmd.Verdict {
	case Pass:
	case Fail:
		if comment == "" {
			f[FieldComment] = "กรุณาระบุสิ่งที่ต้องแก้ไข เพื่อให้ผู้ดูแลระบบของหน่วยงานแก้ไขได้ถูกต้อง"
		}
	default:
		f[FieldVerdict] = "กรุณาเลือก ผ่าน หรือ ไม่ผ่าน"
	}
	checkLen(f, FieldComment, comment)
	if err := apperr.Check(f); err != nil {
		return err
	}
	it := next.Item(cmd.ItemID)
	it.Review = Review{Verdict: cmd.Verdict, Comment: comment, By: by.Username, At: now}
	next.Items[cmd.ItemID] = it
	return nil
}

// reject needs at least one failed item, so that the admin knows what to fix.
func reject(next *Record, c *Checklist, _ Actor, _ Command, _ time.Time) error {
	for _, id := range c.ItemIDs {
		if next.Item(id).Review.Verdict == Fail {
			return nil
		}
	}
	return apperr.Invalid("กรุณากด ไม่ผ่าน พร้อมระบุสิ่งที่ต้องแก้ไขอย่างน้อยหนึ่งข้อก่อนกด ไม่อนุมัติ",
		"Fail at least one item, saying what to fix, before returning the answers")
}

// approve needs every item passed (manual 6.5: ผ่าน in every item before ยืนยันการตรวจ).
func approve(next *Record, c *Checklist, _ Actor, _ Command, now time.Time) error {
	var notPassed []string
	for _, id := range c.ItemIDs {
		if next.Item(id).Review.Verdict != Pass {
			notPassed = append(notPassed, id)
		}
	}
	if len(notPassed) > 0 {
		return apperr.Invalid(
			fmt.Sprintf("ต้องตรวจและกด ผ่าน ให้ครบทุกข้อก่อนยืนยันการตรวจ ข้อที่ยังไม่ผ่าน: %s", strings.Join(notPassed, ", ")),
			fmt.Sprintf("Pass every item before approving; not passed: %s", strings.Join(notPassed, ", ")))
	}
	next.ApprovedAt = now
	return nil
}

// score records an assessor's score of one item: the components found, a score the
// framework allows and, below full marks, a comment that tells the agency why.
func score(next *Record, c *Checklist, by Actor, cmd Command, now time.Time) error {
	ref, _ := c.Item(cmd.ItemID)
	comment := strings.TrimSpace(cmd.Comment)
	f := map[string]string{}
	comps := slices.Clone(cmd.Components)
	slices.Sort(comps)
	comps = slices.Compact(comps)
	for _, i := range comps {
		if i < 0 || i >= len(ref.Item.Components) {
			f[FieldComponents] = fmt.Sprintf("ข้อ %s มีองค์ประกอบด้านข้อมูล %d รายการ", cmd.ItemID, len(ref.Item.Components))
		}
	}
	checkScore(f, c, cmd.Score)
	if cmd.Score < c.MaxScore() && comment == "" && f[FieldScore] == "" {
		f[FieldComment] = "กรุณาระบุเหตุผลที่ไม่ได้คะแนนเต็ม เพื่อให้หน่วยงานทราบและชี้แจงได้"
	}
	checkLen(f, FieldComment, comment)
	if err := apperr.Check(f); err != nil {
		return err
	}
	it := next.Item(cmd.ItemID)
	it.Assessment = Assessment{Scored: true, Components: comps, Score: cmd.Score, Comment: comment, By: by.Username, At: now}
	next.Items[cmd.ItemID] = it
	return nil
}

// release needs every item scored.
func release(next *Record, c *Checklist, _ Actor, _ Command, now time.Time) error {
	var missing []string
	for _, id := range c.ItemIDs {
		if !next.Item(id).Assessment.Scored {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return apperr.Invalid(
			fmt.Sprintf("ยังให้คะแนนไม่ครบทุกข้อ ข้อที่ยังไม่ได้ให้คะแนน: %s", strings.Join(missing, ", ")),
			fmt.Sprintf("Score every item first; not scored: %s", strings.Join(missing, ", ")))
	}
	next.ReleasedAt = now
	return nil
}

// reply records the agency's clarification of an item that did not get full marks. A new
// reply needs a new decision.
func reply(next *Record, c *Checklist, by Actor, cmd Command, now time.Time) error {
	it := next.Item(cmd.ItemID)
	if !it.Assessment.Scored || it.Assessment.Score >= c.MaxScore() {
		return apperr.Invalid("ข้อนี้ได้คะแนนเต็มแล้ว ไม่ต้องชี้แจงเพิ่มเติม", "This item has full marks; there is nothing to clarify")
	}
	text := strings.TrimSpace(cmd.Text)
	u := strings.TrimSpace(cmd.URL)
	f := map[string]string{}
	if text == "" {
		f[FieldText] = "กรุณาระบุคำชี้แจง"
	}
	checkLen(f, FieldText, text)
	if u != "" {
		if msg := CheckURL(u); msg != "" {
			f[FieldURL] = msg
		}
	}
	if err := apperr.Check(f); err != nil {
		return err
	}
	it.Reply = Reply{Text: text, URL: u, By: by.Username, At: now}
	it.Decision = Decision{}
	next.Items[cmd.ItemID] = it
	return nil
}

// decide records the assessor's decision on a reply: the score that stands and why.
func decide(next *Record, c *Checklist, by Actor, cmd Command, now time.Time) error {
	it := next.Item(cmd.ItemID)
	if !it.Reply.Replied() {
		return apperr.Invalid("หน่วยงานยังไม่ได้ชี้แจงข้อนี้", "The agency has not replied to this item")
	}
	comment := strings.TrimSpace(cmd.Comment)
	f := map[string]string{}
	checkScore(f, c, cmd.Score)
	if comment == "" {
		f[FieldComment] = "กรุณาระบุผลการพิจารณาคำชี้แจง"
	}
	checkLen(f, FieldComment, comment)
	if err := apperr.Check(f); err != nil {
		return err
	}
	it.Decision = Decision{Decided: true, Score: cmd.Score, Comment: comment, By: by.Username, At: now}
	next.Items[cmd.ItemID] = it
	return nil
}

// confirm needs a decision on every reply.
func confirm(next *Record, c *Checklist, _ Actor, _ Command, now time.Time) error {
	var open []string
	for _, id := range c.ItemIDs {
		if it := next.Item(id); it.Reply.Replied() && !it.Decision.Decided {
			open = append(open, id)
		}
	}
	if len(open) > 0 {
		return apperr.Invalid(
			fmt.Sprintf("ยังไม่ได้พิจารณาคำชี้แจงของหน่วยงานในข้อ %s", strings.Join(open, ", ")),
			fmt.Sprintf("Decide on the agency's replies first: %s", strings.Join(open, ", ")))
	}
	next.ConfirmedAt = now
	return nil
}

func checkScore(f map[string]string, c *Checklist, s float64) {
	if !c.ValidScore(s) {
		parts := make([]string, len(c.Scores()))
		for i, v := range c.Scores() {
			parts[i] = fmt.Sprint(v)
		}
		f[FieldScore] = "คะแนนต้องเป็น " + strings.Join(parts, " หรือ ")
	}
}

func checkLen(f map[string]string, field, s string) {
	if utf8.RuneCountInString(s) > MaxText && f[field] == "" {
		f[field] = fmt.Sprintf("ยาวได้ไม่เกิน %d ตัวอักษร", MaxText)
	}
}

package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/oit"
	"github.com/openitas/itas/internal/thaidate"
)

// oitStore is what the demo's oit data needs from the store.
type oitStore interface {
	ReplayOIT(ctx context.Context, fiscalYear int, code string, steps []oit.Step) (oit.Record, error)
}

// oitFailing2563 are the items seed 000 reports สป.พน. failing in 2563, with the fix the
// memo names as the assessor's comment: with them the engine reproduces its OIT 79.79.
var oitFailing2563 = map[string]string{
	"o2":  "ไม่พบช่องทางการติดต่อผู้บริหารโดยตรง ควรเพิ่มข้อมูลช่องทางติดต่อผู้บริหาร",
	"o8":  "ไม่พบช่องทางการสื่อสารสองทาง (Q&A) บนเว็บไซต์ของหน่วยงาน เช่น กล่องข้อความ Web board",
	"o9":  "Social Network ไม่ได้เชื่อมโยงกับหน้าเว็บไซต์หลักของหน่วยงาน",
	"o17": "ไม่พบช่องทางที่บุคคลภายนอกขอรับบริการผ่านช่องทางออนไลน์ (E-Service)",
	"o38": "ไม่พบข้อมูลการเสริมสร้างวัฒนธรรมองค์กรในเว็บไซต์หลักของหน่วยงาน",
	"o43": "ไม่พบผลการดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}

// oitPaths are the pages of the demo websites for some items; the others use /ita/<item>.
var oitPaths = map[string]string{
	"o1": "/about/structure", "o2": "/about/executives", "o3": "/about/mission", "o4": "/plan/strategy",
	"o5": "/contact", "o6": "/laws", "o7": "/news", "o8": "/qa", "o10": "/plan/annual",
}

// loadOIT fills in the demo's OIT answers. In the current year: สป.พน. has answered every
// item and submitted them, and its executive has passed the first ten, so that the
// executive's item-by-item review can be tried at once; กรมเชื้อเพลิงธรรมชาติ is answering
// (38 of 43, one that cannot be disclosed); มหาวิทยาลัยเชียงใหม่ is approved, in the
// assessor's queue. In the closed year 2563, สป.พน. went through the whole workflow — scored
// with seed 000's failing items, a clarification that did not change the score, confirmed —
// so its final scores give seed 000's OIT 79.79.
func loadOIT(ctx context.Context, st Store, now time.Time) error {
	cur := thaidate.FiscalYear(now)
	c, err := oit.ChecklistOf(FrameworkYear)
	if err != nil {
		return err
	}
	energy := oitAnswers(c, cur, CodeEnergyPS, "https://energy.go.th", len(c.ItemIDs), oit.ActionSubmit)
	for _, id := range c.ItemIDs[:10] { // the executive has checked the first ten items
		energy = append(energy, oitStep("t", CodeEnergyPS, oit.Command{Action: oit.ActionReview, ItemID: id, Verdict: oit.Pass}))
	}
	records := []struct {
		fy    int
		code  string
		steps []oit.Step
	}{
		{cur, CodeEnergyPS, energy},
		{cur, CodeDMF, oitAnswers(c, cur, CodeDMF, "https://dmf.go.th", 38, oit.ActionSave)},
		{cur, CodeChiangMaiU, oitAnswers(c, cur, CodeChiangMaiU, "https://cmu.ac.th", len(c.ItemIDs), oit.ActionApprove)},
	}
	if cur != 2563 {
		records = append(records, struct {
			fy    int
			code  string
			steps []oit.Step
		}{2563, CodeEnergyPS, oitPast(c, 2563)})
	}
	for _, r := range records {
		if _, err := st.ReplayOIT(ctx, r.fy, r.code, r.steps); err != nil {
			return fmt.Errorf("oit %d %s: %w", r.fy, r.code, err)
		}
	}
	return nil
}

// oitAnswers returns the steps that answer the first n items of an agency's record and take
// the workflow up to action until (save: only answers; submit; approve: every item passed and
// approved).
func oitAnswers(c *oit.Checklist, fy int, code, site string, n int, until oit.Action) []oit.Step {
	var steps []oit.Step
	for i, id := range c.ItemIDs[:n] {
		a := oit.Answer{Disclosure: oit.Yes, URLs: []string{site + oitPath(id, fy)}}
		switch {
		case id == "o9":
			a.URLs = append(a.URLs, "https://www.facebook.com/"+code) // off the main website: flagged
		case code == CodeDMF && id == "o31":
			a = oit.Answer{Disclosure: oit.CannotDisclose, Reason: "ข้อมูลเรื่องร้องเรียนอยู่ระหว่างการสอบสวน เปิดเผยไม่ได้ตามมาตรา 15 (2) แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540"}
		case i%7 == 3:
			ref, _ := c.Item(id)
			a.Explanation = "ดูหัวข้อ \"" + ref.Item.Title + "\" ในเมนู ITA ของเว็บไซต์"
		}
		steps = append(steps, oitStep("a", code, oit.Command{Action: oit.ActionSave, ItemID: id, Answer: a}))
	}
	if until == oit.ActionSave {
		return steps
	}
	steps = append(steps, oitStep("a", code, oit.Command{Action: oit.ActionSubmit}))
	if until == oit.ActionSubmit {
		return steps
	}
	for _, id := range c.ItemIDs {
		steps = append(steps, oitStep("t", code, oit.Command{Action: oit.ActionReview, ItemID: id, Verdict: oit.Pass}))
	}
	return append(steps, oitStep("t", code, oit.Command{Action: oit.ActionApprove}))
}

// oitPast returns สป.พน.'s 2563: approved, scored by the assessor with seed 000's failing
// items, released, one clarification (o2) kept at 0, confirmed.
func oitPast(c *oit.Checklist, fy int) []oit.Step {
	code := CodeEnergyPS
	steps := oitAnswers(c, fy, code, "https://energy.go.th", len(c.ItemIDs), oit.ActionApprove)
	for _, id := range c.ItemIDs {
		ref, _ := c.Item(id)
		cmd := oit.Command{Action: oit.ActionScore, ItemID: id, Score: c.MaxScore()}
		for i := range ref.Item.Components {
			cmd.Components = append(cmd.Components, i)
		}
		if comment, failing := oitFailing2563[id]; failing {
			cmd.Score, cmd.Comment, cmd.Components = 0, comment, cmd.Components[:len(cmd.Components)/2]
		}
		steps = append(steps, oitStep("assessor", code, cmd))
	}
	return append(steps,
		oitStep("assessor", code, oit.Command{Action: oit.ActionRelease}),
		oitStep("a", code, oit.Command{Action: oit.ActionReply, ItemID: "o2", URL: "https://energy.go.th/about/executives",
			Text: "หน้าข้อมูลผู้บริหารมีหมายเลขโทรศัพท์ของสำนักงานปลัดกระทรวงซึ่งใช้ติดต่อผู้บริหารได้"}),
		oitStep("assessor", code, oit.Command{Action: oit.ActionDecide, ItemID: "o2", Score: 0,
			Comment: "หมายเลขดังกล่าวเป็นของหน่วยงาน ไม่ใช่ช่องทางติดต่อผู้บริหารโดยตรง คงคะแนนเดิม"}),
		oitStep("assessor", code, oit.Command{Action: oit.ActionConfirm}),
	)
}

// oitStep is one step taken by a demo account: "a" and "t" are the agency's admin and
// executive, anything else the demo assessor.
func oitStep(who, code string, cmd oit.Command) oit.Step {
	by := audit.By("assessor", string(account.RoleAssessor), "")
	switch who {
	case "a":
		by = audit.By("a"+code, string(account.RoleAgencyAdmin), "")
	case "t":
		by = audit.By("t"+code, string(account.RoleAgencyExecutive), "")
	}
	return oit.Step{Cmd: cmd, By: by}
}

func oitPath(id string, fy int) string {
	if p, ok := oitPaths[id]; ok {
		return p
	}
	return fmt.Sprintf("/ita/%d/%s", fy, id)
}

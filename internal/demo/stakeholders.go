package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/thaidate"
)

// stakeholderStore is what the demo's stakeholder data needs from the store.
type stakeholderStore interface {
	SetStakeholderPopulation(ctx context.Context, fy int, code string, k stakeholder.Kind, n int, by audit.Entry) (stakeholder.Record, error)
	ImportStakeholderContacts(ctx context.Context, fy int, code string, cs []stakeholder.Contact, by audit.Entry) (int, error)
	ChangeStakeholderStatus(ctx context.Context, fy int, code string, k stakeholder.Kind, a stakeholder.Action, reason string, by audit.Entry) (stakeholder.Record, error)
}

// ChiangMaiReturnReason is why the demo's executive of มหาวิทยาลัยเชียงใหม่ returned its
// internal count, for tests that look for it.
const ChiangMaiReturnReason = "จำนวนบุคลากรยังไม่รวมพนักงานมหาวิทยาลัยสายสนับสนุนที่ปฏิบัติงานครบ 1 ปี กรุณาตรวจสอบกับกองบริหารงานบุคคลแล้วยื่นใหม่"

// loadStakeholders fills in the current year's stakeholder data in several states of the
// approval cycle, each step taken by the agency's own demo accounts so that the audit log
// reads as it would: สป.พน. has its internal count approved and its external estimate with a
// sample list of ten waiting for the executive; มหาวิทยาลัยเชียงใหม่'s internal count was
// returned with a reason and its external list is a draft; กรมเชื้อเพลิงธรรมชาติ has a draft
// count; the other agencies have entered nothing yet.
func loadStakeholders(ctx context.Context, st Store, now time.Time) error {
	fy := thaidate.FiscalYear(now)
	admin := func(code string) audit.Entry { return audit.By("a"+code, string(account.RoleAgencyAdmin), "") }
	exec := func(code string) audit.Entry { return audit.By("t"+code, string(account.RoleAgencyExecutive), "") }
	type step struct {
		code   string
		kind   stakeholder.Kind
		n      int
		list   []stakeholder.Contact
		action stakeholder.Action // after entering: submit, then approve or return; "" stays a draft
		reason string
	}
	steps := []step{
		{CodeEnergyPS, stakeholder.Internal, 1250, nil, stakeholder.ActionApprove, ""},
		{CodeEnergyPS, stakeholder.External, 25000, energyContacts(), stakeholder.ActionSubmit, ""},
		{CodeChiangMaiU, stakeholder.Internal, 8900, nil, stakeholder.ActionReturn, ChiangMaiReturnReason},
		{CodeChiangMaiU, stakeholder.External, 150000, universityContacts(), "", ""},
		{CodeDMF, stakeholder.Internal, 480, nil, "", ""},
	}
	for _, s := range steps {
		where := fmt.Sprintf("stakeholders %s %s", s.code, s.kind)
		if _, err := st.SetStakeholderPopulation(ctx, fy, s.code, s.kind, s.n, admin(s.code)); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if len(s.list) > 0 {
			if _, err := st.ImportStakeholderContacts(ctx, fy, s.code, s.list, admin(s.code)); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
		}
		if s.action == "" {
			continue
		}
		if _, err := st.ChangeStakeholderStatus(ctx, fy, s.code, s.kind, stakeholder.ActionSubmit, "", admin(s.code)); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if s.action == stakeholder.ActionSubmit {
			continue
		}
		if _, err := st.ChangeStakeholderStatus(ctx, fy, s.code, s.kind, s.action, s.reason, exec(s.code)); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	return nil
}

// energyContacts is สป.พน.'s sample list: made-up people and firms of the kinds the ministry
// serves. Numbers and addresses are fictitious.
func energyContacts() []stakeholder.Contact {
	pub, off, biz := stakeholder.TypePublic, stakeholder.TypeOfficial, stakeholder.TypeBusiness
	return []stakeholder.Contact{
		{Name: "สมศักดิ์ แสงทอง", Type: pub, Phone: "081-234-5601", Service: "ร้องเรียนราคาน้ำมันเชื้อเพลิง"},
		{Name: "วันเพ็ญ ศรีสุข", Type: pub, Phone: "089-765-4302", Email: "wanpen.s@example.com", Service: "ขอข้อมูลโครงการโซลาร์เซลล์ชุมชน"},
		{Name: "ประยุทธ มั่นคง", Organisation: "สำนักงานพลังงานจังหวัดขอนแก่น", Type: off, Phone: "043-123-456", Email: "prayut.m@example.go.th", Service: "ประสานงานแผนพลังงานจังหวัด"},
		{Name: "นภาพร ใจดี", Organisation: "กรมบัญชีกลาง", Type: off, Email: "napaporn.j@example.go.th", Service: "เบิกจ่ายงบประมาณโครงการ"},
		{Name: "ธีรวัฒน์ พงษ์ไพบูลย์", Organisation: "บริษัท พลังงานสะอาดไทย จำกัด", Type: biz, Phone: "02-555-0101", Email: "teerawat@example.co.th", Service: "ขอรับการส่งเสริมการลงทุนพลังงานทดแทน"},
		{Name: "อรอุมา ทองดี", Organisation: "บริษัท ขนส่งเชื้อเพลิงภาคใต้ จำกัด", Type: biz, Phone: "074-222-333", Service: "ยื่นเอกสารประกวดราคา"},
		{Name: "จักรพันธ์ วงศ์ใหญ่", Type: pub, Phone: "062-111-2233", Service: "ขอสำเนาเอกสารราชการ"},
		{Name: "สุนิสา คงเจริญ", Organisation: "องค์การบริหารส่วนตำบลท่าซุง", Type: off, Phone: "056-512-345", Service: "ขอรับการสนับสนุนโครงการพลังงานชุมชน"},
		{Name: "กิตติพงษ์ เรืองศรี", Organisation: "สหกรณ์การเกษตรบ้านนา จำกัด", Type: biz, Phone: "086-444-5566", Email: "kittipong@example.or.th", Service: "ขอใบอนุญาตสถานีบริการน้ำมันชุมชน"},
		{Name: "มาลัย บุญมา", Type: pub, Email: "malai.b@example.com", Service: "สอบถามสิทธิประโยชน์ค่าไฟฟ้า"},
	}
}

// universityContacts is มหาวิทยาลัยเชียงใหม่'s draft sample list.
func universityContacts() []stakeholder.Contact {
	return []stakeholder.Contact{
		{Name: "ปวีณา อินทรวงศ์", Type: stakeholder.TypePublic, Phone: "053-900-100", Service: "ขอใบรับรองผลการศึกษา"},
		{Name: "ชยพล คำแก้ว", Organisation: "โรงพยาบาลนครพิงค์", Type: stakeholder.TypeOfficial, Email: "chayapon@example.go.th", Service: "ความร่วมมือฝึกปฏิบัติงานนักศึกษาแพทย์"},
		{Name: "ศิริพร แก้วมณี", Organisation: "บริษัท ล้านนาก่อสร้าง จำกัด", Type: stakeholder.TypeBusiness, Phone: "081-882-3344", Service: "ยื่นซองประกวดราคาก่อสร้างอาคาร"},
	}
}

package storetest

import (
	"fmt"
	"math/rand/v2"

	"github.com/openitas/itas/internal/agency"
)

// Thasung is a sub-district administration, the shape of most of the
// 8,300 agencies.
func Thasung() agency.Agency {
	return agency.Agency{
		Code: "6100101", Name: "องค์การบริหารส่วนตำบลท่าซุง", ShortName: "อบต.ท่าซุง",
		Type: agency.TypeSAO, Ministry: "กระทรวงมหาดไทย", Province: "อุทัยธานี", Group: 6,
		Supervisor: agency.SupervisorDLA, Website: "https://www.thasung.go.th",
	}
}

// Energy returns the nine agencies of the Ministry of Energy assessed in
// 2563 (seed 000), with made-up codes.
func Energy() []agency.Agency {
	mk := func(code, name, short, typ string, sup agency.Supervisor) agency.Agency {
		return agency.Agency{Code: code, Name: name, ShortName: short, Type: typ,
			Ministry: "กระทรวงพลังงาน", Group: agency.CentralGroup, Supervisor: sup}
	}
	return []agency.Agency{
		mk("1001", "กรมเชื้อเพลิงธรรมชาติ", "ชธ.", agency.TypeDepartment, agency.SupervisorPACC),
		mk("1002", "กรมธุรกิจพลังงาน", "ธพ.", agency.TypeDepartment, agency.SupervisorPACC),
		mk("1003", "กรมพัฒนาพลังงานทดแทนและอนุรักษ์พลังงาน", "พพ.", agency.TypeDepartment, agency.SupervisorPACC),
		mk("1004", "สำนักงานนโยบายและแผนพลังงาน", "สนพ.", agency.TypeDepartment, agency.SupervisorPACC),
		mk("1005", "สำนักงานปลัดกระทรวงพลังงาน", "สป.พน.", agency.TypeDepartment, agency.SupervisorPACC),
		mk("1006", "การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย", "กฟผ.", agency.TypeStateEnterprise, agency.SupervisorSEPO),
		mk("1007", "บริษัท ปตท. จำกัด (มหาชน)", "ปตท.", agency.TypeStateEnterprise, agency.SupervisorSEPO),
		mk("1008", "สำนักงานคณะกรรมการกำกับกิจการพลังงาน", "กกพ.", agency.TypeOtherState, agency.SupervisorPACC),
		mk("1009", "สำนักงานกองทุนน้ำมันเชื้อเพลิง", "สกนช.", agency.TypePublicOrg, agency.SupervisorPACC),
	}
}

// typeCounts is how many agencies of each type ITA 2563 assessed
// (manual section 1.2), 8,302 in all.
var typeCounts = []struct {
	typ, prefix string
	n           int
}{
	{agency.TypeIndependent, "สำนักงานคณะกรรมการ", 5},
	{agency.TypeCourt, "สำนักงานศาล", 3},
	{agency.TypeProsecutor, "สำนักงานอัยการ", 1},
	{agency.TypeParliament, "สำนักงานเลขาธิการ", 3},
	{agency.TypeDepartment, "กรม", 146},
	{agency.TypePublicOrg, "สถาบัน", 56},
	{agency.TypeStateEnterprise, "การ", 54},
	{agency.TypeOtherState, "สำนักงาน", 16},
	{agency.TypeFund, "กองทุน", 7},
	{agency.TypeUniversity, "มหาวิทยาลัย", 83},
	{agency.TypeProvince, "จังหวัด", 76},
	{agency.TypePAO, "องค์การบริหารส่วนจังหวัด", 76},
	{agency.TypeCityMunicipality, "เทศบาลนคร", 30},
	{agency.TypeTownMunicipality, "เทศบาลเมือง", 183},
	{agency.TypeSubdistrictMuni, "เทศบาลตำบล", 2236},
	{agency.TypeSAO, "องค์การบริหารส่วนตำบล", 5325},
	{agency.TypeSpecialLocal, "", 2},
}

var syllables = []string{
	"ท่า", "ซุง", "บาง", "นา", "หนอง", "โพธิ์", "ดอน", "เมือง", "ทุ่ง", "สวน", "ป่า", "คลอง",
	"ห้วย", "วัง", "น้ำ", "ใหม่", "เก่า", "ทอง", "แก้ว", "ศรี", "สัน", "ดง", "โคก", "หัว",
	"ไร่", "บ่อ", "เขา", "แม่", "ลำ", "ชัย", "สระ", "กุด", "เวียง", "ตาก", "ปาก", "พระ",
}

// Generate returns n valid agencies with distinct codes, shaped like the
// 2563 registry (its mix of types; local ones spread over the provinces
// with their groups), deterministic for a seed. n = 8302 gives the
// registry's exact type counts.
func Generate(n int, seed uint64) []agency.Agency {
	r := rand.New(rand.NewPCG(seed, seed^0x17a5))
	out := make([]agency.Agency, 0, n)
	provinces := agency.Provinces[:76] // Bangkok is one of the special local ones
	for _, tc := range typeCounts {
		k := (tc.n*n + 8301) / 8302
		for i := 0; i < k && len(out) < n; i++ {
			idx := len(out)
			a := agency.Agency{Code: fmt.Sprintf("%07d", 2000000+idx), Type: tc.typ}
			word := syllables[r.IntN(len(syllables))] + syllables[r.IntN(len(syllables))]
			if r.IntN(3) == 0 {
				word += syllables[r.IntN(len(syllables))]
			}
			t, _ := agency.TypeByCode(tc.typ)
			switch {
			case tc.typ == agency.TypeSpecialLocal && i%2 == 0:
				a.Name, a.Province = "กรุงเทพมหานคร", "กรุงเทพมหานคร"
			case tc.typ == agency.TypeSpecialLocal:
				a.Name, a.Province = "เมืองพัทยา", "ชลบุรี"
			case t.Local || tc.typ == agency.TypeProvince:
				p := provinces[(idx*7+i)%len(provinces)]
				if tc.typ == agency.TypeProvince || tc.typ == agency.TypePAO {
					p = provinces[i%len(provinces)]
					word = p.Name
				}
				a.Name, a.Province = tc.prefix+word, p.Name
				a.Ministry = "กระทรวงมหาดไทย"
			default:
				a.Name = tc.prefix + word + fmt.Sprintf(" %d", idx)
				a.Ministry = ministries[r.IntN(len(ministries))]
			}
			a.Group = agency.SuggestGroup(a.Type, a.Province)
			a.Supervisor = t.Supervisor
			if r.IntN(10) > 0 {
				a.Website = fmt.Sprintf("https://www.a%d.go.th", idx)
			}
			out = append(out, a)
		}
	}
	return out
}

var ministries = []string{
	"สำนักนายกรัฐมนตรี", "กระทรวงการคลัง", "กระทรวงพลังงาน", "กระทรวงคมนาคม",
	"กระทรวงเกษตรและสหกรณ์", "กระทรวงสาธารณสุข", "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม",
}

package demo

import "github.com/openitas/itas/internal/agency"

// Ministry names used by several demo agencies.
const (
	energy   = "กระทรวงพลังงาน"
	interior = "กระทรวงมหาดไทย"
	finance  = "กระทรวงการคลัง"
	higherEd = "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม"
)

// Codes of the demo agencies that have accounts. The codes are made up for the demo; they are
// not NACC's.
const (
	CodeEnergyPS   = "1500100" // สำนักงานปลัดกระทรวงพลังงาน: registered
	CodeDMF        = "1500200" // กรมเชื้อเพลิงธรรมชาติ: admin done, executive not yet
	CodeKlongSe    = "6801901" // อบต.คลองเส (seed 003): new accounts, one-time passwords
	CodeEGAT       = "3500100" // กฟผ.: accounts generated, nobody logged in
	CodeChiangMaiU = "4100500" // มหาวิทยาลัยเชียงใหม่: registered
)

// agencies returns the demo registry: the nine energy agencies of the 2563 ministry memo
// (seed 000), the อบต. of the 2568 analysis (seed 003), and agencies of the other types and
// groups. Groups are left 0 and set by the manual's rule.
func agencies() []agency.Agency {
	return []agency.Agency{
		{Code: CodeEnergyPS, Name: "สำนักงานปลัดกระทรวงพลังงาน", ShortName: "สป.พน.", Type: agency.TypeDepartment, Ministry: energy, Supervisor: agency.SupervisorPACC, Website: "https://energy.go.th"},
		{Code: CodeDMF, Name: "กรมเชื้อเพลิงธรรมชาติ", ShortName: "ชธ.", Type: agency.TypeDepartment, Ministry: energy, Supervisor: agency.SupervisorPACC, Website: "https://dmf.go.th"},
		{Code: "1500300", Name: "กรมพัฒนาพลังงานทดแทนและอนุรักษ์พลังงาน", ShortName: "พพ.", Type: agency.TypeDepartment, Ministry: energy, Supervisor: agency.SupervisorPACC, Website: "https://dede.go.th"},
		{Code: "1500400", Name: "กรมธุรกิจพลังงาน", ShortName: "ธพ.", Type: agency.TypeDepartment, Ministry: energy, Supervisor: agency.SupervisorPACC, Website: "https://doeb.go.th"},
		{Code: "1500500", Name: "สำนักงานนโยบายและแผนพลังงาน", ShortName: "สนพ.", Type: agency.TypeDepartment, Ministry: energy, Supervisor: agency.SupervisorPACC, Website: "https://eppo.go.th"},
		{Code: "1500600", Name: "สำนักงานกองทุนน้ำมันเชื้อเพลิง", ShortName: "สกน.", Type: agency.TypePublicOrg, Ministry: energy, Supervisor: agency.SupervisorPACC, Website: "https://offo.or.th"},
		{Code: CodeEGAT, Name: "การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย", ShortName: "กฟผ.", Type: agency.TypeStateEnterprise, Ministry: energy, Supervisor: agency.SupervisorSEPO, Website: "https://egat.co.th"},
		{Code: "3500200", Name: "บริษัท ปตท. จำกัด (มหาชน)", ShortName: "ปตท.", Type: agency.TypeStateEnterprise, Ministry: energy, Supervisor: agency.SupervisorSEPO, Website: "https://pttplc.com"},
		{Code: "1500700", Name: "สำนักงานคณะกรรมการกำกับกิจการพลังงาน", ShortName: "สำนักงาน กกพ.", Type: agency.TypeOtherState, Ministry: energy, Supervisor: agency.SupervisorPACC, Website: "https://erc.or.th"},

		{Code: CodeKlongSe, Name: "องค์การบริหารส่วนตำบลคลองเส", ShortName: "อบต.คลองเส", Type: agency.TypeSAO, Ministry: interior, Province: "นครศรีธรรมราช", Supervisor: agency.SupervisorDLA, Website: "https://klongse.go.th"},
		{Code: "6801902", Name: "องค์การบริหารส่วนตำบลถ้ำพรรณรา", ShortName: "อบต.ถ้ำพรรณรา", Type: agency.TypeSAO, Ministry: interior, Province: "นครศรีธรรมราช", Supervisor: agency.SupervisorDLA},
		{Code: "6801903", Name: "องค์การบริหารส่วนตำบลดุสิต", ShortName: "อบต.ดุสิต", Type: agency.TypeSAO, Ministry: interior, Province: "นครศรีธรรมราช", Supervisor: agency.SupervisorDLA},
		{Code: "6801800", Name: "เทศบาลตำบลถ้ำพรรณรา", Type: agency.TypeSubdistrictMuni, Ministry: interior, Province: "นครศรีธรรมราช", Supervisor: agency.SupervisorDLA},
		{Code: "6801200", Name: "เทศบาลเมืองทุ่งสง", Type: agency.TypeTownMunicipality, Ministry: interior, Province: "นครศรีธรรมราช", Supervisor: agency.SupervisorDLA},
		{Code: "6801100", Name: "เทศบาลนครนครศรีธรรมราช", Type: agency.TypeCityMunicipality, Ministry: interior, Province: "นครศรีธรรมราช", Supervisor: agency.SupervisorDLA},
		{Code: "6801000", Name: "องค์การบริหารส่วนจังหวัดนครศรีธรรมราช", ShortName: "อบจ.นครศรีธรรมราช", Type: agency.TypePAO, Ministry: interior, Province: "นครศรีธรรมราช", Supervisor: agency.SupervisorDLA},
		{Code: "6800000", Name: "จังหวัดนครศรีธรรมราช", Type: agency.TypeProvince, Ministry: interior, Province: "นครศรีธรรมราช", Supervisor: agency.SupervisorPACC},
		{Code: "6500000", Name: "จังหวัดเชียงใหม่", Type: agency.TypeProvince, Ministry: interior, Province: "เชียงใหม่", Supervisor: agency.SupervisorPACC},
		{Code: "6501901", Name: "องค์การบริหารส่วนตำบลสุเทพ", Type: agency.TypeSAO, Ministry: interior, Province: "เชียงใหม่", Supervisor: agency.SupervisorDLA},
		{Code: "6200100", Name: "เมืองพัทยา", Type: agency.TypeSpecialLocal, Ministry: interior, Province: "ชลบุรี", Supervisor: agency.SupervisorDLA},

		{Code: "1000100", Name: "สำนักงานคณะกรรมการการเลือกตั้ง", ShortName: "สำนักงาน กกต.", Type: agency.TypeIndependent},
		{Code: "1000200", Name: "สำนักงานศาลยุติธรรม", Type: agency.TypeCourt},
		{Code: "1000300", Name: "สำนักงานอัยการสูงสุด", Type: agency.TypeProsecutor},
		{Code: "1000400", Name: "สำนักงานเลขาธิการสภาผู้แทนราษฎร", Type: agency.TypeParliament},
		{Code: "1200100", Name: "กรมบัญชีกลาง", Type: agency.TypeDepartment, Ministry: finance, Supervisor: agency.SupervisorPACC},
		{Code: "2100100", Name: "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)", ShortName: "สพร.", Type: agency.TypePublicOrg, Ministry: "กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", Supervisor: agency.SupervisorPACC},
		{Code: "3100100", Name: "การประปานครหลวง", ShortName: "กปน.", Type: agency.TypeStateEnterprise, Ministry: interior, Supervisor: agency.SupervisorSEPO},
		{Code: "3900100", Name: "กองทุนเงินให้กู้ยืมเพื่อการศึกษา", ShortName: "กยศ.", Type: agency.TypeFund, Ministry: finance, Supervisor: agency.SupervisorPACC},
		{Code: "4100100", Name: "จุฬาลงกรณ์มหาวิทยาลัย", Type: agency.TypeUniversity, Ministry: higherEd, Supervisor: agency.SupervisorOPSMHESI},
		{Code: CodeChiangMaiU, Name: "มหาวิทยาลัยเชียงใหม่", Type: agency.TypeUniversity, Ministry: higherEd, Supervisor: agency.SupervisorOPSMHESI},
	}
}

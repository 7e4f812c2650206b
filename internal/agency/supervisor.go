package agency

// Supervisor identifies a supervising body (หน่วยงานกำกับติดตาม) that
// follows the assessment of the agencies it oversees. The zero value
// means none.
type Supervisor string

// The four supervising bodies the ITA manual (section 1.2) names.
const (
	// SupervisorPACC is สำนักงาน ป.ป.ท., the Office of the Public Sector
	// Anti-Corruption Commission.
	SupervisorPACC Supervisor = "pacc"
	// SupervisorSEPO is สคร., the State Enterprise Policy Office.
	SupervisorSEPO Supervisor = "sepo"
	// SupervisorOPSMHESI is สป.อว., the Office of the Permanent Secretary
	// of the Ministry of Higher Education, Science, Research and
	// Innovation.
	SupervisorOPSMHESI Supervisor = "opsmhesi"
	// SupervisorDLA is สถ., the Department of Local Administration.
	SupervisorDLA Supervisor = "dla"
)

// SupervisorInfo names a supervising body.
type SupervisorInfo struct {
	Code      Supervisor
	ShortName string // as the manual abbreviates it: "ป.ป.ท."
	Name      string // full Thai name
	NameEN    string
}

// Supervisors lists the supervising bodies. The slice must not be
// modified.
var Supervisors = []SupervisorInfo{
	{SupervisorPACC, "ป.ป.ท.", "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตในภาครัฐ", "Office of the Public Sector Anti-Corruption Commission (PACC)"},
	{SupervisorSEPO, "สคร.", "สำนักงานคณะกรรมการนโยบายรัฐวิสาหกิจ", "State Enterprise Policy Office (SEPO)"},
	{SupervisorOPSMHESI, "สป.อว.", "สำนักงานปลัดกระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม", "Office of the Permanent Secretary, Ministry of Higher Education, Science, Research and Innovation"},
	{SupervisorDLA, "สถ.", "กรมส่งเสริมการปกครองท้องถิ่น", "Department of Local Administration (DLA)"},
}

// Info returns the names of s and reports whether s is a known body.
func (s Supervisor) Info() (SupervisorInfo, bool) {
	for _, i := range Supervisors {
		if i.Code == s {
			return i, true
		}
	}
	return SupervisorInfo{}, false
}

// Valid reports whether s is one of the known bodies. The zero value is
// not valid; callers that allow "none" check for it first.
func (s Supervisor) Valid() bool {
	_, ok := s.Info()
	return ok
}

// ParseSupervisor returns the body whose code, Thai short or full name,
// or English name equals s, as people write it in import files ("สคร.",
// "สคร", "sepo"), and reports whether one matched. "" matches nothing.
func ParseSupervisor(s string) (Supervisor, bool) {
	s = collapseSpace(s)
	if s == "" {
		return "", false
	}
	for _, i := range Supervisors {
		if s == string(i.Code) || s == i.ShortName || s == trimDots(i.ShortName) ||
			s == i.Name || s == i.NameEN {
			return i.Code, true
		}
	}
	return "", false
}

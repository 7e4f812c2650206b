package agency

// Type is one of the 17 kinds of public agency that the ITA manual's
// appendix (and its section 1.2) lists. Code is the stable identifier
// stored in the database and used in import files.
type Type struct {
	Code   string
	Name   string // Thai, as the manual names it
	NameEN string
	// Local reports whether the type is a local administration
	// (องค์กรปกครองส่วนท้องถิ่น), which must name its province.
	Local bool
	// Supervisor is the body that usually oversees agencies of this
	// type, suggested when an import row leaves it empty; "" if none.
	Supervisor Supervisor
}

// The type codes, in the manual's order.
const (
	TypeIndependent      = "independent"
	TypeCourt            = "court"
	TypeProsecutor       = "prosecutor"
	TypeParliament       = "parliament"
	TypeDepartment       = "department"
	TypePublicOrg        = "public_org"
	TypeStateEnterprise  = "state_enterprise"
	TypeOtherState       = "other_state"
	TypeFund             = "fund"
	TypeUniversity       = "university"
	TypeProvince         = "province"
	TypePAO              = "pao"
	TypeCityMunicipality = "city_municipality"
	TypeTownMunicipality = "town_municipality"
	TypeSubdistrictMuni  = "subdistrict_municipality"
	TypeSAO              = "sao"
	TypeSpecialLocal     = "special_local"
)

// Types lists the 17 agency types in the manual's order (ITA 2563,
// section 1.2 and appendix). The slice must not be modified.
var Types = []Type{
	{TypeIndependent, "องค์กรอิสระตามรัฐธรรมนูญ (หน่วยงานธุรการ)", "Independent constitutional body (administrative office)", false, ""},
	{TypeCourt, "องค์กรศาล (หน่วยงานธุรการ)", "Court (administrative office)", false, ""},
	{TypeProsecutor, "องค์กรอัยการ (หน่วยงานธุรการ)", "Public prosecution (administrative office)", false, ""},
	{TypeParliament, "หน่วยงานในสังกัดรัฐสภา", "Agency under Parliament", false, ""},
	{TypeDepartment, "ส่วนราชการระดับกรม", "Department-level government agency", false, SupervisorPACC},
	{TypePublicOrg, "องค์การมหาชน", "Public organisation", false, SupervisorPACC},
	{TypeStateEnterprise, "รัฐวิสาหกิจ", "State enterprise", false, SupervisorSEPO},
	{TypeOtherState, "หน่วยงานของรัฐอื่น ๆ", "Other state agency", false, SupervisorPACC},
	{TypeFund, "กองทุน (นิติบุคคล)", "Fund (juristic person)", false, SupervisorPACC},
	{TypeUniversity, "สถาบันอุดมศึกษา", "Higher-education institution", false, SupervisorOPSMHESI},
	{TypeProvince, "จังหวัด", "Province", false, SupervisorPACC},
	{TypePAO, "องค์การบริหารส่วนจังหวัด", "Provincial Administrative Organisation", true, SupervisorDLA},
	{TypeCityMunicipality, "เทศบาลนคร", "City municipality", true, SupervisorDLA},
	{TypeTownMunicipality, "เทศบาลเมือง", "Town municipality", true, SupervisorDLA},
	{TypeSubdistrictMuni, "เทศบาลตำบล", "Subdistrict municipality", true, SupervisorDLA},
	{TypeSAO, "องค์การบริหารส่วนตำบล", "Subdistrict Administrative Organisation", true, SupervisorDLA},
	{TypeSpecialLocal, "องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ", "Special local administration", true, SupervisorDLA},
}

var typeByCode = func() map[string]Type {
	m := make(map[string]Type, len(Types))
	for _, t := range Types {
		m[t.Code] = t
	}
	return m
}()

// TypeByCode returns the type with the given code and reports whether it
// exists.
func TypeByCode(code string) (Type, bool) {
	t, ok := typeByCode[code]
	return t, ok
}

// TypeByName returns the type whose Thai or English name or code equals
// s (ignoring surrounding space), for import files written by people, and
// reports whether one matched. The Thai name matches with or without its
// parenthesised part ("องค์กรศาล" finds TypeCourt).
func TypeByName(s string) (Type, bool) {
	s = collapseSpace(s)
	for _, t := range Types {
		if s == t.Code || s == t.Name || s == t.NameEN || s == stripParen(t.Name) {
			return t, true
		}
	}
	return Type{}, false
}

package account

// Role is what an account is for; it decides which actions the account
// may take (see Allowed) and over which agencies (see InScope).
type Role string

// The roles.
const (
	// RoleCentralAdmin is NACC central staff: agencies, accounts, years,
	// processing, publication — over every agency.
	RoleCentralAdmin Role = "central_admin"
	// RoleAssessor is a member of the assessment advisers (คณะที่ปรึกษา),
	// working on the agencies of the groups assigned to the account.
	RoleAssessor Role = "assessor"
	// RoleSupervisor is a supervising body's staff, reading the progress
	// and results of the agencies that body oversees.
	RoleSupervisor Role = "supervisor"
	// RoleAgencyAdmin is an agency's system administrator (ผู้ดูแลระบบ),
	// username "a" + agency code.
	RoleAgencyAdmin Role = "agency_admin"
	// RoleAgencyExecutive is an agency's executive (ผู้บริหาร), who
	// approves or returns what the admin submits; username "t" + code.
	RoleAgencyExecutive Role = "agency_executive"
)

// Roles lists every role, central first.
var Roles = []Role{RoleCentralAdmin, RoleAssessor, RoleSupervisor, RoleAgencyAdmin, RoleAgencyExecutive}

var roleNames = map[Role][2]string{
	RoleCentralAdmin:    {"ผู้ดูแลระบบส่วนกลาง (สำนักงาน ป.ป.ช.)", "Central administrator (NACC)"},
	RoleAssessor:        {"คณะที่ปรึกษาการประเมิน", "Assessor"},
	RoleSupervisor:      {"หน่วยงานกำกับติดตาม", "Supervising body"},
	RoleAgencyAdmin:     {"ผู้ดูแลระบบของหน่วยงาน", "Agency administrator"},
	RoleAgencyExecutive: {"ผู้บริหารของหน่วยงาน", "Agency executive"},
}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	_, ok := roleNames[r]
	return ok
}

// Name returns the Thai name of r, or r itself if it is unknown.
func (r Role) Name() string {
	if n, ok := roleNames[r]; ok {
		return n[0]
	}
	return string(r)
}

// NameEN returns the English name of r, or r itself if it is unknown.
func (r Role) NameEN() string {
	if n, ok := roleNames[r]; ok {
		return n[1]
	}
	return string(r)
}

// OfAgency reports whether r is one of the two roles bound to an agency.
func (r Role) OfAgency() bool {
	return r == RoleAgencyAdmin || r == RoleAgencyExecutive
}

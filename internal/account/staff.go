package account

import (
	"slices"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// StaffRoles are the roles whose accounts central admins create one by one: NACC's own
// staff, the assessors and the supervising bodies' staff. Agency accounts come in pairs from
// GenerateAgencyAccounts instead.
var StaffRoles = []Role{RoleCentralAdmin, RoleAssessor, RoleSupervisor}

// Staff reports whether r is one of StaffRoles.
func (r Role) Staff() bool { return slices.Contains(StaffRoles, r) }

// NormalizeGroups returns the groups sorted, each once; nil for none.
func NormalizeGroups(groups []int) []int {
	if len(groups) == 0 {
		return nil
	}
	out := slices.Clone(groups)
	slices.Sort(out)
	return slices.Compact(out)
}

// NewStaffAccount returns a staff account — username, role, the groups of an assessor or the
// body of a supervisor, and an optional name — with a fresh one-time password, created at
// now. The user changes the password and completes the profile at the first login. It
// returns an Invalid *apperr.Error, with Thai messages per field, when r is not a staff role
// or the account breaks a rule of Validate.
func NewStaffAccount(username string, r Role, groups []int, sup agency.Supervisor, name string, now time.Time) (OneTime, error) {
	a := Account{
		Username: NormalizeUsername(username), Role: r, Groups: NormalizeGroups(groups), Supervisor: sup,
		Profile: Profile{Name: name}.Normalize(), MustChangePassword: true, CreatedAt: now,
	}
	err := a.Validate()
	if r.Valid() && !r.Staff() {
		err = apperr.Join(apperr.Fields(FieldRole,
			"บัญชีของหน่วยงานสร้างจากหน้าข้อมูลหน่วยงาน ที่นี่สร้างได้เฉพาะบัญชีผู้ดูแลระบบส่วนกลาง คณะที่ปรึกษา และหน่วยงานกำกับติดตาม"), err)
	}
	if err != nil {
		return OneTime{}, err
	}
	pw, hash := NewOneTimePassword()
	a.PasswordHash = hash
	return OneTime{Account: a, Password: pw}, nil
}

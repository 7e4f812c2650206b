// Package account defines user accounts, their roles, the username
// scheme, the password policy and hashing, and the permission policy
// that decides who may do what to which agency.
package account

import (
	"fmt"
	"slices"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// Account is one login.
//
// AgencyCode is set for the agency roles only. Groups lists the agency
// groups (1–10) assigned to an assessor; nil for other roles. Supervisor
// names the supervising body of a RoleSupervisor account; "" for others.
// PasswordHash is an argon2id PHC string (see HashPassword).
// MustChangePassword is set while the password is one-time (generated or
// reset). ProfileCompletedAt and PasswordChangedAt are zero until the
// user has done so. Disabled accounts cannot log in.
type Account struct {
	ID                 int64
	Username           string
	Role               Role
	AgencyCode         string
	Groups             []int
	Supervisor         agency.Supervisor
	Profile            // Name, Position, Phone, Email
	PasswordHash       string
	MustChangePassword bool
	ProfileCompletedAt time.Time
	PasswordChangedAt  time.Time
	Disabled           bool
	CreatedAt          time.Time
}

// Field names of the messages Validate returns, beside the profile's.
const (
	FieldUsername   = "username"
	FieldRole       = "role"
	FieldAgencyCode = "agency_code"
	FieldGroups     = "groups"
	FieldSupervisor = "supervisor"
)

// Validate reports every rule a breaks as an *apperr.Error with code
// Invalid and Thai per-field messages, or returns nil. It checks the
// role, the username against the scheme, the role's scope fields, and
// the profile fields that are filled in (a profile may be empty until the
// user completes it). It does not check the password hash.
func (a Account) Validate() error {
	f := map[string]string{}
	if !a.Role.Valid() {
		f[FieldRole] = "กรุณาเลือกบทบาทของบัญชีผู้ใช้งาน"
	}
	if msg := CheckUsername(a.Username, a.Role, a.AgencyCode); msg != "" && a.Role.Valid() {
		f[FieldUsername] = msg
	}
	switch a.Role {
	case RoleAgencyAdmin, RoleAgencyExecutive:
		if msg := agency.CheckCode(a.AgencyCode); msg != "" {
			f[FieldAgencyCode] = msg
		}
	case RoleAssessor:
		if len(a.Groups) == 0 {
			f[FieldGroups] = "กรุณาเลือกกลุ่มหน่วยงานที่รับผิดชอบอย่างน้อยหนึ่งกลุ่ม"
		}
		for _, g := range a.Groups {
			if g < 1 || g > 10 {
				f[FieldGroups] = "กลุ่มหน่วยงานต้องเป็นเลข 1 ถึง 10"
			}
		}
	case RoleSupervisor:
		if !a.Supervisor.Valid() {
			f[FieldSupervisor] = "กรุณาเลือกหน่วยงานกำกับติดตาม (ป.ป.ท. สคร. สป.อว. หรือ สถ.)"
		}
	}
	if a.Role != RoleSupervisor && a.Supervisor != "" {
		f[FieldSupervisor] = "ระบุหน่วยงานกำกับติดตามได้เฉพาะบัญชีของหน่วยงานกำกับติดตาม"
	}
	if a.Role != RoleAssessor && len(a.Groups) > 0 {
		f[FieldGroups] = "ระบุกลุ่มหน่วยงานได้เฉพาะบัญชีของคณะที่ปรึกษา"
	}
	if !a.Role.OfAgency() && a.AgencyCode != "" {
		f[FieldAgencyCode] = "ระบุหน่วยงานได้เฉพาะบัญชีผู้ดูแลระบบและผู้บริหารของหน่วยงาน"
	}
	a.Profile.check(f, false)
	return apperr.Check(f)
}

// Active reports whether a may use the system beyond changing its
// password and completing its profile: it is not disabled, its password
// is not one-time, and its profile is complete.
func (a Account) Active() bool {
	return !a.Disabled && !a.MustChangePassword && !a.ProfileCompletedAt.IsZero()
}

// HasGroup reports whether g is among an assessor's assigned groups.
func (a Account) HasGroup(g int) bool { return slices.Contains(a.Groups, g) }

// Registered reports whether an agency has registered (ลงทะเบียน), given
// the accounts of that agency: both its admin and its executive exist,
// are enabled, have changed their one-time password and completed their
// profile (manual section 6.1). Accounts of other roles are ignored.
func Registered(accounts []Account) bool {
	var admin, exec bool
	for _, a := range accounts {
		done := !a.Disabled && !a.MustChangePassword &&
			!a.PasswordChangedAt.IsZero() && !a.ProfileCompletedAt.IsZero()
		switch a.Role {
		case RoleAgencyAdmin:
			admin = done
		case RoleAgencyExecutive:
			exec = done
		}
	}
	return admin && exec
}

// OneTime is a newly generated account with its one-time password in
// clear text, to hand to the user once and never store.
type OneTime struct {
	Account  Account
	Password string
}

// GenerateAgencyAccounts returns the two accounts of the agency with the
// given code — the admin "a"+code and the executive "t"+code — each with
// a fresh one-time password, its hash, and MustChangePassword set, created
// at now. It returns an Invalid *apperr.Error if code is not a valid
// agency code.
func GenerateAgencyAccounts(agencyCode string, now time.Time) ([]OneTime, error) {
	if msg := agency.CheckCode(agencyCode); msg != "" {
		return nil, apperr.Fields(FieldAgencyCode, msg)
	}
	out := make([]OneTime, 0, 2)
	for _, r := range []Role{RoleAgencyAdmin, RoleAgencyExecutive} {
		pw := GeneratePassword()
		out = append(out, OneTime{
			Account: Account{
				Username:           AgencyUsername(r, agencyCode),
				Role:               r,
				AgencyCode:         agencyCode,
				PasswordHash:       HashPassword(pw),
				MustChangePassword: true,
				CreatedAt:          now,
			},
			Password: pw,
		})
	}
	return out, nil
}

// NewOneTimePassword returns a fresh one-time password and its hash, for
// an account that a central admin resets.
func NewOneTimePassword() (password, hash string) {
	password = GeneratePassword()
	return password, HashPassword(password)
}

// String returns the username and role, for logs; never the hash.
func (a Account) String() string {
	return fmt.Sprintf("%s (%s)", a.Username, a.Role)
}

package account

import (
	"strings"

	"github.com/openitas/itas/internal/agency"
)

// Username scheme.
//
// The two accounts of an agency are named by a one-letter prefix and the
// agency code, as the ITA manual (section 6.1) says: the admin "a" +
// code, the executive "t" + code (agency 6100101: "a6100101" and
// "t6100101"). Since agency codes are digits only, a name of the form
// letter-then-digits starting with "a" or "t" is reserved for agency
// accounts; staff accounts (central, assessor, supervisor) use any other
// name of 3–40 characters from a–z, 0–9, ".", "_" and "-", starting with
// a letter. Usernames are compared in lower case.

// Username prefixes of the agency roles.
const (
	AdminPrefix     = "a"
	ExecutivePrefix = "t"
)

// AgencyUsername returns the username of the account with the agency
// role r for the agency with the given code, or "" if r is not an agency
// role.
func AgencyUsername(r Role, agencyCode string) string {
	switch r {
	case RoleAgencyAdmin:
		return AdminPrefix + agencyCode
	case RoleAgencyExecutive:
		return ExecutivePrefix + agencyCode
	}
	return ""
}

// ParseAgencyUsername returns the agency role and code that username
// names under the scheme, and reports whether it is an agency username.
func ParseAgencyUsername(username string) (Role, string, bool) {
	username = NormalizeUsername(username)
	if len(username) < 2 {
		return "", "", false
	}
	code := username[1:]
	if agency.CheckCode(code) != "" {
		return "", "", false
	}
	switch username[:1] {
	case AdminPrefix:
		return RoleAgencyAdmin, code, true
	case ExecutivePrefix:
		return RoleAgencyExecutive, code, true
	}
	return "", "", false
}

// NormalizeUsername trims username and folds it to lower case.
func NormalizeUsername(username string) string {
	return strings.ToLower(strings.TrimSpace(username))
}

// CheckUsername returns a Thai message if username is not a valid name
// for an account with role r and agency code agencyCode (ignored for
// staff roles), or "".
func CheckUsername(username string, r Role, agencyCode string) string {
	if username == "" {
		return "กรุณากรอกชื่อผู้ใช้งาน"
	}
	if r.OfAgency() {
		if want := AgencyUsername(r, agencyCode); username != want {
			return "ชื่อผู้ใช้งานของหน่วยงานต้องเป็น " + want
		}
		return ""
	}
	if len(username) < 3 || len(username) > 40 {
		return "ชื่อผู้ใช้งานต้องยาว 3 ถึง 40 ตัวอักษร"
	}
	for i, c := range username {
		switch {
		case c >= 'a' && c <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-'):
		default:
			return "ชื่อผู้ใช้งานใช้ได้เฉพาะอักษรภาษาอังกฤษตัวเล็ก ตัวเลข และ . _ - โดยขึ้นต้นด้วยตัวอักษร"
		}
	}
	if _, _, ok := ParseAgencyUsername(username); ok {
		return "ชื่อผู้ใช้งานที่ขึ้นต้นด้วย a หรือ t ตามด้วยตัวเลข สงวนไว้สำหรับบัญชีของหน่วยงาน"
	}
	return ""
}

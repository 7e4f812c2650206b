// Package agency defines the public agencies assessed by ITA: the
// registry record, the 17 agency types, the supervising bodies, the
// provinces with their assessment groups, and the filter used to list
// agencies.
package agency

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/openitas/itas/internal/apperr"
)

// Agency is one public agency in the registry.
//
// Code identifies the agency everywhere (3–12 ASCII digits, e.g. the
// 7-digit code of a local administration); the usernames of its two
// accounts are built from it. Ministry is the ministry or parent body
// ("" for bodies outside any ministry). Province is the Thai province
// name without "จังหวัด" ("" for central agencies). Group is the
// assessment group 1–10. Supervisor is the body overseeing it ("" for
// none). Website is the main website's absolute http(s) URL, the one the
// OIT checks ("" until known).
type Agency struct {
	Code       string
	Name       string
	ShortName  string
	Type       string // a Type code, e.g. TypeSAO
	Ministry   string
	Province   string
	Group      int
	Supervisor Supervisor
	Website    string
}

// Field names used as keys of the per-field messages that Validate
// returns; forms and import columns use the same names.
const (
	FieldCode       = "code"
	FieldName       = "name"
	FieldShortName  = "short_name"
	FieldType       = "type"
	FieldMinistry   = "ministry"
	FieldProvince   = "province"
	FieldGroup      = "group"
	FieldSupervisor = "supervisor"
	FieldWebsite    = "website"
)

// Limits on field lengths, in characters.
const (
	MaxNameLen     = 200
	MaxShortLen    = 60
	MaxMinistryLen = 200
	MaxWebsiteLen  = 500
)

// Normalize returns a copy of a with white space collapsed, the province
// in its canonical Thai spelling when recognised, and "https://" added to
// a website typed without a scheme. It does not validate.
func (a Agency) Normalize() Agency {
	a.Code = strings.TrimSpace(a.Code)
	a.Name = collapseSpace(a.Name)
	a.ShortName = collapseSpace(a.ShortName)
	a.Type = strings.TrimSpace(a.Type)
	a.Ministry = collapseSpace(a.Ministry)
	a.Province = NormalizeProvince(a.Province)
	if p, ok := ProvinceByName(a.Province); ok {
		a.Province = p.Name
	}
	a.Supervisor = Supervisor(strings.TrimSpace(string(a.Supervisor)))
	a.Website = strings.TrimSpace(a.Website)
	if a.Website != "" && !strings.Contains(a.Website, "://") {
		a.Website = "https://" + a.Website
	}
	return a
}

// Validate reports every rule a breaks as an *apperr.Error with code
// Invalid whose Fields map field names (FieldCode …) to Thai messages, or
// returns nil. It checks a as given: call Normalize first for user input.
func (a Agency) Validate() error {
	f := map[string]string{}
	if msg := CheckCode(a.Code); msg != "" {
		f[FieldCode] = msg
	}
	switch n := utf8.RuneCountInString(a.Name); {
	case n == 0:
		f[FieldName] = "กรุณากรอกชื่อหน่วยงาน"
	case n > MaxNameLen:
		f[FieldName] = fmt.Sprintf("ชื่อหน่วยงานยาวเกิน %d ตัวอักษร", MaxNameLen)
	}
	if utf8.RuneCountInString(a.ShortName) > MaxShortLen {
		f[FieldShortName] = fmt.Sprintf("ชื่อย่อยาวเกิน %d ตัวอักษร", MaxShortLen)
	}
	if utf8.RuneCountInString(a.Ministry) > MaxMinistryLen {
		f[FieldMinistry] = fmt.Sprintf("ชื่อกระทรวงหรือหน่วยงานต้นสังกัดยาวเกิน %d ตัวอักษร", MaxMinistryLen)
	}
	t, typeOK := TypeByCode(a.Type)
	if !typeOK {
		if a.Type == "" {
			f[FieldType] = "กรุณาเลือกประเภทหน่วยงาน"
		} else {
			f[FieldType] = "ประเภทหน่วยงานไม่ถูกต้อง ต้องเป็นหนึ่งใน 17 ประเภทตามคู่มือการประเมิน"
		}
	}
	p, provinceOK := ProvinceByName(a.Province)
	switch {
	case a.Province != "" && !provinceOK:
		f[FieldProvince] = "ไม่พบชื่อจังหวัดนี้ กรุณาตรวจสอบการสะกด"
	case a.Province == "" && typeOK && (t.Local || t.Code == TypeProvince):
		f[FieldProvince] = "กรุณาระบุจังหวัดของหน่วยงาน"
	}
	switch {
	case a.Group < 1 || a.Group > 10:
		f[FieldGroup] = "กลุ่มการประเมินต้องเป็นเลข 1 ถึง 10"
	case typeOK && (provinceOK || !(t.Local || t.Code == TypeProvince)):
		if want := SuggestGroup(a.Type, p.Name); want != 0 && want != a.Group {
			f[FieldGroup] = groupMessage(t, p, want)
		}
	}
	if a.Supervisor != "" && !a.Supervisor.Valid() {
		f[FieldSupervisor] = "หน่วยงานกำกับติดตามต้องเป็น ป.ป.ท. สคร. สป.อว. หรือ สถ."
	}
	if a.Website != "" {
		if msg := checkWebsite(a.Website); msg != "" {
			f[FieldWebsite] = msg
		}
	}
	return apperr.Check(f)
}

func groupMessage(t Type, p Province, want int) string {
	if t.Local || t.Code == TypeProvince {
		return fmt.Sprintf("จังหวัด%s อยู่ในกลุ่มการประเมินที่ %d", p.Name, want)
	}
	return fmt.Sprintf("หน่วยงานประเภท%s อยู่ในกลุ่มการประเมินที่ %d", stripParen(t.Name), want)
}

// CheckCode returns a Thai message if code is not a valid agency code
// (3–12 ASCII digits), or "".
func CheckCode(code string) string {
	if code == "" {
		return "กรุณากรอกรหัสหน่วยงาน"
	}
	if len(code) < 3 || len(code) > 12 || strings.Trim(code, "0123456789") != "" {
		return "รหัสหน่วยงานต้องเป็นตัวเลข 3 ถึง 12 หลัก"
	}
	return ""
}

func checkWebsite(s string) string {
	if utf8.RuneCountInString(s) > MaxWebsiteLen {
		return fmt.Sprintf("ที่อยู่เว็บไซต์ยาวเกิน %d ตัวอักษร", MaxWebsiteLen)
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "ที่อยู่เว็บไซต์ไม่ถูกต้อง ต้องขึ้นต้นด้วย http:// หรือ https:// เช่น https://www.example.go.th"
	}
	return ""
}

// TypeName returns the Thai name of a's type, or its code if unknown.
func (a Agency) TypeName() string {
	if t, ok := TypeByCode(a.Type); ok {
		return t.Name
	}
	return a.Type
}

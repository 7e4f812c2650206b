package stakeholder

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/openitas/itas/internal/apperr"
)

// ContactType is the kind of external stakeholder a contact is (manual 2.1 ข้อ 2).
type ContactType string

// The contact types.
const (
	TypePublic   ContactType = "public"   // ประชาชน
	TypeOfficial ContactType = "official" // เจ้าหน้าที่ของรัฐภายนอก
	TypeBusiness ContactType = "business" // ภาคธุรกิจ
)

// ContactTypes lists the types in the order forms and the template show them.
var ContactTypes = []ContactType{TypePublic, TypeOfficial, TypeBusiness}

var contactTypeNames = map[ContactType][2]string{
	TypePublic:   {"ประชาชน", "Member of the public"},
	TypeOfficial: {"เจ้าหน้าที่ของรัฐภายนอก", "Official of another agency"},
	TypeBusiness: {"ภาคธุรกิจ", "Business"},
}

// Name returns the Thai name of t, as the template's dropdown shows it.
func (t ContactType) Name() string {
	if n, ok := contactTypeNames[t]; ok {
		return n[0]
	}
	return string(t)
}

// NameEN returns the English name of t.
func (t ContactType) NameEN() string {
	if n, ok := contactTypeNames[t]; ok {
		return n[1]
	}
	return string(t)
}

// Valid reports whether t is one of ContactTypes.
func (t ContactType) Valid() bool { _, ok := contactTypeNames[t]; return ok }

// ParseContactType returns the type whose code ("public") or Thai name ("ประชาชน") is s,
// ignoring surrounding space, and reports whether there is one.
func ParseContactType(s string) (ContactType, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, t := range ContactTypes {
		if s == string(t) || s == t.Name() {
			return t, true
		}
	}
	return "", false
}

// Contact is one sample external stakeholder: someone who used the agency's services this
// year and whom the assessors may contact. Phone holds digits only ("0812345678"); e-mail is
// in lower case. ID is 0 until the contact is stored.
type Contact struct {
	ID           int64
	Name         string
	Organisation string
	Type         ContactType
	Phone        string
	Email        string
	Service      string
}

// Field names of contact messages; the form inputs and JSON keys use the same names.
const (
	FieldName         = "name"
	FieldOrganisation = "organisation"
	FieldType         = "type"
	FieldPhone        = "phone"
	FieldEmail        = "email"
	FieldService      = "service"
)

// Limits on a contact's text.
const (
	maxNameRunes    = 200
	maxOrgRunes     = 200
	maxServiceRunes = 300
	maxEmailBytes   = 254
)

// Normalize returns c with repeated and surrounding white space removed, the phone number
// reduced to its digits ("+66 81-234-5678" → "0812345678") when it is a well-formed Thai
// number, and the e-mail address in lower case. A malformed phone number is kept as typed so
// that Validate can say what is wrong with it.
func (c Contact) Normalize() Contact {
	c.Name = oneSpace(c.Name)
	c.Organisation = oneSpace(c.Organisation)
	c.Service = oneSpace(c.Service)
	c.Phone = strings.TrimSpace(c.Phone)
	if d, ok := phoneDigits(c.Phone); ok {
		c.Phone = d
	}
	c.Email = strings.ToLower(strings.TrimSpace(c.Email))
	return c
}

// Validate reports, as an Invalid *apperr.Error with a Thai message per field, every rule c
// breaks, or returns nil. c should be normalized first. Required: name, type, the service
// used, and a phone number or an e-mail address (at least one, so that the person can be
// reached); an organisation is required for officials and businesses, optional for the public.
func (c Contact) Validate() error {
	return apperr.Check(c.Problems())
}

// Problems returns Validate's messages by field; empty when c is valid.
func (c Contact) Problems() map[string]string {
	f := map[string]string{}
	text := func(field, value, what string, max int, required bool) {
		switch n := utf8.RuneCountInString(value); {
		case n == 0 && required:
			f[field] = "กรุณากรอก" + what
		case n > max:
			f[field] = fmt.Sprintf("%sยาวเกิน %d ตัวอักษร", what, max)
		}
	}
	text(FieldName, c.Name, "ชื่อ–นามสกุล", maxNameRunes, true)
	text(FieldOrganisation, c.Organisation, "หน่วยงาน/องค์กร", maxOrgRunes, c.Type == TypeOfficial || c.Type == TypeBusiness)
	text(FieldService, c.Service, "งานบริการที่มาใช้หรือมาติดต่อ", maxServiceRunes, true)
	switch {
	case c.Type == "":
		f[FieldType] = "กรุณาเลือกประเภท: " + typeChoices()
	case !c.Type.Valid():
		f[FieldType] = "ประเภทต้องเป็น " + typeChoices()
	}
	switch {
	case c.Phone == "" && c.Email == "":
		f[FieldPhone] = "กรุณากรอกเบอร์โทรศัพท์หรืออีเมลอย่างน้อยหนึ่งช่อง"
	case c.Phone != "":
		if _, ok := phoneDigits(c.Phone); !ok {
			f[FieldPhone] = "เบอร์โทรศัพท์ไม่ถูกต้อง: ต้องเป็นตัวเลข 9–10 หลักขึ้นต้นด้วย 0 (มีขีดหรือเว้นวรรคได้) เช่น 02-123-4567 หรือ 081-234-5678"
		}
	}
	if c.Email != "" && !validEmail(c.Email) {
		f[FieldEmail] = "อีเมลไม่ถูกต้อง ตัวอย่าง name@example.com"
	}
	return f
}

func typeChoices() string {
	names := make([]string, len(ContactTypes))
	for i, t := range ContactTypes {
		names[i] = t.Name()
	}
	return strings.Join(names, " / ")
}

// phoneDigits returns the digits of a Thai phone number written with optional spaces and
// dashes — 9 digits for a landline (02-123-4567), 10 for a mobile (081-234-5678), starting
// with 0; "+66" in place of the 0 is accepted — and reports whether s is one.
func phoneDigits(s string) (string, bool) {
	s = strings.TrimSpace(s)
	intl := strings.HasPrefix(s, "+66")
	if intl {
		s = s[len("+66"):]
	}
	var b strings.Builder
	b.Grow(10)
	if intl {
		b.WriteByte('0')
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
		default:
			return "", false
		}
	}
	d := b.String()
	if intl && strings.HasPrefix(d, "00") { // "+66 0812…" repeats the trunk prefix
		d = d[1:]
	}
	return d, strings.HasPrefix(d, "0") && len(d) >= 9 && len(d) <= 10
}

// FormatPhone writes stored phone digits the way Thai numbers are read: 02-123-4567 for
// Bangkok landlines, 053-941-000 for other landlines, 081-234-5678 for mobiles. Anything
// else is returned unchanged.
func FormatPhone(d string) string {
	if strings.Trim(d, "0123456789") != "" || !strings.HasPrefix(d, "0") {
		return d
	}
	switch {
	case len(d) == 10:
		return d[:3] + "-" + d[3:6] + "-" + d[6:]
	case len(d) == 9 && strings.HasPrefix(d, "02"):
		return d[:2] + "-" + d[2:5] + "-" + d[5:]
	case len(d) == 9:
		return d[:3] + "-" + d[3:6] + "-" + d[6:]
	}
	return d
}

func validEmail(s string) bool {
	if len(s) > maxEmailBytes {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..")
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// NameKey is the form of a (normalized) name that duplicates are found by: letter case and
// spacing do not make two people different.
func NameKey(name string) string { return strings.ToLower(oneSpace(name)) }

// Duplicates: two contacts of the same agency and year are the same person when they have
// the same name (see NameKey) and the same phone number, or the same name and the same e-mail
// address. Name alone is not enough (two people may share a name), and a shared phone or
// e-mail alone is not either (an office number or address serves many people).

// dupKeys returns the keys under which c collides with another contact: name+phone and
// name+e-mail, for those c has.
func (c Contact) dupKeys() []string {
	n := NameKey(c.Name)
	var keys []string
	if c.Phone != "" {
		keys = append(keys, n+"\x00p:"+c.Phone)
	}
	if c.Email != "" {
		keys = append(keys, n+"\x00e:"+c.Email)
	}
	return keys
}

// SameAs reports whether c and o are the same person by the duplicate rule (see NameKey).
func (c Contact) SameAs(o Contact) bool {
	for _, k := range c.dupKeys() {
		for _, l := range o.dupKeys() {
			if k == l {
				return true
			}
		}
	}
	return false
}

// DuplicateOf returns the index in list of the first contact that is the same person as c,
// other than the one with c's own ID (when editing), or -1.
func DuplicateOf(c Contact, list []Contact) int {
	for i, o := range list {
		if c.ID != 0 && o.ID == c.ID {
			continue
		}
		if c.SameAs(o) {
			return i
		}
	}
	return -1
}

// FirstDuplicate returns the first contact of incoming that is the same person as one of
// existing or as an earlier one of incoming, and the contact it repeats; ok is false when
// incoming adds only new people. It takes time linear in the two lists.
func FirstDuplicate(existing, incoming []Contact) (dup, of Contact, ok bool) {
	seen := make(map[string]Contact, 2*(len(existing)+len(incoming)))
	for _, c := range existing {
		for _, k := range c.dupKeys() {
			seen[k] = c
		}
	}
	for _, c := range incoming {
		for _, k := range c.dupKeys() {
			if o, found := seen[k]; found {
				return c, o, true
			}
		}
		for _, k := range c.dupKeys() {
			seen[k] = c
		}
	}
	return Contact{}, Contact{}, false
}

// ErrDuplicate returns the Conflict error for a contact that is already in the list, with a
// message on the field that makes it a duplicate.
func ErrDuplicate(c, existing Contact) error {
	field, how := FieldPhone, "ชื่อและเบอร์โทรศัพท์"
	if c.Phone == "" || c.Phone != existing.Phone {
		field, how = FieldEmail, "ชื่อและอีเมล"
	}
	msg := fmt.Sprintf("%s มีอยู่ในรายชื่อแล้ว (%sตรงกัน)", existing.Name, how)
	return &apperr.Error{Code: apperr.CodeConflict, Message: msg,
		MessageEN: "This person is already in the list (same name and " + map[string]string{FieldPhone: "phone", FieldEmail: "e-mail"}[field] + ")",
		Fields:    map[string]string{field: msg}}
}

package account

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/openitas/itas/internal/apperr"
)

// Profile is what a user fills in at first login (manual section 6.1):
// full name, position, phone and e-mail.
type Profile struct {
	Name     string
	Position string
	Phone    string
	Email    string
}

// Field names of profile messages.
const (
	FieldName     = "name"
	FieldPosition = "position"
	FieldPhone    = "phone"
	FieldEmail    = "email"
)

// Normalize returns p with surrounding and repeated white space removed
// and the e-mail address in lower case.
func (p Profile) Normalize() Profile {
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	p.Position = strings.Join(strings.Fields(p.Position), " ")
	p.Phone = strings.TrimSpace(p.Phone)
	p.Email = strings.ToLower(strings.TrimSpace(p.Email))
	return p
}

// Validate reports, as an Invalid *apperr.Error with Thai per-field
// messages, every field of a complete profile that is missing or
// malformed, or returns nil. All four fields are required.
func (p Profile) Validate() error {
	f := map[string]string{}
	p.check(f, true)
	return apperr.Check(f)
}

// check adds messages for p's fields to f; with required false, empty
// fields pass.
func (p Profile) check(f map[string]string, required bool) {
	text := func(field, value, what string, max int) {
		switch n := utf8.RuneCountInString(value); {
		case n == 0 && required:
			f[field] = "กรุณากรอก" + what
		case n > max:
			f[field] = fmt.Sprintf("%sยาวเกิน %d ตัวอักษร", what, max)
		}
	}
	text(FieldName, p.Name, "ชื่อ–นามสกุล", 200)
	text(FieldPosition, p.Position, "ตำแหน่ง", 200)
	switch {
	case p.Phone == "" && required:
		f[FieldPhone] = "กรุณากรอกเบอร์โทรศัพท์"
	case p.Phone != "" && !validPhone(p.Phone):
		f[FieldPhone] = "เบอร์โทรศัพท์ไม่ถูกต้อง ตัวอย่าง 02-123-4567 หรือ 081-234-5678 (ต่อ 123)"
	}
	switch {
	case p.Email == "" && required:
		f[FieldEmail] = "กรุณากรอกอีเมล"
	case p.Email != "" && !validEmail(p.Email):
		f[FieldEmail] = "อีเมลไม่ถูกต้อง ตัวอย่าง name@agency.go.th"
	}
}

// validPhone accepts a Thai number of 9–10 digits (or +66 and 8–9
// digits), with spaces, dashes or parentheses, optionally followed by an
// extension: "ต่อ 123", "ext. 123" or "#123".
func validPhone(s string) bool {
	for _, sep := range []string{"ต่อ", "ext.", "ext", "#"} {
		if i := strings.Index(strings.ToLower(s), sep); i > 0 {
			ext := strings.Trim(strings.TrimSpace(s[i+len(sep):]), ".")
			if ext == "" || len(ext) > 6 || strings.Trim(ext, "0123456789") != "" {
				return false
			}
			s = s[:i]
			break
		}
	}
	s = strings.TrimSpace(s)
	var digits strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')':
		case r == '+' && i == 0:
		default:
			return false
		}
	}
	d := digits.String()
	if strings.HasPrefix(s, "+") {
		return strings.HasPrefix(d, "66") && len(d) >= 10 && len(d) <= 11
	}
	return strings.HasPrefix(d, "0") && len(d) >= 9 && len(d) <= 10
}

func validEmail(s string) bool {
	if len(s) > 254 {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".")
}

package survey

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/openitas/itas/internal/apperr"
)

// NationalID is a Thai national ID (เลขประจำตัวประชาชน) that passed ParseNationalID: exactly 13
// ASCII digits with a valid check digit. It exists only in memory, long enough to be hashed
// (Hasher.Hash); it is never stored, logged or put in a URL.
type NationalID string

// FieldNationalID is the field name of the national ID in forms, the JSON API and the
// Fields of the errors ParseNationalID returns.
const FieldNationalID = "national_id"

// ParseNationalID reads a national ID as a respondent types it — with spaces or dashes
// between groups ("1-2345-67890-12-1"), in Thai digits (๑๒๓…) or both — and checks its length
// and check digit. The errors are Invalid with a Thai message under FieldNationalID that
// tells a wrong length (a digit missed or doubled) from a wrong check digit (a digit mistyped),
// because the two need different corrections.
func ParseNationalID(s string) (NationalID, error) {
	var b strings.Builder
	other := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '๐' && r <= '๙':
			b.WriteRune('0' + (r - '๐'))
		case r == ' ' || r == '-' || r == '\u00a0' || r == '\t' || r == '\u200b':
		default:
			other = true
		}
	}
	digits := b.String()
	switch {
	case strings.TrimSpace(s) == "":
		return "", idError("กรุณากรอกเลขประจำตัวประชาชน 13 หลัก")
	case other || !utf8.ValidString(s):
		return "", idError("เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลักเท่านั้น (เว้นวรรคหรือขีดคั่นได้)")
	case len(digits) != 13:
		return "", idError(fmt.Sprintf("เลขประจำตัวประชาชนต้องมี 13 หลัก แต่ที่กรอกมี %d หลัก", len(digits)))
	case checkDigit(digits) != digits[12]:
		return "", idError("เลขประจำตัวประชาชนไม่ถูกต้อง: หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ " +
			"กรุณาตรวจดูว่าพิมพ์ตัวเลขผิดหรือสลับกันหรือไม่")
	}
	return NationalID(digits), nil
}

// checkDigit returns the check digit of the first 12 digits of d: 11 minus the sum of the
// digits weighted 13 down to 2, modulo 11, then modulo 10 (the Ministry of Interior's rule).
func checkDigit(d string) byte {
	sum := 0
	for i := 0; i < 12; i++ {
		sum += int(d[i]-'0') * (13 - i)
	}
	return byte('0' + (11-sum%11)%10)
}

func idError(msg string) error {
	return apperr.Fields(FieldNationalID, msg)
}

// String hides the ID, so that a NationalID printed by mistake (a log line, an error message)
// shows nothing of it. The hasher reads the digits with string(id).
func (id NationalID) String() string { return "*************" }

// GoString hides the ID from %#v as String does from %v.
func (id NationalID) GoString() string { return id.String() }

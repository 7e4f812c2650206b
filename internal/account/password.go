package account

import (
	"crypto/rand"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openitas/itas/internal/apperr"
)

// Password policy.
const (
	MinPasswordLen = 10  // characters
	MaxPasswordLen = 128 // characters; bounds the hashing work per login
)

// FieldPassword is the field name of password messages in the errors of
// CheckPassword.
const FieldPassword = "password"

// CheckPassword returns an *apperr.Error with code Invalid whose
// Fields[FieldPassword] gives, in Thai, every rule password breaks for
// the account username, or nil. The rules: at least MinPasswordLen and at
// most MaxPasswordLen characters; not the username (in any letter case),
// and not containing it; at least two kinds of character among lower-case
// letters, upper-case letters, digits, and others (Thai letters and
// symbols count as others).
func CheckPassword(username, password string) error {
	var msgs []string
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLen:
		msgs = append(msgs, "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร")
	case n > MaxPasswordLen:
		msgs = append(msgs, "รหัสผ่านต้องยาวไม่เกิน 128 ตัวอักษร")
	}
	u, p := NormalizeUsername(username), strings.ToLower(password)
	if u != "" && (p == u || strings.Contains(p, u)) {
		msgs = append(msgs, "รหัสผ่านต้องไม่ใช่หรือมีชื่อผู้ใช้งานอยู่ในนั้น")
	}
	if n > 0 && charClasses(password) < 2 {
		msgs = append(msgs, "รหัสผ่านต้องมีตัวอักษรอย่างน้อยสองชนิด เช่น ตัวอักษรและตัวเลข (ห้ามเป็นตัวเลขล้วนหรือตัวอักษรชนิดเดียวล้วน)")
	}
	if len(msgs) == 0 {
		return nil
	}
	err := apperr.Fields(FieldPassword, strings.Join(msgs, " และ"))
	err.Message = "รหัสผ่านไม่เป็นไปตามเงื่อนไข"
	err.MessageEN = "The password breaks the password rules"
	return err
}

func charClasses(s string) int {
	var lower, upper, digit, other int
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			lower = 1
		case r >= 'A' && r <= 'Z':
			upper = 1
		case unicode.IsDigit(r):
			digit = 1
		default:
			other = 1
		}
	}
	return lower + upper + digit + other
}

// passwordAlphabet omits characters people confuse when they copy a
// password from paper: 0/O/o, 1/l/I.
const passwordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// OneTimePasswordLen is the length of generated passwords: 12 characters
// of a 56-character alphabet, about 70 bits.
const OneTimePasswordLen = 12

// GeneratePassword returns a random password of OneTimePasswordLen
// characters from a readable alphabet, drawn with crypto/rand and
// holding at least a lower-case letter, an upper-case letter and a digit.
func GeneratePassword() string {
	for {
		b := make([]byte, OneTimePasswordLen)
		for i := range b {
			b[i] = passwordAlphabet[randIntn(len(passwordAlphabet))]
		}
		s := string(b)
		if strings.ContainsAny(s, "abcdefghijkmnpqrstuvwxyz") &&
			strings.ContainsAny(s, "ABCDEFGHJKLMNPQRSTUVWXYZ") &&
			strings.ContainsAny(s, "23456789") {
			return s
		}
	}
}

// randIntn returns a uniform random int in [0, n) for 0 < n ≤ 256, by
// rejection sampling of crypto/rand bytes.
func randIntn(n int) int {
	limit := 256 - 256%n
	var b [1]byte
	for {
		if _, err := rand.Read(b[:]); err != nil {
			panic("account: crypto/rand failed: " + err.Error()) // rand.Read never fails on supported platforms
		}
		if int(b[0]) < limit {
			return int(b[0]) % n
		}
	}
}

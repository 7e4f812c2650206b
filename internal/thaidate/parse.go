package thaidate

import (
	"strconv"
	"strings"
	"time"

	"github.com/openitas/itas/internal/apperr"
)

// ParseDate reads a date typed by a user and returns 00:00 of that day in
// Bangkok. It accepts "21/11/2569" or "21-11-2569" (day, month and
// Buddhist-era year; Thai digits allowed), and "2026-11-21", the
// Common-era ISO form an HTML date input sends. Errors are *apperr.Error
// with code Invalid and a Thai message.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(toASCIIDigits(s))
	if s == "" {
		return time.Time{}, invalid("กรุณาระบุวันที่", "Enter a date")
	}
	var d, m, y int
	var err error
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d, err = ints(s[0:4], s[5:7], s[8:10])
		y += EraOffset
	default:
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
		if len(parts) != 3 {
			return time.Time{}, invalid("รูปแบบวันที่ไม่ถูกต้อง ให้ใช้ วว/ดด/ปปปป (พ.ศ.) เช่น 21/11/2569",
				"Invalid date: use dd/mm/yyyy in the Buddhist era, e.g. 21/11/2569")
		}
		d, m, y, err = ints(parts[0], parts[1], parts[2])
		if err == nil && len(parts[2]) != 4 {
			err = strconv.ErrSyntax
		}
	}
	if err != nil {
		return time.Time{}, invalid("รูปแบบวันที่ไม่ถูกต้อง ให้ใช้ วว/ดด/ปปปป (พ.ศ.) เช่น 21/11/2569",
			"Invalid date: use dd/mm/yyyy in the Buddhist era, e.g. 21/11/2569")
	}
	if y < 2400 || y > 2800 {
		return time.Time{}, invalid("ปี พ.ศ. ไม่ถูกต้อง (ต้องเป็นปีพุทธศักราช เช่น 2569)",
			"Invalid year: use the Buddhist era, e.g. 2569")
	}
	if m < 1 || m > 12 {
		return time.Time{}, invalid("เดือนต้องอยู่ระหว่าง 1 ถึง 12", "Month must be 1 to 12")
	}
	t := time.Date(y-EraOffset, time.Month(m), d, 0, 0, 0, 0, Location)
	if d < 1 || t.Day() != d {
		return time.Time{}, invalid("ไม่มีวันที่นี้ในปฏิทิน", "No such day in the calendar")
	}
	return t, nil
}

func invalid(th, en string) error { return apperr.Invalid(th, en) }

func ints(a, b, c string) (int, int, int, error) {
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	z, err3 := strconv.Atoi(c)
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return 0, 0, 0, err
		}
	}
	return x, y, z, nil
}

// toASCIIDigits replaces Thai digits ๐–๙ with 0–9.
func toASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '๐' && r <= '๙' {
			return '0' + (r - '๐')
		}
		return r
	}, s)
}

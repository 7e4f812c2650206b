package survey

import (
	"fmt"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/apperr"
)

func TestParseNationalID(t *testing.T) {
	valid := []struct{ name, in, want string }{
		{"Plain", "1101700203450", "1101700203450"},
		{"Dashes", "1-1017-00203-45-0", "1101700203450"},
		{"Spaces", " 3 1015 00123 45 9 ", "3101500123459"},
		{"ThaiDigits", "๑๒๓๔๕๖๗๘๙๐๑๒๑", "1234567890121"},
		{"MixedDigits", "1234๕๖๗๘๙๐๑๒1", "1234567890121"},
		{"LeadingZero", "0000000000001", "0000000000001"},
	}
	for _, tt := range valid {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNationalID(tt.in)
			if err != nil || string(got) != tt.want {
				t.Fatalf("ParseNationalID(%q) = %q, %v; want %q", tt.in, string(got), err, tt.want)
			}
		})
	}
	invalid := []struct{ name, in, wantMsg string }{
		{"Empty", "  ", "กรุณากรอก"},
		{"TooShort", "110170020345", "แต่ที่กรอกมี 12 หลัก"},
		{"TooLong", "11017002034501", "แต่ที่กรอกมี 14 หลัก"},
		{"WrongCheckDigit", "1101700203451", "หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ"},
		{"SwappedDigits", "1011700203450", "หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ"},
		{"Letters", "11017002034A0", "ตัวเลข 13 หลักเท่านั้น"},
	}
	for _, tt := range invalid {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseNationalID(tt.in)
			if !apperr.Is(err, apperr.CodeInvalid) {
				t.Fatalf("ParseNationalID(%q) error = %v, want Invalid", tt.in, err)
			}
			msg := apperr.FieldsOf(err)[FieldNationalID]
			if !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("message %q, want it to contain %q", msg, tt.wantMsg)
			}
		})
	}
}

// TestCheckDigitCatchesOneTypo checks the property the check digit exists for: changing one
// digit of a valid ID makes it invalid. The third digit is the exception of the Ministry's
// scheme: its weight is 11, which vanishes modulo 11, so no check digit can catch it.
func TestCheckDigitCatchesOneTypo(t *testing.T) {
	const id = "1101700203450"
	for i := 0; i < 13; i++ {
		if i == 2 {
			continue
		}
		for d := byte('0'); d <= '9'; d++ {
			if id[i] == d {
				continue
			}
			typo := id[:i] + string(d) + id[i+1:]
			if _, err := ParseNationalID(typo); err == nil {
				t.Errorf("%s (digit %d changed) accepted", typo, i+1)
			}
		}
	}
}

func TestNationalIDNeverPrints(t *testing.T) {
	id, err := ParseNationalID("1101700203450")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprint(id), fmt.Sprintf("%v %s %#v", id, id, id)} {
		if strings.ContainsAny(s, "0123456789") {
			t.Errorf("formatted ID shows digits: %q", s)
		}
	}
}

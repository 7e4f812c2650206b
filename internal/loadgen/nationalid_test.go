package loadgen

import (
	"testing"

	"github.com/openitas/itas/internal/survey"
)

func TestNationalID(t *testing.T) {
	for _, n := range []uint64{0, 1, 9, 10, 12345, 99_999_999_999, 100_000_000_000, 543_210_987_654, MaxIDs - 1} {
		id := NationalID(n)
		if len(id) != 13 {
			t.Errorf("NationalID(%d) = %q, want 13 digits", n, id)
		}
		if id[0] < '1' || id[0] > '8' {
			t.Errorf("NationalID(%d) = %q starts with %c, want 1–8", n, id, id[0])
		}
		if _, err := survey.ParseNationalID(id); err != nil {
			t.Errorf("NationalID(%d) = %q fails the form's check: %v", n, id, err)
		}
	}
	t.Run("KnownCheckDigit", func(t *testing.T) {
		// 1-1037-00045-67-? : 1×13+1×12+0×11+3×10+7×9+0×8+0×7+0×6+4×5+5×4+6×3+7×2 = 190;
		// 190 mod 11 = 3; (11−3) mod 10 = 8.
		if got := NationalID(10370004567); got != "1103700045678" {
			t.Errorf("NationalID(10370004567) = %q, want 1103700045678", got)
		}
	})
	t.Run("Distinct", func(t *testing.T) {
		seen := map[string]uint64{}
		for n := range uint64(200_000) {
			id := NationalID(n * 3_999_997)
			if m, dup := seen[id]; dup {
				t.Fatalf("NationalID(%d) = NationalID(%d) = %s", n*3_999_997, m, id)
			}
			seen[id] = n * 3_999_997
		}
	})
	t.Run("OneDigitChangedFails", func(t *testing.T) {
		// The check digit catches a mistyped digit: the generator's IDs are not valid by accident.
		id := []byte(NationalID(777))
		id[5] = '0' + (id[5]-'0'+1)%10
		if _, err := survey.ParseNationalID(string(id)); err == nil {
			t.Errorf("%s with a digit changed still passes", id)
		}
	})
	t.Run("OutOfRangePanics", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error("NationalID(MaxIDs) did not panic")
			}
		}()
		NationalID(MaxIDs)
	})
}

func TestIPv4(t *testing.T) {
	seen := map[string]bool{}
	for n := range 70_000 {
		a := ipv4(n)
		if seen[a] {
			t.Fatalf("ipv4(%d) = %s twice", n, a)
		}
		seen[a] = true
	}
	if got := ipv4(0); got != "10.0.0.1" {
		t.Errorf("ipv4(0) = %s, want 10.0.0.1", got)
	}
}

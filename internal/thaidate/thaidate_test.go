package thaidate

import (
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
)

func bkk(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, Location)
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		f    func(time.Time) string
		in   time.Time
		want string
	}{
		{"Date", FormatDate, bkk(2026, 11, 21, 9, 0), "21 พ.ย. 2569"},
		{"DateLong", FormatDateLong, bkk(2026, 11, 21, 9, 0), "21 พฤศจิกายน 2569"},
		{"DateTime", FormatDateTime, bkk(2026, 11, 21, 14, 5), "21 พ.ย. 2569 14:05 น."},
		{"DateEN", FormatDateEN, bkk(2026, 11, 21, 9, 0), "21 Nov 2026"},
		{"DateLongEN", FormatDateLongEN, bkk(2026, 11, 21, 9, 0), "21 November 2026"},
		{"DateTimeEN", FormatDateTimeEN, bkk(2026, 11, 21, 14, 5), "21 Nov 2026 14:05"},
		{"Input", FormatInput, bkk(2020, 3, 2, 0, 0), "02/03/2563"},
		{"LeapDay", FormatDateLong, bkk(2024, 2, 29, 0, 0), "29 กุมภาพันธ์ 2567"},
		{"UTCEveningIsNextDayInBangkok", FormatDate, time.Date(2026, 11, 20, 18, 30, 0, 0, time.UTC), "21 พ.ย. 2569"},
		{"Zero", FormatDate, time.Time{}, ""},
		{"ZeroEN", FormatDateTimeEN, time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFiscalYear(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
		want int
	}{
		{"FirstDay", bkk(2025, 10, 1, 0, 0), 2569},
		{"LastDayBefore", time.Date(2025, 9, 30, 23, 59, 59, 999999999, Location), 2568},
		{"UTCBoundary", time.Date(2025, 9, 30, 17, 0, 0, 0, time.UTC), 2569},
		{"UTCJustBefore", time.Date(2025, 9, 30, 16, 59, 59, 0, time.UTC), 2568},
		{"January", bkk(2020, 1, 15, 0, 0), 2563},
		{"December", bkk(2019, 12, 31, 0, 0), 2563},
		{"LeapDay", bkk(2020, 2, 29, 0, 0), 2563},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FiscalYear(tt.in); got != tt.want {
				t.Errorf("FiscalYear(%v) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestFiscalYearBounds(t *testing.T) {
	if got, want := FiscalYearStart(2563), bkk(2019, 10, 1, 0, 0); !got.Equal(want) {
		t.Errorf("FiscalYearStart(2563) = %v, want %v", got, want)
	}
	end := FiscalYearEnd(2563)
	if got := FiscalYear(end); got != 2563 {
		t.Errorf("FiscalYear(FiscalYearEnd(2563)) = %d, want 2563", got)
	}
	if got := FiscalYear(end.Add(time.Nanosecond)); got != 2564 {
		t.Errorf("FiscalYear(FiscalYearEnd(2563)+1ns) = %d, want 2564", got)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"21/11/2569", bkk(2026, 11, 21, 0, 0)},
		{" 1/2/2563 ", bkk(2020, 2, 1, 0, 0)},
		{"29/02/2563", bkk(2020, 2, 29, 0, 0)},
		{"29-02-2567", bkk(2024, 2, 29, 0, 0)},
		{"๒๑/๑๑/๒๕๖๙", bkk(2026, 11, 21, 0, 0)},
		{"2026-11-21", bkk(2026, 11, 21, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if err != nil {
				t.Fatalf("ParseDate(%q) error: %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, in := range []string{
		"", "21/11", "aa/bb/cccc", "29/02/2566", // 2023 is not a leap year
		"31/04/2569", "21/13/2569", "0/11/2569", "21/11/2026", // CE year where BE is expected
		"21/11/69", "2026-02-30",
	} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseDate(in)
			if got := apperr.CodeOf(err); got != apperr.CodeInvalid {
				t.Fatalf("ParseDate(%q) code = %q (err %v), want invalid", in, got, err)
			}
			if apperr.MessageOf(err) == "" {
				t.Errorf("ParseDate(%q): no Thai message", in)
			}
		})
	}
}

func TestEndOfDay(t *testing.T) {
	got := EndOfDay(bkk(2020, 3, 1, 10, 0))
	want := time.Date(2020, 3, 1, 23, 59, 59, 999999999, Location)
	if !got.Equal(want) {
		t.Errorf("EndOfDay = %v, want %v", got, want)
	}
}

func TestMonthNames(t *testing.T) {
	if MonthShort(0) != "" || MonthLong(13) != "" {
		t.Errorf("out-of-range month should give empty name")
	}
	if got := MonthLong(time.February); got != "กุมภาพันธ์" {
		t.Errorf("MonthLong(February) = %q", got)
	}
}

package web

import (
	"strconv"
	"time"

	"github.com/openitas/itas/internal/thaidate"
)

// formatDate formats a date for language l: Buddhist era in Thai ("21 พ.ย. 2569"), common era
// in English. It accepts time.Time and *time.Time; nil and the zero time format as "".
func formatDate(l Lang, v any) string {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case *time.Time:
		if x != nil {
			t = *x
		}
	}
	if l == LangEN {
		return thaidate.FormatDateEN(t)
	}
	return thaidate.FormatDate(t)
}

// formatDateTime formats a moment for language l, like formatDate with the time of day.
func formatDateTime(l Lang, t time.Time) string {
	if l == LangEN {
		return thaidate.FormatDateTimeEN(t)
	}
	return thaidate.FormatDateTime(t)
}

// formatNumber formats an integer with thousands separators ("8,302").
func formatNumber(n int) string {
	s := strconv.Itoa(n)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

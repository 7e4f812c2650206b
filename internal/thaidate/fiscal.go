package thaidate

import "time"

// FiscalYear returns the Buddhist-era fiscal year that t falls in. The
// Thai government fiscal year starts on 1 October: 1 October 2025 (CE)
// begins fiscal year 2569, and 30 September 2025 is in 2568.
func FiscalYear(t time.Time) int {
	t = t.In(Location)
	fy := t.Year() + EraOffset
	if t.Month() >= time.October {
		fy++
	}
	return fy
}

// FiscalYearStart returns the first instant of Buddhist-era fiscal year
// fy: 1 October of the previous year, 00:00 in Bangkok.
func FiscalYearStart(fy int) time.Time {
	return time.Date(fy-EraOffset-1, time.October, 1, 0, 0, 0, 0, Location)
}

// FiscalYearEnd returns the last instant of Buddhist-era fiscal year fy:
// 30 September, 23:59:59.999999999 in Bangkok.
func FiscalYearEnd(fy int) time.Time {
	return FiscalYearStart(fy + 1).Add(-time.Nanosecond)
}

// StartOfDay returns 00:00 in Bangkok of the day t falls on there.
func StartOfDay(t time.Time) time.Time {
	t = t.In(Location)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, Location)
}

// EndOfDay returns the last instant (23:59:59.999999999) in Bangkok of
// the day t falls on there: the inclusive end of a window whose last day
// a user entered.
func EndOfDay(t time.Time) time.Time {
	return StartOfDay(t).AddDate(0, 0, 1).Add(-time.Nanosecond)
}

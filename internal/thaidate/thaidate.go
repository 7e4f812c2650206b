// Package thaidate formats and parses dates in the Buddhist era (พ.ศ.) as
// Thai users read them, and computes the Thai government fiscal year.
//
// All functions work in Bangkok time (Location), whatever the location of
// the time.Time they are given.
package thaidate

import (
	"fmt"
	"time"
)

// EraOffset is the difference between a Buddhist-era year and the
// Common-era year: BE = CE + 543.
const EraOffset = 543

// Location is Asia/Bangkok, or a fixed UTC+7 zone named "ICT" when the
// system has no time zone database. Thailand keeps no daylight saving
// time, so the two agree.
var Location = loadBangkok()

func loadBangkok() *time.Location {
	if loc, err := time.LoadLocation("Asia/Bangkok"); err == nil {
		return loc
	}
	return time.FixedZone("ICT", 7*60*60)
}

var monthsShort = [12]string{
	"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
	"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
}

var monthsLong = [12]string{
	"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
	"กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
}

// MonthShort returns the abbreviated Thai name of m ("พ.ย."), or "" if m
// is not a month.
func MonthShort(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthsShort[m-1]
}

// MonthLong returns the full Thai name of m ("พฤศจิกายน"), or "" if m is
// not a month.
func MonthLong(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthsLong[m-1]
}

// Year returns the Buddhist-era year of t in Bangkok.
func Year(t time.Time) int { return t.In(Location).Year() + EraOffset }

// FormatDate formats t as "21 พ.ย. 2569". The zero time formats as "".
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Location)
	return fmt.Sprintf("%d %s %d", t.Day(), monthsShort[t.Month()-1], t.Year()+EraOffset)
}

// FormatDateLong formats t as "21 พฤศจิกายน 2569". The zero time formats
// as "".
func FormatDateLong(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Location)
	return fmt.Sprintf("%d %s %d", t.Day(), monthsLong[t.Month()-1], t.Year()+EraOffset)
}

// FormatDateTime formats t as "21 พ.ย. 2569 14:05 น.". The zero time
// formats as "".
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Location)
	return fmt.Sprintf("%s %02d:%02d น.", FormatDate(t), t.Hour(), t.Minute())
}

// FormatDateEN formats t as "21 Nov 2026" (Common era). The zero time
// formats as "".
func FormatDateEN(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Location).Format("2 Jan 2006")
}

// FormatDateLongEN formats t as "21 November 2026". The zero time formats
// as "".
func FormatDateLongEN(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Location).Format("2 January 2006")
}

// FormatDateTimeEN formats t as "21 Nov 2026 14:05". The zero time formats
// as "".
func FormatDateTimeEN(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Location).Format("2 Jan 2006 15:04")
}

// FormatInput formats t as "21/11/2569", the form ParseDate reads back.
// The zero time formats as "".
func FormatInput(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Location)
	return fmt.Sprintf("%02d/%02d/%d", t.Day(), int(t.Month()), t.Year()+EraOffset)
}

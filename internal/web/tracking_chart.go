package web

import (
	"strconv"
	"time"

	"github.com/openitas/itas/internal/thaidate"
)

// maxChartDays bounds the days a chart and the daily table show: the latest ones.
const maxChartDays = 120

// DayRow is one day of an agency's collection: responses that day and so far, per survey.
type DayRow struct {
	Day                time.Time
	IIT, EIT           int
	IITTotal, EITTotal int
}

// Chart is a bar chart of daily responses drawn as inline SVG in the page, so that it needs
// neither script nor a request of its own. Coordinates are in the SVG's viewBox units.
type Chart struct {
	Width, Height int
	Left          int // where the bars start; the axis labels are to its left
	Top, Bottom   int // the plot's vertical extent
	Max           int // the value of the top grid line
	Bars          []Bar
	FirstDay      string
	LastDay       string
	LastX         int // where the last day's label ends
}

// Bar is one day's bar, with its label for screen readers and tooltips.
type Bar struct {
	X, Y, W, H int
	Label      string
}

// collectionDays returns one DayRow per day from first to last (both midnight in Bangkok),
// with the counts of days, and running totals that start from what came before first.
func collectionDays(days map[time.Time][2]int, first, last time.Time) []DayRow {
	var before [2]int
	for d, c := range days {
		if d.Before(first) {
			before[0] += c[0]
			before[1] += c[1]
		}
	}
	var out []DayRow
	tot := before
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		c := days[d]
		tot[0] += c[0]
		tot[1] += c[1]
		out = append(out, DayRow{Day: d, IIT: c[0], EIT: c[1], IITTotal: tot[0], EITTotal: tot[1]})
	}
	return out
}

// dayRange chooses the days to show: the collection window up to today, widened to any day
// that has responses, at most maxChartDays ending on the last.
func dayRange(days map[time.Time][2]int, start, end, now time.Time) (first, last time.Time, ok bool) {
	today := thaidate.StartOfDay(now)
	first, last = thaidate.StartOfDay(start), thaidate.StartOfDay(end)
	if today.Before(last) {
		last = today
	}
	for d := range days {
		if d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	if last.Before(first) {
		return first, last, false
	}
	if n := int(last.Sub(first).Hours()/24+0.5) + 1; n > maxChartDays {
		first = last.AddDate(0, 0, -(maxChartDays - 1))
	}
	return first, last, true
}

// newChart draws the daily counts of one survey (pick selects it from a row) as bars.
func newChart(lang Lang, rows []DayRow, pick func(DayRow) int) Chart {
	const width, height, top, bottom, left = 420, 180, 12, 150, 40
	c := Chart{Width: width, Height: height, Left: left, Top: top, Bottom: bottom}
	for _, r := range rows {
		c.Max = max(c.Max, pick(r))
	}
	c.Max = niceCeil(c.Max)
	if len(rows) == 0 {
		return c
	}
	step := (width - left) / len(rows)
	barW := max(1, step*3/4)
	for i, r := range rows {
		n := pick(r)
		h := n * (bottom - top) / c.Max
		x := left + i*step
		c.Bars = append(c.Bars, Bar{X: x, Y: bottom - h, W: barW, H: h,
			Label: formatDate(lang, r.Day) + ": " + strconv.Itoa(n)})
		c.LastX = x + barW
	}
	c.FirstDay = formatDate(lang, rows[0].Day)
	c.LastDay = formatDate(lang, rows[len(rows)-1].Day)
	return c
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten, for the top grid line; at least 5.
func niceCeil(n int) int {
	if n <= 5 {
		return 5
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
	}
}

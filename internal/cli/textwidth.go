package cli

import (
	"strings"
	"unicode"
)

// displayWidth counts the columns a string takes in a terminal: Thai vowel and tone marks
// (Unicode Mn) sit on the consonant before them and take none.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			w++
		}
	}
	return w
}

// padRight pads s with spaces to width columns.
func padRight(s string, width int) string {
	if d := width - displayWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// padLeft right-aligns s in width columns.
func padLeft(s string, width int) string {
	if d := width - displayWidth(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// truncate shortens s to width columns with an ellipsis.
func truncate(s string, width int) string {
	if displayWidth(s) <= width {
		return s
	}
	var b strings.Builder
	w := 0
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			if w == width-1 {
				break
			}
			w++
		}
		b.WriteRune(r)
	}
	return b.String() + "…"
}

// table writes rows of cells as aligned columns; right lists the right-aligned columns.
func table(rows [][]string, right map[int]bool) string {
	widths := map[int]int{}
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			if right[i] {
				b.WriteString(padLeft(c, widths[i]))
			} else if i < len(row)-1 {
				b.WriteString(padRight(c, widths[i]))
			} else {
				b.WriteString(c)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

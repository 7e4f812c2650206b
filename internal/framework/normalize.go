package framework

import (
	"strings"
	"unicode"
)

// normalizeCode folds an answer as typed in a spreadsheet to compare it with an option's code:
// case, surrounding space (including no-break space), and the zero-width characters Thai
// keyboards and PDFs leave behind.
func normalizeCode(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\ufeff':
			return -1
		}
		return r
	}, s)
	return strings.ToLower(strings.TrimFunc(s, unicode.IsSpace))
}

package agency

import "strings"

// collapseSpace trims s and replaces each run of white space inside it by
// one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// stripParen removes a trailing parenthesised part: "องค์กรศาล
// (หน่วยงานธุรการ)" → "องค์กรศาล".
func stripParen(s string) string {
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		return s[:i]
	}
	return s
}

func trimDots(s string) string { return strings.ReplaceAll(s, ".", "") }

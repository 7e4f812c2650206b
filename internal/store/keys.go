package store

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// searchFold folds s for substring search: NFKC (so that "ํา" typed as
// two marks finds "ำ"), lower case, and no white space at all (so that
// "อบต. ท่าซุง" finds "อบต.ท่าซุง").
func searchFold(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// searchKey is what a name query is matched against.
func searchKey(name, shortName string) string {
	return searchFold(name) + "|" + searchFold(shortName)
}

// collators are Thai collators; a Collator is not safe for concurrent use.
var collators = sync.Pool{New: func() any { return collate.New(language.Thai) }}

// sortKey returns the Thai collation key of name: comparing keys byte by
// byte orders names as a Thai dictionary does (leading vowels after their
// consonant: กา, เกาะ, ไก่, ขา).
func sortKey(name string) []byte {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	var buf collate.Buffer
	k := c.KeyFromString(&buf, name)
	return append([]byte(nil), k...)
}

// sortThai sorts ss in Thai dictionary order.
func sortThai(ss []string) {
	c := collators.Get().(*collate.Collator)
	defer collators.Put(c)
	c.SortStrings(ss)
}

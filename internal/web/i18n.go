package web

import (
	"net/http"
	"strconv"
	"strings"
)

// Lang is a user-interface language: LangTH (the default) or LangEN.
type Lang string

// The supported languages. Thai is the default for every user.
const (
	LangTH Lang = "th"
	LangEN Lang = "en"
)

// langs lists the supported languages, default first.
var langs = []Lang{LangTH, LangEN}

// langCookie is the cookie set by the language switch in the page header.
const langCookie = "lang"

// catalogues maps each language to its messages; see messages_th.go and messages_en.go.
var catalogues = map[Lang]map[string]string{LangTH: messagesTH, LangEN: messagesEN}

// addMessages adds a feature's messages to the catalogues; features keep their messages in
// their own messages_*.go files and call it from an init function. A key defined twice is a
// mistake in the catalogues and panics at start-up.
func addMessages(th, en map[string]string) {
	for _, c := range []struct {
		dst, src map[string]string
	}{{messagesTH, th}, {messagesEN, en}} {
		for k, v := range c.src {
			if _, dup := c.dst[k]; dup {
				panic("messages: key " + k + " defined twice")
			}
			c.dst[k] = v
		}
	}
}

// T returns the message for key in language l, falling back to Thai, then to the key itself so
// that a missing message shows up on the page instead of an empty string.
func (l Lang) T(key string) string {
	if m, ok := catalogues[l][key]; ok {
		return m
	}
	if m, ok := messagesTH[key]; ok {
		return m
	}
	return key
}

// parseLang returns the supported language named by s and whether there is one.
func parseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, l := range langs {
		if s == string(l) || strings.HasPrefix(s, string(l)+"-") {
			return l, true
		}
	}
	return "", false
}

// requestLang chooses the language of a request: the lang cookie if set to a supported
// language, else the supported language Accept-Language prefers most, else Thai. Thai users
// often run browsers in English, so English wins only over a Thai that is absent or weighed
// lower.
func requestLang(r *http.Request) Lang {
	if c, err := r.Cookie(langCookie); err == nil {
		if l, ok := parseLang(c.Value); ok {
			return l
		}
	}
	best, bestQ := LangTH, -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, q := part, 1.0
		if i := strings.Index(part, ";"); i >= 0 {
			tag = part[:i]
			q = parseQ(part[i+1:])
		}
		if l, ok := parseLang(tag); ok && q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// parseQ reads the weight of an Accept-Language entry ("q=0.8"); malformed weights count as 0.
func parseQ(s string) float64 {
	v, ok := strings.CutPrefix(strings.TrimSpace(s), "q=")
	if !ok {
		return 0
	}
	q, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0
	}
	return q
}

package survey

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/framework"
)

// MaxSuggestionRunes bounds a respondent's suggestion (ข้อเสนอแนะ), in characters.
const MaxSuggestionRunes = 2000

// FieldComment is the field name of the suggestion in forms, the JSON API and error Fields.
// Demographic answers are reported under "profile." + the question ID.
const FieldComment = "comment"

// Clean is a respondent's answers after Form.Check: every item answered with its canonical
// code, the demographic answers given (possibly none) as option codes, and the suggestion
// trimmed ("" when none). It is what a Response stores.
type Clean struct {
	Answers    map[string]string
	Profile    map[string]string
	Suggestion string
}

// Check validates a respondent's answers against the form and returns them clean. Every item
// must be answered with one of its question's options, spelt as in `itas score` files: the
// code ("4", "ไม่มี"), an alias ("๔", "no"), a spreadsheet number ("4.00", "๔.๐๐") or the
// option's label ("มากที่สุด"); all are stored as the code. Demographic answers are optional
// but must be known options. The suggestion may hold at most MaxSuggestionRunes characters.
//
// The error is Invalid with one Thai message per field at fault, keyed by item ("i1.1"),
// "profile.<id>" or "comment", so that a form can show each beside its question and an API
// client can tell which answers to fix.
func (f *Form) Check(answers, profile map[string]string, suggestion string) (Clean, error) {
	c := Clean{Answers: make(map[string]string, len(f.keys)), Profile: map[string]string{}}
	bad := map[string]string{}
	for key, raw := range answers {
		at, ok := f.items[key]
		if !ok {
			bad[key] = "ไม่มีข้อนี้ในแบบสำรวจ"
			continue
		}
		if strings.TrimSpace(raw) == "" {
			continue // reported as unanswered below
		}
		code, ok := canonicalAnswer(at, raw)
		if !ok {
			bad[key] = "คำตอบต้องเป็นหนึ่งใน: " + optionList(at)
			continue
		}
		c.Answers[key] = code
	}
	for _, key := range f.keys {
		if _, ok := c.Answers[key]; !ok && bad[key] == "" {
			bad[key] = "กรุณาตอบข้อนี้"
		}
	}
	for id, raw := range profile {
		field := "profile." + id
		q, ok := f.profileQuestion(id)
		if !ok {
			bad[field] = "ไม่มีคำถามนี้ในแบบสำรวจ"
			continue
		}
		if strings.TrimSpace(raw) == "" {
			continue // not answered: demographic questions are optional
		}
		o, ok := q.option(raw)
		if !ok {
			bad[field] = "กรุณาเลือกจากตัวเลือกที่กำหนด"
			continue
		}
		c.Profile[id] = o.Code
	}
	s, msg := cleanSuggestion(suggestion)
	if msg != "" {
		bad[FieldComment] = msg
	}
	c.Suggestion = s
	if err := apperr.Check(bad); err != nil {
		return Clean{}, err
	}
	return c, nil
}

func (f *Form) profileQuestion(id string) (ProfileQuestion, bool) {
	for _, q := range f.Profile {
		if q.ID == id {
			return q, true
		}
	}
	return ProfileQuestion{}, false
}

// canonicalAnswer returns the code of the option raw stands for. A code or alias spelt exactly
// is the common case and costs one scan of a few short strings; only other spellings pay for
// normalising.
func canonicalAnswer(at *framework.AnswerType, raw string) (string, bool) {
	for _, o := range at.Options {
		if raw == o.Code {
			return o.Code, true
		}
		for _, a := range o.Aliases {
			if raw == a {
				return o.Code, true
			}
		}
	}
	s := asciiDigits(raw)
	if o, ok := at.Option(s); ok {
		return o.Code, true
	}
	if whole, ok := integerCode(s); ok {
		if o, ok := at.Option(whole); ok {
			return o.Code, true
		}
	}
	s = fold(s)
	for _, o := range at.Options {
		if fold(o.Label) == s || fold(o.LabelEN) == s {
			return o.Code, true
		}
	}
	return "", false
}

// optionList names the codes of an answer type for an error message: "1, 2, 3, 4".
func optionList(at *framework.AnswerType) string {
	codes := make([]string, len(at.Options))
	for i, o := range at.Options {
		codes[i] = o.Code
	}
	return strings.Join(codes, ", ")
}

// integerCode turns a number a spreadsheet formatted with decimals ("4.00") into the integer
// code it stands for ("4"), as scoring.Layout does for files.
func integerCode(s string) (string, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v != math.Trunc(v) || math.Abs(v) > 1e6 {
		return "", false
	}
	return strconv.Itoa(int(v)), true
}

// asciiDigits replaces Thai digits ๐–๙ with 0–9.
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '๐' && r <= '๙' {
			return '0' + (r - '๐')
		}
		return r
	}, s)
}

// fold prepares a spelling for comparison: no zero-width characters, no surrounding space,
// lower case.
func fold(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u200b', '\u200c', '\u200d', '\ufeff':
			return -1
		}
		return r
	}, s)
	return strings.ToLower(strings.TrimSpace(s))
}

// cleanSuggestion trims a suggestion, keeps line breaks as "\n" and drops other control
// characters; it returns a Thai message when the text is not UTF-8 or too long.
func cleanSuggestion(s string) (string, string) {
	if !utf8.ValidString(s) {
		return "", "ข้อเสนอแนะมีอักขระที่อ่านไม่ได้"
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
	s = strings.TrimSpace(s)
	if n := utf8.RuneCountInString(s); n > MaxSuggestionRunes {
		return "", fmt.Sprintf("ข้อเสนอแนะยาวได้ไม่เกิน %s ตัวอักษร (ที่กรอกมี %s ตัวอักษร)",
			thousands(MaxSuggestionRunes), thousands(n))
	}
	return s, ""
}

// thousands writes n with thousands separators: 2,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

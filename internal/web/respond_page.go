package web

import (
	"github.com/openitas/itas/internal/survey"
)

// The respondent's steps, one template (respond.html) with a lean layout of its own.
const (
	stepID      = "id"      // the national ID
	stepAnswers = "answers" // the questions
	stepDone    = "done"    // thanks: the response is stored
	stepNotice  = "notice"  // closed, moved, already answered, not found
)

// RespondPage is every page a respondent sees.
type RespondPage struct {
	Page
	Step        string
	Token       string
	Survey      string // iit or eit
	SurveyKey   string // message key of the survey's name
	AgencyName  string
	FiscalYear  int
	Intro       string // message key of the survey's introduction
	NationalID  string // as typed, shown again beside its error
	Seal        string
	NeedID      bool // the answers page also asks for the national ID (the seal expired)
	Errors      map[string]string
	ErrorList   []RespondError
	Error       string // a message above the form
	Questions   []RespondQuestion
	Profile     []RespondProfile
	Comment     string
	MaxComment  int
	NoticeKey   string // message key of a notice's heading
	Notice      string // the notice's text
	SearchLink  bool   // a notice points to the public EIT search
	ClosesOn    string // the last day of the collection window
	AnsweredDay string
}

// RespondError is one entry of the error summary, linking to its question.
type RespondError struct {
	Anchor string
	Label  string
	Msg    string
}

// RespondQuestion is one question as the form shows it.
type RespondQuestion struct {
	Number int
	Text   string
	Note   string
	Items  []RespondItem
}

// RespondItem is one radio group: a sub-item, or a single-part question's only item.
type RespondItem struct {
	Key     string
	Text    string // "" for a single-part question, whose legend is the question
	Error   string
	Choices []RespondChoice
}

// RespondChoice is one radio button.
type RespondChoice struct {
	ID      string
	Value   string
	Label   string
	Checked bool
}

// RespondProfile is one demographic question.
type RespondProfile struct {
	Name    string // form field: "p." + question id
	Label   string
	Error   string
	Choices []RespondChoice
}

// profileField is the prefix of demographic fields in the HTML form ("p.gender").
const profileField = "p."

// questionsOf builds the form's questions for lang with the answers given so far and the
// errors to show beside them.
func questionsOf(f *survey.Form, lang Lang, answers map[string]string, errs map[string]string) []RespondQuestion {
	out := make([]RespondQuestion, len(f.Questions))
	for qi, q := range f.Questions {
		rq := RespondQuestion{Number: q.Number, Text: pick(lang, q.Text, q.TextEN), Note: q.Note}
		for _, it := range q.Items {
			ri := RespondItem{Key: it.Key, Text: pick(lang, it.Text, it.TextEN), Error: errs[it.Key]}
			for oi, o := range q.Options {
				ri.Choices = append(ri.Choices, RespondChoice{
					ID: it.Key + "-" + string(rune('a'+oi)), Value: o.Code,
					Label: pick(lang, o.Label, o.LabelEN), Checked: answers[it.Key] == o.Code,
				})
			}
			rq.Items = append(rq.Items, ri)
		}
		out[qi] = rq
	}
	return out
}

// profileOf builds the demographic questions with the answers given so far.
func profileOf(f *survey.Form, lang Lang, given map[string]string, errs map[string]string) []RespondProfile {
	out := make([]RespondProfile, len(f.Profile))
	for i, q := range f.Profile {
		rp := RespondProfile{Name: profileField + q.ID, Label: pick(lang, q.Label, q.LabelEN), Error: errs["profile."+q.ID]}
		for oi, o := range q.Options {
			rp.Choices = append(rp.Choices, RespondChoice{
				ID: "p-" + q.ID + "-" + string(rune('a'+oi)), Value: o.Code,
				Label: pick(lang, o.Label, o.LabelEN), Checked: given[q.ID] == o.Code,
			})
		}
		out[i] = rp
	}
	return out
}

// errorList orders the form's errors as its questions are ordered, for the summary above it.
func errorList(f *survey.Form, lang Lang, errs map[string]string) []RespondError {
	var out []RespondError
	add := func(key, anchor, label string) {
		if msg, ok := errs[key]; ok {
			out = append(out, RespondError{Anchor: anchor, Label: label, Msg: msg})
		}
	}
	add(survey.FieldNationalID, "f-national_id", lang.T("respond.national_id"))
	for _, q := range f.Questions {
		for _, it := range q.Items {
			label := lang.T("respond.question") + " " + itemLabel(q.Number, it.Key, len(q.Items) > 1)
			add(it.Key, "q-"+it.Key, label)
		}
	}
	for _, q := range f.Profile {
		add("profile."+q.ID, "q-"+profileField+q.ID, pick(lang, q.Label, q.LabelEN))
	}
	add(survey.FieldComment, "f-comment", lang.T("respond.comment"))
	return out
}

// itemLabel names an item as the form numbers it: "3" or "3.2".
func itemLabel(number int, key string, multi bool) string {
	n := formatNumber(number)
	if !multi {
		return n
	}
	for i := len(key) - 1; i >= 0; i-- {
		if key[i] == '.' {
			return n + key[i:]
		}
	}
	return n
}

// pick returns the English text in English when there is one, else the Thai.
func pick(lang Lang, th, en string) string {
	if lang == LangEN && en != "" {
		return en
	}
	return th
}

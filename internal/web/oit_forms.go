package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/oit"
)

// OITAnswerForm is the admin's answer to one item: the form on the item page and the body of
// PUT /api/v1/agencies/{code}/oit/items/{item}. In the form the URLs come one per line.
type OITAnswerForm struct {
	Version     int      `json:"version"`
	Disclosure  string   `json:"disclosure"`
	URLs        []string `json:"urls"`
	Explanation string   `json:"explanation"`
	Reason      string   `json:"reason"`
}

func (f *OITAnswerForm) parse(r *http.Request) error {
	f.Disclosure = r.PostFormValue("disclosure")
	f.URLs = strings.Split(r.PostFormValue("urls"), "\n")
	f.Explanation = r.PostFormValue("explanation")
	f.Reason = r.PostFormValue("reason")
	return parseVersion(r, &f.Version)
}

// URLText returns the URLs one per line, for the form's text area.
func (f OITAnswerForm) URLText() string { return strings.Join(f.URLs, "\n") }

func (f OITAnswerForm) command(id string) oit.Command {
	return oit.Command{Action: oit.ActionSave, Base: f.Version, ItemID: id, Answer: oit.Answer{
		Disclosure: oit.Disclosure(f.Disclosure), URLs: f.URLs, Explanation: f.Explanation, Reason: f.Reason,
	}.Normalize()}
}

func answerFormOf(version int, a oit.Answer) OITAnswerForm {
	return OITAnswerForm{Version: version, Disclosure: string(a.Disclosure), URLs: a.URLs, Explanation: a.Explanation, Reason: a.Reason}
}

// OITReviewForm is the executive's check of one item (ผ่าน / ไม่ผ่าน with a comment).
type OITReviewForm struct {
	Version int    `json:"version"`
	Verdict string `json:"verdict"`
	Comment string `json:"comment"`
}

func (f *OITReviewForm) parse(r *http.Request) error {
	f.Verdict = r.PostFormValue("verdict")
	f.Comment = r.PostFormValue("comment")
	return parseVersion(r, &f.Version)
}

func (f OITReviewForm) command(id string) oit.Command {
	return oit.Command{Action: oit.ActionReview, Base: f.Version, ItemID: id, Verdict: oit.Verdict(f.Verdict), Comment: f.Comment}
}

// OITScoreForm is an assessor's score of one item: the indexes of the data components found,
// the score and a comment for the agency.
type OITScoreForm struct {
	Version    int     `json:"version"`
	Components []int   `json:"components"`
	Score      float64 `json:"score"`
	Comment    string  `json:"comment"`
}

func (f *OITScoreForm) parse(r *http.Request) error {
	f.Components = nil
	for _, v := range r.PostForm["components"] {
		if i, err := strconv.Atoi(v); err == nil {
			f.Components = append(f.Components, i)
		}
	}
	f.Comment = r.PostFormValue("comment")
	if err := parseVersion(r, &f.Version); err != nil {
		return err
	}
	return parseScore(strings.TrimSpace(r.PostFormValue("score")), &f.Score)
}

func (f OITScoreForm) command(id string) oit.Command {
	return oit.Command{Action: oit.ActionScore, Base: f.Version, ItemID: id, Components: f.Components, Score: f.Score, Comment: f.Comment}
}

// OITReplyForm is the agency's clarification of one item.
type OITReplyForm struct {
	Version int    `json:"version"`
	Text    string `json:"text"`
	URL     string `json:"url"`
}

func (f *OITReplyForm) parse(r *http.Request) error {
	f.Text = r.PostFormValue("text")
	f.URL = r.PostFormValue("url")
	return parseVersion(r, &f.Version)
}

func (f OITReplyForm) command(id string) oit.Command {
	return oit.Command{Action: oit.ActionReply, Base: f.Version, ItemID: id, Text: f.Text, URL: f.URL}
}

// OITDecisionForm is an assessor's decision on a reply.
type OITDecisionForm struct {
	Version int     `json:"version"`
	Score   float64 `json:"score"`
	Comment string  `json:"comment"`
}

func (f *OITDecisionForm) parse(r *http.Request) error {
	f.Comment = r.PostFormValue("comment")
	if err := parseVersion(r, &f.Version); err != nil {
		return err
	}
	return parseScore(strings.TrimSpace(r.PostFormValue("score")), &f.Score)
}

func (f OITDecisionForm) command(id string) oit.Command {
	return oit.Command{Action: oit.ActionDecide, Base: f.Version, ItemID: id, Score: f.Score, Comment: f.Comment}
}

// OITStepForm is a whole-record action (submit, reject, approve, release, confirm): only the
// version the page showed.
type OITStepForm struct {
	Version int `json:"version"`
}

// parseVersion reads the form's "version": the record version the page showed.
func parseVersion(r *http.Request, v *int) error {
	n, err := strconv.Atoi(strings.TrimSpace(r.PostFormValue("version")))
	if err != nil || n < 0 {
		return apperr.Fields(oit.FieldVersion, "ไม่พบเลขรุ่นของข้อมูลในแบบฟอร์ม กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง")
	}
	*v = n
	return nil
}

// parseScore reads a score; an empty or unreadable one is Invalid under "score".
func parseScore(s string, v *float64) error {
	f, err := strconv.ParseFloat(s, 64)
	if s == "" || err != nil {
		return apperr.Fields(oit.FieldScore, "กรุณาเลือกคะแนน")
	}
	*v = f
	return nil
}

package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
)

// maxResponseBytes bounds the body of a JSON response: a complete IIT with the longest
// suggestion is about 25 KB.
const maxResponseBytes = 1 << 20

// ResponseJSON is the body of POST /api/v1/s/{token}/responses: the same submission as the
// respondent's form, for kiosks and apps. Item keys and answer codes are those of `itas
// score` files; an answer may be a JSON number (4) or string ("4", "ไม่มี").
type ResponseJSON struct {
	NationalID idText            `json:"national_id"`
	Answers    answersJSON       `json:"answers"`
	Profile    map[string]string `json:"profile,omitempty"`
	Comment    string            `json:"comment,omitempty"`
}

// ReceiptJSON is the answer to a stored response: nothing that identifies the respondent,
// and the day only.
type ReceiptJSON struct {
	Status     string `json:"status"` // "stored"
	FiscalYear int    `json:"fiscal_year"`
	AgencyCode string `json:"agency_code"`
	Survey     string `json:"survey"`
	Day        string `json:"day"` // in Bangkok, 2006-01-02
}

// flexString is a JSON string or number, kept as its text.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	// The decoder has checked the syntax already; the common cases need no second parse.
	if n := len(b); n >= 2 && b[0] == '"' && b[n-1] == '"' && !bytes.ContainsAny(b[1:n-1], `\"`) {
		*f = flexString(b[1 : n-1])
		return nil
	}
	if len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9') {
		*f = flexString(b)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return errNotText
	}
	*f = flexString(n.String())
	return nil
}

// errNotText is flexString's refusal of a JSON value that is neither a string nor a number.
// Like every message of the API it never quotes what the client sent: the decoder's caller
// names the field instead (valueError).
var errNotText = errors.New("not a string or a number")

// Fixed messages of a JSON value of the wrong kind.
const (
	msgNotText      = "ต้องเป็นข้อความหรือตัวเลข"
	msgNotAnswerMap = "ต้องเป็นออบเจกต์ที่จับคู่รหัสข้อกับคำตอบ เช่น {\"i1.1\": 4}"
)

// valueError names the fields of a JSON response whose values are of the wrong kind, each
// with a fixed message.
type valueError struct{ fields map[string]string }

func (e *valueError) Error() string {
	return fmt.Sprintf("JSON values of the wrong kind in %d fields", len(e.fields))
}

// invalid is the 422 the API answers.
func (e *valueError) invalid() error { return apperr.FieldErrors(e.fields) }

// idText is the national ID of a JSON response: a flexString whose refusal names its field.
type idText flexString

func (t *idText) UnmarshalJSON(b []byte) error {
	if err := (*flexString)(t).UnmarshalJSON(b); err != nil {
		return &valueError{fields: map[string]string{survey.FieldNationalID: msgNotText}}
	}
	return nil
}

// answersJSON is the answers of a JSON response, item key → answer code; its refusal of a
// value that is neither a string nor a number names the items at fault.
type answersJSON map[string]flexString

func (a *answersJSON) UnmarshalJSON(b []byte) error {
	var m map[string]flexString
	err := json.Unmarshal(b, &m)
	if err == nil {
		*a = m
		return nil
	}
	if !errors.Is(err, errNotText) {
		return &valueError{fields: map[string]string{"answers": msgNotAnswerMap}}
	}
	// Rare: read the object again, value by value, to name every item at fault.
	var raw map[string]json.RawMessage
	if json.Unmarshal(b, &raw) != nil {
		return &valueError{fields: map[string]string{"answers": msgNotAnswerMap}}
	}
	bad := &valueError{fields: map[string]string{}}
	for k, v := range raw {
		var f flexString
		if f.UnmarshalJSON(v) != nil {
			bad.fields[k] = msgNotText
		}
	}
	return bad
}

// apiRespond serves POST /api/v1/s/{token}/responses: 201 stored, 409 already answered, 422
// invalid (with the fields at fault), 403 closed, 404 unknown or moved link, 413 body over
// 1 MB, 429 rate-limited.
func (h *surveys) apiRespond(w http.ResponseWriter, r *http.Request) error {
	if !h.public.allow(h.clientAddr(r)) {
		return errSurveyRate()
	}
	rv, err := h.resolve(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	l := rv.link
	if l.Retired() {
		return apperr.NotFound("ลิงก์แบบสำรวจนี้ถูกเปลี่ยนแล้ว กรุณาขอลิงก์ใหม่จากหน่วยงาน",
			"This survey link has moved; ask the agency for the new one")
	}
	if err := h.checkOpen(rv); err != nil {
		return err
	}
	var body ResponseJSON
	if err := decodeResponse(w, r, &body); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeJSON(w, http.StatusRequestEntityTooLarge, apiError{Error: apiErrorBody{Code: apperr.CodeInvalid,
				Message: msgOf(requestLang(r), errResponseTooLarge())}})
			return nil
		}
		return err
	}
	f, err := h.form(rv.year.FrameworkYear, l.Survey)
	if err != nil {
		return err
	}
	answers := make(map[string]string, len(body.Answers))
	for k, v := range body.Answers {
		answers[k] = string(v)
	}
	id, idErr := survey.ParseNationalID(string(body.NationalID))
	clean, checkErr := f.Check(answers, body.Profile, body.Comment)
	if err := apperr.Join(idErr, checkErr); err != nil {
		return err
	}
	now := h.now()
	err = h.store.SubmitResponse(r.Context(), survey.Submission{
		Response: survey.Response{
			FiscalYear: l.FiscalYear, AgencyCode: l.AgencyCode, Survey: l.Survey, Channel: survey.ChannelAPI,
			Day: now, Answers: clean.Answers, Profile: clean.Profile,
		},
		IDHash:     h.hasher.Hash(l.FiscalYear, l.AgencyCode, l.Survey, id),
		Suggestion: clean.Suggestion,
	})
	if apperr.Is(err, apperr.CodeConflict) {
		return errAlreadyAnswered()
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, ReceiptJSON{
		Status: "stored", FiscalYear: l.FiscalYear, AgencyCode: l.AgencyCode, Survey: l.Survey,
		Day: now.In(thaidate.Location).Format("2006-01-02"),
	})
	return nil
}

// decodeResponse reads the JSON body as decodeJSON does, with the survey's size limit, and
// returns the *http.MaxBytesError itself when the body is too large.
func decodeResponse(w http.ResponseWriter, r *http.Request, v *ResponseJSON) error {
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		return apperr.Invalid("คำขอต้องเป็น JSON (Content-Type: application/json)", "The body must be JSON (Content-Type: application/json)")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxResponseBytes))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		switch err2 := dec.Decode(&struct{}{}); {
		case errors.As(err2, new(*http.MaxBytesError)):
			err = err2
		case !errors.Is(err2, io.EOF):
			err = errors.New("trailing data after the JSON object")
		}
	}
	var tooBig *http.MaxBytesError
	var wrongKind *valueError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooBig):
		return tooBig
	case errors.As(err, &wrongKind):
		return wrongKind.invalid()
	}
	return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูล JSON ไม่ถูกต้อง", "Malformed JSON: "+err.Error())
}

func errResponseTooLarge() error {
	return apperr.Invalid("ข้อมูลที่ส่งมามีขนาดเกิน 1 MB", "The body is larger than 1 MB")
}

// FormJSON is the questionnaire behind a survey link, for kiosks and apps that draw their own
// screens: GET /api/v1/s/{token}.
type FormJSON struct {
	FiscalYear int               `json:"fiscal_year"`
	AgencyCode string            `json:"agency_code"`
	AgencyName string            `json:"agency_name"`
	Survey     string            `json:"survey"`
	Open       bool              `json:"open"`
	Closes     string            `json:"closes,omitempty"` // last day of the collection window, 2006-01-02
	Questions  []FormQuestion    `json:"questions"`
	Profile    []FormProfileJSON `json:"profile"`
}

// FormQuestion is one question: its items are answered separately, each with one of the
// options' codes.
type FormQuestion struct {
	ID      string           `json:"id"`
	Number  int              `json:"number"`
	Text    string           `json:"text"`
	Note    string           `json:"note,omitempty"`
	Items   []FormItemJSON   `json:"items"`
	Options []FormOptionJSON `json:"options"`
}

// FormItemJSON is one answerable item; Text is "" for a single-part question.
type FormItemJSON struct {
	Key  string `json:"key"`
	Text string `json:"text,omitempty"`
}

// FormOptionJSON is one answer.
type FormOptionJSON struct {
	Code    string `json:"code"`
	Label   string `json:"label"`
	LabelEN string `json:"label_en,omitempty"`
}

// FormProfileJSON is one optional demographic question.
type FormProfileJSON struct {
	ID      string           `json:"id"`
	Label   string           `json:"label"`
	Options []FormOptionJSON `json:"options"`
}

// apiForm serves GET /api/v1/s/{token}: the form a response to this link must answer.
func (h *surveys) apiForm(w http.ResponseWriter, r *http.Request) error {
	rv, err := h.resolve(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	l := rv.link
	if l.Retired() {
		return apperr.NotFound("ลิงก์แบบสำรวจนี้ถูกเปลี่ยนแล้ว กรุณาขอลิงก์ใหม่จากหน่วยงาน",
			"This survey link has moved; ask the agency for the new one")
	}
	f, err := h.form(rv.year.FrameworkYear, l.Survey)
	if err != nil {
		return err
	}
	out := FormJSON{FiscalYear: l.FiscalYear, AgencyCode: l.AgencyCode, AgencyName: rv.agency.Name, Survey: l.Survey,
		Open: h.checkOpen(rv) == nil, Questions: []FormQuestion{}, Profile: []FormProfileJSON{}}
	if win, ok := rv.year.Window(collectionPhase(l.Survey)); ok {
		out.Closes = win.End.In(thaidate.Location).Format("2006-01-02")
	}
	for _, q := range f.Questions {
		fq := FormQuestion{ID: q.ID, Number: q.Number, Text: q.Text, Note: q.Note}
		for _, it := range q.Items {
			fq.Items = append(fq.Items, FormItemJSON{Key: it.Key, Text: it.Text})
		}
		for _, o := range q.Options {
			fq.Options = append(fq.Options, FormOptionJSON{Code: o.Code, Label: o.Label, LabelEN: o.LabelEN})
		}
		out.Questions = append(out.Questions, fq)
	}
	for _, q := range f.Profile {
		fp := FormProfileJSON{ID: q.ID, Label: q.Label}
		for _, o := range q.Options {
			fp.Options = append(fp.Options, FormOptionJSON{Code: o.Code, Label: o.Label, LabelEN: o.LabelEN})
		}
		out.Profile = append(out.Profile, fp)
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, out)
	return nil
}

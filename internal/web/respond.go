package web

import (
	"net/http"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
)

// The respondent's pages: GET /s/{token} asks for the national ID, POST /s/{token} checks it
// and shows the questions with the respondent's key sealed in a hidden field, POST
// /s/{token}/answers stores the response and GET /s/{token}/done thanks. No login, no
// cookie, no JavaScript needed; every page is compressed and small (see TestRespondPageWeight).

// respondStart serves GET /s/{token}.
func (h *surveys) respondStart(w http.ResponseWriter, r *http.Request) error {
	w, done := gzipped(w, r)
	defer done()
	p, _, ok, err := h.entry(w, r, true)
	if !ok {
		return err
	}
	p.Step = stepID
	h.render(w, r, http.StatusOK, "respond", p)
	return nil
}

// respondID serves POST /s/{token}: the national ID step.
func (h *surveys) respondID(w http.ResponseWriter, r *http.Request) error {
	w, done := gzipped(w, r)
	defer done()
	p, rv, ok, err := h.entry(w, r, true)
	if !ok {
		return err
	}
	p.Step = stepID
	if !h.public.allow(h.clientAddr(r)) {
		p.Error = msgOf(p.Lang, errSurveyRate())
		h.render(w, r, http.StatusTooManyRequests, "respond", p)
		return nil
	}
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	raw := r.PostFormValue(survey.FieldNationalID)
	id, err := survey.ParseNationalID(raw)
	if err != nil {
		p.NationalID, p.Errors = raw, apperr.FieldsOf(err)
		h.render(w, r, http.StatusUnprocessableEntity, "respond", p)
		return nil
	}
	// Whether this ID has answered is not asked here: the ID step would then tell anyone with
	// the link, at no cost, whether a given person has answered. The submission finds out.
	l := rv.link
	key := h.hasher.Hash(l.FiscalYear, l.AgencyCode, l.Survey, id)
	f, err := h.form(rv.year.FrameworkYear, l.Survey)
	if err != nil {
		return err
	}
	p.Step, p.Seal = stepAnswers, h.seals.seal(l.Token, key, h.now())
	p.Questions = questionsOf(f, p.Lang, nil, nil)
	p.Profile = profileOf(f, p.Lang, nil, nil)
	h.render(w, r, http.StatusOK, "respond", p)
	return nil
}

// respondAnswers serves POST /s/{token}/answers: every answer, the sealed key (or, when the
// seal has expired, the national ID again), checked once more and stored. Whatever goes
// wrong, the page comes back with the answers as they were given.
func (h *surveys) respondAnswers(w http.ResponseWriter, r *http.Request) error {
	w, done := gzipped(w, r)
	defer done()
	p, rv, ok, err := h.entry(w, r, true)
	if !ok {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	l := rv.link
	f, err := h.form(rv.year.FrameworkYear, l.Survey)
	if err != nil {
		return err
	}
	answers := map[string]string{}
	for _, key := range f.ItemKeys() {
		answers[key] = r.PostFormValue(key)
	}
	profile := map[string]string{}
	for _, q := range f.Profile {
		if v := r.PostFormValue(profileField + q.ID); v != "" {
			profile[q.ID] = v
		}
	}
	comment := r.PostFormValue(survey.FieldComment)
	again := func(status int, errs map[string]string) error {
		p.Step, p.Errors, p.Comment = stepAnswers, errs, comment
		p.Questions = questionsOf(f, p.Lang, answers, errs)
		p.Profile = profileOf(f, p.Lang, profile, errs)
		p.ErrorList = errorList(f, p.Lang, errs)
		h.render(w, r, status, "respond", p)
		return nil
	}
	if !h.public.allow(h.clientAddr(r)) {
		p.Seal, p.Error = r.PostFormValue("seal"), msgOf(p.Lang, errSurveyRate())
		return again(http.StatusTooManyRequests, nil)
	}
	clean, checkErr := f.Check(answers, profile, comment)
	key, keyErr := h.respondentKey(r, l)
	if keyErr != nil {
		p.NeedID, p.NationalID = true, r.PostFormValue(survey.FieldNationalID)
	} else {
		p.Seal = h.seals.seal(l.Token, key, h.now())
	}
	if err := apperr.Join(checkErr, keyErr); err != nil {
		if apperr.FieldsOf(err) == nil {
			return err
		}
		return again(http.StatusUnprocessableEntity, apperr.FieldsOf(err))
	}
	err = h.store.SubmitResponse(r.Context(), survey.Submission{
		Response: survey.Response{
			FiscalYear: l.FiscalYear, AgencyCode: l.AgencyCode, Survey: l.Survey, Channel: survey.ChannelLink,
			Answers: clean.Answers, Profile: clean.Profile,
		},
		IDHash: key, Suggestion: clean.Suggestion,
	})
	if apperr.Is(err, apperr.CodeConflict) {
		// The answers stay on the page, and the ID field comes back empty of its seal, so that
		// someone who mistyped another person's ID can correct it and send again.
		p.Seal, p.NeedID, p.NationalID = "", true, r.PostFormValue(survey.FieldNationalID)
		return again(http.StatusConflict, map[string]string{survey.FieldNationalID: msgOf(p.Lang, errAlreadyAnswered())})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/s/"+l.Token+"/done", http.StatusSeeOther)
	return nil
}

// respondentKey returns the respondent's key from the sealed field, or from the national ID
// field when the seal is missing or expired. The error is Invalid with the national ID field.
func (h *surveys) respondentKey(r *http.Request, l survey.Link) ([]byte, error) {
	if key, err := h.seals.open(l.Token, r.PostFormValue("seal"), h.now()); err == nil {
		return key, nil
	}
	raw := r.PostFormValue(survey.FieldNationalID)
	if raw == "" {
		return nil, apperr.Fields(survey.FieldNationalID,
			"หน้านี้เปิดไว้นานเกินไป กรุณากรอกเลขประจำตัวประชาชนอีกครั้ง คำตอบที่เลือกไว้ยังอยู่ครบ")
	}
	id, err := survey.ParseNationalID(raw)
	if err != nil {
		return nil, err
	}
	return h.hasher.Hash(l.FiscalYear, l.AgencyCode, l.Survey, id), nil
}

// respondDone serves GET /s/{token}/done: the respondent's confirmation.
func (h *surveys) respondDone(w http.ResponseWriter, r *http.Request) error {
	w, done := gzipped(w, r)
	defer done()
	p, _, ok, err := h.entry(w, r, false)
	if !ok {
		return err
	}
	p.Step = stepDone
	p.AnsweredDay = formatDate(p.Lang, thaidate.StartOfDay(h.now()))
	h.render(w, r, http.StatusOK, "respond", p)
	return nil
}

// entry resolves the request's token into the page's common parts. When the token is
// unknown or retired, or (if open is set) its survey is not collecting now, it renders the
// notice itself and reports false; an error it cannot render is returned with false.
func (h *surveys) entry(w http.ResponseWriter, r *http.Request, open bool) (*RespondPage, resolved, bool, error) {
	noStore(w)
	lang := requestLang(r)
	p := &RespondPage{Page: Page{Title: "respond.title", Lang: lang}, Token: r.PathValue("token"), MaxComment: survey.MaxSuggestionRunes}
	rv, err := h.resolve(r.Context(), p.Token)
	if apperr.Is(err, apperr.CodeNotFound) {
		h.notice(w, r, p, http.StatusNotFound, "respond.notfound.title", msgOf(lang, err))
		return nil, rv, false, nil
	}
	if err != nil {
		return nil, rv, false, err
	}
	l := rv.link
	p.Survey, p.SurveyKey, p.Intro = l.Survey, "respond.survey."+l.Survey, "respond.intro."+l.Survey
	p.Title, p.AgencyName, p.FiscalYear = p.SurveyKey, rv.agency.Name, l.FiscalYear
	if win, ok := rv.year.Window(collectionPhase(l.Survey)); ok {
		p.ClosesOn = formatDate(lang, win.End)
	}
	if l.Retired() {
		p.SearchLink = l.Survey == survey.EIT
		h.notice(w, r, p, http.StatusGone, "respond.moved.title", lang.T("respond.moved."+l.Survey))
		return nil, rv, false, nil
	}
	if open {
		if err := h.checkOpen(rv); err != nil {
			h.notice(w, r, p, http.StatusForbidden, "respond.closed.title", msgOf(lang, err))
			return nil, rv, false, nil
		}
	}
	return p, rv, true, nil
}

// notice renders a notice page in place of the form.
func (h *surveys) notice(w http.ResponseWriter, r *http.Request, p *RespondPage, status int, titleKey, msg string) {
	p.Step, p.NoticeKey, p.Notice = stepNotice, titleKey, msg
	if status == http.StatusForbidden {
		w.Header().Set("X-Error-Code", string(apperr.CodePhaseClosed))
	}
	h.render(w, r, status, "respond", p)
}

// msgOf returns err's user message in lang.
func msgOf(lang Lang, err error) string {
	if lang == LangEN {
		return apperr.MessageENOf(err)
	}
	return apperr.MessageOf(err)
}

// errSurveyRate is the rate limit of the public survey endpoints, in words a respondent
// understands: the answers are not lost.
func errSurveyRate() error {
	return apperr.RateLimited(
		"มีการส่งแบบสำรวจจากเครือข่ายนี้ถี่เกินไป กรุณารอประมาณหนึ่งนาทีแล้วกดส่งอีกครั้ง คำตอบที่กรอกไว้ยังอยู่ครบ",
		"Too many submissions from this network; please wait about a minute and send again. Your answers are kept.")
}

// errAlreadyAnswered is what a second attempt with the same national ID is told.
func errAlreadyAnswered() error {
	return apperr.Conflict(
		"ท่านได้ตอบแบบสำรวจนี้แล้ว ระบบรับคำตอบได้ครั้งเดียวต่อเลขประจำตัวประชาชนหนึ่งเลข ขอบคุณที่ให้ความร่วมมือ",
		"You have already answered this survey: each national ID can answer once. Thank you.")
}

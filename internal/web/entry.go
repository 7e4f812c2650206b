package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/survey"
)

// entries holds what the assessors' EIT entry keeps between requests: the server's survey kit,
// whose respondent hasher the public form shares so that one national ID answers an agency's
// EIT once whichever way it comes in, and whose forms it shares too.
type entries struct {
	*Server
	kit    *surveyKit
	hasher *survey.Hasher // kit.hasher
}

// newEntry builds the entry pages' state.
func newEntry(s *Server) *entries {
	kit := s.surveyKit()
	return &entries{Server: s, kit: kit, hasher: kit.hasher}
}

// form returns the EIT form of a framework year, built once.
func (en *entries) form(frameworkYear int) (*survey.Form, error) {
	return en.kit.form(frameworkYear, survey.EIT)
}

// enterableAgency returns the agency of the path's {code} if the account may enter responses
// for it: an assessor of its group, or a central admin. Errors: NotFound, Forbidden.
func (en *entries) enterableAgency(r *http.Request) (agency.Agency, error) {
	ag, err := en.store.FindAgencyByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		return agency.Agency{}, err
	}
	if !account.Can(authOf(r.Context()).Account, account.ActionEnterResponses, ag) {
		return agency.Agency{}, apperr.Forbidden("หน่วยงานนี้ไม่อยู่ในกลุ่มที่ท่านรับผิดชอบ", "This agency is not in your groups")
	}
	return ag, nil
}

// EntryPage is the form with which an assessor enters one EIT response collected by phone or
// in the field: the national ID, the channel, the year's EIT questions, the demographic
// questions and the respondent's suggestion.
type EntryPage struct {
	Page
	Agency       agency.Agency
	Year         assessment.Year
	Closed       string // why the form is not shown: the EIT collection phase is closed
	NationalID   string // as typed, shown again beside its error
	ChannelField Field
	Questions    []RespondQuestion
	Profile      []RespondProfile
	Comment      string
	Errors       map[string]string
	ErrorList    []RespondError
	Error        string
	Responses    int // the agency's EIT responses so far
}

// entryChannels are the channels an assessor enters a single response by.
var entryChannels = []survey.Channel{survey.ChannelPhone, survey.ChannelField}

// channelField is the select of entryChannels.
func channelField(lang Lang, value, errMsg string) Field {
	f := Field{Name: "channel", Label: "entry.channel", Error: errMsg, Required: true}
	for _, c := range entryChannels {
		f.Options = append(f.Options, Option{Value: string(c), Label: lang.T("entry.channel." + string(c)), Selected: string(c) == value})
	}
	return f
}

// entryPage builds the entry page of ag in year y, with what was typed and its errors.
func (en *entries) entryPage(ctx context.Context, r *http.Request, ag agency.Agency, y assessment.Year) (*EntryPage, *survey.Form, error) {
	p := &EntryPage{Page: Page{Title: "entry.title"}, Agency: ag, Year: y, Errors: map[string]string{}}
	p.Lang = requestLang(r)
	p.ChannelField = channelField(p.Lang, string(survey.ChannelPhone), "")
	c, err := en.store.AgencyResponseCounts(ctx, y.FiscalYear, ag.Code)
	if err != nil {
		return nil, nil, err
	}
	p.Responses = c.EIT
	if err := y.CheckOpen(assessment.PhaseEITCollection, en.now()); err != nil {
		p.Closed = msgOf(p.Lang, err)
		return p, nil, nil
	}
	f, err := en.form(y.FrameworkYear)
	if err != nil {
		return nil, nil, err
	}
	p.Questions = questionsOf(f, p.Lang, nil, nil)
	p.Profile = profileOf(f, p.Lang, nil, nil)
	return p, f, nil
}

// entryForm serves GET /agencies/{code}/eit/entry.
func (en *entries) entryForm(w http.ResponseWriter, r *http.Request) error {
	ag, err := en.enterableAgency(r)
	if err != nil {
		return err
	}
	y, err := en.openYear(r.Context())
	if err != nil {
		return err
	}
	p, _, err := en.entryPage(r.Context(), r, ag, y)
	if err != nil {
		return err
	}
	noStore(w)
	en.render(w, r, http.StatusOK, "entry", p)
	return nil
}

// entrySubmit serves POST /agencies/{code}/eit/entry: one response, checked as the public form
// checks it, its national ID hashed as the public form hashes it, stored with its channel and
// recorded in the audit log (store.ImportResponses). A form with mistakes comes back with each
// message beside its field; a stored one comes back empty for the next respondent.
func (en *entries) entrySubmit(w http.ResponseWriter, r *http.Request) error {
	ag, err := en.enterableAgency(r)
	if err != nil {
		return err
	}
	y, err := en.requirePhase(r.Context(), 0, assessment.PhaseEITCollection)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	p, f, err := en.entryPage(r.Context(), r, ag, y)
	if err != nil {
		return err
	}
	if f == nil { // the phase closed between the two checks
		return y.CheckOpen(assessment.PhaseEITCollection, en.now())
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
	channel := survey.Channel(r.PostFormValue("channel"))
	p.NationalID = r.PostFormValue(survey.FieldNationalID)
	p.Comment = r.PostFormValue(survey.FieldComment)
	again := func(err error) error {
		errs := apperr.FieldsOf(err)
		if errs == nil {
			return err
		}
		p.Errors = errs
		p.Error = msgOf(p.Lang, err)
		p.ChannelField = channelField(p.Lang, string(channel), errs["channel"])
		p.Questions = questionsOf(f, p.Lang, answers, errs)
		p.Profile = profileOf(f, p.Lang, profile, errs)
		p.ErrorList = errorList(f, p.Lang, errs)
		noStore(w)
		en.render(w, r, httpStatus(err), "entry", p)
		return nil
	}
	var channelErr error
	if channel != survey.ChannelPhone && channel != survey.ChannelField {
		channelErr = apperr.Fields("channel", "กรุณาเลือกช่องทางที่เก็บคำตอบ: โทรศัพท์ หรือ ลงพื้นที่")
	}
	id, idErr := survey.ParseNationalID(p.NationalID)
	clean, checkErr := f.Check(answers, profile, p.Comment)
	if err := apperr.Join(apperr.Join(idErr, channelErr), checkErr); err != nil {
		return again(err)
	}
	sub := survey.Submission{
		Response: survey.Response{
			FiscalYear: y.FiscalYear, AgencyCode: ag.Code, Survey: survey.EIT, Channel: channel,
			Answers: clean.Answers, Profile: clean.Profile,
		},
		IDHash:     en.hasher.Hash(y.FiscalYear, ag.Code, survey.EIT, id),
		Suggestion: clean.Suggestion,
	}
	err = en.store.ImportResponses(r.Context(), []survey.Submission{sub}, en.by(r))
	if apperr.Is(err, apperr.CodeConflict) {
		return again(alreadyEntered(err))
	}
	if err != nil {
		return err
	}
	setFlash(w, "entry.saved")
	http.Redirect(w, r, fmt.Sprintf("/agencies/%s/eit/entry", ag.Code), http.StatusSeeOther)
	return nil
}

// alreadyEntered is the Conflict of a national ID that has already answered the agency's EIT,
// as a message beside the ID field.
func alreadyEntered(cause error) error {
	e := apperr.Wrap(cause, apperr.CodeConflict,
		"เลขประจำตัวประชาชนนี้ตอบแบบสำรวจ EIT ของหน่วยงานนี้แล้ว ไม่ได้บันทึกซ้ำ",
		"This national ID has already answered the agency's EIT; nothing was stored")
	e.Fields = map[string]string{survey.FieldNationalID: "ผู้ตอบที่มีเลขประจำตัวประชาชนนี้ตอบแบบสำรวจ EIT ของหน่วยงานนี้แล้ว"}
	return e
}

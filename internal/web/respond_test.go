package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// TestRespondFlow answers an IIT through the pages: the ID step, the questions, the
// confirmation; then a second attempt with the same national ID is refused in Thai when it is
// submitted, never at the ID step.
func TestRespondFlow(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	code := demo.CodeEnergyPS
	tok := e.surveyToken(code, survey.IIT)
	before := e.countAnswers(code, survey.IIT)

	res := e.do(request{method: "GET", path: "/s/" + tok})
	b := body(t, res)
	if res.StatusCode != 200 || !strings.Contains(b, `name="national_id"`) || !strings.Contains(b, "สำนักงานปลัดกระทรวงพลังงาน") {
		t.Fatalf("GET /s/{token}: status %d\n%.1000s", res.StatusCode, b)
	}
	if res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q, want no-store", res.Header.Get("Cache-Control"))
	}

	id := nationalID(1)
	seal := e.startSurvey(tok, id)
	if strings.Contains(seal, id) {
		t.Fatal("the seal shows the national ID")
	}
	form := answerAll(demoForm(t, survey.IIT), 3)
	form.Set("seal", seal)
	form.Set("p.gender", "female")
	form.Set("p.position", "official")
	form.Set("comment", "ขอให้เปิดเผยข้อมูลมากขึ้น")
	res = e.do(request{method: "POST", path: "/s/" + tok + "/answers", form: form})
	body(t, res)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/s/"+tok+"/done" {
		t.Fatalf("POST answers: status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	res = e.do(request{method: "GET", path: "/s/" + tok + "/done"})
	if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, "ขอบคุณที่ร่วมตอบแบบสำรวจ") || !strings.Contains(b, "21 พ.ย. 2569") {
		t.Errorf("done page: status %d\n%.1000s", res.StatusCode, b)
	}
	if got := e.countAnswers(code, survey.IIT); got != before+1 {
		t.Fatalf("%d responses, want %d", got, before+1)
	}
	rs, err := e.st.FindResponses(context.Background(), testFiscalYear, code, survey.IIT)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rs {
		if r.Profile["position"] == "official" && r.Profile["gender"] == "female" && r.Channel == survey.ChannelLink &&
			r.Answers["i1.1"] == "4" && r.Answers["i4.1"] == "ไม่มี" && r.Answers["i30.4"] == "4" {
			found = true
		}
	}
	if !found {
		t.Error("the stored response does not carry the answers and profile given")
	}

	t.Run("IDStepTellsNothing", func(t *testing.T) {
		// The ID step must not say whether an ID has answered: it answers the same for an ID
		// that has and one that has not.
		for _, nid := range []string{id, nationalID(8)} {
			res := e.do(request{method: "POST", path: "/s/" + tok, form: url.Values{"national_id": {nid}}})
			b := body(t, res)
			if res.StatusCode != http.StatusOK || !strings.Contains(b, `name="seal"`) || strings.Contains(b, "ท่านได้ตอบแบบสำรวจนี้แล้ว") {
				t.Errorf("ID step for %s: status %d, want 200 with the questions and no word of an earlier answer", nid, res.StatusCode)
			}
		}
	})
	t.Run("SecondAttemptRefusedAtSubmission", func(t *testing.T) {
		again := answerAll(demoForm(t, survey.IIT), 1)
		again.Set("seal", e.startSurvey(tok, id))
		again.Set("comment", "ครั้งที่สอง")
		res := e.do(request{method: "POST", path: "/s/" + tok + "/answers", form: again})
		b := body(t, res)
		if res.StatusCode != http.StatusConflict || !strings.Contains(b, "ท่านได้ตอบแบบสำรวจนี้แล้ว") {
			t.Fatalf("status %d, want 409 with the Thai message\n%.800s", res.StatusCode, b)
		}
		for _, want := range []string{`name="i1.1" value="2" required checked`, "ครั้งที่สอง", `id="f-national_id-error"`, `href="#f-national_id"`} {
			if !strings.Contains(b, want) {
				t.Errorf("the refused page lacks %q: the answers must stay and the ID field come back with the message", want)
			}
		}
		if strings.Contains(b, `name="seal"`) {
			t.Error("the refused page keeps the seal of the ID that has answered")
		}
		if got := e.countAnswers(code, survey.IIT); got != before+1 {
			t.Errorf("%d responses after the second attempt, want %d", got, before+1)
		}
		// A respondent who had mistyped corrects the ID and sends the same answers.
		again.Del("seal")
		again.Set("national_id", nationalID(9))
		res = e.do(request{method: "POST", path: "/s/" + tok + "/answers", form: again})
		if body(t, res); res.StatusCode != http.StatusSeeOther {
			t.Errorf("with a corrected ID: status %d, want 303", res.StatusCode)
		}
		if got := e.countAnswers(code, survey.IIT); got != before+2 {
			t.Errorf("%d responses after the corrected attempt, want %d", got, before+2)
		}
	})
	t.Run("SecondAttemptWithOldSeal", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/s/" + tok + "/answers", form: form})
		if b := body(t, res); res.StatusCode != http.StatusConflict || !strings.Contains(b, "ท่านได้ตอบแบบสำรวจนี้แล้ว") {
			t.Errorf("status %d\n%.800s", res.StatusCode, b)
		}
		if got := e.countAnswers(code, survey.IIT); got != before+2 {
			t.Errorf("%d responses after the second attempt, want %d", got, before+2)
		}
	})
	t.Run("SameIDOtherSurvey", func(t *testing.T) {
		e.startSurvey(e.surveyToken(code, survey.EIT), id)
	})
}

// TestRespondBadID checks the ID step's Thai messages: a wrong length and a wrong check digit
// are told apart, and what was typed comes back.
func TestRespondBadID(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	tok := e.surveyToken(demo.CodeEnergyPS, survey.EIT)
	good := nationalID(5)
	bad := good[:12] + string('0'+(good[12]-'0'+1)%10)
	for _, tt := range []struct{ name, id, want string }{
		{"Short", "12345", "ต้องมี 13 หลัก แต่ที่กรอกมี 5 หลัก"},
		{"CheckDigit", bad, "หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ"},
		{"Empty", "", "กรุณากรอกเลขประจำตัวประชาชน"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(request{method: "POST", path: "/s/" + tok, form: url.Values{"national_id": {tt.id}}})
			b := body(t, res)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, tt.want) {
				t.Fatalf("status %d, want 422 with %q\n%.1500s", res.StatusCode, tt.want, b)
			}
			if !strings.Contains(b, `aria-invalid="true"`) || strings.Contains(b, `name="seal"`) {
				t.Error("the field is not marked, or the questions were shown")
			}
		})
	}
	t.Run("DashesAndThaiDigits", func(t *testing.T) {
		thai := strings.Map(func(r rune) rune { return '๐' + (r - '0') }, good[:6]) + "-" + good[6:]
		e.startSurvey(tok, thai)
	})
}

// TestRespondInvalidAnswers checks that missing and tampered answers come back as a 422 page
// with the answers kept, each error beside its question, and nothing stored.
func TestRespondInvalidAnswers(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	code := demo.CodeEnergyPS
	tok := e.surveyToken(code, survey.IIT)
	before := e.countAnswers(code, survey.IIT)
	form := answerAll(demoForm(t, survey.IIT), 2)
	form.Set("seal", e.startSurvey(tok, nationalID(2)))
	form.Del("i1.1")
	form.Set("i2", "9")
	form.Set("p.gender", "horse")
	form.Set("comment", strings.Repeat("ก", survey.MaxSuggestionRunes+1))
	res := e.do(request{method: "POST", path: "/s/" + tok + "/answers", form: form})
	b := body(t, res)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	for _, want := range []string{
		`<fieldset id="q-i1.1" class="r-bad">`, "กรุณาตอบข้อนี้", `<fieldset id="q-i2" class="r-bad">`,
		"คำตอบต้องเป็นหนึ่งใน: 1, 2, 3, 4", `href="#q-i1.1"`, `id="q-p.gender" class="r-bad"`,
		"ข้อเสนอแนะยาวได้ไม่เกิน 2,000 ตัวอักษร", `name="i1.2" value="3" required checked`, `name="seal"`,
	} {
		if !strings.Contains(b, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if got := e.countAnswers(code, survey.IIT); got != before {
		t.Errorf("an invalid submission stored something: %d responses, want %d", got, before)
	}
}

// TestRespondExpiredSeal checks that a form left open too long asks for the national ID again
// and keeps the answers, and that a seal made for another link is worthless.
func TestRespondExpiredSeal(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	code := demo.CodeEnergyPS
	tok := e.surveyToken(code, survey.IIT)
	form := answerAll(demoForm(t, survey.IIT), 0)
	form.Set("seal", e.startSurvey(tok, nationalID(3)))
	e.clock.Add(sealTTL + time.Minute)
	res := e.do(request{method: "POST", path: "/s/" + tok + "/answers", form: form})
	b := body(t, res)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, "กรุณากรอกเลขประจำตัวประชาชนอีกครั้ง") ||
		!strings.Contains(b, `name="national_id"`) || !strings.Contains(b, `name="i1.1" value="1" required checked`) {
		t.Fatalf("expired seal: status %d\n%.2000s", res.StatusCode, b)
	}
	form.Del("seal")
	form.Set("national_id", nationalID(3))
	res = e.do(request{method: "POST", path: "/s/" + tok + "/answers", form: form})
	if body(t, res); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("with the ID again: status %d, want 303", res.StatusCode)
	}

	other := e.surveyToken(code, survey.EIT)
	eitForm := answerAll(demoForm(t, survey.EIT), 0)
	eitForm.Set("seal", e.startSurvey(tok, nationalID(4))) // sealed for the IIT link
	res = e.do(request{method: "POST", path: "/s/" + other + "/answers", form: eitForm})
	if b := body(t, res); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, `name="national_id"`) {
		t.Errorf("a seal of another link was accepted: status %d", res.StatusCode)
	}
}

// TestRespondClosed moves the clock past the collection windows: the form says it is closed,
// with the dates, and answers 403 with the phase-closed code.
func TestRespondClosed(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	tok := e.surveyToken(demo.CodeEnergyPS, survey.EIT)
	seal := e.startSurvey(tok, nationalID(6))
	e.clock.Add(62 * 24 * time.Hour)
	for _, req := range []request{
		{method: "GET", path: "/s/" + tok},
		{method: "POST", path: "/s/" + tok, form: url.Values{"national_id": {nationalID(7)}}},
		{method: "POST", path: "/s/" + tok + "/answers", form: func() url.Values {
			v := answerAll(demoForm(t, survey.EIT), 3)
			v.Set("seal", seal)
			return v
		}()},
	} {
		res := e.do(req)
		b := body(t, res)
		if res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "phase_closed" ||
			!strings.Contains(b, "สิ้นสุดช่วงเวลาการเก็บข้อมูลแบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)") || !strings.Contains(b, "2569") {
			t.Errorf("%s %s: status %d\n%.1200s", req.method, req.path, res.StatusCode, b)
		}
	}
}

// TestRespondRotatedLink rotates a link through the agency's page: the old link says it has
// moved at once (the cache is dropped), without naming the new one, and the new link works.
func TestRespondRotatedLink(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	code := demo.CodeEnergyPS
	old := e.surveyToken(code, survey.EIT)
	if res := e.do(request{method: "GET", path: "/s/" + old}); res.StatusCode != 200 {
		t.Fatalf("old link before rotation: %d", res.StatusCode)
	}
	admin := e.session("a" + code)
	res := e.do(request{method: "POST", path: "/agencies/" + code + "/surveys/eit/rotate", token: admin, form: url.Values{}})
	if b := body(t, res); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, "กรุณาทำเครื่องหมายยืนยัน") {
		t.Fatalf("rotation without confirmation: status %d", res.StatusCode)
	}
	res = e.do(request{method: "POST", path: "/agencies/" + code + "/surveys/eit/rotate", token: admin, form: url.Values{"confirm": {"yes"}}})
	if body(t, res); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("rotation: status %d, want 303", res.StatusCode)
	}
	fresh := e.surveyToken(code, survey.EIT)
	if fresh == old {
		t.Fatal("the token did not change")
	}
	res = e.do(request{method: "GET", path: "/s/" + old})
	b := body(t, res)
	if res.StatusCode != http.StatusGone || !strings.Contains(b, "ลิงก์นี้ถูกเปลี่ยนแล้ว") || strings.Contains(b, fresh) ||
		!strings.Contains(b, `href="/surveys"`) {
		t.Errorf("old link: status %d\n%.1000s", res.StatusCode, b)
	}
	api := e.do(request{method: "POST", path: "/api/v1/s/" + old + "/responses", json: `{}`})
	if body(t, api); api.StatusCode != http.StatusNotFound {
		t.Errorf("API on the old link: status %d, want 404", api.StatusCode)
	}
	if res := e.do(request{method: "GET", path: "/s/" + fresh}); res.StatusCode != 200 {
		t.Errorf("new link: status %d", res.StatusCode)
	}
	page, err := e.st.FindAudit(context.Background(), audit.Filter{Action: survey.ActionLinkRotate})
	if err != nil || page.Total != 1 || page.Entries[0].Actor != "a"+code {
		t.Errorf("audit: %+v, %v", page, err)
	}
}

// TestRespondRateLimit sets the public limit to 2 a minute: the third submission from one
// address is refused with a Thai message and the answers kept.
func TestRespondRateLimit(t *testing.T) {
	e := newSurveyEnv(t, Config{SurveyPostsPerMinute: 2})
	tok := e.surveyToken(demo.CodeEnergyPS, survey.IIT)
	seal := e.startSurvey(tok, nationalID(8)) // 1
	e.startSurvey(tok, nationalID(9))         // 2
	form := answerAll(demoForm(t, survey.IIT), 1)
	form.Set("seal", seal)
	res := e.do(request{method: "POST", path: "/s/" + tok + "/answers", form: form})
	b := body(t, res)
	if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(b, "ถี่เกินไป") ||
		!strings.Contains(b, `name="i1.1" value="2" required checked`) || !strings.Contains(b, `name="seal"`) {
		t.Fatalf("third POST: status %d\n%.1500s", res.StatusCode, b)
	}
	api := e.do(request{method: "POST", path: "/api/v1/s/" + tok + "/responses", json: `{}`})
	var got apiError
	decode(t, api, &got)
	if api.StatusCode != http.StatusTooManyRequests || !strings.Contains(got.Error.Message, "ถี่เกินไป") || api.Header.Get("Retry-After") == "" {
		t.Errorf("API: status %d, %+v", api.StatusCode, got)
	}
	// Other addresses are not affected.
	req := request{method: "POST", path: "/s/" + tok, form: url.Values{"national_id": {nationalID(10)}},
		header: http.Header{}}
	r2 := e.doFrom("192.0.2.77:1234", req)
	if body(t, r2); r2.StatusCode != 200 {
		t.Errorf("another address: status %d", r2.StatusCode)
	}
}

// TestSurveyMessages checks the keys the survey pages build at run time.
func TestSurveyMessages(t *testing.T) {
	var keys []string
	for _, sv := range []string{survey.IIT, survey.EIT} {
		keys = append(keys, "respond.survey."+sv, "respond.intro."+sv, "respond.moved."+sv)
	}
	for _, a := range []string{survey.ActionLinkRotate, survey.ActionImport} {
		keys = append(keys, "audit.action."+a)
	}
	keys = append(keys, "respond.title", "respond.question", "respond.notfound.title",
		"respond.moved.title", "respond.closed.title", "surveys.rotated", "nav.surveys")
	for _, k := range keys {
		for _, lang := range langs {
			if _, ok := catalogues[lang][k]; !ok {
				t.Errorf("%s: run-time key %q is not in the catalogue", lang, k)
			}
		}
	}
}

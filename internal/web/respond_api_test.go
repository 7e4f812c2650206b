package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// responseBody returns a complete JSON response answering every item of f with the option at
// index opt, as numbers where the code is a number.
func responseBody(t *testing.T, f *survey.Form, id string, opt int, edit func(m map[string]any)) string {
	t.Helper()
	answers := map[string]any{}
	for k, v := range answerAll(f, opt) {
		if n, err := json.Number(v[0]).Int64(); err == nil {
			answers[k] = n
		} else {
			answers[k] = v[0]
		}
	}
	m := map[string]any{"national_id": id, "answers": answers}
	if edit != nil {
		edit(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAPIRespond(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	code := demo.CodeEnergyPS
	tok := e.surveyToken(code, survey.IIT)
	path := "/api/v1/s/" + tok + "/responses"
	f := demoForm(t, survey.IIT)
	before := e.countAnswers(code, survey.IIT)
	post := func(body string) (*http.Response, apiError) {
		t.Helper()
		res := e.do(request{method: "POST", path: path, json: body})
		var got apiError
		if res.StatusCode >= 400 {
			decode(t, res, &got)
		}
		return res, got
	}

	t.Run("Stored", func(t *testing.T) {
		body := responseBody(t, f, nationalID(20), 3, func(m map[string]any) {
			a := m["answers"].(map[string]any)
			a["i1.2"] = "๓"
			a["i4.1"] = "ไม่มี"
			a["i4.2"] = "no"
			a["i2"] = "4.00"
			m["profile"] = map[string]string{"gender": "ชาย", "service_years": "21+"}
			m["comment"] = "ดีมาก"
		})
		res := e.do(request{method: "POST", path: path, json: body})
		var rc ReceiptJSON
		decode(t, res, &rc)
		if res.StatusCode != http.StatusCreated || rc.Status != "stored" || rc.Day != "2026-11-21" || rc.Survey != "iit" || rc.AgencyCode != code {
			t.Fatalf("status %d, receipt %+v", res.StatusCode, rc)
		}
		if got := e.countAnswers(code, survey.IIT); got != before+1 {
			t.Errorf("%d responses, want %d", got, before+1)
		}
	})
	t.Run("NationalIDAsNumber", func(t *testing.T) {
		id := nationalID(21)
		body := strings.Replace(responseBody(t, f, id, 0, nil), `"`+id+`"`, id, 1)
		if res, got := post(body); res.StatusCode != http.StatusCreated {
			t.Errorf("status %d: %+v", res.StatusCode, got)
		}
	})
	t.Run("Duplicate", func(t *testing.T) {
		res, got := post(responseBody(t, f, nationalID(20), 1, nil))
		if res.StatusCode != http.StatusConflict || !strings.Contains(got.Error.Message, "ท่านได้ตอบแบบสำรวจนี้แล้ว") {
			t.Errorf("status %d: %+v", res.StatusCode, got)
		}
	})
	t.Run("BadID", func(t *testing.T) {
		bad := nationalID(22)
		bad = bad[:12] + string('0'+(bad[12]-'0'+3)%10)
		res, got := post(responseBody(t, f, bad, 1, nil))
		if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(got.Error.Fields["national_id"], "เลขตรวจสอบ") {
			t.Errorf("status %d: %+v", res.StatusCode, got)
		}
	})
	t.Run("InvalidAnswers", func(t *testing.T) {
		res, got := post(responseBody(t, f, nationalID(23), 1, func(m map[string]any) {
			a := m["answers"].(map[string]any)
			delete(a, "i1.1")
			a["i2"] = 7
			a["i4.1"] = 1
			a["x9"] = 1
			m["profile"] = map[string]string{"shoe": "42"}
		}))
		want := map[string]string{"i1.1": "กรุณาตอบข้อนี้", "i2": "1, 2, 3, 4", "i4.1": "มี, ไม่มี", "x9": "ไม่มีข้อนี้", "profile.shoe": "ไม่มีคำถามนี้"}
		if res.StatusCode != http.StatusUnprocessableEntity || len(got.Error.Fields) != len(want) {
			t.Fatalf("status %d: %+v", res.StatusCode, got)
		}
		for k, v := range want {
			if !strings.Contains(got.Error.Fields[k], v) {
				t.Errorf("field %s: %q, want %q", k, got.Error.Fields[k], v)
			}
		}
	})
	t.Run("Malformed", func(t *testing.T) {
		for _, body := range []string{`{"national_id":`, `{"national_id":"1","answers":{},"extra":1}`, `{"answers":{"i1.1":true}}`, `[]`} {
			if res, got := post(body); res.StatusCode != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d (%+v)", body, res.StatusCode, got)
			}
		}
		res := e.do(request{method: "POST", path: path, form: map[string][]string{"national_id": {nationalID(24)}}})
		if body(t, res); res.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("form body: status %d, want 422", res.StatusCode)
		}
	})
	t.Run("WrongKindNamesFieldNotValue", func(t *testing.T) {
		const marker = "<b>ECHO-7f3a</b>"
		for _, tt := range []struct {
			name, body string
			fields     []string
		}{
			{"Answer", `{"national_id":"` + nationalID(28) + `","answers":{"i1.1":{"x":"` + marker + `"},"i1.2":4,"i2":["` + marker + `"]}}`, []string{"i1.1", "i2"}},
			{"AnswerBoolean", `{"national_id":"` + nationalID(28) + `","answers":{"i1.1":true}}`, []string{"i1.1"}},
			{"NationalID", `{"national_id":{"v":"` + marker + `"},"answers":{}}`, []string{"national_id"}},
			{"AnswersNotObject", `{"national_id":"` + nationalID(28) + `","answers":["` + marker + `"]}`, []string{"answers"}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := e.do(request{method: "POST", path: path, json: tt.body})
				raw := body(t, res)
				if res.StatusCode != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422: %s", res.StatusCode, raw)
				}
				if strings.Contains(raw, "ECHO-7f3a") || strings.Contains(raw, "true") {
					t.Errorf("the 422 echoes the value sent: %s", raw)
				}
				var got apiError
				if err := json.Unmarshal([]byte(raw), &got); err != nil {
					t.Fatal(err)
				}
				if len(got.Error.Fields) != len(tt.fields) {
					t.Errorf("fields %v, want exactly %v", got.Error.Fields, tt.fields)
				}
				for _, f := range tt.fields {
					if got.Error.Fields[f] == "" {
						t.Errorf("fields %v lack %q", got.Error.Fields, f)
					}
				}
			})
		}
	})
	t.Run("Oversize", func(t *testing.T) {
		body := responseBody(t, f, nationalID(25), 1, func(m map[string]any) { m["comment"] = strings.Repeat("ก", 400_000) })
		if len(body) < 1<<20 {
			t.Fatalf("body of %d bytes is not over 1 MB", len(body))
		}
		res, got := post(body)
		if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(got.Error.Message, "1 MB") {
			t.Errorf("status %d: %+v", res.StatusCode, got)
		}
	})
	t.Run("LongComment", func(t *testing.T) {
		res, got := post(responseBody(t, f, nationalID(26), 1, func(m map[string]any) { m["comment"] = strings.Repeat("ข", 2001) }))
		if res.StatusCode != http.StatusUnprocessableEntity || got.Error.Fields["comment"] == "" {
			t.Errorf("status %d: %+v", res.StatusCode, got)
		}
	})
	if got := e.countAnswers(code, survey.IIT); got != before+2 {
		t.Errorf("%d responses after the rejected ones, want %d: a 4xx stored something", got, before+2)
	}
	t.Run("UnknownToken", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/api/v1/s/" + survey.NewLinkToken() + "/responses", json: `{}`})
		if body(t, res); res.StatusCode != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.StatusCode)
		}
	})
	t.Run("Closed", func(t *testing.T) {
		e.clock.Add(62 * 24 * time.Hour)
		res, got := post(responseBody(t, f, nationalID(27), 1, nil))
		if res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "phase_closed" ||
			!strings.Contains(got.Error.Message, "สิ้นสุดช่วงเวลา") {
			t.Errorf("status %d: %+v", res.StatusCode, got)
		}
	})
}

func TestAPIForm(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	tok := e.surveyToken(demo.CodeKlongSe, survey.EIT)
	res := e.do(request{method: "GET", path: "/api/v1/s/" + tok})
	var got FormJSON
	decode(t, res, &got)
	f := demoForm(t, survey.EIT)
	if res.StatusCode != 200 || got.Survey != "eit" || got.AgencyName != "องค์การบริหารส่วนตำบลคลองเส" || !got.Open ||
		len(got.Questions) != len(f.Questions) || len(got.Profile) != 3 || got.Closes == "" {
		t.Fatalf("status %d: %+v", res.StatusCode, got)
	}
	keys := 0
	for _, q := range got.Questions {
		keys += len(q.Items)
		if len(q.Options) == 0 {
			t.Errorf("question %s has no options", q.ID)
		}
	}
	if keys != len(f.ItemKeys()) {
		t.Errorf("%d items, want %d", keys, len(f.ItemKeys()))
	}
	// What the form says is what the API takes.
	answers := map[string]string{}
	for _, q := range got.Questions {
		for _, it := range q.Items {
			answers[it.Key] = q.Options[0].Code
		}
	}
	b, _ := json.Marshal(map[string]any{"national_id": nationalID(30), "answers": answers})
	post := e.do(request{method: "POST", path: "/api/v1/s/" + tok + "/responses", json: string(b)})
	if body(t, post); post.StatusCode != http.StatusCreated {
		t.Errorf("answering the form as described: status %d", post.StatusCode)
	}
}

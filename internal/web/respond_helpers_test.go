package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
)

// surveyTestSecret is the fixed server secret of the survey tests.
var surveyTestSecret = bytes.Repeat([]byte("itas-test-secret"), 2)

// newSurveyEnv is newEnv with the fixed survey secret.
func newSurveyEnv(tb testing.TB, cfg Config) *env {
	tb.Helper()
	c := &clock{t: testNow}
	st := mustStore(tb, c)
	if cfg.RatePerMinute == 0 {
		cfg.RatePerMinute = 1e6
	}
	if cfg.LoginPerMinute == 0 {
		cfg.LoginPerMinute = 1e6
	}
	if cfg.SurveyPostsPerMinute == 0 {
		cfg.SurveyPostsPerMinute = 1e6
	}
	srv, err := New(cfg, Deps{Store: st, Now: c.Now, Secret: surveyTestSecret})
	if err != nil {
		tb.Fatal(err)
	}
	return &env{t: tb, srv: srv, st: st, clock: c}
}

// testFiscalYear is the demo's open year at testNow.
var testFiscalYear = thaidate.FiscalYear(testNow)

// surveyToken returns the live link token of a demo agency's survey.
func (e *env) surveyToken(code, sv string) string {
	e.t.Helper()
	l, err := e.st.SurveyLink(context.Background(), testFiscalYear, code, sv)
	if err != nil {
		e.t.Fatal(err)
	}
	return l.Token
}

// countAnswers returns how many responses a demo agency's survey has.
func (e *env) countAnswers(code, sv string) int {
	e.t.Helper()
	rs, err := e.st.FindResponses(context.Background(), testFiscalYear, code, sv)
	if err != nil {
		e.t.Fatal(err)
	}
	return len(rs)
}

// nationalID returns the n-th valid national ID of the tests.
func nationalID(n int) string {
	base := fmt.Sprintf("3%011d", n)
	sum := 0
	for i := 0; i < 12; i++ {
		sum += int(base[i]-'0') * (13 - i)
	}
	return base + fmt.Sprint((11-sum%11)%10)
}

// demoForm is the demo framework's form of a survey.
func demoForm(t testing.TB, sv string) *survey.Form {
	t.Helper()
	fw, err := framework.Builtin(demo.FrameworkYear)
	if err != nil {
		t.Fatal(err)
	}
	f, err := survey.NewForm(fw, sv)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// answerAll returns form values answering every item of f with its question's option at
// index opt (clamped to the options there are).
func answerAll(f *survey.Form, opt int) url.Values {
	v := url.Values{}
	for _, q := range f.Questions {
		o := q.Options[min(opt, len(q.Options)-1)]
		for _, it := range q.Items {
			v.Set(it.Key, o.Code)
		}
	}
	return v
}

var sealRE = regexp.MustCompile(`name="seal" value="([^"]+)"`)

// sealOf returns the sealed key of an answers page.
func sealOf(tb testing.TB, page string) string {
	tb.Helper()
	m := sealRE.FindStringSubmatch(page)
	if m == nil {
		tb.Fatalf("no seal on the page:\n%.2000s", page)
	}
	return m[1]
}

// startSurvey posts a national ID to the link's ID step and returns the seal of the answers
// page.
func (e *env) startSurvey(token, id string) string {
	e.t.Helper()
	res := e.do(request{method: "POST", path: "/s/" + token, form: url.Values{"national_id": {id}}})
	b := body(e.t, res)
	if res.StatusCode != 200 {
		e.t.Fatalf("POST /s/%s: status %d\n%.1500s", token, res.StatusCode, b)
	}
	return sealOf(e.t, b)
}

// doFrom serves req as do does, from another client address.
func (e *env) doFrom(remoteAddr string, req request) *http.Response {
	e.t.Helper()
	r := httptest.NewRequest(req.method, req.path, strings.NewReader(req.form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.RemoteAddr = remoteAddr
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return w.Result()
}

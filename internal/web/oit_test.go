package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/oit"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/thaidate"
)

// The demo's current fiscal year at testNow (2570) and its OIT phases, in days from testNow:
// answering until +60, review +61…+150, clarification +151…+165, processing +166…+185.
var curFY = thaidate.FiscalYear(testNow)

func (e *env) oitRecord(fy int, code string) oit.Record {
	e.t.Helper()
	rec, err := e.st.FindOIT(context.Background(), fy, code)
	if err != nil {
		e.t.Fatal(err)
	}
	return rec
}

// oitPost posts form values (plus year and the record's current version) as user.
func (e *env) oitPost(user, path, code string, form url.Values) *http.Response {
	e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if form.Get("year") == "" {
		form.Set("year", strconv.Itoa(curFY))
	}
	if _, ok := form["version"]; !ok {
		fy, _ := strconv.Atoi(form.Get("year"))
		form.Set("version", strconv.Itoa(e.oitRecord(fy, code).Version))
	}
	return e.do(request{method: "POST", path: path, form: form, token: e.session(user)})
}

func oitWant(t *testing.T, res *http.Response, want int) string {
	t.Helper()
	b := body(t, res)
	if res.StatusCode != want {
		t.Fatalf("status %d, want %d (Location %q)\n%s", res.StatusCode, want, res.Header.Get("Location"), oitHead(b, 40))
	}
	return b
}

func oitHead(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// TestOITPagesRender opens every OIT page as the roles that use it, in the current year and
// in the demo's scored 2563, in Thai and English, and finds no message key left raw.
func TestOITPagesRender(t *testing.T) {
	e := newEnv(t, Config{})
	ps, dmf := demo.CodeEnergyPS, demo.CodeDMF
	pages := []struct{ user, path, want string }{
		{"a" + dmf, "/oit", ""},
		{"a" + dmf, "/agencies/" + dmf + "/oit", "ตอบแล้ว 38 / 43"},
		{"a" + dmf, "/agencies/" + dmf + "/oit/o39", "บันทึกแบบร่าง"},
		{"a" + dmf, "/agencies/" + dmf + "/oit/o31", "ไม่สามารถเปิดเผยข้อมูลได้"},
		{"t" + ps, "/agencies/" + ps + "/oit", "ยืนยันการตรวจ"},
		{"a" + ps, "/agencies/" + ps + "/oit", "ส่งแบบแล้ว"},
		{"a" + ps, "/agencies/" + ps + "/oit/o9", "ไม่อยู่บนเว็บไซต์หลักของหน่วยงาน"},
		{"a" + ps, "/agencies/" + ps + "/oit?year=2563", "ไม่พบช่องทางการติดต่อผู้บริหารโดยตรง"},
		{"a" + ps, "/agencies/" + ps + "/oit/o2?year=2563", "คงคะแนนเดิม"},
		{"assessor", "/assess", "มหาวิทยาลัยเชียงใหม่"},
		{"assessor", "/assess?status=approved", "มหาวิทยาลัยเชียงใหม่"},
		{"assessor", "/assess?year=2563&status=final", "สำนักงานปลัดกระทรวงพลังงาน"},
		{"assessor", "/assess/" + ps, "o43"},
		{"assessor", "/assess/" + ps + "/o9", "facebook.com"},
		{"assessor", "/assess/" + ps + "/o2?year=2563", "หน้าข้อมูลผู้บริหารมีหมายเลขโทรศัพท์"},
		{"admin", "/assess?page=1", "งานตรวจแบบ OIT"},
		{"admin", "/agencies/" + ps + "/oit/o1", "หน้าตรวจและให้คะแนน"},
	}
	for _, p := range pages {
		for _, lang := range []string{"th", "en"} {
			t.Run(p.user+p.path+"/"+lang, func(t *testing.T) {
				req := request{method: "GET", path: p.path, token: e.session(p.user), header: http.Header{"Accept-Language": {lang}}}
				res := e.do(req)
				if p.path == "/oit" {
					if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/agencies/"+dmf+"/oit" {
						t.Fatalf("GET /oit: %d → %q", res.StatusCode, res.Header.Get("Location"))
					}
					return
				}
				b := oitWant(t, res, http.StatusOK)
				if lang == "th" && p.want != "" && !strings.Contains(b, p.want) {
					t.Errorf("page lacks %q", p.want)
				}
				for _, prefix := range []string{">oit.", ">assess.", " oit.", "\"oit.", ">nav."} {
					if i := strings.Index(b, prefix); i >= 0 {
						t.Errorf("raw message key near %q", b[max(0, i-40):min(len(b), i+60)])
					}
				}
			})
		}
	}
}

// TestOITAdminAnswers: the admin of กรมเชื้อเพลิงธรรมชาติ saves drafts one item at a time
// (Thai messages beside the field, a warning for an off-site URL, a stale tab refused), cannot
// submit while items are missing, then submits; the progress shows it.
func TestOITAdminAnswers(t *testing.T) {
	e := newEnv(t, Config{})
	dmf := demo.CodeDMF
	admin := "a" + dmf
	item := func(id string) string { return "/agencies/" + dmf + "/oit/" + id }

	t.Run("YesWithoutURL", func(t *testing.T) {
		b := oitWant(t, e.oitPost(admin, item("o39"), dmf, url.Values{"disclosure": {"yes"}}), http.StatusUnprocessableEntity)
		if !strings.Contains(b, `id="f-urls-error"`) || !strings.Contains(b, "กรุณาระบุ URL") {
			t.Errorf("no Thai message beside the URLs")
		}
	})
	t.Run("CannotWithoutReason", func(t *testing.T) {
		b := oitWant(t, e.oitPost(admin, item("o39"), dmf, url.Values{"disclosure": {"cannot"}}), http.StatusUnprocessableEntity)
		if !strings.Contains(b, `id="f-reason-error"`) {
			t.Errorf("no message beside the reason")
		}
	})
	t.Run("SaveAndNext", func(t *testing.T) {
		res := e.oitPost(admin, item("o39"), dmf, url.Values{"disclosure": {"yes"}, "next": {"1"},
			"urls": {"https://dmf.go.th/ita/o39\r\nhttps://drive.google.com/file/d/abc\r\n"}, "explanation": {"แผนหน้า 3"}})
		oitWant(t, res, http.StatusSeeOther)
		if loc := res.Header.Get("Location"); loc != item("o40")+"?year="+strconv.Itoa(curFY) {
			t.Errorf("Location = %q, want the next item", loc)
		}
		it := e.oitRecord(curFY, dmf).Item("o39")
		if len(it.Answer.URLs) != 2 || it.Answer.Explanation != "แผนหน้า 3" || it.SavedBy != admin {
			t.Fatalf("o39 = %+v", it)
		}
		b := oitWant(t, e.do(request{method: "GET", path: item("o39"), token: e.session(admin)}), http.StatusOK)
		if !strings.Contains(b, "drive.google.com/file/d/abc") || !strings.Contains(b, "ไม่อยู่บนเว็บไซต์หลักของหน่วยงาน") {
			t.Errorf("no off-site warning for drive.google.com")
		}
	})
	t.Run("StaleTab", func(t *testing.T) {
		old := e.oitRecord(curFY, dmf).Version
		oitWant(t, e.oitPost(admin, item("o40"), dmf, url.Values{"disclosure": {"no"}}), http.StatusSeeOther)
		b := oitWant(t, e.oitPost(admin, item("o40"), dmf, url.Values{"disclosure": {"yes"}, "urls": {"https://dmf.go.th/x"},
			"version": {strconv.Itoa(old)}}), http.StatusConflict)
		if !strings.Contains(b, "กรุณาโหลดหน้าใหม่") {
			t.Errorf("no Thai conflict message")
		}
		if d := e.oitRecord(curFY, dmf).Item("o40").Answer.Disclosure; d != oit.No {
			t.Errorf("stale tab overwrote o40: %s", d)
		}
	})
	t.Run("SubmitIncomplete", func(t *testing.T) {
		b := oitWant(t, e.oitPost(admin, "/agencies/"+dmf+"/oit/submit", dmf, nil), http.StatusUnprocessableEntity)
		if !strings.Contains(b, "o41, o42, o43") {
			t.Errorf("missing items not named")
		}
	})
	t.Run("Submit", func(t *testing.T) {
		for _, id := range []string{"o41", "o42", "o43"} {
			oitWant(t, e.oitPost(admin, item(id), dmf, url.Values{"disclosure": {"yes"}, "urls": {"https://dmf.go.th/" + id}}), http.StatusSeeOther)
		}
		oitWant(t, e.oitPost(admin, "/agencies/"+dmf+"/oit/submit", dmf, nil), http.StatusSeeOther)
		if st := e.oitRecord(curFY, dmf).Status; st != oit.StatusSubmitted {
			t.Fatalf("status %s", st)
		}
		// Answers are locked while the executive checks them.
		oitWant(t, e.oitPost(admin, item("o1"), dmf, url.Values{"disclosure": {"no"}}), http.StatusConflict)
		facts, err := e.srv.agencyFacts(context.Background(), mustYear(t, e, curFY), dmf)
		if err != nil || !facts.OITSubmitted || facts.OITApproved {
			t.Errorf("facts = %+v, %v", facts, err)
		}
	})
}

func mustYear(t *testing.T, e *env, fy int) assessment.Year {
	t.Helper()
	y, err := e.st.FindYear(context.Background(), fy)
	if err != nil {
		t.Fatal(err)
	}
	return y
}

// TestOITExecutiveReview: the executive of สป.พน. passes and fails items one by one (a fail
// needs a comment), cannot approve while an item is not passed, and returns the answers; the
// admin sees the failed item marked with the comment; fixed and resubmitted, the executive
// approves and the answers are with the assessors.
func TestOITExecutiveReview(t *testing.T) {
	e := newEnv(t, Config{})
	ps := demo.CodeEnergyPS
	exec, admin := "t"+ps, "a"+ps
	base := "/agencies/" + ps + "/oit/"

	oitWant(t, e.oitPost(exec, base+"o11/review", ps, url.Values{"verdict": {"pass"}}), http.StatusSeeOther)
	b := oitWant(t, e.oitPost(exec, base+"o12/review", ps, url.Values{"verdict": {"fail"}}), http.StatusUnprocessableEntity)
	if !strings.Contains(b, `id="c-o12-err"`) {
		t.Errorf("no message beside o12's comment")
	}
	oitWant(t, e.oitPost(exec, base+"o12/review", ps, url.Values{"verdict": {"fail"}, "comment": {"ยังไม่มีรายงานรอบ 6 เดือน"}}), http.StatusSeeOther)
	b = oitWant(t, e.oitPost(exec, base+"approve", ps, nil), http.StatusUnprocessableEntity)
	if !strings.Contains(b, "ข้อที่ยังไม่ผ่าน: o12") {
		t.Errorf("approve did not name the items not passed")
	}
	oitWant(t, e.oitPost(exec, base+"reject", ps, nil), http.StatusSeeOther)

	b = oitWant(t, e.do(request{method: "GET", path: "/agencies/" + ps + "/oit", token: e.session(admin)}), http.StatusOK)
	if !strings.Contains(b, `oit-item failed" id="item-o12"`) || !strings.Contains(b, "ยังไม่มีรายงานรอบ 6 เดือน") {
		t.Errorf("the admin does not see o12 marked failed with the comment")
	}
	oitWant(t, e.oitPost(admin, base+"o12", ps, url.Values{"disclosure": {"yes"}, "urls": {"https://energy.go.th/report/6m"}}), http.StatusSeeOther)
	oitWant(t, e.oitPost(admin, base+"submit", ps, nil), http.StatusSeeOther)
	rec := e.oitRecord(curFY, ps)
	c, _ := oit.ChecklistOf(demo.FrameworkYear)
	for _, id := range c.ItemIDs {
		if rec.Item(id).Review.Verdict != oit.Pass {
			oitWant(t, e.oitPost(exec, base+id+"/review", ps, url.Values{"verdict": {"pass"}}), http.StatusSeeOther)
		}
	}
	oitWant(t, e.oitPost(exec, base+"approve", ps, nil), http.StatusSeeOther)
	if st := e.oitRecord(curFY, ps).Status; st != oit.StatusApproved {
		t.Fatalf("status %s after approval", st)
	}
	b = oitWant(t, e.do(request{method: "GET", path: "/agencies/" + ps + "/oit", token: e.session(admin)}), http.StatusOK)
	if !strings.Contains(b, "อนุมัติแล้ว") {
		t.Errorf("the agency page does not say อนุมัติแล้ว")
	}
}

// TestOITPhaseLock: after the answering phase nothing can change (#2), pages and API alike,
// with the dates in Thai; assessors cannot score before their phase.
func TestOITPhaseLock(t *testing.T) {
	e := newEnv(t, Config{})
	dmf, ps := demo.CodeDMF, demo.CodeEnergyPS
	oitWant(t, e.oitPost("assessor", "/assess/"+demo.CodeChiangMaiU+"/o1/score", demo.CodeChiangMaiU,
		url.Values{"score": {"100"}}), http.StatusForbidden)

	e.clock.Add(61 * 24 * time.Hour)
	w, _ := mustYear(t, e, curFY).Window(assessment.PhaseOITAnswering)
	for _, tc := range []struct{ user, path, code string }{
		{"a" + dmf, "/agencies/" + dmf + "/oit/o39", dmf},
		{"a" + dmf, "/agencies/" + dmf + "/oit/submit", dmf},
		{"t" + ps, "/agencies/" + ps + "/oit/o11/review", ps},
		{"t" + ps, "/agencies/" + ps + "/oit/approve", ps},
	} {
		res := e.oitPost(tc.user, tc.path, tc.code, url.Values{"disclosure": {"no"}, "verdict": {"pass"}})
		b := oitWant(t, res, http.StatusForbidden)
		if res.Header.Get("X-Error-Code") != "phase_closed" || !strings.Contains(b, "สิ้นสุดช่วงเวลาการตอบแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) แล้ว") || !strings.Contains(b, w.Dates()) {
			t.Errorf("POST %s: %q, %s", tc.path, res.Header.Get("X-Error-Code"), oitHead(b, 5))
		}
	}
	res := e.do(request{method: "PUT", path: "/api/v1/agencies/" + dmf + "/oit/items/o39?year=" + strconv.Itoa(curFY),
		json: `{"version": 0, "disclosure": "no"}`, token: e.session("a" + dmf)})
	if res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "phase_closed" {
		t.Errorf("API save after the phase: %d %s", res.StatusCode, body(t, res))
	}
	// The page no longer offers the form.
	b := oitWant(t, e.do(request{method: "GET", path: "/agencies/" + dmf + "/oit/o39", token: e.session("a" + dmf)}), http.StatusOK)
	if strings.Contains(b, `name="disclosure"`) {
		t.Error("answer form offered after the phase")
	}
}

// TestOITScope: handlers refuse agencies outside the account's scope on routes its role may
// use.
func TestOITScope(t *testing.T) {
	e := newEnv(t, Config{})
	ps, dmf := demo.CodeEnergyPS, demo.CodeDMF
	other := "6500000" // จังหวัดเชียงใหม่: not in the demo assessor's groups 8 and 10
	tests := []struct {
		name, user, method, path, code string
	}{
		{"AdminOtherAgencySave", "a" + ps, "POST", "/agencies/" + dmf + "/oit/o39", dmf},
		{"AdminOtherAgencyPage", "a" + ps, "GET", "/agencies/" + dmf + "/oit", dmf},
		{"ExecutiveOtherAgency", "t" + ps, "POST", "/agencies/" + dmf + "/oit/o1/review", dmf},
		{"AssessorOtherGroupQueuePage", "assessor", "GET", "/assess/" + other, other},
		{"AssessorOtherGroupItem", "assessor", "GET", "/assess/" + other + "/o1", other},
		{"AssessorOtherGroupScore", "assessor", "POST", "/assess/" + other + "/o1/score", other},
		{"AssessorOtherGroupAPI", "assessor", "GET", "/api/v1/agencies/" + other + "/oit", other},
		{"SupervisorOtherBody", "supervisor", "GET", "/agencies/" + ps + "/oit", ps},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res *http.Response
			if tt.method == "POST" {
				res = e.oitPost(tt.user, tt.path, tt.code, url.Values{"disclosure": {"no"}, "verdict": {"pass"}, "score": {"100"}})
			} else {
				res = e.do(request{method: "GET", path: tt.path, token: e.session(tt.user)})
			}
			b := body(t, res)
			if res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "forbidden" {
				t.Errorf("%s %s as %s: %d %s", tt.method, tt.path, tt.user, res.StatusCode, oitHead(b, 3))
			}
		})
	}
	// The queue lists only the assessor's groups.
	b := oitWant(t, e.do(request{method: "GET", path: "/assess", token: e.session("assessor")}), http.StatusOK)
	if strings.Contains(b, "จังหวัดเชียงใหม่") {
		t.Error("the queue lists an agency outside the assessor's groups")
	}
}

// TestOITAssessorRound follows มหาวิทยาลัยเชียงใหม่ from approval to final scores: scoring in
// the review phase (scores the framework allows, a comment below full marks), the release,
// results hidden from the agency until the clarification phase, the agency's reply, the
// decision, the confirmation, and the scores the engine gets.
func TestOITAssessorRound(t *testing.T) {
	e := newEnv(t, Config{})
	cmu := demo.CodeChiangMaiU
	c, _ := oit.ChecklistOf(demo.FrameworkYear)
	e.clock.Add(61 * 24 * time.Hour)
	score := func(id string) string { return "/assess/" + cmu + "/" + id + "/score" }

	b := oitWant(t, e.oitPost("assessor", score("o1"), cmu, url.Values{"score": {"50"}, "comment": {"ครึ่ง"}}), http.StatusUnprocessableEntity)
	if !strings.Contains(b, `id="f-score-error"`) {
		t.Error("no message beside the score")
	}
	b = oitWant(t, e.oitPost("assessor", score("o1"), cmu, url.Values{"score": {"0"}, "components": {"1"}}), http.StatusUnprocessableEntity)
	if !strings.Contains(b, `id="f-comment-error"`) || !strings.Contains(b, `value="1" checked`) {
		t.Error("no message beside the comment, or the ticked component was lost")
	}
	for _, id := range c.ItemIDs {
		form := url.Values{"score": {"100"}, "components": {"0"}}
		if id == "o17" {
			form = url.Values{"score": {"0"}, "comment": {"ไม่พบ E-Service"}}
		}
		oitWant(t, e.oitPost("assessor", score(id), cmu, form), http.StatusSeeOther)
	}
	oitWant(t, e.oitPost("assessor", "/assess/"+cmu+"/release", cmu, nil), http.StatusSeeOther)
	page := func(user string) string {
		return oitWant(t, e.do(request{method: "GET", path: "/agencies/" + cmu + "/oit/o17", token: e.session(user)}), http.StatusOK)
	}
	if strings.Contains(page("a"+cmu), "ไม่พบ E-Service") {
		t.Fatal("the agency sees the score before the clarification phase")
	}

	e.clock.Add(90 * 24 * time.Hour) // clarification
	if b := page("a" + cmu); !strings.Contains(b, "ไม่พบ E-Service") || !strings.Contains(b, `action="/agencies/`+cmu+`/oit/o17/reply"`) {
		t.Fatal("the agency does not see the score and the reply form in the clarification phase")
	}
	if strings.Contains(oitWant(t, e.do(request{method: "GET", path: "/agencies/" + cmu + "/oit/o1", token: e.session("a" + cmu)}), http.StatusOK), "/reply\"") {
		t.Error("reply offered on an item with full marks")
	}
	oitWant(t, e.oitPost("a"+cmu, "/agencies/"+cmu+"/oit/o17/reply", cmu, url.Values{"text": {"มีบริการออนไลน์ที่ระบบ e-Service ของมหาวิทยาลัย"},
		"url": {"https://cmu.ac.th/eservice"}}), http.StatusSeeOther)
	b = oitWant(t, e.oitPost("assessor", "/assess/"+cmu+"/confirm", cmu, nil), http.StatusUnprocessableEntity)
	if !strings.Contains(b, "o17") {
		t.Error("confirm with an open reply did not name it")
	}
	oitWant(t, e.oitPost("assessor", "/assess/"+cmu+"/o17/decide", cmu, url.Values{"score": {"100"}, "comment": {"พบระบบ e-Service"}}), http.StatusSeeOther)
	oitWant(t, e.oitPost("assessor", "/assess/"+cmu+"/confirm", cmu, nil), http.StatusSeeOther)
	// The agency can no longer reply; the items, reply and decision stay visible.
	oitWant(t, e.oitPost("a"+cmu, "/agencies/"+cmu+"/oit/o17/reply", cmu, url.Values{"text": {"อีกครั้ง"}}), http.StatusConflict)
	if b := page("a" + cmu); !strings.Contains(b, "พบระบบ e-Service") || !strings.Contains(b, "มีบริการออนไลน์") {
		t.Error("reply and decision not visible after confirmation")
	}

	res := e.do(request{method: "GET", path: "/api/v1/oit/scores?year=" + strconv.Itoa(curFY), token: e.session("admin")})
	var got struct {
		Scores map[string]map[string]float64 `json:"scores"`
	}
	decode(t, res, &got)
	if s := got.Scores[cmu]; len(s) != 43 || s["o17"] != 100 {
		t.Fatalf("scores = %v", got.Scores)
	}
}

// TestOITDemoScoresSeed000: the demo's 2563 สป.พน., confirmed by the assessor, scores OIT
// 79.79 in the engine, as seed 000 publishes.
func TestOITDemoScoresSeed000(t *testing.T) {
	e := newEnv(t, Config{})
	scores, err := e.st.OITScores(context.Background(), 2563)
	if err != nil {
		t.Fatal(err)
	}
	fw, err := framework.Builtin(2563)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := scoring.NewEngine(fw)
	if err != nil {
		t.Fatal(err)
	}
	r := eng.Score(scoring.Input{Agency: scoring.Agency{Code: demo.CodeEnergyPS}, OIT: scores[demo.CodeEnergyPS]})
	if got := r.Instruments["OIT"].Score.Format(); got != "79.79" {
		t.Errorf("OIT = %s, want 79.79 (seed 000)", got)
	}
}

// TestOITAPI drives the workflow's JSON API: read, save with the version read, a stale or
// missing version refused, the record's results hidden from the agency.
func TestOITAPI(t *testing.T) {
	e := newEnv(t, Config{})
	dmf := demo.CodeDMF
	tok := e.session("a" + dmf)
	path := "/api/v1/agencies/" + dmf + "/oit"
	var rec apiOITRecord
	decode(t, e.do(request{method: "GET", path: path, token: tok}), &rec)
	if rec.Answered != 38 || rec.Total != 43 || rec.Status != oit.StatusDraft || len(rec.Items) != 43 || rec.Items[0].Answer == nil {
		t.Fatalf("GET: %+v", rec)
	}
	v := strconv.Itoa(rec.Version)
	res := e.do(request{method: "PUT", path: path + "/items/o39", token: tok,
		json: `{"version": ` + v + `, "disclosure": "yes", "urls": ["https://dmf.go.th/o39"], "explanation": "ผ่าน API"}`})
	var after apiOITRecord
	decode(t, res, &after)
	if res.StatusCode != http.StatusOK || after.Version != rec.Version+1 || after.Answered != 39 {
		t.Fatalf("PUT: %d %+v", res.StatusCode, after)
	}
	res = e.do(request{method: "POST", path: path + "/submit", token: tok, json: `{"version": ` + v + `}`})
	if res.StatusCode != http.StatusConflict {
		t.Errorf("submit with a stale version: %d", res.StatusCode)
	}
	res.Body.Close()
	res = e.do(request{method: "PUT", path: path + "/items/o40", token: tok, json: `{"disclosure": "no"}`})
	var perr apiError
	decode(t, res, &perr)
	if res.StatusCode != http.StatusUnprocessableEntity || perr.Error.Fields["version"] == "" {
		t.Errorf("missing version: %d %+v", res.StatusCode, perr)
	}
	// The 2563 record's scores: visible to the agency after the year, with the final score.
	var past apiOITRecord
	decode(t, e.do(request{method: "GET", path: "/api/v1/agencies/" + demo.CodeEnergyPS + "/oit?year=2563", token: e.session("a" + demo.CodeEnergyPS)}), &past)
	if !past.ResultsVisible || past.Items[1].FinalScore == nil || *past.Items[1].FinalScore != 0 || past.Items[1].Decision == nil {
		t.Errorf("2563 o2 = %+v", past.Items[1])
	}
	// The assessor's queue.
	var q struct {
		Total    int `json:"total"`
		Agencies []struct {
			Code   string     `json:"agency_code"`
			Status oit.Status `json:"status"`
		} `json:"agencies"`
	}
	decode(t, e.do(request{method: "GET", path: "/api/v1/oit/queue?status=approved", token: e.session("assessor")}), &q)
	if q.Total != 1 || q.Agencies[0].Code != demo.CodeChiangMaiU {
		t.Errorf("queue = %+v", q)
	}
}

// TestOITAuditActionsNamed: every workflow action has a name in the audit log's catalogue.
func TestOITAuditActionsNamed(t *testing.T) {
	for _, tr := range oit.Transitions {
		for _, cat := range []map[string]string{messagesTH, messagesEN} {
			if _, ok := cat["audit.action.oit."+string(tr.Action)]; !ok {
				t.Errorf("no name for audit action oit.%s", tr.Action)
			}
		}
	}
}

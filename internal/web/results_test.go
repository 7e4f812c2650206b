package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/thaidate"
)

// daysToProcessing and daysToPublication move the test clock from testNow into the demo
// year's processing (days 166–185) and publication (186–200) phases.
const (
	daysToProcessing  = 170 * 24 * time.Hour
	daysToPublication = 190 * 24 * time.Hour
)

// TestResultsCompute: NACC computes a year's results only while its processing phase is
// open — the server refuses before, with the phase's dates — and the national table then
// shows every agency with its figures, a "*" and the reasons for an unofficial result.
func TestResultsCompute(t *testing.T) {
	e := newEnv(t, Config{})
	admin := e.session("admin")
	page := body(t, e.do(request{method: "GET", path: "/results?year=2570", token: admin}))
	for _, want := range []string{"ยังไม่ได้คำนวณผลการประเมินของปีนี้", "คำนวณผลได้เฉพาะในช่วงการประมวลผลคะแนน", `ปีที่คำนวณผลแล้ว: <a href="/results?year=2563">2563</a>`} {
		if !strings.Contains(page, want) {
			t.Errorf("before processing the page lacks %q", want)
		}
	}
	if strings.Contains(page, `action="/results/compute"`) {
		t.Error("the compute button is offered before processing")
	}
	res := e.do(request{method: "POST", path: "/results/compute", token: admin, form: url.Values{"year": {"2570"}}})
	if got := body(t, res); res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "phase_closed" || !strings.Contains(got, "การประมวลผลคะแนน") {
		t.Fatalf("compute before processing: %d %s, want 403 phase_closed naming the phase", res.StatusCode, res.Header.Get("X-Error-Code"))
	}
	if _, err := e.st.FindResultRun(context.Background(), 2570); err == nil {
		t.Fatal("a refused computation kept results")
	}

	e.clock.Add(daysToProcessing)
	admin = e.session("admin")
	res = e.do(request{method: "POST", path: "/results/compute", token: admin, form: url.Values{"year": {"2570"}}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/results?year=2570" {
		t.Fatalf("compute: %d → %s", res.StatusCode, res.Header.Get("Location"))
	}
	run, err := e.st.FindResultRun(context.Background(), 2570)
	if err != nil || run.Agencies != 30 || run.ComputedBy != "admin" {
		t.Fatalf("run %+v, %v: want 30 agencies computed by admin", run, err)
	}
	page = body(t, e.do(request{method: "GET", path: "/results?year=2570&sort=iit", token: admin}))
	for _, want := range []string{"สำนักงานปลัดกระทรวงพลังงาน", "คำนวณผลใหม่", "หน่วยงานที่ตรงเงื่อนไข 30", "ข้อมูลผู้มีส่วนได้ส่วนเสียภายนอกไม่ได้รับการอนุมัติ", "*</abbr>"} {
		if !strings.Contains(page, want) {
			t.Errorf("the table lacks %q", want)
		}
	}
	audits, err := e.st.FindAudit(context.Background(), audit.Filter{Action: results.ActionCompute})
	if err != nil || audits.Total != 2 { // the demo's 2563 and this one
		t.Errorf("%d compute entries (%v), want 2", audits.Total, err)
	}

	// The API list agrees with the page: สป.พน. has IIT (130 responses over a minimum of 125)
	// but no approved external data, so its result is unofficial.
	var list ResultListJSON
	decode(t, e.do(request{method: "GET", path: "/api/v1/results?year=2570&per_page=100&sort=iit", token: admin}), &list)
	if list.Total != 30 || len(list.Agencies) != 30 || list.Run.Agencies != 30 {
		t.Fatalf("API list: %d of %d", len(list.Agencies), list.Total)
	}
	top := list.Agencies[0]
	if top.Code != demo.CodeEnergyPS && top.Code != demo.CodeChiangMaiU && top.Code != demo.CodeKlongSe {
		t.Errorf("best IIT first: got %s", top.Code)
	}
	for _, a := range list.Agencies {
		if a.Code == demo.CodeEnergyPS && (!a.IIT.Valid() || a.Official || a.Total.Valid() && a.Rating == "") {
			t.Errorf("สป.พน. row %+v: want an IIT score and an unofficial result", a)
		}
	}

	// Computing again replaces the run.
	e.clock.Add(time.Hour)
	res = e.do(request{method: "POST", path: "/api/v1/results/compute?year=2570", token: e.session("admin")})
	var again ResultRunJSON
	decode(t, res, &again)
	if res.StatusCode != http.StatusOK || !again.ComputedAt.After(run.ComputedAt) || again.Agencies != 30 {
		t.Errorf("compute again through the API: %d %+v", res.StatusCode, again)
	}
}

// TestResultsScope: assessors and supervising bodies see only the agencies in their scope,
// in the table, the API and the export; agency accounts go to their own page and cannot read
// another agency's.
func TestResultsScope(t *testing.T) {
	e := newEnv(t, Config{})
	ctx := context.Background()
	for _, who := range []string{"assessor", "supervisor"} {
		t.Run(who, func(t *testing.T) {
			acct, err := e.st.FindAccountByUsername(ctx, who)
			if err != nil {
				t.Fatal(err)
			}
			scope, err := e.st.FindAgencies(ctx, account.ScopeFilter(acct, agency.Filter{Limit: agency.MaxLimit}))
			if err != nil {
				t.Fatal(err)
			}
			if scope.Total == 0 || scope.Total == 30 {
				t.Fatalf("%s's scope has %d of 30 demo agencies: the test needs a proper subset", who, scope.Total)
			}
			tok := e.session(who)
			var list ResultListJSON
			decode(t, e.do(request{method: "GET", path: "/api/v1/results?year=2563&per_page=100", token: tok}), &list)
			if list.Total != scope.Total || len(list.Agencies) != scope.Total {
				t.Errorf("API: %d rows of %d, want the %d agencies in scope", len(list.Agencies), list.Total, scope.Total)
			}
			in := map[string]bool{}
			for _, a := range scope.Agencies {
				in[a.Code] = true
			}
			for _, a := range list.Agencies {
				if !in[a.Code] {
					t.Errorf("API lists %s, outside the scope", a.Code)
				}
			}
			res := e.do(request{method: "GET", path: "/results/export.xlsx?year=2563", token: tok})
			x, err := excelize.OpenReader(bytes.NewReader([]byte(body(t, res))))
			if err != nil {
				t.Fatalf("export: %d, %v", res.StatusCode, err)
			}
			rows, _ := x.GetRows("ผลการประเมิน")
			if len(rows) != scope.Total+1 || rows[0][0] != "รหัสหน่วยงาน" {
				t.Errorf("export: %d rows, want a header and %d", len(rows), scope.Total)
			}
			for _, r := range rows[1:] {
				if !in[r[0]] {
					t.Errorf("export lists %s, outside the scope", r[0])
				}
			}
			var outside string
			for _, a := range list.Agencies {
				in[a.Code] = true
			}
			all, _ := e.st.FindAgencies(ctx, agency.Filter{Limit: agency.MaxLimit})
			for _, a := range all.Agencies {
				if !in[a.Code] {
					outside = a.Code
					break
				}
			}
			for _, path := range []string{"/agencies/" + outside + "/results?year=2563", "/api/v1/agencies/" + outside + "/results?year=2563"} {
				if res := e.do(request{method: "GET", path: path, token: tok}); res.StatusCode != http.StatusForbidden {
					t.Errorf("GET %s outside the scope: %d, want 403", path, res.StatusCode)
				}
			}
		})
	}
	t.Run("agency", func(t *testing.T) {
		tok := e.session("a" + demo.CodeEnergyPS)
		res := e.do(request{method: "GET", path: "/results", token: tok})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/agencies/"+demo.CodeEnergyPS+"/results" {
			t.Errorf("GET /results as the agency: %d → %s", res.StatusCode, res.Header.Get("Location"))
		}
		for _, path := range []string{"/agencies/" + demo.CodeDMF + "/results?year=2563", "/api/v1/agencies/" + demo.CodeDMF + "/results?year=2563"} {
			if res := e.do(request{method: "GET", path: path, token: tok}); res.StatusCode != http.StatusForbidden {
				t.Errorf("GET %s, another agency's: %d, want 403", path, res.StatusCode)
			}
		}
		for _, path := range []string{"/api/v1/results?year=2563", "/results/export.xlsx?year=2563"} {
			if res := e.do(request{method: "GET", path: path, token: tok}); res.StatusCode != http.StatusForbidden {
				t.Errorf("GET %s as an agency: %d, want 403", path, res.StatusCode)
			}
		}
	})
}

// TestResultsPublicationGate: an agency reads its result only once the year's publication has
// begun — before, its page says from when, and the API answers 403 phase_closed with the
// date — while NACC reads it as soon as it is computed.
func TestResultsPublicationGate(t *testing.T) {
	e := newEnv(t, Config{})
	e.clock.Add(daysToProcessing)
	if res := e.do(request{method: "POST", path: "/results/compute", token: e.session("admin"), form: url.Values{"year": {"2570"}}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("compute: %d", res.StatusCode)
	}
	y, err := e.st.FindYear(context.Background(), 2570)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := y.Window("publication")
	path := "/agencies/" + demo.CodeEnergyPS + "/results?year=2570"
	api := "/api/v1/agencies/" + demo.CodeEnergyPS + "/results?year=2570"

	for _, who := range []string{"a" + demo.CodeEnergyPS, "t" + demo.CodeEnergyPS} {
		tok := e.session(who)
		page := body(t, e.do(request{method: "GET", path: path, token: tok}))
		if !strings.Contains(page, "ผลการประเมินของปีนี้จะเปิดให้หน่วยงานดูได้ตั้งแต่วันที่ "+thaidate.FormatDate(pub.Start)) || strings.Contains(page, "คะแนนตามเครื่องมือการประเมิน") {
			t.Errorf("%s before publication: want the note with %s and no scores", who, thaidate.FormatDate(pub.Start))
		}
		res := e.do(request{method: "GET", path: api, token: tok})
		if got := body(t, res); res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "phase_closed" || !strings.Contains(got, thaidate.FormatDate(pub.Start)) {
			t.Errorf("%s API before publication: %d %s %s", who, res.StatusCode, res.Header.Get("X-Error-Code"), got)
		}
	}
	page := body(t, e.do(request{method: "GET", path: path, token: e.session("admin")}))
	if !strings.Contains(page, "คะแนนตามเครื่องมือการประเมิน") {
		t.Error("NACC cannot read the result before publication")
	}

	e.clock.Add(daysToPublication - daysToProcessing)
	tok := e.session("a" + demo.CodeEnergyPS)
	page = body(t, e.do(request{method: "GET", path: path, token: tok}))
	for _, want := range []string{"คะแนนตามเครื่องมือการประเมิน", "ข้อมูลผู้มีส่วนได้ส่วนเสียภายนอกไม่ได้รับการอนุมัติ", "130 / 125", "ตัวชี้วัดที่ 1", "i1 "} {
		if !strings.Contains(page, want) {
			t.Errorf("the agency's page after publication lacks %q", want)
		}
	}
	var got AgencyResultJSON
	res := e.do(request{method: "GET", path: api, token: tok})
	decode(t, res, &got)
	if res.StatusCode != http.StatusOK || got.Result.Agency != demo.CodeEnergyPS || got.Result.Official || len(got.OITItems) != 43 || !got.Result.Instruments["IIT"].Score.Valid() {
		t.Errorf("API after publication: %d %+v", res.StatusCode, got.Result)
	}
}

// TestResultsDemo2563: the demo's closed year 2563, computed at load from what it stored for
// สป.พน., shows on the agency's own page seed 000's published result — 84.09, B, not passed,
// every indicator — with each OIT item's score and the assessor's comment (after a
// clarification, the decision's), in Thai and in English.
func TestResultsDemo2563(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("a" + demo.CodeEnergyPS)
	page := body(t, e.do(request{method: "GET", path: "/agencies/" + demo.CodeEnergyPS + "/results?year=2563", token: tok}))
	for _, want := range []string{
		"84.09", ">B<", "ไม่ผ่าน", "ผลการประเมินอย่างเป็นทางการ",
		"79.95", "93.96", "79.79", "30 / 30", "42 / 42",
		"87.72", "77.52", "82.51", "77.14", "74.87", "94.73", "92.78", "94.37", "90.83", "68.75",
		"OIT แบบตรวจการเปิดเผยข้อมูลสาธารณะ",
		"คงคะแนนเดิม", // o2: the decision on the agency's reply
		"ไม่พบช่องทางที่บุคคลภายนอกขอรับบริการผ่านช่องทางออนไลน์", // o17: the assessor's comment
	} {
		if !strings.Contains(page, want) {
			t.Errorf("สป.พน.'s 2563 page lacks %q", want)
		}
	}
	en := body(t, e.do(request{method: "GET", path: "/agencies/" + demo.CodeEnergyPS + "/results?year=2563", token: tok, header: http.Header{"Cookie": {langCookie + "=en"}}}))
	if !strings.Contains(en, "Scores by instrument") || !strings.Contains(en, "Not passed") || strings.Contains(en, "results.") {
		t.Error("the English page is not in English or shows a raw message key")
	}
	var list ResultListJSON
	decode(t, e.do(request{method: "GET", path: "/api/v1/results?year=2563&status=failed", token: e.session("admin")}), &list)
	if list.Total != 1 || list.Agencies[0].Code != demo.CodeEnergyPS || list.Agencies[0].Total.Format() != "84.09" || list.Agencies[0].Rating != "B" || !list.Agencies[0].Official {
		t.Errorf("2563 results that failed: %+v, want สป.พน. alone, 84.09 B, official", list)
	}
}

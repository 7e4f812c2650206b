package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/tracking"
)

// The demo at testNow: สป.พน. has 130 IIT responses against an approved minimum of 125 and 120
// EIT responses with its external data not yet approved; กรมเชื้อเพลิงธรรมชาติ 30 IIT; มช. 60
// IIT and 40 EIT; อบต.คลองเส 15 IIT and 35 EIT.

// TestTrackingScope checks that the tracking pages and API refuse agencies outside the
// account's scope, even on routes its role may use.
func TestTrackingScope(t *testing.T) {
	e := newEnv(t, Config{})
	tests := []struct {
		name, user, path string
	}{
		{"AssessorOtherGroup", "assessor", "/agencies/6500000/tracking"},
		{"AssessorOtherGroupAPI", "assessor", "/api/v1/agencies/6500000/tracking"},
		{"SupervisorOtherBody", "supervisor", "/agencies/" + demo.CodeEnergyPS + "/tracking"},
		{"SupervisorOtherBodyAPI", "supervisor", "/api/v1/agencies/" + demo.CodeEnergyPS + "/tracking"},
		{"AgencyOtherAgency", "a" + demo.CodeEnergyPS, "/agencies/" + demo.CodeDMF + "/tracking"},
		{"ExecutiveOtherSuggestions", "t" + demo.CodeEnergyPS, "/agencies/" + demo.CodeDMF + "/tracking/suggestions"},
		{"AssessorSuggestions", "assessor", "/agencies/" + demo.CodeEnergyPS + "/tracking/suggestions"},
		{"SupervisorSuggestions", "supervisor", "/agencies/" + demo.CodeKlongSe + "/tracking/suggestions"},
		{"AssessorEntryOtherGroup", "assessor", "/agencies/6500000/eit/entry"},
		{"AgencyExport", "a" + demo.CodeEnergyPS, "/tracking/export.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(request{method: "GET", path: tt.path, token: e.session(tt.user)})
			res.Body.Close()
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("GET %s as %s: status %d, want 403", tt.path, tt.user, res.StatusCode)
			}
		})
	}
	// In scope, the same pages answer.
	for _, tt := range []struct{ user, path string }{
		{"assessor", "/agencies/" + demo.CodeEnergyPS + "/tracking"},
		{"supervisor", "/agencies/" + demo.CodeKlongSe + "/tracking"},
		{"t" + demo.CodeEnergyPS, "/agencies/" + demo.CodeEnergyPS + "/tracking/suggestions"},
		{"admin", "/agencies/6500000/tracking"},
	} {
		res := e.do(request{method: "GET", path: tt.path, token: e.session(tt.user)})
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s as %s: status %d, want 200", tt.path, tt.user, res.StatusCode)
		}
	}
	res := e.do(request{method: "GET", path: "/tracking", token: e.session("a" + demo.CodeEnergyPS)})
	res.Body.Close()
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/agencies/"+demo.CodeEnergyPS+"/tracking" {
		t.Errorf("GET /tracking as an agency admin: %d to %q, want its own agency's page", res.StatusCode, loc)
	}
}

// trackingCodes returns the agency codes of the API's tracking list.
func trackingCodes(t *testing.T, e *env, user, query string) (TrackingListJSON, []string) {
	t.Helper()
	var out TrackingListJSON
	res := e.do(request{method: "GET", path: "/api/v1/tracking?" + query, bearer: e.session(user)})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/v1/tracking?%s as %s: status %d: %s", query, user, res.StatusCode, body(t, res))
	}
	decode(t, res, &out)
	var codes []string
	for _, a := range out.Agencies {
		codes = append(codes, a.Code)
	}
	return out, codes
}

func TestTrackingTable(t *testing.T) {
	e := newEnv(t, Config{})
	out, codes := trackingCodes(t, e, "admin", "per_page=1000")
	if out.Total != 30 || len(codes) != 30 || out.FiscalYear != testFiscalYear {
		t.Fatalf("admin sees %d of %d agencies of year %d, want all 30 of %d", len(codes), out.Total, out.FiscalYear, testFiscalYear)
	}
	ps := out.Agencies[slices.Index(codes, demo.CodeEnergyPS)]
	if ps.IIT != (SurveyCountJSON{Responses: 130, Minimum: 125, Status: tracking.StatusMet}) ||
		ps.EIT != (SurveyCountJSON{Responses: 120, Status: tracking.StatusUnknown}) {
		t.Errorf("สป.พน. IIT %+v, EIT %+v; want 130/125 met and 120 with the minimum unknown", ps.IIT, ps.EIT)
	}
	_, codes = trackingCodes(t, e, "admin", "status=iit_met")
	if strings.Join(codes, ",") != demo.CodeEnergyPS {
		t.Errorf("status=iit_met: %v, want only สป.พน.", codes)
	}
	_, codes = trackingCodes(t, e, "admin", "sort=eit&dir=desc&per_page=3")
	if strings.Join(codes, ",") != demo.CodeEnergyPS+","+demo.CodeChiangMaiU+","+demo.CodeKlongSe {
		t.Errorf("sort=eit&dir=desc: %v, want สป.พน. (120), มช. (40), อบต.คลองเส (35)", codes)
	}
	// Assessors see their groups, supervisors their body's agencies.
	for _, tt := range []struct {
		user string
		in   func(code string) bool
	}{
		{"assessor", func(code string) bool {
			ag, _ := e.st.FindAgencyByCode(context.Background(), code)
			return ag.Group == 8 || ag.Group == 10
		}},
		{"supervisor", func(code string) bool {
			ag, _ := e.st.FindAgencyByCode(context.Background(), code)
			return ag.Supervisor == "dla"
		}},
	} {
		out, codes := trackingCodes(t, e, tt.user, "per_page=1000")
		if out.Total == 0 || out.Total >= 30 {
			t.Errorf("%s sees %d agencies, want some but not all", tt.user, out.Total)
		}
		for _, c := range codes {
			if !tt.in(c) {
				t.Errorf("%s sees agency %s outside its scope", tt.user, c)
			}
		}
	}
	// The HTML table: statuses in Thai, sort links, pager.
	res := e.do(request{method: "GET", path: "/tracking?sort=iit&dir=desc", token: e.session("admin")})
	page := body(t, res)
	for _, want := range []string{"ติดตามสถานะการตอบแบบสำรวจ", "ตอบครบตามจำนวนขั้นต่ำ", "ยังไม่ทราบจำนวนขั้นต่ำ",
		`aria-sort="descending"`, "/tracking/export.xlsx?", "สำนักงานปลัดกระทรวงพลังงาน"} {
		if !strings.Contains(page, want) {
			t.Errorf("GET /tracking lacks %q", want)
		}
	}
	if i, j := strings.Index(page, "สำนักงานปลัดกระทรวงพลังงาน"), strings.Index(page, "มหาวิทยาลัยเชียงใหม่"); i < 0 || j < 0 || i > j {
		t.Errorf("sort=iit&dir=desc does not put สป.พน. (130) before มช. (60)")
	}
}

func TestTrackingAgencyPage(t *testing.T) {
	e := newEnv(t, Config{})
	res := e.do(request{method: "GET", path: "/agencies/" + demo.CodeEnergyPS + "/tracking", token: e.session("t" + demo.CodeEnergyPS)})
	page := body(t, res)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{"<svg", "<rect", "ตอบครบตามจำนวนขั้นต่ำ", "ยังไม่ทราบจำนวนขั้นต่ำ", "จำนวนผู้ตอบรายวัน",
		"/agencies/" + demo.CodeEnergyPS + "/tracking/suggestions"} {
		if !strings.Contains(page, want) {
			t.Errorf("the agency's tracking page lacks %q", want)
		}
	}
	if strings.Contains(page, "/eit/entry") {
		t.Error("an agency executive is offered the assessors' EIT entry")
	}
	var got AgencyTrackingJSON
	decode(t, e.do(request{method: "GET", path: "/api/v1/agencies/" + demo.CodeEnergyPS + "/tracking", bearer: e.session("assessor")}), &got)
	iit, eit := 0, 0
	for _, d := range got.Days {
		iit += d.IIT
		eit += d.EIT
	}
	if got.IIT.Responses != 130 || iit != 130 || eit != 120 || got.IIT.Status != tracking.StatusMet {
		t.Errorf("API: IIT %+v, days sum to IIT %d and EIT %d; want 130 and 120", got.IIT, iit, eit)
	}
	if n := len(got.Days); n < 5 || got.Days[n-1].Day != testNow.Format("2006-01-02") {
		t.Errorf("days %v: want the collection period up to today", got.Days)
	}
	// The dashboard's progress counts the responses too.
	res = e.do(request{method: "GET", path: "/agencies/" + demo.CodeEnergyPS, token: e.session("admin")})
	if page := body(t, res); !strings.Contains(page, "130 / 125") {
		t.Errorf("the agency page's progress does not show IIT 130 / 125")
	}
}

func TestTrackingSuggestionsAfterClose(t *testing.T) {
	e := newEnv(t, Config{})
	path := "/agencies/" + demo.CodeEnergyPS + "/tracking/suggestions"
	ctx := context.Background()
	texts, err := e.st.Suggestions(ctx, testFiscalYear, demo.CodeEnergyPS, "eit")
	if err != nil || len(texts) == 0 {
		t.Fatalf("the demo has no EIT suggestions for สป.พน. (%v)", err)
	}
	page := body(t, e.do(request{method: "GET", path: path, token: e.session("a" + demo.CodeEnergyPS)}))
	if !strings.Contains(page, "จะแสดงข้อเสนอแนะได้หลังปิดการเก็บข้อมูล ตั้งแต่วันที่") {
		t.Errorf("during collection the page does not say when suggestions open")
	}
	for _, s := range texts {
		if strings.Contains(page, s) {
			t.Fatalf("suggestion %q is shown while collection is open", s)
		}
	}
	e.clock.Add(62 * 24 * time.Hour) // past the demo's collection windows (today + 60 days)
	page = body(t, e.do(request{method: "GET", path: path, token: e.session("a" + demo.CodeEnergyPS)}))
	for _, s := range texts {
		if !strings.Contains(page, s) {
			t.Errorf("after collection closed, suggestion %q is not shown", s)
		}
	}
}

func TestTrackingExport(t *testing.T) {
	e := newEnv(t, Config{})
	admin := e.session("admin")
	res := e.do(request{method: "GET", path: "/tracking/export.xlsx?status=unknown&sort=code", token: admin})
	b := body(t, res)
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Content-Disposition"), ".xlsx") {
		t.Fatalf("XLSX export: status %d, %q", res.StatusCode, res.Header.Get("Content-Disposition"))
	}
	x, err := excelize.OpenReader(bytes.NewReader([]byte(b)))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows(x.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[0][0] != "รหัสหน่วยงาน" || rows[0][8] != "IIT สถานะ" {
		t.Fatalf("header %v", rows[0])
	}
	// A minimum not known yet: the rows of the same filter in the table, in code order.
	want := map[string]bool{}
	out, _ := trackingCodes(t, e, "admin", "status=unknown&per_page=1000")
	for _, a := range out.Agencies {
		want[a.Code] = true
	}
	if len(rows)-1 != len(want) || len(want) < 20 {
		t.Errorf("XLSX has %d rows, the table %d", len(rows)-1, len(want))
	}
	for i, r := range rows[1:] {
		if !want[r[0]] || (r[8] != "ยังไม่ทราบจำนวนขั้นต่ำ" && r[11] != "ยังไม่ทราบจำนวนขั้นต่ำ") {
			t.Errorf("XLSX row %v is not an agency with a minimum unknown", r)
		}
		if i > 0 && rows[i][0] >= r[0] {
			t.Errorf("XLSX rows %s and %s are not in code order", rows[i][0], r[0])
		}
	}
	if n, _ := x.GetCellValue(x.GetSheetList()[0], "G2"); n == "" {
		t.Errorf("XLSX: no response count in G2")
	}
	res = e.do(request{method: "GET", path: "/tracking/export.csv?sort=iit&dir=desc", token: admin})
	b = body(t, res)
	if !strings.HasPrefix(b, "\uFEFF") || !strings.Contains(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV export: no byte order mark or type %q", res.Header.Get("Content-Type"))
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 31 || recs[1][0] != demo.CodeEnergyPS || recs[1][6] != "130" || recs[1][7] != "125" || recs[1][10] != "" {
		t.Errorf("CSV: %d records, first %v; want 30 agencies, สป.พน. first with 130 / 125 and no EIT minimum", len(recs), recs[1])
	}
	page, err := e.st.FindAudit(context.Background(), audit.Filter{Action: tracking.ActionExport})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 || page.Entries[0].Actor != "admin" || !strings.Contains(page.Entries[0].After, `"rows":30`) ||
		!strings.Contains(page.Entries[1].After, `"format":"xlsx"`) || page.Entries[0].Subject != strconv.Itoa(testFiscalYear) {
		t.Errorf("audit entries of the exports: %+v", page.Entries)
	}
	// An assessor's export holds its groups only.
	b = body(t, e.do(request{method: "GET", path: "/tracking/export.csv", token: e.session("assessor")}))
	recs, _ = csv.NewReader(strings.NewReader(strings.TrimPrefix(b, "\uFEFF"))).ReadAll()
	for _, r := range recs[1:] {
		if g := r[5]; g != "8" && g != "10" {
			t.Errorf("an assessor of groups 8 and 10 exported agency %s of group %s", r[0], g)
		}
	}
}

// TestTrackingMessages checks the message keys the tracking pages build at run time.
func TestTrackingMessages(t *testing.T) {
	var keys []string
	for _, st := range []tracking.Status{tracking.StatusShort, tracking.StatusMet, tracking.StatusUnknown} {
		keys = append(keys, "tracking.status."+string(st))
	}
	for _, f := range tracking.StatusFilters {
		keys = append(keys, "tracking.filter."+string(f))
	}
	for _, sv := range surveyIDs {
		keys = append(keys, "tracking.survey."+sv, "tracking.survey."+sv+".long")
	}
	for _, c := range entryChannels {
		keys = append(keys, "entry.channel."+string(c))
	}
	keys = append(keys, "audit.action."+tracking.ActionExport)
	for _, k := range keys {
		if _, ok := messagesTH[k]; !ok {
			t.Errorf("run-time key %q is not in the Thai catalogue", k)
		}
		if _, ok := messagesEN[k]; !ok {
			t.Errorf("run-time key %q is not in the English catalogue", k)
		}
	}
}

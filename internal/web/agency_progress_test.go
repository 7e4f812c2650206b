package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/thaidate"
)

// TestAgencyProgressVisible checks that the agency, its supervising body, its assessors and
// central admins see the agency's steps with ✓/✗, the required marks and the phase dates in
// the Buddhist era.
func TestAgencyProgressVisible(t *testing.T) {
	e := newEnv(t, Config{})
	y, err := e.st.FindYear(context.Background(), thaidate.FiscalYear(testNow))
	if err != nil {
		t.Fatal(err)
	}
	reg, _ := y.Window(assessment.PhaseRegistration)
	iit, _ := y.Window(assessment.PhaseIITCollection)
	tests := []struct {
		user, code string
		registered bool
	}{
		{"admin", demo.CodeEnergyPS, true},
		{"assessor", demo.CodeEnergyPS, true}, // group 10
		{"a" + demo.CodeEnergyPS, demo.CodeEnergyPS, true},
		{"t" + demo.CodeEnergyPS, demo.CodeEnergyPS, true},
		{"supervisor", demo.CodeKlongSe, false}, // สถ. oversees อบต.คลองเส, whose accounts are new
		{"admin", demo.CodeKlongSe, false},
	}
	for _, tt := range tests {
		t.Run(tt.user+"/"+tt.code, func(t *testing.T) {
			res := e.do(request{method: "GET", path: "/agencies/" + tt.code, token: e.session(tt.user)})
			page := body(t, res)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			row := tableRow(page, "ลงทะเบียนใช้งาน")
			mark := map[bool]string{true: "✓", false: "✗"}[tt.registered]
			for _, want := range []string{mark, "จำเป็น", thaidate.FormatDate(reg.Start) + " – " + thaidate.FormatDate(reg.End), "เปิดอยู่"} {
				if !strings.Contains(row, want) {
					t.Errorf("registration row %q lacks %q", row, want)
				}
			}
			if row := tableRow(page, "ผู้ตอบแบบ IIT ครบตามจำนวนขั้นต่ำ"); !strings.Contains(row, thaidate.FormatDate(iit.Start)) {
				t.Errorf("IIT row %q lacks the collection dates", row)
			}
			if !strings.Contains(page, "ข้อควรระวัง #5") {
				t.Errorf("no warning that missing steps make the result unofficial")
			}
		})
	}
	t.Run("English", func(t *testing.T) {
		page := body(t, e.do(request{method: "GET", path: "/agencies/" + demo.CodeEnergyPS, token: e.session("admin"),
			header: http.Header{"Cookie": {langCookie + "=en"}}}))
		row := tableRow(page, "Registered")
		if !strings.Contains(row, "✓") || !strings.Contains(row, thaidate.FormatDateEN(reg.Start)) {
			t.Errorf("English registration row %q: want ✓ and the dates", row)
		}
	})
	t.Run("Dashboard", func(t *testing.T) {
		page := body(t, e.do(request{method: "GET", path: "/dashboard", token: e.session("t" + demo.CodeEnergyPS)}))
		if row := tableRow(page, "ลงทะเบียนใช้งาน"); !strings.Contains(row, "✓") || !strings.Contains(row, thaidate.FormatDate(reg.End)) {
			t.Errorf("dashboard registration row %q", row)
		}
	})
}

// tableRow returns the row of page's progress table that contains text, or "".
func tableRow(page, text string) string {
	if t := strings.Index(page, `class="stack progress"`); t >= 0 {
		page = page[t:]
	}
	i := strings.Index(page, text)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(page[:i], "<tr>")
	end := strings.Index(page[i:], "</tr>")
	if start < 0 || end < 0 {
		return ""
	}
	return page[start : i+end]
}

func TestAPIAgencyProgress(t *testing.T) {
	e := newEnv(t, Config{})
	var got AgencyDetailJSON
	res := e.do(request{method: "GET", path: "/api/v1/agencies/" + demo.CodeEnergyPS, bearer: e.session("supervisor")})
	res.Body.Close()
	if res.StatusCode != 403 {
		t.Errorf("สถ. supervisor on a department: status %d, want 403", res.StatusCode)
	}
	res = e.do(request{method: "GET", path: "/api/v1/agencies/" + demo.CodeEnergyPS, bearer: e.session("assessor")})
	decode(t, res, &got)
	if res.StatusCode != 200 || got.Code != demo.CodeEnergyPS || got.Name == "" || !got.Registered {
		t.Fatalf("status %d, %+v", res.StatusCode, got)
	}
	p := got.Progress
	if p.FiscalYear != thaidate.FiscalYear(testNow) || len(p.Steps) != len(assessment.Steps()) {
		t.Fatalf("progress %+v", p)
	}
	st := p.Steps[0]
	if st.Step != "registered" || !st.Done || !st.Required || st.Phase != "registration" || st.Start == nil || !st.Open || st.Name != "ลงทะเบียนใช้งาน" {
		t.Errorf("first step %+v", st)
	}
	if p.Official != (len(p.Missing) == 0) || p.Missing == nil {
		t.Errorf("official %v with missing %v", p.Official, p.Missing)
	}
	for _, m := range p.Missing {
		if m == "registered" {
			t.Errorf("a registered agency is missing its registration")
		}
	}
	res = e.do(request{method: "GET", path: "/api/v1/agencies/" + demo.CodeKlongSe, bearer: e.session("supervisor")})
	got = AgencyDetailJSON{}
	decode(t, res, &got)
	if got.Registered || got.Progress.Steps[0].Done || got.Progress.Official || got.Progress.Missing[0] != "registered" {
		t.Errorf("คลองเส (new accounts): %+v", got)
	}
}

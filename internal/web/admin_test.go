package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/thaidate"
)

func TestAgencyList(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("admin")
	tests := []struct {
		name, query string
		want, not   []string
	}{
		{"All", "", []string{"กรมธุรกิจพลังงาน", "องค์การบริหารส่วนตำบลคลองเส", "พบ 30"}, nil},
		{"ThaiName", "q=" + url.QueryEscape("พลังงาน"), []string{"กรมธุรกิจพลังงาน", "สำนักงานนโยบายและแผนพลังงาน"}, []string{"คลองเส"}},
		{"Type", "type=sao", []string{"องค์การบริหารส่วนตำบลคลองเส", "องค์การบริหารส่วนตำบลสุเทพ"}, []string{"กรมธุรกิจพลังงาน"}},
		{"GroupProvince", "group=8&province=" + url.QueryEscape("นครศรีธรรมราช"), []string{"เทศบาลเมืองทุ่งสง"}, []string{"สุเทพ"}},
		{"Ministry", "ministry=" + url.QueryEscape("กระทรวงการคลัง"), []string{"กรมบัญชีกลาง"}, []string{"คลองเส"}},
		{"Nothing", "q=zzzz", []string{"ไม่พบหน่วยงานตามเงื่อนไขที่ระบุ"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(request{method: "GET", path: "/agencies?" + tt.query, token: tok})
			page := body(t, res)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("missing %q", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(page, n) {
					t.Errorf("should not list %q", n)
				}
			}
		})
	}
	t.Run("ScopedForSupervisor", func(t *testing.T) {
		page := body(t, e.do(request{method: "GET", path: "/agencies", token: e.session("supervisor")}))
		if !strings.Contains(page, "คลองเส") || strings.Contains(page, "กรมธุรกิจพลังงาน") {
			t.Errorf("the สถ. supervisor should see local administrations only")
		}
	})
}

func TestAgencyListPaging(t *testing.T) {
	e := newEnv(t, Config{})
	var got agencyListPage
	res := e.do(request{method: "GET", path: "/api/v1/agencies?per_page=7&page=5", bearer: e.session("admin")})
	decode(t, res, &got)
	if got.Total != 30 || len(got.Agencies) != 2 || got.Page != 5 {
		t.Errorf("page 5 of 7: total %d, %d agencies, page %d; want 30, 2, 5", got.Total, len(got.Agencies), got.Page)
	}
	page := body(t, e.do(request{method: "GET", path: "/agencies?page=1", token: e.session("admin")}))
	if strings.Contains(page, `rel="next"`) {
		t.Errorf("30 agencies fit on one page of 50, but there is a next link")
	}
}

type agencyListPage struct {
	Agencies []AgencyJSON `json:"agencies"`
	Total    int          `json:"total"`
	Page     int          `json:"page"`
}

func TestAgencyCreateAndEdit(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("admin")
	form := url.Values{"code": {"6801904"}, "name": {"องค์การบริหารส่วนตำบลทดสอบ"}, "type": {"sao"},
		"province": {"นครศรีธรรมราช"}, "supervisor": {"dla"}, "website": {"tadsob.go.th"}}
	t.Run("Invalid", func(t *testing.T) {
		bad := url.Values{"code": {"12"}, "name": {""}, "type": {"sao"}}
		res := e.do(request{method: "POST", path: "/agencies", token: tok, form: bad})
		page := body(t, res)
		if res.StatusCode != 422 || !strings.Contains(page, "กรุณากรอกชื่อหน่วยงาน") || !strings.Contains(page, "กรุณาระบุจังหวัด") {
			t.Errorf("invalid agency: status %d; want 422 with Thai messages", res.StatusCode)
		}
	})
	res := e.do(request{method: "POST", path: "/agencies", token: tok, form: form})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/agencies/6801904" {
		t.Fatalf("create: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	ag, err := e.st.FindAgencyByCode(context.Background(), "6801904")
	if err != nil || ag.Group != 8 || ag.Website != "https://tadsob.go.th" {
		t.Fatalf("stored agency %+v (%v): want group 8 from the province and an https website", ag, err)
	}
	t.Run("Duplicate", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/agencies", token: tok, form: form})
		page := body(t, res)
		if res.StatusCode != http.StatusConflict || !strings.Contains(page, "มีหน่วยงานรหัสนี้อยู่แล้ว") {
			t.Errorf("duplicate: status %d", res.StatusCode)
		}
	})
	form.Set("name", "องค์การบริหารส่วนตำบลทดสอบใหม่")
	res = e.do(request{method: "POST", path: "/agencies/6801904", token: tok, form: form})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("edit: status %d", res.StatusCode)
	}
	pg, err := e.st.FindAudit(context.Background(), audit.Filter{AgencyCode: "6801904"})
	if err != nil || pg.Total != 2 {
		t.Fatalf("audit entries of the agency: %d (%v), want create and update", pg.Total, err)
	}
	if pg.Entries[0].Actor != "admin" || pg.Entries[0].Action != audit.ActionAgencyUpdate || !strings.Contains(pg.Entries[0].After, "ทดสอบใหม่") {
		t.Errorf("newest entry %+v: want admin's update with the new name", pg.Entries[0])
	}
	page := body(t, e.do(request{method: "GET", path: "/audit?agency=6801904", token: tok}))
	if !strings.Contains(page, "แก้ไขหน่วยงาน") || !strings.Contains(page, "เพิ่มหน่วยงาน") {
		t.Errorf("the audit page does not list the two changes")
	}
}

// TestGenerateAccounts generates an agency's two accounts, reads the XLSX as a central admin
// would, and logs in with a password from it.
func TestGenerateAccounts(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("admin")
	code := "1500400" // กรมธุรกิจพลังงาน: no accounts in the demo
	res := e.do(request{method: "POST", path: "/agencies/" + code + "/accounts", token: tok, form: url.Values{}})
	data := []byte(body(t, res))
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("generate: status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if res.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("the XLSX of passwords may be cached")
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := x.GetRows("บัญชีผู้ใช้งาน")
	if err != nil || len(rows) != 3 {
		t.Fatalf("rows %v (%v), want a header and two accounts", rows, err)
	}
	if rows[1][0] != code || rows[1][3] != "a"+code || rows[2][3] != "t"+code || rows[1][1] != "กรมธุรกิจพลังงาน" {
		t.Errorf("rows %v", rows[1:])
	}
	newTok, res := e.login("a"+code, rows[1][4])
	if newTok == "" || res.Header.Get("Location") != "/account/password" {
		t.Errorf("login with the generated password: to %q", res.Header.Get("Location"))
	}
	res = e.do(request{method: "POST", path: "/agencies/" + code + "/accounts", token: tok, form: url.Values{}})
	res.Body.Close()
	if res.StatusCode != http.StatusConflict {
		t.Errorf("second generation: status %d, want 409", res.StatusCode)
	}
	t.Run("Bulk", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/accounts/generate", token: tok, form: url.Values{"type": {"university"}}})
		data := []byte(body(t, res))
		x, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("bulk: status %d: %v", res.StatusCode, err)
		}
		rows, _ := x.GetRows("บัญชีผู้ใช้งาน")
		if len(rows) != 3 || rows[1][0] != "4100100" {
			t.Errorf("bulk rows %v: want only จุฬาฯ (มหาวิทยาลัยเชียงใหม่ has accounts)", rows)
		}
	})
}

func TestResetAccount(t *testing.T) {
	e := newEnv(t, Config{})
	userTok := e.session("a" + demo.CodeEnergyPS)
	res := e.do(request{method: "POST", path: "/accounts/a" + demo.CodeEnergyPS + "/reset", token: e.session("admin"), form: url.Values{}})
	page := body(t, res)
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("reset: status %d, cache %q", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	i := strings.Index(page, `<dt>รหัสผ่านครั้งแรก</dt><dd><span class="secret">`)
	if i < 0 {
		t.Fatalf("the page does not show the new password")
	}
	pw := page[i+len(`<dt>รหัสผ่านครั้งแรก</dt><dd><span class="secret">`):]
	pw = pw[:strings.Index(pw, "<")]
	if res := e.do(request{method: "GET", path: "/dashboard", token: userTok}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the user's session survived the reset")
	}
	if _, res := e.login("a"+demo.CodeEnergyPS, pw); res.Header.Get("Location") != "/account/password" {
		t.Errorf("login with the reset password went to %q, want the forced change", res.Header.Get("Location"))
	}
}

func TestYearForm(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("admin")
	form := url.Values{"fiscal_year": {"2571"}, "framework_year": {"2563"}, "status": {"draft"},
		"start_registration": {"01/10/2570"}, "end_registration": {"31/10/2570"}}
	t.Run("BadDates", func(t *testing.T) {
		bad := url.Values{"fiscal_year": {"2571"}, "framework_year": {"2563"}, "status": {"open"},
			"start_registration": {"31/10/2570"}, "end_registration": {"01/10/2570"}, "start_oit_answering": {"2026-13-01"}}
		res := e.do(request{method: "POST", path: "/years", token: tok, form: bad})
		page := body(t, res)
		for _, w := range []string{"วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "id=\"f-start_oit_answering-error\"", "กรุณากำหนดช่วงเวลา"} {
			if !strings.Contains(page, w) {
				t.Errorf("missing %q", w)
			}
		}
		if res.StatusCode != 422 {
			t.Errorf("status %d, want 422", res.StatusCode)
		}
	})
	res := e.do(request{method: "POST", path: "/years", token: tok, form: form})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("create: status %d: %s", res.StatusCode, body(t, res))
	}
	y, err := e.st.FindYear(context.Background(), 2571)
	if err != nil || len(y.Phases) != 1 {
		t.Fatalf("stored year %+v (%v)", y, err)
	}
	if got := y.Phases[0].Start.In(thaidate.Location).Format("2006-01-02"); got != "2027-10-01" {
		t.Errorf("start %s, want 2027-10-01 (1 Oct 2570 BE)", got)
	}
	page := body(t, e.do(request{method: "GET", path: "/years/2571", token: tok}))
	if !strings.Contains(page, `value="01/10/2570"`) || !strings.Contains(page, `value="31/10/2570"`) {
		t.Errorf("the edit form does not show the dates in BE")
	}
}

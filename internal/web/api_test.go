package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/demo"
)

func TestAPILoginAndBearer(t *testing.T) {
	e := newEnv(t, Config{})
	var tok TokenJSON
	decode(t, e.do(request{method: "POST", path: "/api/v1/login", json: `{"username":"Admin","password":"` + demo.Password + `"}`}), &tok)
	if tok.Token == "" || tok.Account.Role != "central_admin" {
		t.Fatalf("login answer %+v", tok)
	}
	var me AccountJSON
	decode(t, e.do(request{method: "GET", path: "/api/v1/me", bearer: tok.Token}), &me)
	if me.Username != "admin" {
		t.Errorf("me = %+v", me)
	}
	res := e.do(request{method: "POST", path: "/api/v1/logout", bearer: tok.Token})
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		t.Fatalf("logout: status %d", res.StatusCode)
	}
	res = e.do(request{method: "GET", path: "/api/v1/me", bearer: tok.Token})
	var ae apiError
	decode(t, res, &ae)
	if res.StatusCode != 401 || ae.Error.Code != "unauthorized" || ae.Error.Message != "กรุณาเข้าสู่ระบบ" {
		t.Errorf("after logout: status %d, %+v", res.StatusCode, ae)
	}
}

func TestAPIErrors(t *testing.T) {
	e := newEnv(t, Config{})
	admin := e.session("admin")
	tests := []struct {
		name, method, path, body string
		header                   http.Header
		status                   int
		code                     string
		field, message           string
	}{
		{"WrongPassword", "POST", "/api/v1/login", `{"username":"admin","password":"nope-nope-1"}`, nil, 401, "unauthorized", "", "ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง"},
		{"UnknownField", "POST", "/api/v1/login", `{"user":"admin"}`, nil, 422, "invalid", "", ""},
		{"InvalidAgency", "POST", "/api/v1/agencies", `{"code":"1","name":"","type":"sao"}`, nil, 422, "invalid", "name", "กรุณากรอกชื่อหน่วยงาน"},
		{"DuplicateAgency", "POST", "/api/v1/agencies", `{"code":"1500100","name":"ซ้ำ","type":"department"}`, nil, 409, "conflict", "", ""},
		{"NoAgency", "GET", "/api/v1/agencies/9999999", "", nil, 404, "not_found", "", ""},
		{"NoYear", "GET", "/api/v1/years/2400", "", nil, 404, "not_found", "", ""},
		{"English", "GET", "/api/v1/agencies/9999999", "", http.Header{"Accept-Language": {"en"}}, 404, "not_found", "", "No agency with code 9999999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := request{method: tt.method, path: tt.path, json: tt.body, header: tt.header}
			if tt.path != "/api/v1/login" {
				req.bearer = admin
			}
			res := e.do(req)
			var got apiError
			decode(t, res, &got)
			if res.StatusCode != tt.status || string(got.Error.Code) != tt.code {
				t.Fatalf("status %d code %q, want %d %q", res.StatusCode, got.Error.Code, tt.status, tt.code)
			}
			if got.Error.Message == "" {
				t.Errorf("empty message")
			}
			if tt.field != "" && got.Error.Fields[tt.field] != tt.message {
				t.Errorf("fields[%s] = %q, want %q", tt.field, got.Error.Fields[tt.field], tt.message)
			}
			if tt.field == "" && tt.message != "" && !strings.Contains(got.Error.Message, tt.message) {
				t.Errorf("message %q, want %q", got.Error.Message, tt.message)
			}
		})
	}
}

func TestAPIAgenciesAndYears(t *testing.T) {
	e := newEnv(t, Config{})
	admin := e.session("admin")
	var created AgencyJSON
	res := e.do(request{method: "POST", path: "/api/v1/agencies", bearer: admin,
		json: `{"code":"6501902","name":"องค์การบริหารส่วนตำบลช้างเผือก","type":"sao","province":"เชียงใหม่","supervisor":"dla"}`})
	if res.StatusCode != 201 {
		t.Fatalf("create: status %d", res.StatusCode)
	}
	decode(t, res, &created)
	if created.Group != 5 {
		t.Errorf("group %d, want 5 from เชียงใหม่", created.Group)
	}
	var list agencyListPage
	decode(t, e.do(request{method: "GET", path: "/api/v1/agencies?type=sao", bearer: e.session("assessor")}), &list)
	for _, a := range list.Agencies {
		if a.Group != 8 && a.Group != 10 {
			t.Errorf("assessor of groups 8 and 10 sees %s of group %d", a.Code, a.Group)
		}
	}
	var gen struct {
		Accounts []OneTimeJSON `json:"accounts"`
	}
	res = e.do(request{method: "POST", path: "/api/v1/agencies/6501902/accounts", bearer: admin})
	decode(t, res, &gen)
	if res.StatusCode != 201 || len(gen.Accounts) != 2 || gen.Accounts[0].Password == "" {
		t.Fatalf("generate: status %d, %+v", res.StatusCode, gen)
	}
	var years struct {
		Years []YearJSON `json:"years"`
	}
	decode(t, e.do(request{method: "GET", path: "/api/v1/years", bearer: e.session("t" + demo.CodeEnergyPS)}), &years)
	if len(years.Years) != 2 || years.Years[0].FiscalYear != 2570 || len(years.Years[0].OpenPhases) != 5 {
		t.Errorf("years %+v: want 2570 first with five phases open", years.Years)
	}
	y := years.Years[0]
	y.Status = "closed"
	b, _ := json.Marshal(y)
	res = e.do(request{method: "PUT", path: "/api/v1/years/2570", bearer: admin, json: string(b)})
	var saved YearJSON
	decode(t, res, &saved)
	if res.StatusCode != 200 || saved.Status != "closed" || len(saved.OpenPhases) != 0 {
		t.Errorf("update: status %d, %+v", res.StatusCode, saved)
	}
	var entries struct {
		Entries []AuditJSON `json:"entries"`
		Total   int         `json:"total"`
	}
	decode(t, e.do(request{method: "GET", path: "/api/v1/audit?action=year.", bearer: admin}), &entries)
	if len(entries.Entries) == 0 || entries.Entries[0].Action != "year.update" || entries.Entries[0].Actor != "admin" {
		t.Errorf("audit of years: %+v", entries)
	}
	decode(t, e.do(request{method: "GET", path: "/api/v1/audit", bearer: e.session("a" + demo.CodeEnergyPS)}), &entries)
	for _, en := range entries.Entries {
		if en.AgencyCode != demo.CodeEnergyPS {
			t.Errorf("agency admin sees an entry of agency %q", en.AgencyCode)
		}
	}
}

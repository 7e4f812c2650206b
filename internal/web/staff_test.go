package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
)

// oneTimeRe finds the secrets of the one-time password page.
var oneTimeRe = regexp.MustCompile(`<span class="secret">([^<]+)</span>`)

// oneTimeOf reads the username and password off the one-time password page.
func oneTimeOf(t *testing.T, page string) (username, password string) {
	t.Helper()
	m := oneTimeRe.FindAllStringSubmatch(page, -1)
	if len(m) != 2 {
		t.Fatalf("one-time page shows %d secrets, want the username and the password", len(m))
	}
	return m[0][1], m[1][1]
}

// account returns the stored account username.
func (e *env) account(username string) account.Account {
	e.t.Helper()
	a, err := e.st.FindAccountByUsername(context.Background(), username)
	if err != nil {
		e.t.Fatal(err)
	}
	return a
}

func TestStaffList(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("admin")
	page := body(t, e.do(request{method: "GET", path: "/staff", token: tok}))
	for _, want := range []string{`href="/accounts/admin"`, `href="/accounts/assessor"`, `href="/accounts/supervisor"`, "พบ 3", `href="/staff/new"`, `href="/staff"`} {
		if !strings.Contains(page, want) {
			t.Errorf("staff list lacks %q", want)
		}
	}
	if strings.Contains(page, "a"+demo.CodeEnergyPS) {
		t.Errorf("the staff list shows an agency account")
	}
	page = body(t, e.do(request{method: "GET", path: "/staff?role=assessor", token: tok}))
	if !strings.Contains(page, `href="/accounts/assessor"`) || strings.Contains(page, `href="/accounts/supervisor"`) || !strings.Contains(page, "8, 10") {
		t.Errorf("role filter: want the assessor only, with groups 8, 10")
	}
}

func TestStaffCreate(t *testing.T) { testStaffCreate(t, defaultEngine()) }

func testStaffCreate(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	tok := e.session("admin")
	form := url.Values{"username": {" Adviser.Somsri "}, "role": {"assessor"}, "name": {"สมศรี ตรวจดี"},
		"groups": {"9", "1"}, "supervisor": {"dla"}}
	res := e.do(request{method: "POST", path: "/staff", token: tok, form: form})
	page := body(t, res)
	if res.StatusCode != 200 || res.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("create: status %d, Cache-Control %q; want 200 no-store", res.StatusCode, res.Header.Get("Cache-Control"))
	}
	user, pw := oneTimeOf(t, page)
	a := e.account("adviser.somsri")
	if user != "adviser.somsri" || a.Role != account.RoleAssessor || len(a.Groups) != 2 || a.Groups[0] != 1 || a.Groups[1] != 9 ||
		a.Supervisor != "" || !a.MustChangePassword || a.Name != "สมศรี ตรวจดี" {
		t.Errorf("stored %+v: want an assessor of groups 1 and 9, no body (the form's body belongs to another role), one-time password", a)
	}
	if _, res := e.login(user, pw); res.Header.Get("Location") != "/account/password" {
		t.Errorf("first login with the one-time password went to %q, want /account/password", res.Header.Get("Location"))
	}
	pg, _ := e.st.FindAudit(context.Background(), audit.Filter{Subject: "adviser.somsri", Action: audit.ActionAccountCreate})
	if pg.Total != 1 || pg.Entries[0].Actor != "admin" || strings.Contains(pg.Entries[0].After, "argon2") {
		t.Errorf("audit: %d create entries, want one by admin without the hash", pg.Total)
	}

	res = e.do(request{method: "POST", path: "/staff", token: tok,
		form: url.Values{"username": {"sepo.staff"}, "role": {"supervisor"}, "supervisor": {"sepo"}, "groups": {"3"}}})
	res.Body.Close()
	if s := e.account("sepo.staff"); res.StatusCode != 200 || s.Supervisor != agency.SupervisorSEPO || s.Groups != nil {
		t.Errorf("supervisor: status %d, stored %+v; want body sepo and no groups", res.StatusCode, s)
	}

	tests := []struct {
		name   string
		form   url.Values
		lang   string
		status int
		want   []string
	}{
		{"AgencyNameNoGroups", url.Values{"username": {"a1234567"}, "role": {"assessor"}}, "th", 422,
			[]string{`id="f-username-error"`, "สงวนไว้สำหรับบัญชีของหน่วยงาน", `id="f-groups-error"`, "กรุณาเลือกกลุ่มหน่วยงาน"}},
		{"English", url.Values{"username": {"a1234567"}, "role": {"assessor"}}, "en", 422,
			[]string{"reserved for agency accounts", "Choose at least one agency group"}},
		{"SupervisorWithoutBody", url.Values{"username": {"dla.two"}, "role": {"supervisor"}}, "th", 422,
			[]string{`id="f-supervisor-error"`}},
		{"AgencyRole", url.Values{"username": {"someone"}, "role": {"agency_admin"}}, "th", 422,
			[]string{`id="f-role-error"`, "บัญชีของหน่วยงานสร้างจากหน้าข้อมูลหน่วยงาน"}},
		{"Taken", url.Values{"username": {"assessor"}, "role": {"central_admin"}}, "th", 422,
			[]string{`id="f-username-error"`, "มีชื่อผู้ใช้งานนี้อยู่แล้ว"}},
		{"BadGroup", url.Values{"username": {"adviser.x"}, "role": {"assessor"}, "groups": {"x"}}, "th", 422,
			[]string{"กลุ่มหน่วยงานต้องเป็นเลข 1 ถึง 10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(request{method: "POST", path: "/staff", token: tok, form: tt.form,
				header: http.Header{"Cookie": {langCookie + "=" + tt.lang}}})
			page := body(t, res)
			if res.StatusCode != tt.status {
				t.Errorf("status %d, want %d", res.StatusCode, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.Contains(page, `class="secret"`) {
				t.Errorf("an invalid form showed a password")
			}
		})
	}
	if n, _ := e.st.FindAccounts(context.Background(), account.Filter{Staff: true}); n.Total != 5 {
		t.Errorf("%d staff accounts, want the demo's 3 and the 2 created", n.Total)
	}
}

func TestStaffScope(t *testing.T) { testStaffScope(t, defaultEngine()) }

func testStaffScope(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	tok := e.session("admin")
	page := body(t, e.do(request{method: "GET", path: "/accounts/assessor", token: tok}))
	if !strings.Contains(page, `name="groups" value="8" checked`) || !strings.Contains(page, `name="groups" value="9">`) ||
		!strings.Contains(page, `action="/accounts/assessor/disable"`) {
		t.Errorf("assessor page lacks the ticked groups or the disable form")
	}
	assessor := e.session("assessor")
	before := body(t, e.do(request{method: "GET", path: "/agencies", token: assessor}))
	res := e.do(request{method: "POST", path: "/accounts/assessor/scope", token: tok, form: url.Values{"groups": {"5", "10"}}})
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/accounts/assessor" {
		t.Fatalf("scope: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	after := body(t, e.do(request{method: "GET", path: "/agencies", token: assessor}))
	if !strings.Contains(before, "คลองเส") || strings.Contains(after, "คลองเส") || !strings.Contains(after, "สุเทพ") {
		t.Errorf("after groups 8,10 → 5,10 the assessor should see เชียงใหม่'s อบต.สุเทพ (group 5) and no longer คลองเส (group 8)")
	}
	res = e.do(request{method: "POST", path: "/accounts/assessor/scope", token: tok, form: url.Values{}})
	if page := body(t, res); res.StatusCode != 422 || !strings.Contains(page, "กรุณาเลือกกลุ่มหน่วยงานที่รับผิดชอบอย่างน้อยหนึ่งกลุ่ม") {
		t.Errorf("no groups: status %d, want 422 with the message beside the groups", res.StatusCode)
	}
	res = e.do(request{method: "POST", path: "/accounts/supervisor/scope", token: tok, form: url.Values{"supervisor": {"sepo"}}})
	res.Body.Close()
	list := body(t, e.do(request{method: "GET", path: "/agencies", token: e.session("supervisor")}))
	if res.StatusCode != http.StatusSeeOther || !strings.Contains(list, "การไฟฟ้าฝ่ายผลิต") || strings.Contains(list, "คลองเส") {
		t.Errorf("supervisor moved to สคร.: status %d; should see state enterprises only", res.StatusCode)
	}
	res = e.do(request{method: "POST", path: "/accounts/admin/scope", token: tok, form: url.Values{"groups": {"1"}}})
	res.Body.Close()
	if res.StatusCode != 422 {
		t.Errorf("scope of a central admin: status %d, want 422", res.StatusCode)
	}
	pg, _ := e.st.FindAudit(context.Background(), audit.Filter{Action: audit.ActionAccountScope})
	if pg.Total != 2 {
		t.Errorf("%d scope entries, want 2", pg.Total)
	}
}

func TestDisableAccount(t *testing.T) { testDisableAccount(t, defaultEngine()) }

func testDisableAccount(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	tok := e.session("admin")
	victim := e.session("assessor")
	if res := e.do(request{method: "GET", path: "/dashboard", token: victim}); res.StatusCode != 200 {
		t.Fatalf("assessor before: status %d", res.StatusCode)
	}
	res := e.do(request{method: "POST", path: "/accounts/assessor/disable", token: tok, form: url.Values{}})
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable: status %d", res.StatusCode)
	}
	if res := e.do(request{method: "GET", path: "/dashboard", token: victim}); res.StatusCode != http.StatusSeeOther ||
		!strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Errorf("the disabled account's session still works: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if tok, res := e.login("assessor", demo.Password); tok != "" || res.StatusCode != http.StatusUnauthorized {
		t.Errorf("a disabled account logged in: status %d", res.StatusCode)
	}
	page := body(t, e.do(request{method: "GET", path: "/accounts/assessor", token: tok}))
	if !strings.Contains(page, "ระงับการใช้งาน") || !strings.Contains(page, `action="/accounts/assessor/enable"`) {
		t.Errorf("the account page does not show the account disabled with an enable button")
	}
	res = e.do(request{method: "POST", path: "/accounts/assessor/enable", token: tok, form: url.Values{}})
	res.Body.Close()
	if tok, _ := e.login("assessor", demo.Password); res.StatusCode != http.StatusSeeOther || tok == "" {
		t.Errorf("after enabling: status %d, login works %v", res.StatusCode, tok != "")
	}
	t.Run("AgencyAccount", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/accounts/t" + demo.CodeEnergyPS + "/disable", token: tok, form: url.Values{}})
		res.Body.Close()
		if a := e.account("t" + demo.CodeEnergyPS); !a.Disabled {
			t.Errorf("agency executive not disabled (status %d)", res.StatusCode)
		}
		page := body(t, e.do(request{method: "GET", path: "/agencies/" + demo.CodeEnergyPS, token: tok}))
		if !strings.Contains(page, `href="/accounts/t`+demo.CodeEnergyPS+`"`) || !strings.Contains(page, "ระงับการใช้งาน") {
			t.Errorf("the agency page does not link the account or show it disabled")
		}
	})
	t.Run("NotOneself", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/accounts/admin/disable", token: tok, form: url.Values{}})
		page := body(t, res)
		if res.StatusCode != http.StatusConflict || !strings.Contains(page, "ไม่สามารถระงับบัญชีของตนเองได้") || e.account("admin").Disabled {
			t.Errorf("self-disable: status %d; want 409 and the account still enabled", res.StatusCode)
		}
	})
	pg, _ := e.st.FindAudit(context.Background(), audit.Filter{Subject: "assessor"})
	var actions []string
	for _, en := range pg.Entries {
		if en.Action == audit.ActionAccountDisable || en.Action == audit.ActionAccountEnable {
			actions = append(actions, en.Action+" by "+en.Actor)
		}
	}
	if strings.Join(actions, ", ") != "account.enable by admin, account.disable by admin" {
		t.Errorf("audit = %v", actions)
	}
}

func TestAPIStaff(t *testing.T) { testAPIStaff(t, defaultEngine()) }

func testAPIStaff(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	tok := e.session("admin")
	var created StaffCreatedJSON
	res := e.do(request{method: "POST", path: "/api/v1/accounts", bearer: tok,
		json: `{"username": "nacc.somchai", "role": "central_admin", "name": "สมชาย"}`})
	decode(t, res, &created)
	if res.StatusCode != 201 || created.Password == "" || created.Account.Username != "nacc.somchai" || !created.Account.MustChangePassword {
		t.Fatalf("create: status %d, %+v", res.StatusCode, created)
	}
	var bad apiError
	res = e.do(request{method: "POST", path: "/api/v1/accounts", bearer: tok, json: `{"username": "x", "role": "assessor"}`})
	decode(t, res, &bad)
	if res.StatusCode != 422 || bad.Error.Fields["username"] == "" || bad.Error.Fields["groups"] == "" {
		t.Errorf("invalid: status %d, %+v", res.StatusCode, bad)
	}
	var list AccountListJSON
	decode(t, e.do(request{method: "GET", path: "/api/v1/accounts?staff=true&per_page=2&page=2", bearer: tok}), &list)
	if list.Total != 4 || len(list.Accounts) != 2 || list.Accounts[0].Username != "nacc.somchai" {
		t.Errorf("staff page 2 of 2: %+v", list)
	}
	decode(t, e.do(request{method: "GET", path: "/api/v1/accounts?agency=" + demo.CodeKlongSe, bearer: tok}), &list)
	if list.Total != 2 {
		t.Errorf("accounts of คลองเส: %d, want 2", list.Total)
	}
	var a AccountJSON
	res = e.do(request{method: "PUT", path: "/api/v1/accounts/assessor/scope", bearer: tok, json: `{"groups": [3, 1, 3]}`})
	decode(t, res, &a)
	if res.StatusCode != 200 || len(a.Groups) != 2 || a.Groups[0] != 1 || a.Groups[1] != 3 {
		t.Errorf("scope: status %d, groups %v", res.StatusCode, a.Groups)
	}
	a = AccountJSON{}
	res = e.do(request{method: "POST", path: "/api/v1/accounts/supervisor/disable", bearer: tok})
	decode(t, res, &a)
	if res.StatusCode != 200 || !a.Disabled {
		t.Errorf("disable: status %d, %+v", res.StatusCode, a)
	}
	a = AccountJSON{}
	decode(t, e.do(request{method: "GET", path: "/api/v1/accounts/supervisor", bearer: tok}), &a)
	if !a.Disabled {
		t.Errorf("GET after disable: %+v", a)
	}
	res = e.do(request{method: "POST", path: "/api/v1/accounts/supervisor/enable", bearer: tok})
	decode(t, res, &a)
	if res.StatusCode != 200 || a.Disabled {
		t.Errorf("enable: status %d, %+v", res.StatusCode, a)
	}
	res = e.do(request{method: "POST", path: "/api/v1/accounts/admin/disable", bearer: tok})
	res.Body.Close()
	if res.StatusCode != 409 {
		t.Errorf("self-disable: status %d, want 409", res.StatusCode)
	}
	res = e.do(request{method: "GET", path: "/api/v1/accounts/nobody", bearer: tok})
	res.Body.Close()
	if res.StatusCode != 404 {
		t.Errorf("unknown account: status %d, want 404", res.StatusCode)
	}
}

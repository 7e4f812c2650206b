package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/thaidate"
)

// Demo accounts of the stakeholder tests.
var (
	energyAdmin = "a" + demo.CodeEnergyPS // สป.พน.: internal approved, external submitted with 10 contacts
	energyExec  = "t" + demo.CodeEnergyPS
	cmuAdmin    = "a" + demo.CodeChiangMaiU // internal returned with a reason, external a draft with 3 contacts
	cmuExec     = "t" + demo.CodeChiangMaiU
	dmfAdmin    = "a" + demo.CodeDMF // internal a draft
)

func shURL(code, rest string) string { return "/agencies/" + code + "/stakeholders" + rest }
func shAPI(code, rest string) string { return "/api/v1/agencies/" + code + "/stakeholders" + rest }

// shPost sends a form as user and returns the response.
func (e *env) shPost(user, path string, form url.Values) *http.Response {
	e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	return e.do(request{method: "POST", path: path, form: form, token: e.session(user)})
}

// shStatus fails unless res has the status; it returns the body.
func shStatus(t testing.TB, res *http.Response, want int) string {
	t.Helper()
	b := body(t, res)
	if res.StatusCode != want {
		t.Fatalf("status %d, want %d; body: %.600s", res.StatusCode, want, b)
	}
	return b
}

// shData reads an agency's stakeholder data of the current year from the store.
func (e *env) shData(code string) stakeholder.Data {
	e.t.Helper()
	d, err := e.st.FindStakeholderData(context.Background(), thaidate.FiscalYear(testNow), code)
	if err != nil {
		e.t.Fatal(err)
	}
	return d
}

// shUpload posts a file as the multipart field "file", as the import form does.
func (e *env) shUpload(user, path, name string, data []byte) *http.Response {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		e.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	r := httptest.NewRequest("POST", path, &buf)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: e.session(user)})
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return w.Result()
}

// contactsFile returns the template, as the server sends it, filled with rows.
func contactsFile(t testing.TB, e *env, user, code string, rows [][]string) []byte {
	t.Helper()
	res := e.do(request{method: "GET", path: shURL(code, "/template.xlsx"), token: e.session(user)})
	tpl := []byte(shStatus(t, res, 200))
	x, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			x.SetCellStr(stakeholder.SheetContacts, cell, v)
		}
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestStakeholderCycle follows the manual's story through the pages: the executive returns
// the external data with a reason, the admin sees it, corrects the list and submits again, the
// executive approves, and from then on the data is locked.
func TestStakeholderCycle(t *testing.T) { testStakeholderCycle(t, defaultEngine()) }

func testStakeholderCycle(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	code := demo.CodeEnergyPS
	page := body(t, e.do(request{method: "GET", path: shURL(code, ""), token: e.session(energyExec)}))
	for _, want := range []string{"1,250", "125", "25,000", "400", shURL(code, "/external/approve"), shURL(code, "/external/return")} {
		if !strings.Contains(page, want) {
			t.Errorf("executive's page lacks %q", want)
		}
	}
	if strings.Contains(page, shURL(code, "/internal/approve")) || strings.Contains(page, `/population"`) {
		t.Errorf("executive's page offers approving approved data or editing")
	}

	b := shStatus(t, e.shPost(energyExec, shURL(code, "/external/return"), url.Values{"reason": {"  "}}), 422)
	if !strings.Contains(b, "กรุณาระบุเหตุผลที่ตีกลับ") || !strings.Contains(b, `id="f-external-reason" name="reason"`) {
		t.Errorf("a return without a reason is not refused beside the field")
	}
	res := e.shPost(energyExec, shURL(code, "/external/return"), url.Values{"reason": {"เบอร์โทรศัพท์ของผู้รับบริการรายที่ 10 ไม่ครบ"}})
	if shStatus(t, res, 303); res.Header.Get("Location") != shURL(code, "") {
		t.Errorf("after return: Location %q", res.Header.Get("Location"))
	}
	if d := e.shData(code); d.External.Status != stakeholder.Returned || d.External.DecidedBy != energyExec {
		t.Fatalf("external after return = %+v", d.External)
	}
	page = body(t, e.do(request{method: "GET", path: shURL(code, ""), token: e.session(energyAdmin)}))
	if !strings.Contains(page, "รายที่ 10 ไม่ครบ") || !strings.Contains(page, shURL(code, "/external/submit")) {
		t.Errorf("admin's page does not show the reason and the submit button")
	}

	shStatus(t, e.shPost(energyAdmin, shURL(code, "/contacts"), url.Values{
		"name": {"มาลัย บุญมา"}, "type": {"public"}, "phone": {"08-1234"}, "service": {"x"}}), 422)
	shStatus(t, e.shPost(energyAdmin, shURL(code, "/contacts"), url.Values{
		"name": {"มาลัย  บุญมา"}, "type": {"public"}, "email": {"MALAI.B@example.com"}, "service": {"x"}}), 409)
	shStatus(t, e.shPost(energyAdmin, shURL(code, "/contacts"), url.Values{
		"name": {"ใหม่ ล่าสุด"}, "type": {"ประชาชน"}, "phone": {"081 999 0000"}, "service": {"ติดต่อ"}}), 303)
	shStatus(t, e.shPost(energyAdmin, shURL(code, "/external/population"), url.Values{"population": {"26,000"}}), 303)
	shStatus(t, e.shPost(energyAdmin, shURL(code, "/external/submit"), nil), 303)
	shStatus(t, e.shPost(energyExec, shURL(code, "/external/approve"), nil), 303)
	d := e.shData(code)
	if d.External.Status != stakeholder.Approved || d.External.Population != 26000 || d.Contacts != 11 || d.External.ReturnReason != "" {
		t.Fatalf("external after approval = %+v, %d contacts", d.External, d.Contacts)
	}

	// Locked: every change of either kind is refused with a Thai message, on pages and API.
	b = shStatus(t, e.shPost(energyAdmin, shURL(code, "/external/population"), url.Values{"population": {"1"}}), 409)
	if !strings.Contains(b, "อนุมัติแล้วจึงถูกล็อก") {
		t.Errorf("locked page does not say why")
	}
	shStatus(t, e.shPost(energyAdmin, shURL(code, "/internal/population"), url.Values{"population": {"1"}}), 409)
	shStatus(t, e.shPost(energyAdmin, shURL(code, "/contacts"), url.Values{"name": {"ก ข"}, "type": {"public"}, "phone": {"0812345670"}, "service": {"x"}}), 409)
	shStatus(t, e.shPost(energyExec, shURL(code, "/external/approve"), nil), 409)
	shStatus(t, e.shPost(energyExec, shURL(code, "/external/return"), url.Values{"reason": {"ขอแก้"}}), 409)
	res = e.do(request{method: "PUT", path: shAPI(code, "/internal"), json: `{"population": 5}`, token: e.session(energyAdmin)})
	shStatus(t, res, 409)
	if e.shData(code).Internal.Population != 1250 {
		t.Errorf("approved internal count changed")
	}

	// Every step is in the audit log with who did it.
	page2, err := e.st.FindAudit(context.Background(), audit.Filter{AgencyCode: code, Action: "stakeholder."})
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]string{}
	for _, en := range page2.Entries {
		if _, seen := actions[en.Action]; !seen {
			actions[en.Action] = en.Actor
		}
	}
	for action, actor := range map[string]string{
		stakeholder.AuditReturn: energyExec, stakeholder.AuditApprove: energyExec, stakeholder.AuditSubmit: energyAdmin,
		stakeholder.AuditContactAdd: energyAdmin, stakeholder.AuditPopulation: energyAdmin,
	} {
		if actions[action] != actor {
			t.Errorf("latest %s by %q, want %q", action, actions[action], actor)
		}
	}
}

// TestStakeholderRefusals checks who may do what, whatever the buttons show.
func TestStakeholderRefusals(t *testing.T) { testStakeholderRefusals(t, defaultEngine()) }

func testStakeholderRefusals(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	energy, cmu := demo.CodeEnergyPS, demo.CodeChiangMaiU
	tests := []struct {
		name, user, method, path string
		form                     url.Values
		json                     string
		want                     int
	}{
		{"OtherAgencyAdminPage", dmfAdmin, "GET", shURL(energy, ""), nil, "", 403},
		{"OtherAgencyAdminWrite", dmfAdmin, "POST", shURL(cmu, "/external/population"), url.Values{"population": {"10"}}, "", 403},
		{"OtherAgencyAdminAPI", dmfAdmin, "PUT", shAPI(cmu, "/external"), nil, `{"population": 10}`, 403},
		{"OtherAgencyAdminContacts", dmfAdmin, "GET", shAPI(energy, "/contacts"), nil, "", 403},
		{"OtherAgencyExecutive", energyExec, "POST", shURL(cmu, "/internal/approve"), url.Values{}, "", 403},
		{"ExecutiveCannotEdit", cmuExec, "POST", shURL(cmu, "/external/population"), url.Values{"population": {"10"}}, "", 403},
		{"ExecutiveCannotEditAPI", cmuExec, "POST", shAPI(cmu, "/contacts"), nil, `{"name":"ก ข","type":"public","phone":"0812345678","service":"x"}`, 403},
		{"ExecutiveCannotSubmit", cmuExec, "POST", shURL(cmu, "/external/submit"), url.Values{}, "", 403},
		{"AdminCannotApprove", energyAdmin, "POST", shURL(energy, "/external/approve"), url.Values{}, "", 403},
		{"AdminCannotApproveAPI", energyAdmin, "POST", shAPI(energy, "/external/approve"), nil, "", 403},
		{"AdminCannotReturn", energyAdmin, "POST", shURL(energy, "/external/return"), url.Values{"reason": {"x"}}, "", 403},
		{"CentralCannotEdit", "admin", "POST", shURL(energy, "/internal/population"), url.Values{"population": {"10"}}, "", 403},
		{"SupervisorOtherBody", "supervisor", "GET", shURL(energy, ""), nil, "", 403},
		{"AssessorOtherGroup", "assessor", "GET", shAPI("6500000", ""), nil, "", 403},
		{"ApprovedLocked", energyAdmin, "POST", shURL(energy, "/internal/population"), url.Values{"population": {"10"}}, "", 409},
		{"SubmittedLocked", energyAdmin, "PUT", shAPI(energy, "/external"), nil, `{"population": 10}`, 409},
		{"SubmittedListLocked", energyAdmin, "POST", shAPI(energy, "/contacts"), nil, `{"name":"ก ข","type":"public","phone":"0812345678","service":"x"}`, 409},
		{"SubmittedListForm", energyAdmin, "GET", shURL(energy, "/contacts/new"), nil, "", 409},
		{"SubmittedListImport", energyAdmin, "POST", shURL(energy, "/contacts/import"), url.Values{}, "", 409},
		{"ApproveDraft", cmuExec, "POST", shAPI(cmu, "/external/approve"), nil, "", 409},
		{"UnknownSide", cmuAdmin, "POST", shURL(cmu, "/other/submit"), url.Values{}, "", 404},
		{"OtherAgencysContact", cmuAdmin, "GET", shURL(cmu, "/contacts/1/edit"), nil, "", 404},
		{"SubmitIncomplete", dmfAdmin, "POST", shAPI(demo.CodeDMF, "/external/submit"), nil, "", 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(request{method: tt.method, path: tt.path, form: tt.form, json: tt.json, token: e.session(tt.user)})
			b := shStatus(t, res, tt.want)
			if tt.want != 404 && !regexp.MustCompile(`[ก-๙]`).MatchString(b) {
				t.Errorf("refusal without a Thai message: %.300s", b)
			}
		})
	}
	if d := e.shData(cmu); d.External.Population != 150000 || d.Contacts != 3 {
		t.Errorf("refused requests changed มหาวิทยาลัยเชียงใหม่'s data: %+v", d)
	}
}

// TestStakeholderPhaseClosed moves the clock past the stakeholder-data phase: writes answer
// 403 with phase_closed and the phase's dates in Thai; reading still works.
func TestStakeholderPhaseClosed(t *testing.T) { testStakeholderPhaseClosed(t, defaultEngine()) }

func testStakeholderPhaseClosed(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	e.clock.Add(41 * 24 * time.Hour)
	cmu := demo.CodeChiangMaiU
	for _, req := range []request{
		{method: "POST", path: shURL(cmu, "/external/population"), form: url.Values{"population": {"10"}}},
		{method: "PUT", path: shAPI(cmu, "/external"), json: `{"population": 10}`},
		{method: "POST", path: shURL(cmu, "/contacts"), form: url.Values{"name": {"ก ข"}}},
		{method: "POST", path: shURL(cmu, "/internal/submit"), form: url.Values{}},
		{method: "GET", path: shURL(cmu, "/contacts/new")},
	} {
		req.token = e.session(cmuAdmin)
		res := e.do(req)
		b := body(t, res)
		if res.StatusCode != 403 || res.Header.Get("X-Error-Code") != "phase_closed" ||
			!strings.Contains(b, "สิ้นสุดช่วงเวลาการนำเข้าข้อมูลผู้มีส่วนได้ส่วนเสีย") || !strings.Contains(b, "2569") {
			t.Errorf("%s %s after the phase: %d %q; %.300s", req.method, req.path, res.StatusCode, res.Header.Get("X-Error-Code"), b)
		}
	}
	res := e.shPost(energyExec, shURL(demo.CodeEnergyPS, "/external/approve"), nil)
	if res.StatusCode != 403 || res.Header.Get("X-Error-Code") != "phase_closed" {
		t.Errorf("approving after the phase: %d", res.StatusCode)
	}
	res.Body.Close()
	page := shStatus(t, e.do(request{method: "GET", path: shURL(cmu, ""), token: e.session(cmuAdmin)}), 200)
	if strings.Contains(page, `method="post"`) && strings.Contains(page, "/population") {
		t.Errorf("the page offers forms after the phase")
	}
	if e.shData(cmu).External.Population != 150000 {
		t.Errorf("a write went through after the phase")
	}
}

// TestStakeholderImport uploads templates through the page and the API: a file with problems
// is refused as a whole with every problem by row and cell; a good one is imported.
func TestStakeholderImport(t *testing.T) { testStakeholderImport(t, defaultEngine()) }

func testStakeholderImport(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	cmu := demo.CodeChiangMaiU
	bad := contactsFile(t, e, cmuAdmin, cmu, [][]string{
		{"นายดี มีสุข", "", "ประชาชน", "081-000-0001", "", "ขอเอกสาร"},
		{"นายดี ไม่มีเบอร์", "", "ประชาชน", "81-000-0002", "", "ขอเอกสาร"},
		{"ปวีณา อินทรวงศ์", "", "ประชาชน", "053-900-100", "", "ซ้ำกับที่มีอยู่"},
		{"นายดี มีสุข", "", "ประชาชน", "0810000001", "", "ซ้ำในไฟล์"},
		{"บริษัทไม่มีชื่อองค์กร", "", "ภาคธุรกิจ", "", "biz@example.com", ""},
	})
	b := shStatus(t, e.shUpload(cmuAdmin, shURL(cmu, "/contacts/import"), "list.xlsx", bad), 422)
	for _, want := range []string{"แถว 3 เซลล์ D3", "แถว 4 เซลล์ A4", "ซ้ำกับรายชื่อที่มีอยู่ในระบบแล้ว", "แถว 5 เซลล์ A5", "ซ้ำกับแถวที่ 2",
		"แถว 6 เซลล์ B6", "แถว 6 เซลล์ F6", "ยังไม่นำเข้ารายชื่อใด ๆ"} {
		if !strings.Contains(b, want) {
			t.Errorf("import problems page lacks %q", want)
		}
	}
	if n := e.shData(cmu).Contacts; n != 3 {
		t.Fatalf("a refused file changed the list: %d contacts", n)
	}

	res := e.do(request{method: "POST", path: shAPI(cmu, "/contacts/import"), token: e.session(cmuAdmin),
		header: http.Header{"Content-Type": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}}})
	shStatus(t, res, 422) // no body
	r := httptest.NewRequest("POST", shAPI(cmu, "/contacts/import"), bytes.NewReader(bad))
	r.Header.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: e.session(cmuAdmin)})
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	var problems struct {
		Error    apiErrorBody
		Problems []struct {
			Row     int
			Cell    string
			Message string
		}
		Total int `json:"total_problems"`
	}
	decode(t, w.Result(), &problems)
	if w.Code != 422 || problems.Total != 5 || len(problems.Problems) != 5 || problems.Problems[0].Cell != "D3" || problems.Error.Code != "invalid" {
		t.Errorf("API import problems: %d %+v", w.Code, problems)
	}

	var rows [][]string
	for i := range 20 {
		rows = append(rows, []string{fmt.Sprintf("ผู้รับบริการ ที่%d", i), "", "ประชาชน", fmt.Sprintf("08%08d", i), "", "ขอเอกสาร"})
	}
	good := contactsFile(t, e, cmuAdmin, cmu, rows)
	res = e.shUpload(cmuAdmin, shURL(cmu, "/contacts/import"), "list.xlsx", good[:len(good)/2])
	shStatus(t, res, 422) // a damaged file
	res = e.shUpload(cmuAdmin, shURL(cmu, "/contacts/import"), "list.xlsx", good)
	shStatus(t, res, 303)
	if n := e.shData(cmu).Contacts; n != 23 {
		t.Errorf("after import: %d contacts, want 23", n)
	}
	// The same file again: every row is now a duplicate.
	b = shStatus(t, e.shUpload(cmuAdmin, shURL(cmu, "/contacts/import"), "list.xlsx", good), 422)
	if !strings.Contains(b, "แถว 21 เซลล์ A21") {
		t.Errorf("re-import does not report the duplicates by row")
	}
	page := body(t, e.do(request{method: "GET", path: shURL(cmu, "/contacts?page=1"), token: e.session("admin")}))
	if !strings.Contains(page, "080-000-0001") {
		t.Errorf("contacts page does not show formatted phone numbers")
	}
}

// TestStakeholderTemplate downloads the template and checks its headers and dropdown.
func TestStakeholderTemplate(t *testing.T) {
	e := newEnv(t, Config{})
	res := e.do(request{method: "GET", path: shURL(demo.CodeKlongSe, "/template.xlsx"), token: e.session("supervisor")})
	data := shStatus(t, res, 200)
	if ct := res.Header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
		t.Errorf("Content-Type %q", ct)
	}
	x, err := excelize.OpenReader(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(stakeholder.SheetContacts)
	if len(rows) != 1 || strings.Join(rows[0], ",") != strings.Join(stakeholder.Headers(), ",") {
		t.Errorf("template rows %v", rows)
	}
	info, _ := x.GetRows(stakeholder.SheetInstructions)
	if len(info) < 2 || !strings.Contains(info[1][0], "องค์การบริหารส่วนตำบลคลองเส") {
		t.Errorf("instructions do not name the agency")
	}
}

// TestStakeholderAPI walks the JSON API: read, set, add, change, delete, submit.
func TestStakeholderAPI(t *testing.T) { testStakeholderAPI(t, defaultEngine()) }

func testStakeholderAPI(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	cmu := demo.CodeChiangMaiU
	tok := e.session(cmuAdmin)
	var got StakeholdersJSON
	decode(t, e.do(request{method: "GET", path: shAPI(cmu, ""), token: tok}), &got)
	if got.Internal.Status != "returned" || got.Internal.ReturnReason != demo.ChiangMaiReturnReason || got.Internal.Minimum != 400 ||
		got.External.Population != 150000 || got.Contacts != 3 || got.FiscalYear != thaidate.FiscalYear(testNow) {
		t.Errorf("GET = %+v", got)
	}
	var rec StakeholderRecordJSON
	res := e.do(request{method: "PUT", path: shAPI(cmu, "/internal"), json: `{"population": 25}`, token: tok})
	decode(t, res, &rec)
	if res.StatusCode != 200 || rec.Population != 25 || rec.Minimum != 25 || rec.Status != "returned" {
		t.Errorf("PUT = %d %+v; fewer than 30 staff means all of them", res.StatusCode, rec)
	}
	res = e.do(request{method: "PUT", path: shAPI(cmu, "/internal"), json: `{"population": 0}`, token: tok})
	var apiErr apiError
	decode(t, res, &apiErr)
	if res.StatusCode != 422 || apiErr.Error.Fields["population"] == "" {
		t.Errorf("PUT 0 = %d %+v", res.StatusCode, apiErr)
	}
	var c ContactJSON
	res = e.do(request{method: "POST", path: shAPI(cmu, "/contacts"), token: tok,
		json: `{"name":"ทดสอบ ระบบ","organisation":"บริษัท ทดสอบ จำกัด","type":"business","phone":"+66 81 555 0000","email":"","service":"ยื่นซอง"}`})
	decode(t, res, &c)
	if res.StatusCode != 201 || c.ID == 0 || c.Phone != "0815550000" {
		t.Fatalf("POST contact = %d %+v", res.StatusCode, c)
	}
	res = e.do(request{method: "POST", path: shAPI(cmu, "/contacts"), token: tok,
		json: `{"name":"ทดสอบ  ระบบ","type":"public","phone":"081-555-0000","service":"อื่น"}`})
	decode(t, res, &apiErr)
	if res.StatusCode != 409 || apiErr.Error.Fields["phone"] == "" {
		t.Errorf("duplicate POST = %d %+v", res.StatusCode, apiErr)
	}
	res = e.do(request{method: "PUT", path: shAPI(cmu, fmt.Sprintf("/contacts/%d", c.ID)), token: tok,
		json: `{"name":"ทดสอบ ระบบ","organisation":"","type":"business","phone":"0815550000","email":"","service":"ยื่นซอง"}`})
	decode(t, res, &apiErr)
	if res.StatusCode != 422 || apiErr.Error.Fields["organisation"] == "" {
		t.Errorf("PUT a business without organisation = %d %+v", res.StatusCode, apiErr)
	}
	var list ContactListJSON
	decode(t, e.do(request{method: "GET", path: shAPI(cmu, "/contacts?per_page=2&page=2"), token: e.session("admin")}), &list)
	if list.Total != 4 || len(list.Contacts) != 2 || list.Contacts[1].ID != c.ID {
		t.Errorf("GET contacts page 2 = %+v", list)
	}
	res = e.do(request{method: "DELETE", path: shAPI(cmu, fmt.Sprintf("/contacts/%d", c.ID)), token: tok})
	shStatus(t, res, 204)
	res = e.do(request{method: "POST", path: shAPI(cmu, "/internal/submit"), token: tok})
	rec = StakeholderRecordJSON{}
	decode(t, res, &rec)
	if res.StatusCode != 200 || rec.Status != "submitted" || rec.ReturnReason != "" || rec.SubmittedBy != cmuAdmin {
		t.Errorf("submit = %d %+v", res.StatusCode, rec)
	}
	res = e.do(request{method: "POST", path: shAPI(cmu, "/internal/return"), token: e.session(cmuExec), json: `{}`})
	decode(t, res, &apiErr)
	if res.StatusCode != 422 || apiErr.Error.Fields["reason"] == "" {
		t.Errorf("return without reason = %d %+v", res.StatusCode, apiErr)
	}
	res = e.do(request{method: "POST", path: shAPI(cmu, "/internal/approve"), token: e.session(cmuExec)})
	rec = StakeholderRecordJSON{}
	decode(t, res, &rec)
	if res.StatusCode != 200 || rec.Status != "approved" || rec.DecidedBy != cmuExec {
		t.Errorf("approve = %d %+v", res.StatusCode, rec)
	}
}

// TestStakeholderProgress checks the agency's progress facts and the counts other features use.
func TestStakeholderProgress(t *testing.T) {
	e := newEnv(t, Config{})
	ctx := context.Background()
	y, err := e.srv.openYear(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f, err := e.srv.agencyFacts(ctx, y, demo.CodeEnergyPS)
	if err != nil {
		t.Fatal(err)
	}
	if !f.InternalDataApproved || f.IITMinimum != 125 || f.ExternalDataApproved || f.EITMinimum != 0 {
		t.Errorf("สป.พน. facts = %+v; want internal approved (1,250 → 125), external not yet", f)
	}
	counts, err := e.st.StakeholderCounts(ctx, y.FiscalYear)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 1 || counts[demo.CodeEnergyPS] != (stakeholder.Counts{Internal: 1250}) {
		t.Errorf("StakeholderCounts = %v", counts)
	}
	res := e.do(request{method: "GET", path: "/stakeholders", token: e.session(energyAdmin)})
	res.Body.Close()
	if res.StatusCode != 303 || res.Header.Get("Location") != shURL(demo.CodeEnergyPS, "") {
		t.Errorf("GET /stakeholders as an agency admin: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
}

// TestStakeholderPagesRender renders every stakeholder page for each role in scope, in Thai and
// English, and checks that no message key shows up raw.
func TestStakeholderPagesRender(t *testing.T) {
	e := newEnv(t, Config{})
	key := regexp.MustCompile(`\bstakeholder\.[a-z_.]+`)
	text := regexp.MustCompile(`>([^<]*)<`)
	energy := demo.CodeEnergyPS
	pages := []struct{ user, path, want string }{
		{energyAdmin, shURL(energy, ""), "ผู้มีส่วนได้ส่วนเสียภายใน (IIT)"},
		{energyExec, shURL(energy, ""), "ตีกลับให้แก้ไข"},
		{"admin", shURL(energy, ""), "ผู้บริหารอนุมัติแล้ว"},
		{"assessor", shURL(energy, "/contacts"), "สมศักดิ์ แสงทอง"},
		{"supervisor", shURL(demo.CodeKlongSe, ""), "ยังไม่ได้กรอก"},
		{cmuAdmin, shURL(demo.CodeChiangMaiU, ""), demo.ChiangMaiReturnReason},
		{cmuAdmin, shURL(demo.CodeChiangMaiU, "/contacts"), "นำเข้ารายชื่อ"},
		{cmuAdmin, shURL(demo.CodeChiangMaiU, "/contacts/new"), "งานบริการที่มาใช้หรือมาติดต่อ"},
	}
	for _, lang := range []string{"th", "en"} {
		for _, p := range pages {
			h := http.Header{"Cookie": {langCookie + "=" + lang}}
			res := e.do(request{method: "GET", path: p.path, token: e.session(p.user), header: h})
			b := shStatus(t, res, 200)
			if lang == "th" && !strings.Contains(b, p.want) {
				t.Errorf("%s as %s lacks %q", p.path, p.user, p.want)
			}
			for _, m := range text.FindAllStringSubmatch(b, -1) {
				if k := key.FindString(m[1]); k != "" {
					t.Errorf("%s (%s) shows the raw key %q", p.path, lang, k)
				}
			}
			if strings.Contains(b, "<script>") || strings.Contains(b, " style=") {
				t.Errorf("%s has inline script or style", p.path)
			}
		}
	}
	if page := body(t, e.do(request{method: "GET", path: shURL(demo.CodeKlongSe, ""), token: e.session("supervisor")})); strings.Contains(page, `method="post" action="/agencies`) {
		t.Errorf("a supervisor is offered forms")
	}
}

// TestStakeholdersOnPostgres runs the handler tests that change data on PostgreSQL too.
func TestStakeholdersOnPostgres(t *testing.T) {
	postgresDSN(t)
	for name, test := range map[string]func(*testing.T, engine){
		"Cycle": testStakeholderCycle, "Refusals": testStakeholderRefusals, "PhaseClosed": testStakeholderPhaseClosed,
		"Import": testStakeholderImport, "API": testStakeholderAPI,
	} {
		t.Run(name, func(t *testing.T) { test(t, onPostgres) })
	}
}

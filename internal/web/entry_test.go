package web

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// channels counts the responses of a demo agency's EIT by channel.
func (e *env) channels(code string) map[survey.Channel]int {
	e.t.Helper()
	rs, err := e.st.FindResponses(context.Background(), testFiscalYear, code, survey.EIT)
	if err != nil {
		e.t.Fatal(err)
	}
	out := map[survey.Channel]int{}
	for _, r := range rs {
		out[r.Channel]++
	}
	return out
}

// entryValues is a complete assessor entry: every EIT item answered, a channel and an ID.
func entryValues(t *testing.T, id string, channel survey.Channel) url.Values {
	v := answerAll(demoForm(t, survey.EIT), 3)
	v.Set("national_id", id)
	v.Set("channel", string(channel))
	v.Set("p.gender", "female")
	v.Set("comment", "ขอบคุณที่โทรมาสอบถาม")
	return v
}

func TestEntryOneResponse(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	path := "/agencies/" + demo.CodeEnergyPS + "/eit/entry"
	assessor := e.session("assessor")
	before := e.channels(demo.CodeEnergyPS)

	res := e.do(request{method: "GET", path: path, token: assessor})
	if page := body(t, res); res.StatusCode != 200 || !strings.Contains(page, `name="e1.1"`) || !strings.Contains(page, `value="phone"`) {
		t.Fatalf("GET %s: status %d, no form", path, res.StatusCode)
	}
	res = e.do(request{method: "POST", path: path, token: assessor, form: entryValues(t, nationalID(101), survey.ChannelPhone)})
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path {
		t.Fatalf("POST %s: status %d to %q, want 303 back to the form", path, res.StatusCode, res.Header.Get("Location"))
	}
	after := e.channels(demo.CodeEnergyPS)
	if after[survey.ChannelPhone] != before[survey.ChannelPhone]+1 || after[survey.ChannelLink] != before[survey.ChannelLink] {
		t.Errorf("channels %v → %v, want one more phone response", before, after)
	}
	page, err := e.st.FindAudit(context.Background(), audit.Filter{Action: survey.ActionImport, Actor: "assessor"})
	if err != nil || page.Total != 1 || page.Entries[0].AgencyCode != demo.CodeEnergyPS || !strings.Contains(page.Entries[0].After, `"phone":1`) {
		t.Errorf("audit of the entry: %+v (%v)", page.Entries, err)
	}

	// The same person again, by another channel: refused beside the ID, nothing stored.
	res = e.do(request{method: "POST", path: path, token: e.session("admin"), form: entryValues(t, nationalID(101), survey.ChannelField)})
	b := body(t, res)
	if res.StatusCode != http.StatusConflict || !strings.Contains(b, `id="f-national_id-error"`) || !strings.Contains(b, "ตอบแบบสำรวจ EIT ของหน่วยงานนี้แล้ว") {
		t.Errorf("a second entry for one ID: status %d, want 409 with the message beside the ID", res.StatusCode)
	}
	if got := e.channels(demo.CodeEnergyPS); got[survey.ChannelField] != before[survey.ChannelField] {
		t.Errorf("a refused entry stored a field response")
	}

	// Mistakes come back beside their fields; nothing is stored.
	bad := entryValues(t, "1234567890123", "email")
	bad.Del("e2")
	bad.Set("e3", "9")
	res = e.do(request{method: "POST", path: path, token: assessor, form: bad})
	b = body(t, res)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a bad entry: status %d, want 422", res.StatusCode)
	}
	for _, want := range []string{"หลักสุดท้ายไม่ตรงกับเลขตรวจสอบ", `id="f-channel-error"`, `href="#q-e2"`, `href="#q-e3"`, "กรุณาตอบข้อนี้"} {
		if !strings.Contains(b, want) {
			t.Errorf("the refused entry's page lacks %q", want)
		}
	}
	if got := e.channels(demo.CodeEnergyPS); len(got) != len(after) || got[survey.ChannelPhone] != after[survey.ChannelPhone] {
		t.Errorf("a bad entry changed the responses: %v → %v", after, got)
	}
}

// TestEntryOneAnswerPerIDAcrossChannels checks that the assessors' entry and the public API
// hash a national ID alike: a person who answered online cannot be entered again, and the
// other way round — also when the server has no configured secret and draws its own.
func TestEntryOneAnswerPerIDAcrossChannels(t *testing.T) {
	t.Run("ConfiguredSecret", func(t *testing.T) { testOneAnswerPerIDAcrossChannels(t, newSurveyEnv(t, Config{})) })
	t.Run("RandomSecret", func(t *testing.T) {
		testOneAnswerPerIDAcrossChannels(t, newEnv(t, Config{SurveyPostsPerMinute: 1e6}))
	})
}

func testOneAnswerPerIDAcrossChannels(t *testing.T, e *env) {
	token := e.surveyToken(demo.CodeEnergyPS, survey.EIT)
	answers := map[string]string{}
	for k, v := range answerAll(demoForm(t, survey.EIT), 2) {
		answers[k] = v[0]
	}
	post := func(id string) int {
		b, _ := json.Marshal(map[string]any{"national_id": id, "answers": answers})
		res := e.do(request{method: "POST", path: "/api/v1/s/" + token + "/responses", json: string(b)})
		res.Body.Close()
		return res.StatusCode
	}
	enter := func(id string) int {
		res := e.do(request{method: "POST", path: "/agencies/" + demo.CodeEnergyPS + "/eit/entry",
			token: e.session("assessor"), form: entryValues(t, id, survey.ChannelField)})
		res.Body.Close()
		return res.StatusCode
	}
	if got := post(nationalID(201)); got != http.StatusCreated {
		t.Fatalf("online answer: %d", got)
	}
	if got := enter(nationalID(201)); got != http.StatusConflict {
		t.Errorf("entering a person who answered online: %d, want 409", got)
	}
	if got := enter(nationalID(202)); got != http.StatusSeeOther {
		t.Fatalf("entry: %d", got)
	}
	if got := post(nationalID(202)); got != http.StatusConflict {
		t.Errorf("answering online after being entered by an assessor: %d, want 409", got)
	}
}

func TestEntryPhaseClosed(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	e.clock.Add(62 * 24 * time.Hour) // past the demo's EIT collection
	path := "/agencies/" + demo.CodeEnergyPS + "/eit/entry"
	res := e.do(request{method: "POST", path: path, token: e.session("assessor"), form: entryValues(t, nationalID(301), survey.ChannelPhone)})
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "phase_closed" {
		t.Errorf("entry after the EIT collection: %d %q, want 403 phase_closed", res.StatusCode, res.Header.Get("X-Error-Code"))
	}
	page := body(t, e.do(request{method: "GET", path: path, token: e.session("assessor")}))
	if strings.Contains(page, `name="e1.1"`) || !strings.Contains(page, "สิ้นสุดช่วงเวลา") {
		t.Errorf("the entry page after the phase shows the form or no Thai note with the dates")
	}
	res = e.do(request{method: "POST", path: "/eit/import", token: e.session("assessor"), form: url.Values{}})
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "phase_closed" {
		t.Errorf("import after the EIT collection: %d, want 403 phase_closed", res.StatusCode)
	}
}

// uploadEIT posts a file to /eit/import as user and returns the response.
func (e *env) uploadEIT(user, name string, data []byte) *http.Response {
	e.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		e.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	r := httptest.NewRequest("POST", "/eit/import", &buf)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.AddCookie(&http.Cookie{Name: sessionCookie, Value: e.session(user)})
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return w.Result()
}

// eitImportCSV builds an import file: the header, then one row per respondent of cells keyed by
// column, every EIT item answered with a valid answer unless the row says otherwise.
func eitImportCSV(t *testing.T, header []string, rows []map[string]string) []byte {
	valid := answerAll(demoForm(t, survey.EIT), 2)
	var b strings.Builder
	b.WriteString(strings.Join(header, ",") + "\r\n")
	for _, r := range rows {
		cells := make([]string, len(header))
		for i, h := range header {
			v, ok := r[h]
			if !ok {
				v = valid.Get(h)
			}
			cells[i] = v
		}
		b.WriteString(strings.Join(cells, ",") + "\r\n")
	}
	return []byte(b.String())
}

func eitImportHeader(t *testing.T) []string {
	return append([]string{"agency", "respondent", "national_id"}, append(demoForm(t, survey.EIT).ItemKeys(), "gender", "comment")...)
}

func TestEntryImportRefusesWholeFile(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	before := e.channels(demo.CodeEnergyPS)
	rows := []map[string]string{
		{"agency": demo.CodeEnergyPS, "respondent": "1", "national_id": nationalID(401)},              // line 2: fine
		{"agency": demo.CodeEnergyPS, "respondent": "2", "national_id": nationalID(402), "e1.1": "5"}, // line 3: bad answer
		{"agency": demo.CodeEnergyPS, "respondent": "3", "national_id": "1234567890123"},              // line 4: check digit
		{"agency": "6500000", "respondent": "4", "national_id": nationalID(404)},                      // line 5: not in the groups
		{"agency": demo.CodeEnergyPS, "respondent": "5", "national_id": nationalID(401)},              // line 6: same ID as line 2
		{"agency": "9999999", "respondent": "6", "national_id": nationalID(406), "gender": "horse"},   // line 7: no agency, bad gender
		{"agency": demo.CodeChiangMaiU, "respondent": "7", "national_id": nationalID(407), "e2": ""},  // line 8: unanswered
	}
	header := eitImportHeader(t)
	col := func(name string) string {
		for i, h := range header {
			if h == name {
				return strconv.Itoa(i + 1)
			}
		}
		return "?"
	}
	res := e.uploadEIT("assessor", "eit.csv", eitImportCSV(t, header, rows))
	page := body(t, res)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	for _, want := range []string{
		"บรรทัด 3 คอลัมน์ " + col("e1.1") + " (e1.1)",
		"บรรทัด 4 คอลัมน์ " + col("national_id") + " (national_id)",
		"บรรทัด 5 คอลัมน์ 1 (agency)", "ไม่อยู่ในกลุ่มที่ท่านรับผิดชอบ",
		"บรรทัด 6 คอลัมน์ " + col("national_id"), "ซ้ำกับของผู้ตอบในบรรทัด 2",
		"บรรทัด 7 คอลัมน์ 1 (agency)", "ไม่พบหน่วยงานรหัส 9999999", "บรรทัด 7 คอลัมน์ " + col("gender") + " (gender)",
		"บรรทัด 8 คอลัมน์ " + col("e2") + " (e2)",
		"ไฟล์ eit.csv มีข้อผิดพลาด 7 รายการ จึงยังไม่นำเข้าคำตอบใด ๆ",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the refusal lacks %q", want)
		}
	}
	if got := e.channels(demo.CodeEnergyPS); got[survey.ChannelImport] != before[survey.ChannelImport] {
		t.Errorf("a refused file stored %d responses", got[survey.ChannelImport]-before[survey.ChannelImport])
	}

	// A header without the ID column and with an item of another survey is refused as a whole.
	bad := []string{"agency", "i1.1", "e99"}
	res = e.uploadEIT("assessor", "eit.csv", []byte(strings.Join(bad, ",")+"\r\n"+demo.CodeEnergyPS+",4,4\r\n"))
	page = body(t, res)
	for _, want := range []string{"national_id&#34; (เลขประจำตัวประชาชน 13 หลักของผู้ตอบ)", "บรรทัด 1 คอลัมน์ 2 (i1.1)", "บรรทัด 1 คอลัมน์ 3 (e99)", "ไม่มีคอลัมน์ของข้อ e1.1"} {
		if !strings.Contains(page, want) {
			t.Errorf("the header's refusal lacks %q", want)
		}
	}
	res = e.uploadEIT("assessor", "eit.txt", []byte("agency\r\n"))
	if b := body(t, res); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(b, ".csv") {
		t.Errorf("a .txt file: status %d", res.StatusCode)
	}
}

func TestEntryImportStoresAll(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	header := eitImportHeader(t)
	// An XLSX file, as Excel saves it: numbers as numbers.
	x := excelize.NewFile()
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	x.SetSheetRow("Sheet1", "A1", &head)
	ids := []string{nationalID(501), nationalID(502), nationalID(503)}
	valid := answerAll(demoForm(t, survey.EIT), 1)
	for i, code := range []string{demo.CodeEnergyPS, demo.CodeEnergyPS, demo.CodeChiangMaiU} {
		row := make([]any, len(header))
		for j, h := range header {
			switch h {
			case "agency":
				row[j] = code
			case "respondent":
				row[j] = i + 1
			case "national_id":
				row[j] = ids[i]
			case "gender":
				row[j] = "หญิง"
			case "comment":
				row[j] = ""
			default:
				if n, err := strconv.Atoi(valid.Get(h)); err == nil {
					row[j] = n // a number cell, as Excel keeps a typed 2
				} else {
					row[j] = valid.Get(h)
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		x.SetSheetRow("Sheet1", cell, &row)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		t.Fatal(err)
	}
	ps, cmu := e.channels(demo.CodeEnergyPS), e.channels(demo.CodeChiangMaiU)
	res := e.uploadEIT("assessor", "eit.xlsx", buf.Bytes())
	page := body(t, res)
	if res.StatusCode != http.StatusOK || !strings.Contains(page, "นำเข้าคำตอบเรียบร้อยแล้ว") {
		t.Fatalf("status %d\n%.3000s", res.StatusCode, page)
	}
	if got := e.channels(demo.CodeEnergyPS)[survey.ChannelImport] - ps[survey.ChannelImport]; got != 2 {
		t.Errorf("สป.พน. got %d imported responses, want 2", got)
	}
	if got := e.channels(demo.CodeChiangMaiU)[survey.ChannelImport] - cmu[survey.ChannelImport]; got != 1 {
		t.Errorf("มช. got %d imported responses, want 1", got)
	}
	audits, err := e.st.FindAudit(context.Background(), audit.Filter{Action: survey.ActionImport, Actor: "assessor"})
	if err != nil || audits.Total != 2 {
		t.Errorf("audit entries of the import: %d (%v), want one per agency", audits.Total, err)
	}
	// Importing the same file again stores nothing: its people have answered.
	res = e.uploadEIT("assessor", "eit.xlsx", buf.Bytes())
	page = body(t, res)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(page, "แถว 2 เซลล์ C2 (national_id)") {
		t.Errorf("the same file again: status %d, want 422 naming row 2's national_id cell", res.StatusCode)
	}
	if got := e.channels(demo.CodeEnergyPS)[survey.ChannelImport] - ps[survey.ChannelImport]; got != 2 {
		t.Errorf("after the second import สป.พน. has %d imported responses, want still 2", got)
	}
}

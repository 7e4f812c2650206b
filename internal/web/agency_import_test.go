package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/tabular"
)

// importHeader is the template's header row.
var importHeader = []string{"code", "name", "short_name", "type", "ministry", "province", "group", "supervisor", "website"}

// csvFile returns rows as CSV UTF-8 with a byte order mark and CRLF, as Excel saves it.
func csvFile(tb testing.TB, rows [][]string) []byte {
	tb.Helper()
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// xlsxFile returns rows as the first sheet of a workbook, every cell a string.
func xlsxFile(tb testing.TB, rows [][]string) []byte {
	tb.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow("Sheet1", cell, &cells); err != nil {
			tb.Fatal(err)
		}
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// multipartFile returns a multipart form body with data as the part "file" named name, and
// its content type.
func multipartFile(tb testing.TB, name string, data []byte) ([]byte, string) {
	tb.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		tb.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return b.Bytes(), mw.FormDataContentType()
}

// importUpload posts data as the file of the import form.
func (e *env) importUpload(token, name string, data []byte, header http.Header) *http.Response {
	e.t.Helper()
	b, ct := multipartFile(e.t, name, data)
	return e.do(request{method: "POST", path: "/agencies/import", token: token, raw: b, contentType: ct, header: header})
}

// goodImport updates the demo's อบต.ถ้ำพรรณรา (adds a website) and adds two agencies: one
// whose group and supervising body come from its type and province, one with no body.
var goodImport = [][]string{
	importHeader,
	{"6801902", "องค์การบริหารส่วนตำบลถ้ำพรรณรา", "อบต.ถ้ำพรรณรา", "sao", "กระทรวงมหาดไทย", "นครศรีธรรมราช", "", "สถ.", "thamphannara.go.th"},
	{"6801905", "องค์การบริหารส่วนตำบลทดสอบ", "", "องค์การบริหารส่วนตำบล", "กระทรวงมหาดไทย", "จังหวัดนครศรีธรรมราช", "", "", ""},
	{"1500800", "กรมทดสอบพลังงาน", "", "ส่วนราชการระดับกรม", "กระทรวงพลังงาน", "", "10", "-", "https://test.go.th"},
}

func countAgencies(t *testing.T, e *env) int {
	t.Helper()
	n, err := e.st.CountAgencies(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAgencyImport(t *testing.T) { testAgencyImport(t, defaultEngine()) }

func testAgencyImport(t *testing.T, en engine) {
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			e := newEnvOn(t, Config{}, en)
			tok := e.session("admin")
			data := csvFile(t, goodImport)
			if format == "xlsx" {
				data = xlsxFile(t, goodImport)
			}
			res := e.importUpload(tok, "agencies."+format, data, nil)
			page := body(t, res)
			if res.StatusCode != 200 || !strings.Contains(page, "นำเข้าเรียบร้อยแล้ว") {
				t.Fatalf("status %d; want 200 and the result", res.StatusCode)
			}
			for _, want := range []string{"หน่วยงานใหม่ <strong>2</strong>", "ปรับปรุงข้อมูล <strong>1</strong>", "ไม่เปลี่ยนแปลง <strong>0</strong>", `href="/agencies/6801905"`} {
				if !strings.Contains(page, want) {
					t.Errorf("result page lacks %q", want)
				}
			}
			ctx := context.Background()
			got, err := e.st.FindAgencyByCode(ctx, "6801905")
			if err != nil || got.Group != 8 || got.Supervisor != agency.SupervisorDLA || got.Province != "นครศรีธรรมราช" || got.Type != agency.TypeSAO {
				t.Errorf("6801905 = %+v (%v): want type sao, group 8 and สถ. from the type and province", got, err)
			}
			got, _ = e.st.FindAgencyByCode(ctx, "1500800")
			if got.Supervisor != "" || got.Group != 10 || got.Website != "https://test.go.th" {
				t.Errorf("1500800 = %+v: want no supervising body (\"-\"), group 10", got)
			}
			got, _ = e.st.FindAgencyByCode(ctx, "6801902")
			if got.Website != "https://thamphannara.go.th" {
				t.Errorf("6801902 website = %q, want the imported one", got.Website)
			}
			before, _ := e.st.FindAudit(ctx, audit.Filter{Action: "agency."})

			res = e.importUpload(tok, "agencies."+format, data, nil)
			page = body(t, res)
			if res.StatusCode != 200 || !strings.Contains(page, "หน่วยงานใหม่ <strong>0</strong>") ||
				!strings.Contains(page, "ปรับปรุงข้อมูล <strong>0</strong>") || !strings.Contains(page, "ไม่เปลี่ยนแปลง <strong>3</strong>") {
				t.Errorf("re-import: status %d; want 0 new, 0 changed, 3 unchanged", res.StatusCode)
			}
			after, _ := e.st.FindAudit(ctx, audit.Filter{Action: "agency."})
			if after.Total != before.Total+1 || after.Entries[0].Action != audit.ActionAgencyImport || after.Entries[0].Actor != "admin" {
				t.Errorf("re-import added %d audit entries (newest %+v), want only admin's import summary", after.Total-before.Total, after.Entries[0])
			}
		})
	}
}

// badImport has one problem in each of rows 3–8, and a valid row 2 that must not land either.
var badImport = [][]string{
	{"รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ชื่อย่อ", "ประเภทหน่วยงาน", "กระทรวง/ต้นสังกัด", "จังหวัด", "กลุ่ม", "หน่วยงานกำกับติดตาม", "เว็บไซต์หลัก"},
	{"7000001", "องค์การบริหารส่วนตำบลหนึ่ง", "", "sao", "", "เชียงใหม่", "", "", ""},
	{"7000002", "ธนาคารทดสอบ", "", "bank", "", "", "", "", ""},
	{"7000001", "องค์การบริหารส่วนตำบลซ้ำ", "", "sao", "", "เชียงใหม่", "", "", ""},
	{"7000003", "", "", "department", "", "", "", "", ""},
	{"7000004", "องค์การบริหารส่วนตำบลสอง", "", "sao", "", "ขอนแก่น", "9", "", ""},
	{"7000005", "กรมทดสอบ", "", "department", "", "", "", "ปปช", ""},
	{"7000006", "กรมทดสอบสอง", "", "department", "", "", "", "", "ftp://bad.example"},
}

func TestAgencyImportProblems(t *testing.T) { testAgencyImportProblems(t, defaultEngine()) }

func testAgencyImportProblems(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	tok := e.session("admin")
	n := countAgencies(t, e)
	t.Run("XLSXCells", func(t *testing.T) {
		res := e.importUpload(tok, "registry.xlsx", xlsxFile(t, badImport), nil)
		page := body(t, res)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		for _, want := range []string{
			"พบข้อผิดพลาด 6 รายการ จึงยังไม่นำเข้าข้อมูลใด ๆ",
			"แถวที่ 3 ช่อง D3 (ประเภทหน่วยงาน)</strong>: ไม่รู้จักประเภทหน่วยงาน &#34;bank&#34;",
			"แถวที่ 4 ช่อง A4 (รหัสหน่วยงาน)</strong>: รหัสหน่วยงาน 7000001 ซ้ำกับแถวที่ 2",
			"แถวที่ 5 ช่อง B5 (ชื่อหน่วยงาน)</strong>: กรุณากรอกชื่อหน่วยงาน",
			"แถวที่ 6 ช่อง G6 (กลุ่ม)</strong>: จังหวัดขอนแก่น อยู่ในกลุ่มการประเมินที่ 4",
			"แถวที่ 7 ช่อง H7 (หน่วยงานกำกับติดตาม)</strong>: ไม่รู้จักหน่วยงานกำกับติดตาม",
			"แถวที่ 8 ช่อง I8 (เว็บไซต์หลัก)</strong>: ที่อยู่เว็บไซต์ไม่ถูกต้อง",
			"registry.xlsx",
		} {
			if !strings.Contains(page, want) {
				t.Errorf("page lacks %q", want)
			}
		}
		if got := countAgencies(t, e); got != n {
			t.Errorf("%d agencies after a rejected file, want %d: nothing imported", got, n)
		}
	})
	t.Run("CSVLines", func(t *testing.T) {
		res := e.importUpload(tok, "registry.csv", csvFile(t, badImport), nil)
		page := body(t, res)
		if res.StatusCode != 422 || !strings.Contains(page, "บรรทัดที่ 3 คอลัมน์ที่ 4 (ประเภทหน่วยงาน)") ||
			!strings.Contains(page, "ซ้ำกับบรรทัดที่ 2") {
			t.Errorf("status %d; want 422 with CSV lines and columns", res.StatusCode)
		}
	})
	t.Run("English", func(t *testing.T) {
		h := http.Header{"Cookie": {langCookie + "=en"}}
		res := e.importUpload(tok, "registry.xlsx", xlsxFile(t, badImport), h)
		page := body(t, res)
		for _, want := range []string{"The file has 6 problems, so nothing was imported",
			"row 5, cell B5 (ชื่อหน่วยงาน)</strong>: Enter the agency&#39;s name", "Agency code 7000001 repeats row 2",
			"Agencies of ขอนแก่น province are in group 4"} {
			if !strings.Contains(page, want) {
				t.Errorf("English page lacks %q", want)
			}
		}
	})
	t.Run("ListCapped", func(t *testing.T) {
		rows := [][]string{importHeader}
		for i := range 130 {
			rows = append(rows, []string{fmt.Sprintf("%07d", 7100000+i), "", "", "sao", "", "เชียงใหม่", "", "", ""})
		}
		res := e.importUpload(tok, "many.csv", csvFile(t, rows), nil)
		page := body(t, res)
		if res.StatusCode != 422 || strings.Count(page, "กรุณากรอกชื่อหน่วยงาน") != maxImportProblems ||
			!strings.Contains(page, "และข้อผิดพลาดอื่นอีก 30") || !strings.Contains(page, "พบข้อผิดพลาด 130 รายการ") {
			t.Errorf("status %d, %d problems listed; want 422, 100 listed and 30 more counted",
				res.StatusCode, strings.Count(page, "กรุณากรอกชื่อหน่วยงาน"))
		}
	})
	files := []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"MissingColumn", "a.csv", csvFile(t, [][]string{{"code", "name", "type"}, {"7000001", "x", "sao"}}), "แถวหัวตารางไม่มีคอลัมน์ short_name (ชื่อย่อ), ministry (กระทรวง/ต้นสังกัด)"},
		{"SameColumnTwice", "twice.csv", csvFile(t, [][]string{append(append([]string{}, importHeader...), "รหัสหน่วยงาน"), {"7000001", "x", "", "sao", "", "เชียงใหม่", "", "", "", "7000001"}}), "หัวตาราง &#34;code&#34; กับ &#34;รหัสหน่วยงาน&#34; เป็นคอลัมน์เดียวกัน"},
		{"Image", "logo.png", pngBytes(t), "รองรับเฉพาะไฟล์ .xlsx หรือ .csv"},
		{"OldExcel", "old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "Excel รุ่นเก่า (.xls)"},
		{"DamagedXLSX", "broken.xlsx", []byte("PK\x03\x04 not really a zip"), "ไม่สามารถอ่านไฟล์ได้"},
		{"Windows874", "ansi.csv", []byte("code,name,short_name,type,ministry,province,group,supervisor,website\r\n7000001,\xCD\xBA\xB5.,,sao,,,,,\r\n"), "ไม่ได้บันทึกเป็น UTF-8"},
		{"HeaderOnly", "empty.csv", []byte("code,name,short_name,type,ministry,province,group,supervisor,website\r\n"), "ไม่มีข้อมูลหน่วยงานใต้แถวหัวตาราง"},
		{"Empty", "nothing.csv", []byte{}, "ไฟล์ว่างเปล่า"},
	}
	for _, tt := range files {
		t.Run(tt.name, func(t *testing.T) {
			res := e.importUpload(tok, tt.file, tt.data, nil)
			page := body(t, res)
			if res.StatusCode != 422 || !strings.Contains(page, tt.want) {
				t.Errorf("status %d; want 422 with %q", res.StatusCode, tt.want)
			}
		})
	}
	t.Run("TooLarge", func(t *testing.T) {
		big := bytes.Repeat([]byte("a"), maxImportBytes+1)
		res := e.importUpload(tok, "big.csv", big, nil)
		page := body(t, res)
		if res.StatusCode != 422 || !strings.Contains(page, "ไฟล์มีขนาดเกิน 20 MB") || !strings.Contains(page, `id="f-file-error"`) {
			t.Errorf("status %d; want 422 with the size message beside the file field", res.StatusCode)
		}
	})
	t.Run("NoFile", func(t *testing.T) {
		res := e.importUpload(tok, "", nil, nil)
		page := body(t, res)
		if res.StatusCode != 422 || !strings.Contains(page, "กรุณาเลือกไฟล์ .xlsx หรือ .csv") {
			t.Errorf("status %d; want 422 asking for a file", res.StatusCode)
		}
	})
	if got := countAgencies(t, e); got != n {
		t.Errorf("%d agencies after rejected files, want %d", got, n)
	}
}

// pngBytes returns a small PNG image.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	return []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde")
}

func TestAgencyImportTemplate(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("admin")
	page := body(t, e.do(request{method: "GET", path: "/agencies/import", token: tok}))
	for _, want := range []string{`enctype="multipart/form-data"`, `href="/agencies/import/template.xlsx"`, `<label for="f-file">`, "<code>supervisor</code>"} {
		if !strings.Contains(page, want) {
			t.Errorf("import page lacks %q", want)
		}
	}
	if list := body(t, e.do(request{method: "GET", path: "/agencies", token: tok})); !strings.Contains(list, `href="/agencies/import"`) {
		t.Errorf("the agency list has no link to the import")
	}
	res := e.do(request{method: "GET", path: "/agencies/import/template.xlsx", token: tok})
	data := []byte(body(t, res))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != xlsxType {
		t.Fatalf("template: status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	r, err := tabular.NewXLSX(bytes.NewReader(data), "template.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := strings.Join(r.Header(), ","); got != strings.Join(importHeader, ",") {
		t.Errorf("template header = %s, want %s", got, strings.Join(importHeader, ","))
	}
	if _, err := r.Next(); err == nil {
		t.Errorf("the template's data sheet has a row below the header: it would be imported")
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if sheets := x.GetSheetList(); len(sheets) != 2 || sheets[1] != "คำอธิบาย" {
		t.Errorf("sheets = %v, want the data sheet and the Thai notes", sheets)
	}
	comments, _ := x.GetComments("หน่วยงาน")
	if len(comments) != len(importHeader) || !strings.Contains(comments[0].Paragraph[0].Text, "รหัสหน่วยงาน") {
		t.Errorf("header comments = %d, want a Thai note on each of the %d header cells", len(comments), len(importHeader))
	}
	// The template filled in imports as it is.
	rows := [][]string{goodImport[1], goodImport[2]}
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		x.SetSheetRow("หน่วยงาน", cell, &cells)
	}
	buf, _ := x.WriteToBuffer()
	res = e.importUpload(tok, "filled.xlsx", buf.Bytes(), nil)
	if page := body(t, res); res.StatusCode != 200 || !strings.Contains(page, "หน่วยงานใหม่ <strong>1</strong>") {
		t.Errorf("filled template: status %d, want 200 with one new agency", res.StatusCode)
	}
}

func TestAPIAgencyImport(t *testing.T) { testAPIAgencyImport(t, defaultEngine()) }

func testAPIAgencyImport(t *testing.T, en engine) {
	e := newEnvOn(t, Config{}, en)
	tok := e.session("admin")
	t.Run("RawCSV", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/api/v1/agencies/import", bearer: tok, raw: csvFile(t, goodImport), contentType: "text/csv; charset=utf-8"})
		var got ImportResultJSON
		decode(t, res, &got)
		if res.StatusCode != 200 || got.Created != 2 || got.Updated != 1 || got.Unchanged != 0 ||
			strings.Join(got.CreatedCodes, ",") != "6801905,1500800" || strings.Join(got.UpdatedCodes, ",") != "6801902" {
			t.Errorf("status %d, result %+v", res.StatusCode, got)
		}
	})
	t.Run("MultipartXLSXAgain", func(t *testing.T) {
		b, ct := multipartFile(t, "again.xlsx", xlsxFile(t, goodImport))
		res := e.do(request{method: "POST", path: "/api/v1/agencies/import", bearer: tok, raw: b, contentType: ct})
		var got ImportResultJSON
		decode(t, res, &got)
		if res.StatusCode != 200 || got.Unchanged != 3 || got.Created+got.Updated != 0 || got.CreatedCodes == nil {
			t.Errorf("status %d, result %+v: want 3 unchanged and empty (not null) code lists", res.StatusCode, got)
		}
	})
	t.Run("Problems", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/api/v1/agencies/import?name=bad.xlsx", bearer: tok, raw: xlsxFile(t, badImport), contentType: xlsxType})
		var got importErrorJSON
		decode(t, res, &got)
		if res.StatusCode != 422 || got.Error.Code != apperr.CodeInvalid || got.ProblemsTotal != 6 || len(got.Problems) != 6 {
			t.Fatalf("status %d, body %+v", res.StatusCode, got)
		}
		p := got.Problems[0]
		if p.Row != 3 || p.Column != 4 || p.Cell != "D3" || p.Field != "type" || !strings.Contains(p.Message, "bank") || p.MessageEN == "" {
			t.Errorf("first problem %+v: want row 3, D3, type, in Thai and English", p)
		}
	})
	t.Run("NotAFile", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/api/v1/agencies/import", bearer: tok, raw: pngBytes(t), contentType: "image/png"})
		var got importErrorJSON
		decode(t, res, &got)
		if res.StatusCode != 422 || got.ProblemsTotal != 1 || got.Problems[0].Row != 0 {
			t.Errorf("status %d, body %+v", res.StatusCode, got)
		}
	})
	t.Run("Forbidden", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/api/v1/agencies/import", bearer: e.session("assessor"), raw: csvFile(t, goodImport), contentType: "text/csv"})
		res.Body.Close()
		if res.StatusCode != 403 {
			t.Errorf("assessor: status %d, want 403", res.StatusCode)
		}
	})
}

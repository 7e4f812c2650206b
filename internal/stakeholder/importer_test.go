package stakeholder

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/apperr"
)

// filled returns the template with rows written from A2 on the contacts sheet; edit, when not
// nil, changes the workbook first (to spoil the header, say).
func filled(t testing.TB, rows [][]string, edit func(*excelize.File)) []byte {
	t.Helper()
	tpl, err := Template("สำนักงานปลัดกระทรวงพลังงาน", 2570)
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if edit != nil {
		edit(x)
	}
	for i, r := range rows {
		for j, v := range r {
			if err := x.SetCellStr(SheetContacts, cellName(j, i+2), v); err != nil {
				t.Fatal(err)
			}
		}
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// row returns a valid template row for person n.
func row(n int) []string {
	return []string{fmt.Sprintf("ผู้รับบริการ ที่%d", n), "", "ประชาชน", fmt.Sprintf("08%08d", n), fmt.Sprintf("p%d@example.com", n), "ชำระภาษีป้าย"}
}

func TestReadContactsValid(t *testing.T) {
	rows := [][]string{
		row(1),
		{"ธนพล รุ่งเรือง", "บริษัท ตัวอย่าง จำกัด", "ภาคธุรกิจ", "02-123-4567", "", "ยื่นซองประกวดราคา"},
		{"วิภา  ราชการ", "กรมบัญชีกลาง", "เจ้าหน้าที่ของรัฐภายนอก", "", "Wipa@CGD.go.th", "ประสานงานเบิกจ่าย"},
	}
	got, err := ReadContacts(bytes.NewReader(filled(t, rows, nil)), "list.xlsx", nil)
	if err != nil {
		t.Fatalf("ReadContacts: %v", err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d contacts, want 3", len(got))
	}
	want := Contact{Name: "วิภา ราชการ", Organisation: "กรมบัญชีกลาง", Type: TypeOfficial, Email: "wipa@cgd.go.th", Service: "ประสานงานเบิกจ่าย"}
	if got[2] != want {
		t.Errorf("row 4 = %+v, want %+v", got[2], want)
	}
	if got[1].Phone != "021234567" || got[1].Type != TypeBusiness {
		t.Errorf("row 3 = %+v", got[1])
	}
}

// TestReadContactsProblems checks that each kind of mistake is reported at the row and cell
// where a person finds it in Excel, and that nothing is imported.
func TestReadContactsProblems(t *testing.T) {
	existing := []Contact{{ID: 7, Name: "ผู้รับบริการ ที่9", Phone: "0800000009", Type: TypePublic, Service: "x"}}
	tests := []struct {
		name  string
		rows  [][]string
		edit  func(*excelize.File)
		cells []string // want exactly these problem places, in order ("" = whole file, "row N")
		text  string   // a part of the first problem's message
	}{
		{"BadHeader", [][]string{row(1)}, func(x *excelize.File) { x.SetCellStr(SheetContacts, "C1", "กลุ่ม") },
			[]string{"C1"}, "ประเภท"},
		{"SwappedColumns", [][]string{row(1)}, func(x *excelize.File) {
			x.SetCellStr(SheetContacts, "D1", "อีเมล")
			x.SetCellStr(SheetContacts, "E1", "เบอร์โทรศัพท์")
		}, []string{"D1", "E1"}, "เบอร์โทรศัพท์"},
		{"ExtraColumn", [][]string{row(1)}, func(x *excelize.File) { x.SetCellStr(SheetContacts, "G1", "หมายเหตุ") },
			[]string{"G1"}, "หมายเหตุ"},
		{"MissingColumn", [][]string{row(1)}, func(x *excelize.File) { x.SetCellStr(SheetContacts, "F1", "") },
			[]string{"F1"}, "งานบริการ"},
		{"MissingCell", [][]string{row(1), {"นายก ข", "", "ประชาชน", "0812345678", "", ""}},
			nil, []string{"F3"}, "กรุณากรอก"},
		{"BadPhone", [][]string{row(1), row(2), {"นายก ข", "", "ประชาชน", "812345678", "", "ติดต่อ"}},
			nil, []string{"D4"}, "0"},
		{"BadEmail", [][]string{{"นายก ข", "", "ประชาชน", "", "kor@", "ติดต่อ"}},
			nil, []string{"E2"}, "อีเมล"},
		{"BadType", [][]string{{"นายก ข", "", "นักท่องเที่ยว", "0812345678", "", "ติดต่อ"}},
			nil, []string{"C2"}, "ประชาชน"},
		{"NoWayToReach", [][]string{{"นายก ข", "", "ประชาชน", "", "", "ติดต่อ"}},
			nil, []string{"D2"}, "อีเมล"},
		{"DuplicateInFile", [][]string{row(1), row(2), {"ผู้รับบริการ  ที่1", "", "ประชาชน", "", "p1@example.com", "อื่น"}},
			nil, []string{"A4"}, "แถวที่ 2"},
		{"DuplicateWithExisting", [][]string{row(1), row(9)}, nil, []string{"A3"}, "มีอยู่ในระบบแล้ว"},
		{"ManyProblemsAtOnce", [][]string{{"", "", "", "", "", ""}, row(3), {"x", "", "ประชาชน", "1", "", "y"}},
			// row 2 is empty and skipped, as Excel users expect
			nil, []string{"D4"}, "เบอร์"},
		{"CellRightOfHeader", [][]string{row(1), append(row(2), "เกิน")}, nil, []string{"G3"}, "นอกคอลัมน์"},
		{"Empty", nil, nil, []string{""}, "ไม่มีรายชื่อ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadContacts(bytes.NewReader(filled(t, tt.rows, tt.edit)), "list.xlsx", existing)
			if got != nil {
				t.Errorf("ReadContacts returned %d contacts with problems; nothing may be imported", len(got))
			}
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Fatalf("error %v, want Invalid", err)
			}
			ie := ImportErrorOf(err)
			if ie == nil {
				t.Fatalf("error %v carries no ImportError", err)
			}
			var cells []string
			for _, p := range ie.Problems {
				c := p.Cell
				if c == "" && p.Row > 0 {
					c = fmt.Sprintf("row %d", p.Row)
				}
				cells = append(cells, c)
				if p.Cell != "" && p.Cell != fmt.Sprintf("%s%d", colName(p.Column), p.Row) {
					t.Errorf("problem %+v: cell and column disagree", p)
				}
			}
			if strings.Join(cells, ",") != strings.Join(tt.cells, ",") {
				t.Errorf("problems at %q, want %q: %v", cells, tt.cells, ie.Problems)
			}
			if len(ie.Problems) > 0 && !strings.Contains(ie.Problems[0].Message, tt.text) {
				t.Errorf("message %q does not mention %q", ie.Problems[0].Message, tt.text)
			}
			if ie.Total != len(ie.Problems) {
				t.Errorf("Total %d, listed %d", ie.Total, len(ie.Problems))
			}
			if apperr.MessageOf(err) == "" || !strings.Contains(apperr.MessageOf(err), "ยังไม่นำเข้า") {
				t.Errorf("user message %q does not say that nothing was imported", apperr.MessageOf(err))
			}
		})
	}
}

func TestReadContactsTooManyRows(t *testing.T) {
	rows := make([][]string, MaxImportRows+1)
	for i := range rows {
		rows[i] = row(i + 1)
	}
	_, err := ReadContacts(bytes.NewReader(filled(t, rows, nil)), "big.xlsx", nil)
	ie := ImportErrorOf(err)
	if ie == nil || len(ie.Problems) != 1 {
		t.Fatalf("error %v, want one problem", err)
	}
	if p := ie.Problems[0]; p.Row != MaxImportRows+2 || p.Cell != "" || !strings.Contains(p.Message, "5,000") {
		t.Errorf("problem %+v, want row %d naming the 5,000 limit", p, MaxImportRows+2)
	}
	// Exactly the limit is fine.
	full := filled(t, rows[:MaxImportRows], nil)
	got, err := ReadContacts(bytes.NewReader(full), "full.xlsx", nil)
	if err != nil || len(got) != MaxImportRows {
		t.Errorf("a full template: %d contacts, %v", len(got), err)
	}
	// With the contacts already listed, the total is capped too.
	existing := make([]Contact, 10)
	for i := range existing {
		existing[i] = Contact{ID: int64(i + 1), Name: fmt.Sprintf("เดิม %d", i), Phone: fmt.Sprintf("09%08d", i)}
	}
	_, err = ReadContacts(bytes.NewReader(full), "full.xlsx", existing)
	if ie := ImportErrorOf(err); ie == nil || ie.Problems[0].Row != 0 {
		t.Errorf("5,000 more over 10 existing: %v, want a whole-file problem", err)
	}
}

func TestReadContactsNotATemplate(t *testing.T) {
	for name, data := range map[string][]byte{
		"Empty":    nil,
		"CSV":      []byte("ชื่อ-นามสกุล,หน่วยงาน/องค์กร\n"),
		"TooLarge": bytes.Repeat([]byte("x"), MaxImportBytes+1),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := ReadContacts(bytes.NewReader(data), "x.xlsx", nil)
			ie := ImportErrorOf(err)
			if got != nil || ie == nil || len(ie.Problems) != 1 || ie.Problems[0].Row != 0 {
				t.Errorf("ReadContacts = %v, %v; want one whole-file problem", got, err)
			}
		})
	}
}

func TestTemplate(t *testing.T) {
	tpl, err := Template("อบต.คลองเส", 2570)
	if err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(tpl))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 2 || got[0] != SheetContacts || got[1] != SheetInstructions {
		t.Errorf("sheets %v, want the list first, then the instructions", got)
	}
	head, err := x.GetRows(SheetContacts)
	if err != nil || len(head) != 1 || strings.Join(head[0], "|") != strings.Join(Headers(), "|") {
		t.Errorf("contacts sheet rows %v (%v), want only the headers %v", head, err, Headers())
	}
	dvs, err := x.GetDataValidations(SheetContacts)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("data validations %v, %v; want the type dropdown", dvs, err)
	}
	if dv := dvs[0]; dv.Sqref != "C2:C5001" || !strings.Contains(dv.Formula1, "เจ้าหน้าที่ของรัฐภายนอก") {
		t.Errorf("dropdown on %q with %q", dv.Sqref, dv.Formula1)
	}
	st, err := x.GetCellStyle(SheetContacts, "D5001")
	if err != nil {
		t.Fatal(err)
	}
	style, err := x.GetStyle(st)
	if err != nil || style.NumFmt != 49 {
		t.Errorf("phone cells have number format %d (%v), want 49 (text) so that leading zeros stay", style.NumFmt, err)
	}
	info, _ := x.GetRows(SheetInstructions)
	if len(info) < 5 || !strings.Contains(info[1][0], "อบต.คลองเส") {
		t.Errorf("instructions sheet does not name the agency: %v", info)
	}
	// The template as downloaded imports as "no rows", never as a header problem.
	_, err = ReadContacts(bytes.NewReader(tpl), "template.xlsx", nil)
	if ie := ImportErrorOf(err); ie == nil || len(ie.Problems) != 1 || ie.Problems[0].Row != 0 {
		t.Errorf("the empty template: %v", err)
	}
}

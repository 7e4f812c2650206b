package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/tabular"
)

// Limits of an agency import.
const (
	// maxImportBytes is the largest file accepted: the national registry of 8,300 agencies
	// is about 2 MB of CSV or 1 MB of XLSX.
	maxImportBytes = 20 << 20
	// maxImportRows bounds the rows of one file, a little over twice the national registry.
	maxImportRows = 20000
	// maxImportProblems is how many problems are listed; the rest are counted.
	maxImportProblems = 100
)

// importColumn is one column of an agency import file: its field name, which is also its
// header in the template, and the Thai headers accepted for it.
type importColumn struct {
	Field string
	Thai  []string // the first is the template's Thai label
}

// importColumns are the columns of an agency import file in the template's order. Every one
// must be present, so that a file missing a column can never blank that field of every
// agency; a cell may be empty where the field allows it.
var importColumns = []importColumn{
	{agency.FieldCode, []string{"รหัสหน่วยงาน", "รหัส"}},
	{agency.FieldName, []string{"ชื่อหน่วยงาน"}},
	{agency.FieldShortName, []string{"ชื่อย่อ"}},
	{agency.FieldType, []string{"ประเภทหน่วยงาน", "ประเภท"}},
	{agency.FieldMinistry, []string{"กระทรวง/ต้นสังกัด", "กระทรวง", "ต้นสังกัด", "สังกัด"}},
	{agency.FieldProvince, []string{"จังหวัด"}},
	{agency.FieldGroup, []string{"กลุ่ม", "กลุ่มการประเมิน"}},
	{agency.FieldSupervisor, []string{"หน่วยงานกำกับติดตาม"}},
	{agency.FieldWebsite, []string{"เว็บไซต์หลัก", "เว็บไซต์"}},
}

// importColumnOf returns the field a header cell names, or "".
func importColumnOf(header string) string {
	h := strings.ToLower(strings.Join(strings.Fields(header), " "))
	for _, c := range importColumns {
		if h == c.Field {
			return c.Field
		}
		for _, th := range c.Thai {
			if h == th {
				return c.Field
			}
		}
	}
	return ""
}

// importProblem is one problem of an import file, where a person finds it: a row (an Excel
// row or a CSV line) and a column, in Thai and English.
type importProblem struct {
	Line      int    // 1-based row (XLSX) or line (CSV); 0 for the whole file
	Column    int    // 1-based; 0 for a whole row or the whole file
	Header    string // the column's header, "" if none
	Field     string // the agency field, "" if none
	Sheet     bool   // XLSX: the place is a cell such as "C7"
	Message   string
	MessageEN string
}

// Cell returns the Excel name of the problem's cell ("C7"), or "" when it has none.
func (p importProblem) Cell() string {
	if !p.Sheet || p.Line < 1 || p.Column < 1 {
		return ""
	}
	c, _ := excelize.CoordinatesToCellName(p.Column, p.Line)
	return c
}

// Where says where the problem is, in lang: "แถวที่ 7 ช่อง C7 (type)" or "line 7, column 3 (type)".
func (p importProblem) Where(lang Lang) string {
	if p.Line < 1 {
		return lang.T("import.where.file")
	}
	var b strings.Builder
	switch {
	case p.Sheet && lang == LangEN:
		fmt.Fprintf(&b, "row %d", p.Line)
	case p.Sheet:
		fmt.Fprintf(&b, "แถวที่ %d", p.Line)
	case lang == LangEN:
		fmt.Fprintf(&b, "line %d", p.Line)
	default:
		fmt.Fprintf(&b, "บรรทัดที่ %d", p.Line)
	}
	switch {
	case p.Column < 1:
	case p.Sheet && lang == LangEN:
		fmt.Fprintf(&b, ", cell %s", p.Cell())
	case p.Sheet:
		fmt.Fprintf(&b, " ช่อง %s", p.Cell())
	case lang == LangEN:
		fmt.Fprintf(&b, ", column %d", p.Column)
	default:
		fmt.Fprintf(&b, " คอลัมน์ที่ %d", p.Column)
	}
	if p.Header != "" && p.Column > 0 {
		fmt.Fprintf(&b, " (%s)", p.Header)
	}
	return b.String()
}

// Text returns the problem's message in lang.
func (p importProblem) Text(lang Lang) string {
	if lang == LangEN && p.MessageEN != "" {
		return p.MessageEN
	}
	return p.Message
}

// importFile is an agency import file read and checked as a whole: the agencies of its rows
// in order, and every problem found. It is importable only when Problems is empty.
type importFile struct {
	Sheet    bool
	Agencies []agency.Agency
	Lines    []int // the row or line of each agency
	Problems []importProblem
	columns  []int // the column index of each field of importColumns
	headers  []string
}

// fileProblem returns a problem with the file as a whole.
func fileProblem(th, en string) importProblem {
	return importProblem{Message: th, MessageEN: en}
}

// sniffImport decides from its content, name and declared type whether data is an XLSX
// workbook or CSV text, and returns a problem when it is neither.
func sniffImport(name, contentType string, data []byte) (sheet bool, problem *importProblem) {
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(data) == 0:
		p := fileProblem("ไฟล์ว่างเปล่า กรุณาเลือกไฟล์ที่มีข้อมูลหน่วยงาน", "The file is empty")
		return false, &p
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return true, nil
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		p := fileProblem("ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) หรือมีรหัสผ่าน กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV UTF-8",
			"This is an old Excel (.xls) or password-protected workbook: save it as .xlsx or CSV UTF-8")
		return false, &p
	case ext == ".xlsx":
		p := fileProblem("ไฟล์ .xlsx นี้เสียหายหรือไม่ใช่ไฟล์ Excel กรุณาบันทึกใหม่จาก Excel",
			"This .xlsx file is damaged or not a workbook: save it again from Excel")
		return false, &p
	}
	head := data[:min(len(data), 512)]
	text := strings.HasPrefix(http.DetectContentType(head), "text/") || bytes.HasPrefix(head, []byte("\xEF\xBB\xBF"))
	ct := strings.ToLower(contentType)
	if text && (ext == ".csv" || ext == ".txt" || ext == "" || strings.Contains(ct, "csv") || strings.HasPrefix(ct, "text/")) {
		return false, nil
	}
	p := fileProblem("รองรับเฉพาะไฟล์ .xlsx หรือ .csv (CSV UTF-8) ตามแบบฟอร์มนำเข้าหน่วยงาน",
		"Only .xlsx or .csv (CSV UTF-8) files following the import template are accepted")
	return false, &p
}

// readImport reads and checks an agency import file: the header must name every column, and
// each row must describe a valid agency whose code no earlier row uses. It reads the whole
// file and returns every problem; an empty Problems means the file can be imported.
func readImport(name, contentType string, data []byte) *importFile {
	f := &importFile{}
	sheet, bad := sniffImport(name, contentType, data)
	f.Sheet = sheet
	if bad != nil {
		f.Problems = append(f.Problems, *bad)
		return f
	}
	var r *tabular.Reader
	var err error
	if sheet {
		r, err = tabular.NewXLSX(bytes.NewReader(data), name)
	} else {
		r, err = tabular.NewCSV(bytes.NewReader(data), name)
	}
	if err != nil {
		f.addTabular(err)
		return f
	}
	defer r.Close()
	if !f.mapHeader(r) {
		return f
	}
	firstLine := map[string]int{}
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		var te *tabular.Error
		if err != nil {
			f.addTabular(err)
			if errors.As(err, &te) && te.Err == nil && te.Line > 0 && !strings.Contains(te.Msg, "UTF-8") {
				continue // a stray cell: the next rows can still be read
			}
			return f // undecodable, or text in another encoding: every row would say the same
		}
		if len(f.Agencies) >= maxImportRows {
			f.Problems = append(f.Problems, importProblem{Line: row.Line, Sheet: f.Sheet,
				Message:   fmt.Sprintf("ไฟล์มีหน่วยงานเกิน %d รายการ กรุณาแบ่งเป็นหลายไฟล์", maxImportRows),
				MessageEN: fmt.Sprintf("The file has more than %d agencies: split it", maxImportRows)})
			return f
		}
		f.addRow(row, firstLine)
	}
	if len(f.Agencies) == 0 && len(f.Problems) == 0 {
		f.Problems = append(f.Problems, fileProblem("ไฟล์ไม่มีข้อมูลหน่วยงานใต้แถวหัวตาราง", "The file has no agency below its header row"))
	}
	return f
}

// mapHeader finds the column of every field and reports whether all are there.
func (f *importFile) mapHeader(r *tabular.Reader) bool {
	f.headers = r.Header()
	f.columns = make([]int, len(importColumns))
	for i := range f.columns {
		f.columns[i] = -1
	}
	for col, h := range f.headers {
		field := importColumnOf(h)
		for i, c := range importColumns {
			switch {
			case c.Field != field:
			case f.columns[i] < 0:
				f.columns[i] = col
			default:
				first := f.headers[f.columns[i]]
				f.Problems = append(f.Problems, importProblem{Line: r.HeaderLine(), Column: col + 1, Header: h, Sheet: f.Sheet,
					Message:   fmt.Sprintf("หัวตาราง \"%s\" กับ \"%s\" เป็นคอลัมน์เดียวกัน (%s) กรุณาลบคอลัมน์ที่ซ้ำ", first, h, field),
					MessageEN: fmt.Sprintf("The headers %q and %q name the same column (%s): delete one", first, h, field)})
			}
		}
	}
	var missing []string
	for i, c := range importColumns {
		if f.columns[i] < 0 {
			missing = append(missing, c.Field+" ("+c.Thai[0]+")")
		}
	}
	if len(missing) > 0 {
		f.Problems = append(f.Problems, importProblem{Line: r.HeaderLine(), Sheet: f.Sheet,
			Message:   "แถวหัวตารางไม่มีคอลัมน์ " + strings.Join(missing, ", ") + " กรุณาใช้หัวตารางตามแบบฟอร์มนำเข้า",
			MessageEN: "The header row lacks the columns " + strings.Join(missing, ", ") + ": use the template's header"})
		return false
	}
	return len(f.Problems) == 0
}

// cell returns the cell of field i of importColumns in row.
func (f *importFile) cell(row tabular.Row, i int) string {
	if c := f.columns[i]; c < len(row.Cells) {
		return row.Cells[c]
	}
	return ""
}

// addRow reads one row into an agency and records its problems; firstLine maps each code
// seen to the row that first used it.
func (f *importFile) addRow(row tabular.Row, firstLine map[string]int) {
	cells := make(map[string]string, len(importColumns))
	for i, c := range importColumns {
		cells[c.Field] = f.cell(row, i)
	}
	a, bad := agency.Row{
		Code: cells[agency.FieldCode], Name: cells[agency.FieldName], ShortName: cells[agency.FieldShortName],
		Type: cells[agency.FieldType], Ministry: cells[agency.FieldMinistry], Province: cells[agency.FieldProvince],
		Group: cells[agency.FieldGroup], Supervisor: cells[agency.FieldSupervisor], Website: cells[agency.FieldWebsite],
	}.Agency()
	msgs := map[string]string{}
	for k, v := range apperr.FieldsOf(a.Validate()) {
		msgs[k] = v
	}
	if cells[agency.FieldGroup] == "" && (msgs[agency.FieldType] != "" || msgs[agency.FieldProvince] != "" || bad[agency.FieldType] != "") {
		delete(msgs, agency.FieldGroup) // no group can be suggested until the type and province are right
	}
	for k, v := range bad {
		msgs[k] = v
	}
	if first, dup := firstLine[a.Code]; dup && a.Code != "" && msgs[agency.FieldCode] == "" {
		msgs[agency.FieldCode] = fmt.Sprintf("รหัสหน่วยงาน %s ซ้ำกับ%sที่ %d", a.Code, map[bool]string{true: "แถว", false: "บรรทัด"}[f.Sheet], first)
	} else if !dup && a.Code != "" {
		firstLine[a.Code] = row.Line
	}
	for i, c := range importColumns {
		msg, ok := msgs[c.Field]
		if !ok {
			continue
		}
		col := f.columns[i]
		f.Problems = append(f.Problems, importProblem{Line: row.Line, Column: col + 1, Header: f.headers[col],
			Field: c.Field, Sheet: f.Sheet, Message: msg, MessageEN: fieldMessageEN(msg)})
	}
	f.Agencies = append(f.Agencies, a)
	f.Lines = append(f.Lines, row.Line)
}

// addTabular records an error of the tabular reader with its position, in Thai.
func (f *importFile) addTabular(err error) {
	var te *tabular.Error
	if !errors.As(err, &te) {
		f.Problems = append(f.Problems, fileProblem("ไม่สามารถอ่านไฟล์ได้", "Cannot read the file: "+err.Error()))
		return
	}
	th := "ไม่สามารถอ่านไฟล์ได้ (" + te.Msg + ")"
	switch {
	case strings.Contains(te.Msg, "UTF-16"), strings.Contains(te.Msg, "not UTF-8"):
		th = "ไฟล์ CSV ไม่ได้บันทึกเป็น UTF-8 (เช่นบันทึกเป็น ANSI/Windows-874) กรุณาเปิดใน Excel แล้วบันทึกเป็น \"CSV UTF-8 (Comma delimited)\""
	case strings.Contains(te.Msg, "empty: no header"):
		th = "ไฟล์ว่างเปล่า ไม่มีแถวหัวตาราง"
	case strings.Contains(te.Msg, "appears twice"):
		th = "หัวตารางซ้ำกัน: " + te.Msg
	case strings.Contains(te.Msg, "header cell is empty"):
		th = "หัวตารางช่องนี้ว่าง ทุกคอลัมน์ต้องมีชื่อ"
	case strings.Contains(te.Msg, "to the right of the last header"):
		th = "มีข้อมูลอยู่ทางขวาของคอลัมน์สุดท้ายของหัวตาราง กรุณาลบออกหรือตั้งชื่อหัวคอลัมน์"
	case strings.Contains(te.Msg, "quote"):
		th = "เครื่องหมายคำพูด (\") ในไฟล์ CSV ไม่ครบคู่ กรุณาตรวจสอบช่องที่มีเครื่องหมายคำพูด"
	case te.Line == 0:
		th = "ไม่สามารถอ่านไฟล์ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV UTF-8 (" + te.Msg + ")"
	}
	f.Problems = append(f.Problems, importProblem{Line: te.Line, Column: te.Column, Header: te.Header, Sheet: f.Sheet,
		Message: th, MessageEN: te.Msg})
}

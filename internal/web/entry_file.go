package web

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/tabular"
)

// The columns of an EIT import file: the `itas score` survey format (agency, then one column
// per item) with the respondent's national ID instead of a respondent number. The ID is
// hashed on the server exactly as the public form hashes it, so that the one-answer-per-ID
// rule holds across channels; neither the ID nor the file is kept.
const (
	colAgency     = "agency"
	colNationalID = survey.FieldNationalID
	colComment    = survey.FieldComment
)

// ignoredColumns are columns of `itas score` files that an import accepts and passes over,
// so that a file prepared for scoring imports as it is.
var ignoredColumns = map[string]bool{"respondent": true, "part": true}

// maxEntryRows bounds one import: one transaction, one audit entry per agency.
const maxEntryRows = 10000

// maxEntryProblems is how many problems an import lists; it counts them all.
const maxEntryProblems = 200

// itemShaped matches a header that looks like a survey item ("e1", "E1.2", "i3").
var itemShaped = regexp.MustCompile(`^[A-Za-z]\d+(\.\d+)?$`)

// ImportProblem is one thing wrong in an imported file, where a person finds it.
type ImportProblem struct {
	Line    int    // the CSV line or Excel row; 0 for the file as a whole
	Column  int    // 1-based; 0 for a whole row
	Header  string // the column's header, "" if none
	Message string // Thai
	sheet   bool
}

// Where returns the problem's place in Thai: "แถว 12 เซลล์ C12 (e1.1)" in a workbook,
// "บรรทัด 12 คอลัมน์ 3 (e1.1)" in a CSV file, "แถว 12" or "ทั้งไฟล์".
func (p ImportProblem) Where() string {
	if p.Line == 0 {
		return "ทั้งไฟล์"
	}
	row := fmt.Sprintf("บรรทัด %d", p.Line)
	if p.sheet {
		row = fmt.Sprintf("แถว %d", p.Line)
	}
	if p.Column == 0 {
		return row
	}
	col := fmt.Sprintf(" คอลัมน์ %d", p.Column)
	if p.sheet {
		name, _ := excelize.ColumnNumberToName(p.Column)
		col = fmt.Sprintf(" เซลล์ %s%d", name, p.Line)
	}
	if p.Header != "" {
		col += " (" + p.Header + ")"
	}
	return row + col
}

// eitFile reads one EIT import file into submissions, checking every row and collecting
// every problem, so that nothing is stored unless the whole file is right.
type eitFile struct {
	form     *survey.Form
	fy       int
	hasher   *survey.Hasher
	agencyOf func(code string) (agency.Agency, error) // the agency if the importer may enter for it

	r        *tabular.Reader
	sheet    bool
	problems []ImportProblem
	total    int

	subs  []survey.Submission
	lines []int // the line of each submission
	idCol int   // the national ID's column index, -1 before the header is read
}

// add records a problem at column index col (-1 for a whole row) of line (0 for the file).
func (ef *eitFile) add(line, col int, msg string) {
	ef.total++
	if len(ef.problems) >= maxEntryProblems {
		return
	}
	p := ImportProblem{Line: line, Message: msg, sheet: ef.sheet}
	if col >= 0 && line > 0 {
		p.Column = col + 1
		if h := ef.r.Header(); col < len(h) {
			p.Header = h[col]
		}
	}
	ef.problems = append(ef.problems, p)
}

// lineWord is what a person calls a line of the file: a row in a workbook, a line in a CSV.
func (ef *eitFile) lineWord() string {
	if ef.sheet {
		return "แถว"
	}
	return "บรรทัด"
}

// fileColumns is what the header of an import file means.
type fileColumns struct {
	agency, nationalID, comment int            // -1 when absent
	items                       map[int]string // column → item key
	profile                     map[int]string // column → demographic question id
	itemCol                     map[string]int // item key → column
	profileCol                  map[string]int // question id → column
}

// header maps the columns; it reports false when the file cannot be read row by row.
func (ef *eitFile) header() (fileColumns, bool) {
	fc := fileColumns{agency: -1, nationalID: -1, comment: -1,
		items: map[int]string{}, profile: map[int]string{}, itemCol: map[string]int{}, profileCol: map[string]int{}}
	keys := map[string]bool{}
	for _, k := range ef.form.ItemKeys() {
		keys[k] = true
	}
	profile := map[string]bool{}
	for _, q := range ef.form.Profile {
		profile[q.ID] = true
	}
	line := ef.r.HeaderLine()
	for col, h := range ef.r.Header() {
		name := strings.ToLower(strings.TrimSpace(h))
		switch {
		case name == colAgency || name == "agency_code":
			fc.agency = col
		case name == colNationalID:
			fc.nationalID = col
		case name == colComment || name == "suggestion":
			fc.comment = col
		case keys[name]:
			if first, dup := fc.itemCol[name]; dup {
				ef.add(line, col, fmt.Sprintf("ข้อ %s มีสองคอลัมน์ (คอลัมน์แรกคือคอลัมน์ที่ %d)", name, first+1))
				continue
			}
			fc.items[col], fc.itemCol[name] = name, col
		case profile[name]:
			fc.profile[col], fc.profileCol[name] = name, col
		case ignoredColumns[name]:
		case itemShaped.MatchString(name):
			ef.add(line, col, fmt.Sprintf("ไม่มีข้อ %s ในแบบ EIT ปี %d (ข้อที่มี: %s)", name, ef.form.FrameworkYear, strings.Join(ef.form.ItemKeys(), ", ")))
		}
	}
	if fc.agency < 0 {
		ef.add(line, -1, `ไม่มีคอลัมน์ "agency" (รหัสหน่วยงาน)`)
	}
	if fc.nationalID < 0 {
		ef.add(line, -1, `ไม่มีคอลัมน์ "national_id" (เลขประจำตัวประชาชน 13 หลักของผู้ตอบ)`)
	}
	var missing []string
	for _, k := range ef.form.ItemKeys() {
		if _, ok := fc.itemCol[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		ef.add(line, -1, "ไม่มีคอลัมน์ของข้อ "+strings.Join(missing, ", ")+" ทุกข้อของแบบ EIT ต้องมีคำตอบ")
	}
	ef.idCol = fc.nationalID
	return fc, ef.total == 0
}

// read reads every row. Each row must name an agency the importer may enter for, give a
// valid national ID not given before in the file for that agency, and answer every item as
// the public form requires.
func (ef *eitFile) read() {
	fc, ok := ef.header()
	if !ok {
		return
	}
	agencies := map[string]error{}
	firstLine := map[string]int{} // agency + ID hash → line
	var lastErr string
	for {
		row, err := ef.r.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			var te *tabular.Error
			if errors.As(err, &te) {
				ef.add(te.Line, te.Column-1, "อ่านไม่ได้: "+te.Msg)
			} else {
				ef.add(0, -1, "อ่านไฟล์ไม่ได้: "+err.Error())
			}
			if err.Error() == lastErr { // the same error again: the file cannot be read further
				return
			}
			lastErr = err.Error()
			continue
		}
		lastErr = ""
		if len(ef.subs)+1 > maxEntryRows {
			ef.add(0, -1, fmt.Sprintf("ไฟล์มีคำตอบเกิน %s รายการ กรุณาแบ่งเป็นหลายไฟล์", formatNumber(maxEntryRows)))
			return
		}
		ef.row(row, fc, agencies, firstLine)
	}
}

// row checks one row and, if it is right, adds its submission.
func (ef *eitFile) row(row tabular.Row, fc fileColumns, agencies map[string]error, firstLine map[string]int) {
	line, ok := row.Line, true
	code := ef.r.Cell(row, fc.agency)
	aerr, seen := agencies[code]
	if !seen {
		_, aerr = ef.agencyOf(code)
		agencies[code] = aerr
	}
	switch {
	case code == "":
		ef.add(line, fc.agency, "ไม่ได้กรอกรหัสหน่วยงาน")
		ok = false
	case apperr.Is(aerr, apperr.CodeNotFound):
		ef.add(line, fc.agency, fmt.Sprintf("ไม่พบหน่วยงานรหัส %s", code))
		ok = false
	case apperr.Is(aerr, apperr.CodeForbidden):
		ef.add(line, fc.agency, fmt.Sprintf("หน่วยงานรหัส %s ไม่อยู่ในกลุ่มที่ท่านรับผิดชอบ", code))
		ok = false
	case aerr != nil:
		ef.add(line, fc.agency, "ตรวจสอบหน่วยงานไม่ได้ กรุณาลองใหม่")
		ok = false
	}
	var hash []byte
	id, err := survey.ParseNationalID(ef.r.Cell(row, fc.nationalID))
	if err != nil {
		ef.add(line, fc.nationalID, apperr.FieldsOf(err)[survey.FieldNationalID])
		ok = false
	} else if ok {
		hash = ef.hasher.Hash(ef.fy, code, survey.EIT, id)
		key := code + "\x00" + string(hash)
		if first, dup := firstLine[key]; dup {
			ef.add(line, fc.nationalID, fmt.Sprintf("เลขประจำตัวประชาชนซ้ำกับของผู้ตอบใน%s %d (หน่วยงานเดียวกัน)", ef.lineWord(), first))
			ok = false
		} else {
			firstLine[key] = line
		}
	}
	answers := make(map[string]string, len(fc.items))
	for col, key := range fc.items {
		answers[key] = ef.r.Cell(row, col)
	}
	profile := map[string]string{}
	for col, id := range fc.profile {
		if v := ef.r.Cell(row, col); v != "" {
			profile[id] = v
		}
	}
	comment := ""
	if fc.comment >= 0 {
		comment = ef.r.Cell(row, fc.comment)
	}
	clean, err := ef.form.Check(answers, profile, comment)
	if err != nil {
		ef.checkProblems(line, fc, apperr.FieldsOf(err))
		ok = false
	}
	if !ok {
		return
	}
	ef.subs = append(ef.subs, survey.Submission{
		Response: survey.Response{
			FiscalYear: ef.fy, AgencyCode: code, Survey: survey.EIT, Channel: survey.ChannelImport,
			Answers: clean.Answers, Profile: clean.Profile,
		},
		IDHash: hash, Suggestion: clean.Suggestion,
	})
	ef.lines = append(ef.lines, line)
}

// checkProblems places the form's field messages on their columns, in column order.
func (ef *eitFile) checkProblems(line int, fc fileColumns, fields map[string]string) {
	type placed struct {
		col int
		msg string
	}
	var out []placed
	for field, msg := range fields {
		col := -1
		switch {
		case field == survey.FieldComment:
			col = fc.comment
		case strings.HasPrefix(field, "profile."):
			if c, ok := fc.profileCol[strings.TrimPrefix(field, "profile.")]; ok {
				col = c
			}
		default:
			if c, ok := fc.itemCol[field]; ok {
				col = c
			}
		}
		out = append(out, placed{col, msg})
	}
	for i := 1; i < len(out); i++ { // few fields: insertion sort keeps the file's column order
		for j := i; j > 0 && out[j].col < out[j-1].col; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	for _, p := range out {
		ef.add(line, p.col, p.msg)
	}
}

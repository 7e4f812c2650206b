package stakeholder

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/tabular"
)

// Limits of the sample list.
const (
	// MaxImportRows is the most rows one file may hold.
	MaxImportRows = 5000
	// MaxContacts is the most sample stakeholders an agency may list in a year, however
	// they are entered.
	MaxContacts = 5000
	// MaxImportBytes is the largest file accepted: a full template is about 250 KB.
	MaxImportBytes = 4 << 20
	// maxProblems is how many problems an ImportError lists; it counts them all.
	maxProblems = 200
)

// Problem is one thing wrong in an imported file, where a person finds it in Excel.
type Problem struct {
	Row     int    // the Excel row; 0 for the file as a whole
	Column  int    // 1-based (A = 1); 0 for the whole row or file
	Cell    string // "C12"; "" when Column is 0
	Header  string // the template header of Column, "" if none
	Message string // in Thai
}

// Where returns the problem's place in Thai: "แถว 12 เซลล์ C12 (ประเภท)", "แถว 12" or "ไฟล์".
func (p Problem) Where() string {
	switch {
	case p.Row == 0:
		return "ทั้งไฟล์"
	case p.Cell == "":
		return fmt.Sprintf("แถว %d", p.Row)
	case p.Header != "":
		return fmt.Sprintf("แถว %d เซลล์ %s (%s)", p.Row, p.Cell, p.Header)
	}
	return fmt.Sprintf("แถว %d เซลล์ %s", p.Row, p.Cell)
}

// ImportError is every problem of a file that was refused; nothing of it was imported.
type ImportError struct {
	File     string
	Problems []Problem // in file order, at most maxProblems
	Total    int       // how many problems there are, listed or not
}

// Error lists the problems, for logs.
func (e *ImportError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d problems", e.File, e.Total)
	for _, p := range e.Problems {
		b.WriteString("; ")
		b.WriteString(p.Where())
		b.WriteString(": ")
		b.WriteString(p.Message)
	}
	return b.String()
}

// ImportErrorOf returns the ImportError in err's chain, or nil.
func ImportErrorOf(err error) *ImportError {
	var ie *ImportError
	if errors.As(err, &ie) {
		return ie
	}
	return nil
}

// ReadContacts reads a filled-in template (see Template) and returns its contacts,
// normalized and valid, in file order. existing are the contacts the agency already listed,
// against which duplicates are checked.
//
// The file is checked strictly and as a whole: the headers must be the template's, in order
// and nothing more; every row must pass Contact.Validate; no row may be the same person (see
// SameAs) as an earlier row or an existing contact; at most MaxImportRows rows, and at most
// MaxContacts with the existing ones; at most MaxImportBytes. A duplicate is reported on the
// row's name cell. If anything is wrong the error is Invalid, wraps an *ImportError with every
// problem, and no contact is returned.
func ReadContacts(r io.Reader, fileName string, existing []Contact) ([]Contact, error) {
	ir := &importReader{ie: ImportError{File: fileName}}
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("stakeholder.ReadContacts: %w", err)
	}
	switch {
	case len(data) == 0:
		ir.add(0, -1, "ไฟล์ว่างเปล่า กรุณาเลือกไฟล์แม่แบบที่กรอกรายชื่อแล้ว")
	case len(data) > MaxImportBytes:
		ir.add(0, -1, fmt.Sprintf("ไฟล์มีขนาดเกิน %d MB", MaxImportBytes>>20))
	default:
		ir.read(data, existing)
	}
	if ir.ie.Total > 0 {
		return nil, ir.failure()
	}
	return ir.out, nil
}

// importReader collects the contacts and problems of one file.
type importReader struct {
	ie  ImportError
	out []Contact
}

// add records a problem at column index col (-1 for none) of row (0 for the file).
func (ir *importReader) add(row, col int, msg string) {
	ir.ie.Total++
	if len(ir.ie.Problems) >= maxProblems {
		return
	}
	p := Problem{Row: row, Message: msg}
	if col >= 0 && row > 0 {
		p.Column, p.Cell = col+1, cellName(col, row)
		if col < len(columns) {
			p.Header = columns[col].Header
		}
	}
	ir.ie.Problems = append(ir.ie.Problems, p)
}

func (ir *importReader) failure() error {
	ie := ir.ie
	more := ""
	if ie.Total > len(ie.Problems) {
		more = fmt.Sprintf(" (แสดง %d รายการแรก)", len(ie.Problems))
	}
	e := apperr.Wrap(&ie, apperr.CodeInvalid,
		fmt.Sprintf("ไฟล์ %s มีข้อผิดพลาด %s รายการ%s จึงยังไม่นำเข้ารายชื่อใด ๆ กรุณาแก้ไขแล้วนำเข้าใหม่", ie.File, FormatCount(ie.Total), more),
		fmt.Sprintf("%s has %d problems; nothing was imported", ie.File, ie.Total))
	e.Fields = map[string]string{}
	for _, p := range ie.Problems {
		key := p.Cell
		if key == "" {
			key = "file"
			if p.Row > 0 {
				key = fmt.Sprintf("row %d", p.Row)
			}
		}
		if prev, ok := e.Fields[key]; ok {
			e.Fields[key] = prev + "; " + p.Message
		} else {
			e.Fields[key] = p.Message
		}
	}
	return e
}

func (ir *importReader) read(data []byte, existing []Contact) {
	tr, err := tabular.NewXLSX(bytes.NewReader(data), ir.ie.File)
	if err != nil {
		ir.add(0, -1, "เปิดไฟล์ไม่ได้ กรุณาใช้ไฟล์แม่แบบ .xlsx ที่ดาวน์โหลดจากระบบ ("+tabularMsg(err)+")")
		return
	}
	defer tr.Close()
	if !ir.header(tr) {
		return
	}
	seen := map[string]int{} // duplicate key → row
	for _, c := range existing {
		for _, k := range c.dupKeys() {
			seen[k] = 0
		}
	}
	nameCol := columnOf(FieldName)
	rows := 0
	for {
		row, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var te *tabular.Error
			if !errors.As(err, &te) || te.Line == 0 {
				ir.add(0, -1, "อ่านไฟล์ไม่ได้ ("+tabularMsg(err)+")")
				return
			}
			ir.add(te.Line, te.Column-1, "มีข้อมูลนอกคอลัมน์ของแม่แบบหรืออ่านเซลล์นี้ไม่ได้ กรุณาลบหรือแก้ไข ("+te.Msg+")")
			continue
		}
		rows++
		if rows > MaxImportRows {
			ir.add(row.Line, -1, fmt.Sprintf("ไฟล์มีรายชื่อเกิน %s ราย กรุณาแบ่งนำเข้าหลายครั้ง", FormatCount(MaxImportRows)))
			return
		}
		c := contactOf(row.Cells).Normalize()
		problems := c.Problems()
		for i, col := range columns {
			if msg, ok := problems[col.Field]; ok {
				ir.add(row.Line, i, msg)
			}
		}
		if len(problems) > 0 {
			continue
		}
		dup := false
		for _, k := range c.dupKeys() {
			if prev, ok := seen[k]; ok && !dup {
				dup = true
				if prev == 0 {
					ir.add(row.Line, nameCol, "ซ้ำกับรายชื่อที่มีอยู่ในระบบแล้ว (ชื่อ-นามสกุลและ"+dupWhat(k)+"ตรงกัน)")
				} else {
					ir.add(row.Line, nameCol, fmt.Sprintf("ซ้ำกับแถวที่ %d ในไฟล์นี้ (ชื่อ-นามสกุลและ%sตรงกัน)", prev, dupWhat(k)))
				}
			}
		}
		if dup {
			continue
		}
		for _, k := range c.dupKeys() {
			seen[k] = row.Line
		}
		ir.out = append(ir.out, c)
	}
	switch {
	case rows == 0:
		ir.add(0, -1, "ไม่มีรายชื่อในไฟล์ กรุณากรอกตั้งแต่แถวที่ 2 ของแผ่นงาน "+SheetContacts)
	case len(existing)+rows > MaxContacts:
		ir.add(0, -1, fmt.Sprintf("รวมกับรายชื่อที่มีอยู่แล้ว %s ราย จะเกิน %s รายที่ระบบรับได้",
			FormatCount(len(existing)), FormatCount(MaxContacts)))
	}
}

// header checks the header row against the template and reports whether it matches.
func (ir *importReader) header(tr *tabular.Reader) bool {
	got, line := tr.Header(), tr.HeaderLine()
	ok := true
	for i, col := range columns {
		switch {
		case i >= len(got):
			ir.add(line, i, fmt.Sprintf("ไม่มีคอลัมน์ \"%s\" ของแม่แบบ กรุณาใช้แม่แบบที่ดาวน์โหลดจากระบบโดยไม่แก้ไขหัวคอลัมน์", col.Header))
			ok = false
		case got[i] != col.Header:
			ir.add(line, i, fmt.Sprintf("หัวคอลัมน์ต้องเป็น \"%s\" ตามแม่แบบ แต่พบ \"%s\" (ห้ามเพิ่ม ลบ หรือสลับคอลัมน์)", col.Header, got[i]))
			ok = false
		}
	}
	for i := len(columns); i < len(got); i++ {
		ir.add(line, i, fmt.Sprintf("คอลัมน์ \"%s\" ไม่มีในแม่แบบ กรุณาลบออก", got[i]))
		ok = false
	}
	if line != 1 && ok {
		ir.add(line, -1, "หัวคอลัมน์ต้องอยู่แถวที่ 1 ตามแม่แบบ กรุณาลบแถวที่เพิ่มไว้ด้านบน")
		ok = false
	}
	return ok
}

// contactOf builds a contact from the template's cells, in columns order.
func contactOf(cells []string) Contact {
	get := func(field string) string {
		if i := columnOf(field); i < len(cells) {
			return cells[i]
		}
		return ""
	}
	c := Contact{
		Name: get(FieldName), Organisation: get(FieldOrganisation), Phone: get(FieldPhone),
		Email: get(FieldEmail), Service: get(FieldService),
	}
	if s := get(FieldType); s != "" {
		if t, ok := ParseContactType(s); ok {
			c.Type = t
		} else {
			c.Type = ContactType(s) // Validate says it is not one of the three
		}
	}
	return c
}

func dupWhat(key string) string {
	if strings.Contains(key, "\x00p:") {
		return "เบอร์โทรศัพท์"
	}
	return "อีเมล"
}

// tabularMsg returns the reader's own message for err, without the file name it repeats.
func tabularMsg(err error) string {
	var te *tabular.Error
	if errors.As(err, &te) {
		return te.Msg
	}
	return err.Error()
}

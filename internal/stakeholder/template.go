package stakeholder

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// column is one column of the sample-list template, in order.
type column struct {
	Header string
	Field  string // the Contact field it fills, a Field* name
	Width  float64
	Note   string // what goes in it, for the instructions sheet
}

// columns are the template's columns. The import requires exactly these headers in this
// order (manual 6.2 ข้อ 2: "ไฟล์ Template จะต้องไม่มีการปรับปรุงแก้ไข เช่น การเพิ่มแถวตั้ง").
var columns = []column{
	{"ชื่อ-นามสกุล", FieldName, 28, "จำเป็น ชื่อและนามสกุลของผู้มารับบริการหรือผู้ติดต่อ"},
	{"หน่วยงาน/องค์กร", FieldOrganisation, 30, "จำเป็นสำหรับเจ้าหน้าที่ของรัฐภายนอกและภาคธุรกิจ ประชาชนเว้นว่างได้"},
	{"ประเภท", FieldType, 26, "จำเป็น เลือกจากรายการ: ประชาชน / เจ้าหน้าที่ของรัฐภายนอก / ภาคธุรกิจ"},
	{"เบอร์โทรศัพท์", FieldPhone, 18, "ตัวเลข 9–10 หลักขึ้นต้นด้วย 0 มีขีดหรือเว้นวรรคได้ เช่น 081-234-5678 (คอลัมน์นี้ตั้งเป็นข้อความไว้แล้ว เลข 0 หน้าสุดจึงไม่หาย)"},
	{"อีเมล", FieldEmail, 30, "เช่น name@example.com ต้องกรอกเบอร์โทรศัพท์หรืออีเมลอย่างน้อยหนึ่งช่อง"},
	{"งานบริการที่มาใช้หรือมาติดต่อ", FieldService, 40, "จำเป็น เช่น ขออนุญาตก่อสร้างอาคาร ชำระภาษี ยื่นเรื่องร้องเรียน"},
}

// Headers returns the template's column headers in order.
func Headers() []string {
	out := make([]string, len(columns))
	for i, c := range columns {
		out[i] = c.Header
	}
	return out
}

// Sheet names of the template. The list must be the first sheet: the import reads the first.
const (
	SheetContacts     = "รายชื่อ"
	SheetInstructions = "คำอธิบาย"
)

// Template returns the XLSX template for the external sample list of the named agency and
// fiscal year: a first sheet with the Thai headers, a dropdown for the type, the phone column
// kept as text, room for MaxImportRows rows; and a second sheet of instructions.
func Template(agencyName string, fiscalYear int) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	if err := x.SetSheetName("Sheet1", SheetContacts); err != nil {
		return nil, fmt.Errorf("stakeholder.Template: %w", err)
	}
	if err := fillContactsSheet(x); err != nil {
		return nil, fmt.Errorf("stakeholder.Template: %w", err)
	}
	if err := fillInstructions(x, agencyName, fiscalYear); err != nil {
		return nil, fmt.Errorf("stakeholder.Template: %w", err)
	}
	x.SetActiveSheet(0)
	buf, err := x.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("stakeholder.Template: %w", err)
	}
	return buf.Bytes(), nil
}

func fillContactsSheet(x *excelize.File) error {
	head := make([]any, len(columns))
	for i, c := range columns {
		head[i] = c.Header
	}
	if err := x.SetSheetRow(SheetContacts, "A1", &head); err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
	})
	if err != nil {
		return err
	}
	for i, c := range columns {
		if err := x.SetColWidth(SheetContacts, colName(i+1), colName(i+1), c.Width); err != nil {
			return err
		}
	}
	lastRow := MaxImportRows + 1
	// The phone column is text, so that Excel keeps the leading 0 of 0812345678.
	text, err := x.NewStyle(&excelize.Style{NumFmt: 49})
	if err != nil {
		return err
	}
	phone := colName(columnOf(FieldPhone) + 1)
	if err := x.SetColStyle(SheetContacts, phone, text); err != nil {
		return err
	}
	typ := colName(columnOf(FieldType) + 1)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s%d", typ, typ, lastRow))
	names := make([]string, len(ContactTypes))
	for i, t := range ContactTypes {
		names[i] = t.Name()
	}
	if err := dv.SetDropList(names); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "ประเภทไม่ถูกต้อง", "กรุณาเลือกจากรายการ: "+typeChoices())
	dv.SetInput("ประเภท", "เลือกจากรายการ")
	if err := x.AddDataValidation(SheetContacts, dv); err != nil {
		return err
	}
	if err := x.SetCellStyle(SheetContacts, "A1", colName(len(columns))+"1", bold); err != nil {
		return err
	}
	return x.SetPanes(SheetContacts, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

func fillInstructions(x *excelize.File, agencyName string, fiscalYear int) error {
	if _, err := x.NewSheet(SheetInstructions); err != nil {
		return err
	}
	lines := []string{
		"แม่แบบรายชื่อผู้มีส่วนได้ส่วนเสียภายนอก (ตัวอย่างรายชื่อ) สำหรับการประเมิน ITA",
		fmt.Sprintf("หน่วยงาน: %s    ปีงบประมาณ พ.ศ. %d", agencyName, fiscalYear),
		"",
		"วิธีกรอก",
		fmt.Sprintf("1. กรอกรายชื่อในแผ่นงาน \"%s\" ตั้งแต่แถวที่ 2 แถวละหนึ่งราย ไม่เกิน %s ราย", SheetContacts, FormatCount(MaxImportRows)),
		"2. ห้ามเพิ่ม ลบ ย้าย หรือเปลี่ยนชื่อคอลัมน์ และห้ามย้ายแผ่นงานรายชื่อออกจากลำดับแรก ระบบจะตรวจหัวคอลัมน์ทุกครั้ง",
		"3. ผู้มีส่วนได้ส่วนเสียภายนอก คือ บุคคล นิติบุคคล บริษัทเอกชน หรือหน่วยงานของรัฐอื่น ที่มารับบริการหรือมาติดต่อตามภารกิจของหน่วยงานในปีนี้",
		"4. ห้ามมีรายชื่อซ้ำ: ชื่อ-นามสกุลเดียวกันและเบอร์โทรศัพท์เดียวกัน หรือชื่อ-นามสกุลเดียวกันและอีเมลเดียวกัน ถือเป็นรายชื่อซ้ำ ทั้งภายในไฟล์และกับรายชื่อที่นำเข้าระบบไว้แล้ว",
		"5. หากมีข้อผิดพลาดแม้แต่แถวเดียว ระบบจะไม่นำเข้ารายชื่อใดเลย และแจ้งแถวและเซลล์ที่ต้องแก้ไขทั้งหมด",
		"",
		"คอลัมน์",
	}
	for _, c := range columns {
		lines = append(lines, c.Header+": "+c.Note)
	}
	lines = append(lines, "", "ตัวอย่าง (อย่าคัดลอกแถวตัวอย่างนี้ไปไว้ในแผ่นงานรายชื่อ)",
		"สมหญิง ใจงาม | (เว้นว่าง) | ประชาชน | 081-234-5678 | somying@example.com | ขอใบอนุญาตประกอบกิจการ",
		"ธนพล รุ่งเรือง | บริษัท ตัวอย่าง จำกัด | ภาคธุรกิจ | 02-123-4567 | (เว้นว่าง) | ยื่นซองประกวดราคา")
	for i, l := range lines {
		if err := x.SetCellStr(SheetInstructions, fmt.Sprintf("A%d", i+1), l); err != nil {
			return err
		}
	}
	if err := x.SetColWidth(SheetInstructions, "A", "A", 120); err != nil {
		return err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	if err != nil {
		return err
	}
	return x.SetCellStyle(SheetInstructions, "A1", "A1", bold)
}

// columnOf returns the index of the column filling field, or -1.
func columnOf(field string) int {
	for i, c := range columns {
		if c.Field == field {
			return i
		}
	}
	return -1
}

// colName returns the spreadsheet name of 1-based column n ("A", "B" …).
func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// cellName returns the spreadsheet name of a cell: column index col (0-based) on row.
func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col+1, row)
	return s
}

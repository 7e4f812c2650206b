package web

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// importNotesTH explains each column of the import template in Thai, on the template's notes
// sheet and in the comment of each header cell.
var importNotesTH = map[string]string{
	agency.FieldCode:       "ตัวเลข 3–12 หลัก ห้ามซ้ำกันในไฟล์ (จำเป็น) หน่วยงานที่มีรหัสนี้อยู่แล้วจะถูกปรับข้อมูลตามไฟล์",
	agency.FieldName:       "ชื่อเต็มของหน่วยงาน (จำเป็น)",
	agency.FieldShortName:  "ชื่อย่อ เช่น อบต.คลองเส (ไม่บังคับ)",
	agency.FieldType:       "รหัสหรือชื่อประเภทหน่วยงาน 1 ใน 17 ประเภท ตามตารางด้านล่าง (จำเป็น)",
	agency.FieldMinistry:   "กระทรวงหรือหน่วยงานต้นสังกัด (ไม่บังคับ)",
	agency.FieldProvince:   "ชื่อจังหวัดภาษาไทย ไม่ต้องมีคำว่า \"จังหวัด\" (จำเป็นสำหรับจังหวัดและองค์กรปกครองส่วนท้องถิ่น)",
	agency.FieldGroup:      "กลุ่มการประเมิน 1–10 หรือเว้นว่างให้ระบบกำหนดตามประเภทและจังหวัด",
	agency.FieldSupervisor: "ป.ป.ท. สคร. สป.อว. หรือ สถ. เว้นว่างให้ใช้หน่วยงานกำกับติดตามตามประเภท หรือ - เมื่อไม่มี",
	agency.FieldWebsite:    "เว็บไซต์หลักที่ใช้ตรวจ OIT เช่น https://www.example.go.th (ไม่บังคับ)",
}

// importTemplateXLSX builds the import template: a sheet "หน่วยงาน" with the header row only
// (each header cell commented in Thai, the code column formatted as text so that Excel keeps
// leading zeros) and a sheet "คำอธิบาย" with the Thai notes, the 17 types and the
// supervising bodies. The reader takes the first sheet, so the notes never get imported.
func importTemplateXLSX() (*bytes.Buffer, error) {
	x := excelize.NewFile()
	defer x.Close()
	const data, notes = "หน่วยงาน", "คำอธิบาย"
	if err := x.SetSheetName("Sheet1", data); err != nil {
		return nil, err
	}
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	text, err := x.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return nil, err
	}
	for i, c := range importColumns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := x.SetCellStr(data, cell, c.Field); err != nil {
			return nil, err
		}
		if err := x.AddComment(data, excelize.Comment{Cell: cell, Author: "ITAS",
			Paragraph: []excelize.RichTextRun{{Text: c.Thai[0] + ": " + importNotesTH[c.Field]}}}); err != nil {
			return nil, err
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		_ = x.SetColWidth(data, col, col, map[bool]float64{true: 40, false: 16}[c.Field == agency.FieldName || c.Field == agency.FieldWebsite])
	}
	_ = x.SetColStyle(data, "A", text)
	_ = x.SetRowStyle(data, 1, 1, bold)
	_ = x.SetPanes(data, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})

	if _, err := x.NewSheet(notes); err != nil {
		return nil, err
	}
	rows := [][]any{
		{"แบบฟอร์มนำเข้าทะเบียนหน่วยงาน ITAS"},
		{"กรอกข้อมูลในแผ่นงาน \"หน่วยงาน\" หนึ่งแถวต่อหนึ่งหน่วยงาน ใต้แถวหัวตาราง ห้ามแก้ไขหรือลบหัวตาราง (ใช้หัวตารางภาษาไทยตามคอลัมน์ \"ชื่อภาษาไทย\" แทนได้)"},
		{"ระบบตรวจทั้งไฟล์ก่อนนำเข้า หากมีข้อผิดพลาดแม้แต่แถวเดียวจะไม่นำเข้าข้อมูลใด ๆ และแจ้งทุกข้อผิดพลาดพร้อมตำแหน่งช่อง นำเข้าไฟล์เดิมซ้ำได้โดยข้อมูลไม่เปลี่ยน"},
		{"บันทึกเป็น .xlsx หรือ CSV UTF-8 ขนาดไม่เกิน " + fmt.Sprint(maxImportBytes>>20) + " MB"},
		{},
		{"คอลัมน์", "ชื่อภาษาไทย", "คำอธิบาย"},
	}
	for _, c := range importColumns {
		rows = append(rows, []any{c.Field, c.Thai[0], importNotesTH[c.Field]})
	}
	rows = append(rows, []any{}, []any{"ประเภทหน่วยงาน (type)", "รหัส", "หน่วยงานกำกับติดตามตามประเภท"})
	for _, t := range agency.Types {
		sv := ""
		if i, ok := t.Supervisor.Info(); ok {
			sv = i.ShortName
		}
		rows = append(rows, []any{t.Name, t.Code, sv})
	}
	rows = append(rows, []any{}, []any{"หน่วยงานกำกับติดตาม (supervisor)", "รหัส", "ชื่อเต็ม"})
	for _, sv := range agency.Supervisors {
		rows = append(rows, []any{sv.ShortName, string(sv.Code), sv.Name})
	}
	rows = append(rows, []any{"-", "", "ไม่มีหน่วยงานกำกับติดตาม"})
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(notes, cell, &row); err != nil {
			return nil, err
		}
	}
	_ = x.SetColWidth(notes, "A", "A", 44)
	_ = x.SetColWidth(notes, "B", "B", 26)
	_ = x.SetColWidth(notes, "C", "C", 90)
	x.SetActiveSheet(0)
	return x.WriteToBuffer()
}

// agencyImportTemplate serves GET /agencies/import/template.xlsx.
func (s *Server) agencyImportTemplate(w http.ResponseWriter, r *http.Request) error {
	buf, err := importTemplateXLSX()
	if err != nil {
		return apperr.Internal(fmt.Errorf("importTemplateXLSX: %w", err))
	}
	w.Header().Set("Content-Type", xlsxType)
	w.Header().Set("Content-Disposition", `attachment; filename="itas-agencies-template.xlsx"`)
	w.Header().Set("Cache-Control", "private, max-age=300")
	_, err = buf.WriteTo(w)
	return err
}

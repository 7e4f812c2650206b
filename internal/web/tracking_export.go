package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/thaidate"
	"github.com/openitas/itas/internal/tracking"
)

// trackingHeader is the header row of the exports, in Thai as NACC's staff read them.
var trackingHeader = []string{
	"รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ประเภทหน่วยงาน", "กระทรวง/ต้นสังกัด", "จังหวัด", "กลุ่ม",
	"IIT จำนวนผู้ตอบ", "IIT จำนวนขั้นต่ำ", "IIT สถานะ",
	"EIT จำนวนผู้ตอบ", "EIT จำนวนขั้นต่ำ", "EIT สถานะ",
}

// statusText is a status as the exports write it (Thai, the manual's words).
var statusText = map[tracking.Status]string{
	tracking.StatusShort:   "ตอบไม่ครบตามจำนวนขั้นต่ำ",
	tracking.StatusMet:     "ตอบครบตามจำนวนขั้นต่ำ",
	tracking.StatusUnknown: "ยังไม่ทราบจำนวนขั้นต่ำ",
}

// trackingRecord is one row of an export; a minimum not known yet is an empty cell, so that a
// spreadsheet does not sum it as 0.
func trackingRecord(r tracking.Row) []any {
	minimum := func(n int) any {
		if n <= 0 {
			return ""
		}
		return n
	}
	return []any{
		r.Agency.Code, r.Agency.Name, r.Agency.TypeName(), r.Agency.Ministry, r.Agency.Province, r.Agency.Group,
		r.IIT.Responses, minimum(r.IIT.Minimum), statusText[r.IIT.Status()],
		r.EIT.Responses, minimum(r.EIT.Minimum), statusText[r.EIT.Status()],
	}
}

// exportState is what the audit log keeps of an export: the year, the format, the filter as
// asked and how many rows left the system.
type exportState struct {
	FiscalYear int    `json:"fiscal_year"`
	Format     string `json:"format"`
	Query      string `json:"query"`
	Rows       int    `json:"rows"`
}

// trackingExport serves GET /tracking/export.xlsx and GET /tracking/export.csv: every row of
// the table as filtered and ordered (not only the page), within the account's scope. Each
// export is recorded in the audit log before the file is sent.
func (s *Server) trackingExport(format string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		a := authOf(r.Context()).Account
		if !account.Allowed(a, account.ActionListAgencies) {
			return apperr.Forbidden("", "")
		}
		y, err := s.trackingYear(r)
		if err != nil {
			return err
		}
		mins, err := s.trackingMinimums(r.Context(), y)
		if err != nil {
			return err
		}
		f, _ := trackingFilterOf(r, a, trackingPerPage)
		f.Unpaged = true
		res, err := s.store.ResponseCounts(r.Context(), y.FiscalYear, f, mins)
		if err != nil {
			return err
		}
		var buf *bytes.Buffer
		var contentType string
		switch format {
		case "xlsx":
			buf, err = trackingXLSX(res.Rows, y.FiscalYear, s.now())
			contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		default:
			buf, err = trackingCSV(res.Rows)
			contentType = "text/csv; charset=utf-8"
		}
		if err != nil {
			return apperr.Internal(fmt.Errorf("tracking export: %w", err))
		}
		q := r.URL.Query()
		q.Del("page")
		e := s.by(r)
		e.Action, e.Subject = tracking.ActionExport, strconv.Itoa(y.FiscalYear)
		e.After = audit.JSON(exportState{FiscalYear: y.FiscalYear, Format: format, Query: q.Encode(), Rows: len(res.Rows)})
		if _, err := s.store.AppendAudit(r.Context(), e); err != nil {
			return err
		}
		name := fmt.Sprintf("itas-tracking-%d-%s.%s", y.FiscalYear, s.now().In(thaidate.Location).Format("20060102-1504"), format)
		noStore(w)
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Content-Disposition", `attachment; filename="`+url.PathEscape(name)+`"`)
		_, err = buf.WriteTo(w)
		return err
	}
}

// trackingCSV writes rows as CSV for Excel: UTF-8 with a byte order mark (without it Excel
// reads Thai as mojibake), CRLF line ends.
func trackingCSV(rows []tracking.Row) (*bytes.Buffer, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	cw := csv.NewWriter(&buf)
	cw.UseCRLF = true
	if err := cw.Write(trackingHeader); err != nil {
		return nil, err
	}
	rec := make([]string, len(trackingHeader))
	for _, r := range rows {
		for i, v := range trackingRecord(r) {
			rec[i] = fmt.Sprint(v)
		}
		if err := cw.Write(rec); err != nil {
			return nil, err
		}
	}
	cw.Flush()
	return &buf, cw.Error()
}

// trackingXLSX writes rows as a workbook with one sheet: numbers as numbers, the header frozen,
// and the document's title and time saying what it is and when it was made.
func trackingXLSX(rows []tracking.Row, fy int, at time.Time) (*bytes.Buffer, error) {
	x := excelize.NewFile()
	defer x.Close()
	sheet := "ติดตามการตอบแบบสำรวจ"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	head := make([]any, len(trackingHeader))
	for i, h := range trackingHeader {
		head[i] = h
	}
	if err := x.SetSheetRow(sheet, "A1", &head); err != nil {
		return nil, err
	}
	for i, r := range rows {
		rec := trackingRecord(r)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := x.SetSheetRow(sheet, cell, &rec); err != nil {
			return nil, err
		}
	}
	for col, width := range map[string]float64{"A": 12, "B": 48, "C": 28, "D": 30, "E": 16, "F": 7, "G": 10, "H": 10, "I": 26, "J": 10, "K": 10, "L": 26} {
		_ = x.SetColWidth(sheet, col, col, width)
	}
	_ = x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	_ = x.SetDocProps(&excelize.DocProperties{Title: fmt.Sprintf("ITAS ติดตามการตอบแบบสำรวจ ปีงบประมาณ พ.ศ. %d", fy), Creator: "ITAS",
		Created: at.UTC().Format(time.RFC3339)})
	return x.WriteToBuffer()
}

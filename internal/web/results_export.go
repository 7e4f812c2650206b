package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/thaidate"
)

// actionResultsExport is the audit action of an export of the results table.
const actionResultsExport = "results.export"

// resultsHeader is the header row of the export, in Thai as NACC's staff read it.
var resultsHeader = []string{
	"รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ประเภทหน่วยงาน", "กระทรวง/ต้นสังกัด", "จังหวัด", "กลุ่ม",
	"คะแนนรวม", "ระดับผลการประเมิน", "ผลการประเมิน", "IIT", "EIT", "OIT", "ผลอย่างเป็นทางการ", "หมายเหตุ",
}

// resultsRecord is one row of the export: scores as numbers with the two decimals published,
// an empty cell where a score could not be computed (so that a spreadsheet does not average it
// as 0), and the reasons of an unofficial result in Thai.
func resultsRecord(r results.Row) []any {
	score := func(s scoring.Score) any {
		if !s.Valid() {
			return ""
		}
		return framework.Round2(s.Value())
	}
	verdict := map[results.Status]string{results.StatusPassed: "ผ่าน", results.StatusFailed: "ไม่ผ่าน", results.StatusNoTotal: "ไม่มีคะแนนรวม"}[r.Status()]
	official := "เป็นทางการ"
	if !r.Official {
		official = "ไม่เป็นทางการ (*)"
	}
	return []any{
		r.Agency.Code, r.Agency.Name, r.Agency.TypeName(), r.Agency.Ministry, r.Agency.Province, r.Agency.Group,
		score(r.Total), r.Rating, verdict, score(r.IIT), score(r.EIT), score(r.OIT), official, strings.Join(flagTexts(LangTH, r.Flags), "; "),
	}
}

// resultsExport serves GET /results/export.xlsx: every row of the table as filtered and
// ordered (not only the page), within the account's scope, recorded in the audit log before
// the file is sent.
func (s *Server) resultsExport(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context()).Account
	if !account.Allowed(a, account.ActionListAgencies) {
		return apperr.Forbidden("", "")
	}
	y, err := s.trackingYear(r)
	if err != nil {
		return err
	}
	run, err := s.store.FindResultRun(r.Context(), y.FiscalYear)
	if err != nil {
		return err
	}
	f, _ := resultsFilterOf(r, a, resultsPerPage)
	f.Unpaged = true
	res, err := s.store.FindResults(r.Context(), y.FiscalYear, f)
	if err != nil {
		return err
	}
	buf, err := resultsXLSX(res.Rows, run)
	if err != nil {
		return apperr.Internal(fmt.Errorf("results export: %w", err))
	}
	q := r.URL.Query()
	q.Del("page")
	e := s.by(r)
	e.Action, e.Subject = actionResultsExport, strconv.Itoa(y.FiscalYear)
	e.After = audit.JSON(exportState{FiscalYear: y.FiscalYear, Format: "xlsx", Query: q.Encode(), Rows: len(res.Rows)})
	if _, err := s.store.AppendAudit(r.Context(), e); err != nil {
		return err
	}
	name := fmt.Sprintf("itas-results-%d-%s.xlsx", y.FiscalYear, s.now().In(thaidate.Location).Format("20060102-1504"))
	noStore(w)
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="`+url.PathEscape(name)+`"`)
	_, err = buf.WriteTo(w)
	return err
}

// resultsXLSX writes rows as a workbook with one sheet, the header frozen, and the document's
// title saying which year and which computation it is.
func resultsXLSX(rows []results.Row, run results.Run) (*bytes.Buffer, error) {
	x := excelize.NewFile()
	defer x.Close()
	sheet := "ผลการประเมิน"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	head := make([]any, len(resultsHeader))
	for i, h := range resultsHeader {
		head[i] = h
	}
	if err := x.SetSheetRow(sheet, "A1", &head); err != nil {
		return nil, err
	}
	for i, r := range rows {
		rec := resultsRecord(r)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := x.SetSheetRow(sheet, cell, &rec); err != nil {
			return nil, err
		}
	}
	for col, width := range map[string]float64{"A": 12, "B": 48, "C": 28, "D": 30, "E": 16, "F": 7, "G": 10, "H": 10, "I": 14, "J": 9, "K": 9, "L": 9, "M": 18, "N": 60} {
		_ = x.SetColWidth(sheet, col, col, width)
	}
	_ = x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	_ = x.SetDocProps(&excelize.DocProperties{
		Title:   fmt.Sprintf("ITAS ผลการประเมิน ITA ปีงบประมาณ พ.ศ. %d (คำนวณเมื่อ %s)", run.FiscalYear, thaidate.FormatDateTime(run.ComputedAt.In(thaidate.Location))),
		Creator: "ITAS", Created: run.ComputedAt.UTC().Format(time.RFC3339)})
	return x.WriteToBuffer()
}

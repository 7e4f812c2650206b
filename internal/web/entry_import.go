package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/tabular"
)

// maxEntryBytes bounds an uploaded EIT file: 10,000 rows of 40 short cells are about 1.5 MB
// as CSV.
const maxEntryBytes = 8 << 20

// EntryImportPage is the import of EIT responses from a CSV or XLSX file: its columns, and
// after an upload either every problem of the refused file or what was stored.
type EntryImportPage struct {
	Page
	Year     assessment.Year
	Closed   string   // why no file can be imported now: the EIT collection phase is closed
	Columns  []string // the header of a file, in order
	Profile  []survey.ProfileQuestion
	File     string
	Error    string
	Problems []ImportProblem
	Total    int // problems in all, listed or not
	Imported []ImportedCount
}

// ImportedCount is how many responses an import stored for one agency.
type ImportedCount struct {
	Code, Name string
	Responses  int
}

// importPage builds the import page for the current year.
func (en *entries) importPage(r *http.Request) (*EntryImportPage, *survey.Form, error) {
	y, err := en.openYear(r.Context())
	if err != nil {
		return nil, nil, err
	}
	p := &EntryImportPage{Page: Page{Title: "entry.import.title"}, Year: y}
	if err := y.CheckOpen(assessment.PhaseEITCollection, en.now()); err != nil {
		p.Closed = msgOf(requestLang(r), err)
	}
	f, err := en.form(y.FrameworkYear)
	if err != nil {
		return nil, nil, err
	}
	p.Columns = append([]string{colAgency, colNationalID}, f.ItemKeys()...)
	for _, q := range f.Profile {
		p.Columns = append(p.Columns, q.ID)
	}
	p.Columns = append(p.Columns, colComment)
	p.Profile = f.Profile
	return p, f, nil
}

// importForm serves GET /eit/import.
func (en *entries) importForm(w http.ResponseWriter, r *http.Request) error {
	p, _, err := en.importPage(r)
	if err != nil {
		return err
	}
	en.render(w, r, http.StatusOK, "entry_import", p)
	return nil
}

// importSubmit serves POST /eit/import: a CSV or XLSX file of EIT responses collected by the
// assessors, for agencies in their groups. The file is checked as a whole — every row's
// agency, national ID and answers — and stored all together with channel "import", or not at
// all, with every problem listed by row and column. The store records one audit entry per
// agency.
func (en *entries) importSubmit(w http.ResponseWriter, r *http.Request) error {
	y, err := en.requirePhase(r.Context(), 0, assessment.PhaseEITCollection)
	if err != nil {
		return err
	}
	p, f, err := en.importPage(r)
	if err != nil {
		return err
	}
	refuse := func(status int, msg string) error {
		p.Error = msg
		en.render(w, r, status, "entry_import", p)
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxEntryBytes+64<<10)
	file, hdr, err := r.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("ไฟล์มีขนาดเกิน %d MB", maxEntryBytes>>20))
	case err != nil:
		return refuse(http.StatusUnprocessableEntity, "กรุณาเลือกไฟล์ .csv หรือ .xlsx ที่จะนำเข้า")
	}
	defer file.Close()
	p.File = filepath.Base(hdr.Filename)
	data, err := io.ReadAll(io.LimitReader(file, maxEntryBytes+1))
	if err != nil {
		return err
	}
	if len(data) > maxEntryBytes {
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("ไฟล์มีขนาดเกิน %d MB", maxEntryBytes>>20))
	}
	var tr *tabular.Reader
	sheet := false
	switch strings.ToLower(filepath.Ext(p.File)) {
	case ".csv":
		tr, err = tabular.NewCSV(bytes.NewReader(data), p.File)
	case ".xlsx":
		tr, err = tabular.NewXLSX(bytes.NewReader(data), p.File)
		sheet = true
	default:
		return refuse(http.StatusUnprocessableEntity, "รับเฉพาะไฟล์ .csv (CSV UTF-8) หรือ .xlsx")
	}
	if err != nil {
		return refuse(http.StatusUnprocessableEntity, "เปิดไฟล์ไม่ได้: "+err.Error())
	}
	defer tr.Close()
	acct := authOf(r.Context()).Account
	names := map[string]string{}
	ef := &eitFile{form: f, fy: y.FiscalYear, hasher: en.hasher, r: tr, sheet: sheet,
		agencyOf: func(code string) (agency.Agency, error) {
			ag, err := en.store.FindAgencyByCode(r.Context(), code)
			if err != nil {
				return ag, err
			}
			if !account.Can(acct, account.ActionEnterResponses, ag) {
				return ag, apperr.Forbidden("", "")
			}
			names[ag.Code] = ag.Name
			return ag, nil
		}}
	ef.read()
	if ef.total == 0 && len(ef.subs) == 0 {
		ef.add(0, -1, "ไฟล์ไม่มีคำตอบ: มีแต่หัวตาราง")
	}
	if ef.total == 0 {
		err := en.store.ImportResponses(r.Context(), ef.subs, en.by(r))
		if err != nil && !placeStoreProblem(ef, err) {
			return err
		}
	}
	if ef.total > 0 {
		p.Problems, p.Total = ef.problems, ef.total
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf(
			"ไฟล์ %s มีข้อผิดพลาด %s รายการ จึงยังไม่นำเข้าคำตอบใด ๆ กรุณาแก้ไขแล้วนำเข้าใหม่", p.File, formatNumber(ef.total)))
	}
	byAgency := map[string]int{}
	var order []string
	for _, s := range ef.subs {
		if byAgency[s.AgencyCode] == 0 {
			order = append(order, s.AgencyCode)
		}
		byAgency[s.AgencyCode]++
	}
	for _, code := range order {
		p.Imported = append(p.Imported, ImportedCount{Code: code, Name: names[code], Responses: byAgency[code]})
	}
	p.Flash = "entry.import.done"
	en.render(w, r, http.StatusOK, "entry_import", p)
	return nil
}

// placeStoreProblem turns the store's refusal of one submission — a national ID that has
// already answered (Conflict) or a response it found malformed (Invalid), with Fields keyed
// by the submission's index — into a problem on that row of the file. It reports false for
// any other error.
func placeStoreProblem(ef *eitFile, err error) bool {
	code := apperr.CodeOf(err)
	if code != apperr.CodeConflict && code != apperr.CodeInvalid {
		return false
	}
	placed := false
	for k := range apperr.FieldsOf(err) {
		i, convErr := strconv.Atoi(k)
		if convErr != nil || i < 0 || i >= len(ef.lines) {
			continue
		}
		msg := "เลขประจำตัวประชาชนนี้ตอบแบบสำรวจ EIT ของหน่วยงานนี้แล้ว"
		col := -1
		if code == apperr.CodeConflict {
			col = ef.idCol
		} else {
			msg = apperr.MessageOf(err)
		}
		ef.add(ef.lines[i], col, msg)
		placed = true
	}
	return placed
}

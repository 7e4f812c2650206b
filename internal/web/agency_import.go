package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// The agency import: a central admin uploads the registry, or part of it, as CSV or XLSX.
// The whole file is read and checked before anything is written; any problem, listed with its
// row and column, means nothing is imported. A clean file is written by store.UpsertAgencies
// in one transaction, so that importing the same file again changes nothing. Importing is
// registry maintenance by NACC and is not bound to a phase of the year.

// AgencyImportPage is the import form, with the problems of a rejected file or the result of
// an accepted one.
type AgencyImportPage struct {
	Page
	Columns       []importColumnHelp
	FileName      string
	Error         string // the summary of a rejected file, or ""
	FileError     string // the problem of the file field itself, or ""
	Problems      []problemView
	MoreProblems  int // problems found but not listed
	TotalProblems int
	Result        *importResultView
	MaxMB         int
}

// importColumnHelp describes one column on the import page.
type importColumnHelp struct {
	Field    string
	Thai     string
	Required bool
	Note     string // message key
}

// problemView is one problem as the page lists it.
type problemView struct {
	Where string
	Text  string
}

// importResultView is what an accepted import changed.
type importResultView struct {
	Created, Updated, Unchanged int
	CreatedCodes, UpdatedCodes  []string // at most maxListedCodes each
	MoreCreated, MoreUpdated    int
}

// maxListedCodes bounds the codes the result page lists as links.
const maxListedCodes = 50

// importRequired are the columns whose cells may not be empty.
var importRequired = map[string]bool{agency.FieldCode: true, agency.FieldName: true, agency.FieldType: true}

func (s *Server) importPage(r *http.Request) *AgencyImportPage {
	p := &AgencyImportPage{Page: Page{Title: "import.title"}, MaxMB: maxImportBytes >> 20}
	for _, c := range importColumns {
		p.Columns = append(p.Columns, importColumnHelp{Field: c.Field, Thai: c.Thai[0],
			Required: importRequired[c.Field], Note: "import.col." + c.Field})
	}
	return p
}

// agencyImportForm serves GET /agencies/import.
func (s *Server) agencyImportForm(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "agency_import", s.importPage(r))
	return nil
}

// agencyImportSubmit serves POST /agencies/import: the page lists every problem of a rejected
// file beside the form (422), or what an accepted file changed (200).
func (s *Server) agencyImportSubmit(w http.ResponseWriter, r *http.Request) error {
	lang := requestLang(r)
	p := s.importPage(r)
	up, err := readUpload(w, r)
	if err != nil {
		if apperr.CodeOf(err) != apperr.CodeInvalid {
			return err
		}
		p.Error, p.FileError = s.message(r, err), localFields(lang, err)["file"]
		s.render(w, r, http.StatusUnprocessableEntity, "agency_import", p)
		return nil
	}
	p.FileName = up.name
	res, f, err := s.importAgencies(r, up)
	if err != nil {
		return err
	}
	if len(f.Problems) > 0 {
		p.TotalProblems = len(f.Problems)
		p.Error = problemsSummary(lang, len(f.Problems))
		for i, pr := range f.Problems {
			if i == maxImportProblems {
				p.MoreProblems = len(f.Problems) - i
				break
			}
			p.Problems = append(p.Problems, problemView{Where: pr.Where(lang), Text: pr.Text(lang)})
		}
		s.render(w, r, http.StatusUnprocessableEntity, "agency_import", p)
		return nil
	}
	v := &importResultView{Created: len(res.Created), Updated: len(res.Updated), Unchanged: len(res.Unchanged)}
	v.CreatedCodes, v.MoreCreated = firstCodes(res.Created)
	v.UpdatedCodes, v.MoreUpdated = firstCodes(res.Updated)
	p.Result = v
	s.render(w, r, http.StatusOK, "agency_import", p)
	return nil
}

func firstCodes(codes []string) ([]string, int) {
	if len(codes) <= maxListedCodes {
		return codes, 0
	}
	return codes[:maxListedCodes], len(codes) - maxListedCodes
}

// problemsSummary says how many problems a rejected file has and that nothing was imported.
func problemsSummary(lang Lang, n int) string {
	if lang == LangEN {
		return fmt.Sprintf("The file has %d problems, so nothing was imported. Fix them and upload the file again.", n)
	}
	return fmt.Sprintf("พบข้อผิดพลาด %s รายการ จึงยังไม่นำเข้าข้อมูลใด ๆ กรุณาแก้ไขแล้วอัปโหลดไฟล์อีกครั้ง", formatNumber(n))
}

// importAgencies reads and checks the uploaded file and, when it has no problem, imports it.
// Problems come back in the file; a store error in err.
func (s *Server) importAgencies(r *http.Request, up upload) (agency.ImportResult, *importFile, error) {
	f := readImport(up.name, up.contentType, up.data)
	if len(f.Problems) > 0 {
		return agency.ImportResult{}, f, nil
	}
	res, err := s.store.UpsertAgencies(r.Context(), f.Agencies, s.by(r))
	if apperr.CodeOf(err) == apperr.CodeInvalid && len(apperr.FieldsOf(err)) > 0 {
		// The store checks the batch again; whatever it finds that readImport did not is
		// placed on its row all the same.
		for k, msg := range apperr.FieldsOf(err) {
			pos, field, _ := strings.Cut(k, ".")
			i, _ := strconv.Atoi(pos)
			pr := importProblem{Sheet: f.Sheet, Field: field, Message: msg, MessageEN: fieldMessageEN(msg)}
			if i >= 1 && i <= len(f.Lines) {
				pr.Line = f.Lines[i-1]
			}
			for j, c := range importColumns {
				if c.Field == field {
					pr.Column, pr.Header = f.columns[j]+1, f.headers[f.columns[j]]
				}
			}
			f.Problems = append(f.Problems, pr)
		}
		return res, f, nil
	}
	return res, f, err
}

// upload is a file sent to the server.
type upload struct {
	name, contentType string
	data              []byte
}

// xlsxType is the media type of an XLSX workbook.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// errFile returns an Invalid error about the uploaded file, with the message also beside the
// file field.
func errFile(th, en string) error {
	return &apperr.Error{Code: apperr.CodeInvalid, Message: th, MessageEN: en, Fields: map[string]string{"file": th}}
}

// The answers to an upload without a file and to one over maxImportBytes.
var (
	errNoFile   = errFile("กรุณาเลือกไฟล์ .xlsx หรือ .csv ที่จะนำเข้า", "Choose the .xlsx or .csv file to import")
	errTooLarge = errFile(fmt.Sprintf("ไฟล์มีขนาดเกิน %d MB กรุณาแบ่งเป็นหลายไฟล์", maxImportBytes>>20),
		fmt.Sprintf("The file is larger than %d MB: split it", maxImportBytes>>20))
)

// readUpload reads the file of an import request: the "file" part of a multipart form, or the
// whole body of any other request, whose Content-Type (text/csv or the XLSX type) and optional
// ?name= say what it is. It reads at most maxImportBytes and returns Invalid for a larger
// file or a form without a file.
func readUpload(w http.ResponseWriter, r *http.Request) (upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxImportBytes+64<<10)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "multipart/form-data" {
		up := upload{name: r.URL.Query().Get("name"), contentType: ct}
		if up.name == "" && ct == xlsxType {
			up.name = "agencies.xlsx"
		} else if up.name == "" {
			up.name = "agencies.csv"
		}
		var err error
		up.data, err = readLimited(r.Body)
		return up, err
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return upload{}, apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return upload{}, errTooLarge
			}
			return upload{}, apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		up := upload{name: part.FileName(), contentType: part.Header.Get("Content-Type")}
		up.data, err = readLimited(part)
		part.Close()
		if err == nil && up.name == "" && len(up.data) == 0 {
			err = errNoFile // the browser sends an empty, nameless part when no file was chosen
		}
		return up, err
	}
	return upload{}, errNoFile
}

// readLimited reads r to the end, at most maxImportBytes.
func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe) || len(data) > maxImportBytes:
		return nil, errTooLarge
	case err != nil:
		return nil, apperr.Wrap(err, apperr.CodeInvalid, "อ่านไฟล์ที่ส่งมาไม่สำเร็จ", "Cannot read the uploaded file")
	}
	return data, nil
}

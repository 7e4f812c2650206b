package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// makeXLSX returns the bytes of a workbook built by fill on a new file
// whose first sheet is named "แบบ IIT".
func makeXLSX(tb testing.TB, fill func(f *excelize.File, sheet string) error) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "แบบ IIT"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		tb.Fatal(err)
	}
	if err := fill(f, sheet); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// surveyXLSX has a header, rows 2 and 3, blank rows 4–11 and row 12, with
// numbers, a date and a second sheet that must not be read.
func surveyXLSX(f *excelize.File, sheet string) error {
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	rows := map[int][]any{
		1:  {"รหัส", "i1.1", " i1.2\u00A0", "วันที่"},
		2:  {"001", 4, 3.0, time.Date(2020, 10, 1, 0, 0, 0, 0, time.UTC)},
		3:  {"002", 1, 2.5},
		7:  {"", " ", "\u200B"},
		12: {"012", 2, 4},
	}
	for n, cells := range rows {
		if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(n), &cells); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "D2", "D2", date); err != nil {
		return err
	}
	other, err := f.NewSheet("อื่น")
	if err != nil {
		return err
	}
	f.SetActiveSheet(other)
	return f.SetSheetRow("อื่น", "A1", &[]any{"not", "this"})
}

func ptr[T any](v T) *T { return &v }

func TestXLSXRoundTrip(t *testing.T) {
	data := makeXLSX(t, surveyXLSX)
	path := filepath.Join(t.TempDir(), "iit.xlsx")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	open := map[string]func() (*Reader, error){
		"NewXLSX": func() (*Reader, error) { return NewXLSX(bytes.NewReader(data), "iit.xlsx") },
		"Open":    func() (*Reader, error) { return Open(path) },
	}
	wantHeader := []string{"รหัส", "i1.1", "i1.2", "วันที่"}
	wantRows := []row{
		{2, []string{"001", "4", "3", "2020-10-01"}},
		{3, []string{"002", "1", "2.5", ""}},
		{12, []string{"012", "2", "4", ""}},
	}
	for name, open := range open {
		t.Run(name, func(t *testing.T) {
			r, err := open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if got := r.Header(); !reflect.DeepEqual(got, wantHeader) {
				t.Errorf("Header() = %q, want %q", got, wantHeader)
			}
			rows, err := readAll(t, r)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rows, wantRows) {
				t.Errorf("rows = %v, want %v", rows, wantRows)
			}
			col, _ := r.Column("i1.2")
			if got, want := r.Pos(12, col), "iit.xlsx row 12, cell C12 (i1.2)"; got != want {
				t.Errorf("Pos(12, %d) = %q, want %q", col, got, want)
			}
			err = r.Errorf(12, col, "answer %q is not one of 1–4", "9")
			if got, want := err.Error(), `iit.xlsx row 12, cell C12 (i1.2): answer "9" is not one of 1–4`; got != want {
				t.Errorf("Errorf() = %q, want %q", got, want)
			}
			if err := r.Close(); err != nil {
				t.Errorf("Close() = %v", err)
			}
		})
	}
}

// zipOf returns a zip archive of the named files; a file whose content is
// nil is written raw, declaring size bytes uncompressed.
func zipOf(tb testing.TB, files map[string][]byte, size uint64) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		var err error
		if content == nil {
			var w io.Writer
			w, err = zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, UncompressedSize64: size, CompressedSize64: 2})
			if err == nil {
				_, err = w.Write([]byte{3, 0})
			}
		} else if w, cerr := zw.Create(name); cerr != nil {
			err = cerr
		} else {
			_, err = w.Write(content)
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSXErrors(t *testing.T) {
	valid := makeXLSX(t, surveyXLSX)
	tests := []struct {
		name string
		in   []byte
		err  string
	}{
		{"NotZip", []byte("hello"), "x.xlsx: not an .xlsx workbook (zip: not a valid zip file): open it in Excel and save it as .xlsx or CSV UTF-8"},
		{"CSVRenamed", []byte("a,b\r\n1,2\r\n"), "x.xlsx: not an .xlsx workbook (zip: not a valid zip file): open it in Excel and save it as .xlsx or CSV UTF-8"},
		{"Truncated", valid[:len(valid)/2], "x.xlsx: not an .xlsx workbook (zip: not a valid zip file): open it in Excel and save it as .xlsx or CSV UTF-8"},
		{"PasswordProtected", append(append([]byte{}, oleMagic...), make([]byte, 504)...), "x.xlsx: workbook is password-protected or in the old .xls format: remove the password and save it as .xlsx"},
		{"ZipBomb", zipOf(t, map[string][]byte{"xl/worksheets/sheet1.xml": nil}, MaxXLSXUnzipSize+1), `x.xlsx: workbook unpacks to more than 256 MiB: save it as "CSV UTF-8 (Comma delimited)"`},
		{"ZipWithoutWorkbook", zipOf(t, map[string][]byte{"hello.txt": []byte("hi")}, 0), "x.xlsx: damaged or not an .xlsx workbook (EOF): open it in Excel and save it as .xlsx or CSV UTF-8"},
		{"EmptySheet", makeXLSX(t, func(*excelize.File, string) error { return nil }), "x.xlsx: file is empty: no header row"},
		{
			"DuplicateHeader",
			makeXLSX(t, func(f *excelize.File, s string) error { return f.SetSheetRow(s, "A1", &[]any{"id", "e1", "e2", "e1"}) }),
			`x.xlsx row 1, cell D1 (e1): header "e1" appears twice: column B and column D`,
		},
		{
			"EmptyHeaderInMiddle",
			makeXLSX(t, func(f *excelize.File, s string) error { return f.SetSheetRow(s, "A3", &[]any{"id", nil, "e2"}) }),
			`x.xlsx row 3, cell B3: header cell is empty: every column needs a name`,
		},
		{
			"LongRow",
			makeXLSX(t, func(f *excelize.File, s string) error {
				if err := f.SetSheetRow(s, "A1", &[]any{"id", "e1"}); err != nil {
					return err
				}
				return f.SetCellValue(s, "F5", 3)
			}),
			`x.xlsx row 5, cell F5: cell "3" is to the right of the last header column "e1": delete it or give its column a header`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewXLSX(bytes.NewReader(tt.in), "x.xlsx")
			if err == nil {
				_, err = readAll(t, r)
				r.Close()
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error = %v (%T), want an *Error", err, err)
			}
			if err.Error() != tt.err {
				t.Errorf("error = %s\nwant    %s", err, tt.err)
			}
		})
	}
}

package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"
)

func FuzzCSV(f *testing.F) {
	for _, tt := range csvTests {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte("a,b\r\n\"1\r\n\"\"2\"\"\",3\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewCSV(bytes.NewReader(data), "f.csv")
		checkStream(t, r, err)
	})
}

// FuzzXLSX reads data as a whole file, or, with asSheet, as the XML of the
// first worksheet inside an otherwise valid workbook, to reach the row
// parser past the zip checks.
func FuzzXLSX(f *testing.F) {
	template := makeXLSX(f, surveyXLSX)
	f.Add(template, false)
	f.Add(makeXLSX(f, func(f *excelize.File, s string) error {
		return f.SetSheetRow(s, "B2", &[]any{"id", "e1", "e1"})
	}), false)
	f.Add([]byte("a,b\n1,2\n"), false)
	f.Add(append(append([]byte{}, oleMagic...), make([]byte, 504)...), false)
	f.Add(sheetXML(f, template), true)
	f.Add([]byte(`<worksheet><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>ก</t></is></c></row>`+
		`<row r="2"><c r="A2"><v>1</v></c><c r="XFD2"><v>2</v></c></row><row><c t="s"><v>99</v></c></row></sheetData></worksheet>`), true)
	f.Fuzz(func(t *testing.T, data []byte, asSheet bool) {
		if asSheet {
			data = replaceZipFile(t, template, "xl/worksheets/sheet1.xml", data)
		}
		r, err := NewXLSX(bytes.NewReader(data), "f.xlsx")
		checkStream(t, r, err)
	})
}

func sheetXML(tb testing.TB, xlsx []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		tb.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		tb.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// replaceZipFile returns the zip archive xlsx with the file name holding
// content.
func replaceZipFile(tb testing.TB, xlsx []byte, name string, content []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			tb.Fatal(err)
		}
		if f.Name == name {
			_, err = w.Write(content)
		} else if rc, oerr := f.Open(); oerr != nil {
			err = oerr
		} else {
			_, err = io.Copy(w, rc)
			rc.Close()
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

// checkStream reads r to the end and checks the promises that hold for any
// input: every error is an *Error with a message, the header is trimmed,
// non-empty and distinct, rows come on strictly increasing lines after the
// header, with one trimmed cell per column and not all empty.
func checkStream(t *testing.T, r *Reader, err error) {
	t.Helper()
	if err != nil {
		checkError(t, err)
		return
	}
	defer r.Close()
	seen := map[string]bool{}
	for _, h := range r.Header() {
		if h == "" || h != trim(h) || seen[h] {
			t.Fatalf("bad header cell %q in %q", h, r.Header())
		}
		seen[h] = true
	}
	last := r.HeaderLine()
	if last < 1 {
		t.Fatalf("HeaderLine() = %d", last)
	}
	var prev error
	for range 100000 {
		row, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if err == prev {
				return // sticky: the file cannot be read further
			}
			checkError(t, err)
			prev = err
			continue
		}
		if row.Line <= last {
			t.Fatalf("row line %d after line %d", row.Line, last)
		}
		last = row.Line
		if len(row.Cells) != len(r.Header()) {
			t.Fatalf("line %d: %d cells for %d columns", row.Line, len(row.Cells), len(r.Header()))
		}
		empty := true
		for _, c := range row.Cells {
			if c != trim(c) {
				t.Fatalf("line %d: cell %q not trimmed", row.Line, c)
			}
			empty = empty && c == ""
		}
		if empty {
			t.Fatalf("line %d: empty row returned", row.Line)
		}
	}
	t.Fatal("no end after 100000 rows")
}

func checkError(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	if e.Msg == "" || err.Error() == "" {
		t.Fatalf("error without a message: %#v", e)
	}
}

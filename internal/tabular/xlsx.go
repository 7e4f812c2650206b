package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"
)

// Limits on XLSX input, a guard against oversized uploads and zip bombs. A
// larger table should come as CSV, which has no size limit.
const (
	// MaxXLSXSize is the largest XLSX file accepted, in bytes (256 MiB).
	MaxXLSXSize = 256 << 20
	// MaxXLSXUnzipSize is the largest total uncompressed size of the parts
	// of an XLSX file, in bytes (256 MiB): about 100,000 rows of 60
	// numeric cells.
	MaxXLSXUnzipSize = 256 << 20
	// xlsxInMemory is the largest worksheet or shared-string part kept in
	// memory (excelize's UnzipXMLSizeLimit); larger parts are unzipped to
	// the temporary directory and streamed from there.
	xlsxInMemory = 16 << 20
)

// oleMagic starts an OLE compound file: a password-protected workbook or an
// old binary .xls.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// NewXLSX reads the first sheet of the XLSX workbook in r, cells as Excel
// displays them (numbers as "4", dates in their format). name is used in
// positions, for example the file's base name. The whole of r, at most
// MaxXLSXSize bytes, is read into memory. It reads the header row at once
// and returns an *Error if the workbook is too large, password-protected,
// not an XLSX workbook, has no sheet, or has an empty first sheet or a bad
// header. Close does not close r.
func NewXLSX(r io.Reader, name string) (*Reader, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxXLSXSize+1))
	if err != nil {
		return nil, &Error{File: name, Msg: "cannot read the file: " + err.Error(), Err: err, sheet: true}
	}
	if len(b) > MaxXLSXSize {
		return nil, tooLarge(name)
	}
	if err := checkXLSX(bytes.NewReader(b), int64(len(b)), name); err != nil {
		return nil, err
	}
	return newXLSX(name, func() (*excelize.File, error) {
		return excelize.OpenReader(bytes.NewReader(b), xlsxOptions())
	})
}

// openXLSXFile is Open for an .xlsx path. The file is read where it lies,
// not copied into memory.
func openXLSXFile(path, name string) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error(), Err: err, sheet: true}
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error(), Err: err, sheet: true}
	}
	if fi.Size() > MaxXLSXSize {
		return nil, tooLarge(name)
	}
	if err := checkXLSX(f, fi.Size(), name); err != nil {
		return nil, err
	}
	return newXLSX(name, func() (*excelize.File, error) {
		return excelize.OpenFile(path, xlsxOptions())
	})
}

func xlsxOptions() excelize.Options {
	return excelize.Options{UnzipSizeLimit: MaxXLSXUnzipSize, UnzipXMLSizeLimit: xlsxInMemory}
}

func tooLarge(name string) *Error {
	return &Error{File: name, sheet: true,
		Msg: fmt.Sprintf("workbook is larger than %d MiB: save it as \"CSV UTF-8 (Comma delimited)\"", MaxXLSXSize>>20)}
}

// checkXLSX rejects what excelize should not be given: OLE files
// (password-protected workbooks, old .xls), non-zip data and zip archives
// that unpack to more than MaxXLSXUnzipSize. The sizes it adds up are those
// the archive declares; archive/zip fails a read past a declared size.
func checkXLSX(r io.ReaderAt, size int64, name string) error {
	head := make([]byte, len(oleMagic))
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, oleMagic) {
		return &Error{File: name, sheet: true,
			Msg: "workbook is password-protected or in the old .xls format: remove the password and save it as .xlsx"}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return &Error{File: name, Err: err, sheet: true,
			Msg: "not an .xlsx workbook (" + err.Error() + "): open it in Excel and save it as .xlsx or CSV UTF-8"}
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > MaxXLSXUnzipSize || total < f.UncompressedSize64 {
			return &Error{File: name, sheet: true,
				Msg: fmt.Sprintf("workbook unpacks to more than %d MiB: save it as \"CSV UTF-8 (Comma delimited)\"", MaxXLSXUnzipSize>>20)}
		}
	}
	return nil
}

// newXLSX opens a workbook with open and reads the header of its first
// sheet. excelize is large and the input untrusted, so a panic inside it
// becomes an *Error rather than a crash.
func newXLSX(name string, open func() (*excelize.File, error)) (r *Reader, err error) {
	src := &xlsxSource{name: name}
	defer func() {
		if p := recover(); p != nil {
			src.close()
			r, err = nil, &Error{File: name, sheet: true, Msg: fmt.Sprintf("cannot read the workbook (internal error: %v)", p)}
		}
	}()
	f, err := open()
	if f != nil {
		src.f = f
	}
	if err != nil {
		src.close()
		return nil, &Error{File: name, Err: err, sheet: true,
			Msg: "damaged or not an .xlsx workbook (" + err.Error() + "): open it in Excel and save it as .xlsx or CSV UTF-8"}
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		src.close()
		return nil, &Error{File: name, sheet: true, Msg: "workbook has no sheet"}
	}
	if src.rows, err = f.Rows(sheets[0]); err != nil {
		src.close()
		return nil, &Error{File: name, Err: err, sheet: true, Msg: fmt.Sprintf("cannot read sheet %q: %v", sheets[0], err)}
	}
	return newReader(name, true, src)
}

// xlsxSource streams the rows of one sheet. excelize's Rows.Next advances
// one row number per call, returning empty rows for rows absent from the
// file, so counting calls gives the row number Excel shows.
type xlsxSource struct {
	name string
	f    *excelize.File
	rows *excelize.Rows
	n    int // row number of the last row read
}

func (s *xlsxSource) read() (cells []string, line int, err error) {
	defer func() {
		if p := recover(); p != nil {
			cells, line = nil, 0
			err = &Error{File: s.name, Line: s.n, sheet: true, Msg: fmt.Sprintf("cannot read the workbook (internal error: %v)", p)}
		}
	}()
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, 0, &Error{File: s.name, Line: s.n + 1, Err: err, sheet: true, Msg: "cannot read the row: " + err.Error()}
		}
		return nil, 0, io.EOF
	}
	s.n++
	cells, err = s.rows.Columns()
	if err != nil {
		return nil, 0, &Error{File: s.name, Line: s.n, Err: err, sheet: true, Msg: "cannot read the row: " + err.Error()}
	}
	return cells, s.n, nil
}

func (s *xlsxSource) close() error {
	var errs []error
	if s.rows != nil {
		if err := s.rows.Close(); err != nil {
			errs = append(errs, err)
		}
		s.rows = nil
	}
	if s.f != nil {
		if err := s.f.Close(); err != nil {
			errs = append(errs, err)
		}
		s.f = nil
	}
	return errors.Join(errs...)
}

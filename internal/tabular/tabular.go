// Package tabular reads tabular input files — CSV or XLSX, as Thai
// government staff produce them in Excel — as a stream of rows under a
// header row, and locates every problem as a person sees it: "iit.csv line
// 12, column 3 (i1.2)" or "iit.xlsx row 12, cell C12 (i1.2)".
//
// CSV must be UTF-8, with or without a byte order mark, with LF or CRLF line
// ends (Excel's "CSV UTF-8"). It is read in constant memory per row. XLSX is
// read from the first sheet, cells as Excel displays them, within the size
// limits MaxXLSXSize and MaxXLSXUnzipSize.
//
// Cells are trimmed of white space (including the no-break space U+00A0),
// byte order marks and zero-width characters; rows whose cells are all
// empty are skipped. Every error the package returns, apart from io.EOF at
// the end of the rows, is an *Error.
package tabular

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxColumns is the largest number of header cells accepted, Excel's own
// limit (column XFD).
const MaxColumns = 16384

// A Reader reads the rows of one table. Make one with Open, NewCSV or
// NewXLSX; the zero Reader is not usable. A Reader is not safe for
// concurrent use.
type Reader struct {
	name       string
	sheet      bool // XLSX: positions are "row 12, cell C12"
	src        source
	header     []string
	headerLine int
	index      map[string]int
	buf        []string // Row.Cells, reused
	err        error    // sticky: io.EOF, a decode error, or errClosed
	closed     bool
}

// source is one file format: read returns the next physical row, untrimmed,
// with its 1-based line (CSV) or row (XLSX) number.
type source interface {
	read() (cells []string, line int, err error)
	close() error
}

// Row is one non-empty row of the table.
type Row struct {
	// Line is the 1-based line (CSV) or row (XLSX) number where the row
	// starts, as a person sees it in an editor or in Excel.
	Line int
	// Cells holds one trimmed cell per header column, "" where the row is
	// short. It is valid only until the next call to Next.
	Cells []string
}

// Open opens the file at path as CSV or XLSX according to its extension,
// .csv or .xlsx in any letter case. Positions in errors use the base name of
// path. Any other extension, an unreadable file, an empty file and a bad
// header row are reported as an *Error. Close releases the file.
func Open(path string) (*Reader, error) {
	name := filepath.Base(path)
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv":
		f, err := os.Open(path)
		if err != nil {
			return nil, &Error{File: name, Msg: err.Error(), Err: err}
		}
		r, err := newCSV(f, name, f)
		if err != nil {
			f.Close()
			return nil, err
		}
		return r, nil
	case ".xlsx":
		return openXLSXFile(path, name)
	default:
		msg := fmt.Sprintf("unsupported file type %q: use .csv (CSV UTF-8) or .xlsx", ext)
		if ext == "" {
			msg = "file name has no extension: use .csv (CSV UTF-8) or .xlsx"
		}
		return nil, &Error{File: name, Msg: msg}
	}
}

// newReader reads the header row from src. On error it closes src.
func newReader(name string, sheet bool, src source) (*Reader, error) {
	r := &Reader{name: name, sheet: sheet, src: src}
	if err := r.readHeader(); err != nil {
		src.close()
		return nil, err
	}
	r.buf = make([]string, len(r.header))
	return r, nil
}

// readHeader takes the first non-empty row as the header and checks that
// every column has a name of its own. Empty cells after the last name are
// dropped: Excel leaves them behind when cells to the right were touched.
func (r *Reader) readHeader() error {
	var cells []string
	var line int
	for {
		c, l, err := r.src.read()
		if err == io.EOF {
			return &Error{File: r.name, Msg: "file is empty: no header row"}
		}
		if err != nil {
			return r.decodeError(err)
		}
		if nonEmpty, bad := trimCells(c); bad >= 0 {
			return r.invalidUTF8(l, bad)
		} else if nonEmpty {
			cells, line = c, l
			break
		}
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	r.headerLine = line
	if len(cells) > MaxColumns {
		return r.errorAt(line, MaxColumns, "header has %d columns, more than the %d allowed", len(cells), MaxColumns)
	}
	r.header = append([]string(nil), cells...) // cells may be a reused buffer
	r.index = make(map[string]int, len(cells))
	for i, h := range r.header {
		if !r.sheet && strings.Contains(h, "\r") {
			return r.errorAt(line, -1, `lines end in a bare carriage return (an old Mac CSV): in Excel save it as "CSV UTF-8 (Comma delimited)"`)
		}
		if h == "" {
			return r.errorAt(line, i, "header cell is empty: every column needs a name")
		}
		if j, dup := r.index[h]; dup {
			return r.errorAt(line, i, "header %q appears twice: %s and %s", h, r.colLabel(j), r.colLabel(i))
		}
		r.index[h] = i
	}
	return nil
}

// Header returns the header row: one trimmed, non-empty, distinct name per
// column. The caller must not modify it.
func (r *Reader) Header() []string { return r.header }

// HeaderLine returns the 1-based line (CSV) or row (XLSX) of the header row,
// for errors about the header as a whole such as a missing column.
func (r *Reader) HeaderLine() int { return r.headerLine }

// Column returns the index in Header and Row.Cells of the column named name,
// compared after trimming name as cells are trimmed. It reports false if no
// column has that name.
func (r *Reader) Column(name string) (int, bool) {
	i, ok := r.index[trim(name)]
	return i, ok
}

// Next returns the next row whose cells are not all empty, or io.EOF (not
// wrapped) after the last one. A row with a non-empty cell to the right of
// the last header column, or with text that is not UTF-8, is reported as an
// *Error naming it; the following call goes on with the next row. A file
// that cannot be decoded (a CSV quoting error, a damaged workbook) is
// reported as an *Error that wraps the cause, and Next returns the same
// error from then on, as it does after Close.
func (r *Reader) Next() (Row, error) {
	if r.err != nil {
		return Row{}, r.err
	}
	for {
		cells, line, err := r.src.read()
		if err != nil {
			if err != io.EOF {
				err = r.decodeError(err)
			}
			r.err = err
			return Row{}, err
		}
		nonEmpty, bad := trimCells(cells)
		if bad >= 0 {
			return Row{}, r.invalidUTF8(line, bad)
		}
		if !nonEmpty {
			continue
		}
		for i := len(r.header); i < len(cells); i++ {
			if cells[i] != "" {
				return Row{}, r.errorAt(line, i, "cell %q is to the right of the last header column %q: delete it or give its column a header",
					clip(cells[i]), r.header[len(r.header)-1])
			}
		}
		n := copy(r.buf, cells)
		clear(r.buf[n:])
		return Row{Line: line, Cells: r.buf}, nil
	}
}

// Cell returns the cell of row in column col, trimmed, or "" if col is
// outside the row.
func (r *Reader) Cell(row Row, col int) string {
	if col < 0 || col >= len(row.Cells) {
		return ""
	}
	return row.Cells[col]
}

// Close releases the file behind r: the *os.File from Open, the workbook and
// its temporary files. It does not close an io.Reader passed to NewCSV or
// NewXLSX. Next returns an *Error after Close. Close may be called more than
// once; later calls return nil. A failure to close is an *Error.
func (r *Reader) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	if r.err == nil || r.err == io.EOF {
		r.err = &Error{File: r.name, Msg: "read after Close", Err: errClosed, sheet: r.sheet}
	}
	if err := r.src.close(); err != nil {
		return &Error{File: r.name, Msg: "cannot close the file: " + err.Error(), Err: err, sheet: r.sheet}
	}
	return nil
}

var errClosed = errors.New("tabular: reader is closed")

// trimCells trims every cell in place. It reports whether any cell is
// non-empty, and the index of the first cell that is not valid UTF-8, or -1.
func trimCells(cells []string) (nonEmpty bool, bad int) {
	for i, c := range cells {
		if !utf8.ValidString(c) {
			return false, i
		}
		c = trim(c)
		cells[i] = c
		if c != "" {
			nonEmpty = true
		}
	}
	return nonEmpty, -1
}

// trim removes white space (unicode.IsSpace, which includes U+00A0), byte
// order marks and zero-width characters from both ends of s.
func trim(s string) string {
	if s == "" {
		return s
	}
	// Fast path: most cells start and end with a printable ASCII byte.
	if a, z := s[0], s[len(s)-1]; a > ' ' && a < utf8.RuneSelf && z > ' ' && z < utf8.RuneSelf {
		return s
	}
	return strings.TrimFunc(s, isPadding)
}

func isPadding(r rune) bool {
	switch r {
	case '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060':
		return true
	}
	return unicode.IsSpace(r)
}

// clip shortens a cell quoted in a message.
func clip(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

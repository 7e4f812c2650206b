package tabular

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Error is a problem in a tabular file, located as precisely as it is known.
// Its message reads like "iit.csv line 12, column 3 (i1.2): answer "5" is not
// one of 1–4" or "iit.xlsx row 12, cell C12 (i1.2): …".
type Error struct {
	// File is the name given to NewCSV or NewXLSX, or the base name of the
	// path given to Open.
	File string
	// Line is the 1-based line (CSV) or row (XLSX); 0 if the problem
	// concerns the whole file.
	Line int
	// Column is the 1-based column as a person counts it (A = 1); 0 if the
	// problem concerns a whole row or file.
	Column int
	// Header is the header of Column, "" if unknown or outside the header.
	Header string
	// Msg says what is wrong, for a person.
	Msg string
	// Err is the underlying cause (a *csv.ParseError, an I/O error, an
	// excelize error), nil if none. Unwrap returns it.
	Err error

	sheet bool // XLSX: "row 12, cell C12" instead of "line 12, column 3"
}

// Error returns the position followed by Msg.
func (e *Error) Error() string {
	return position(e.File, e.sheet, e.Line, e.Column, e.Header) + ": " + e.Msg
}

// Unwrap returns the underlying cause, nil if none.
func (e *Error) Unwrap() error { return e.Err }

// Pos returns the position of column index col (as returned by Column; < 0
// for none) on line as a person reads it: "iit.csv line 12, column 3 (i1.2)"
// or "iit.xlsx row 12, cell C12 (i1.2)". Line 0 gives the file name alone.
func (r *Reader) Pos(line, col int) string {
	h, c := r.headerOf(col)
	return position(r.name, r.sheet, line, c, h)
}

// Errorf returns an *Error at column index col (as returned by Column; < 0
// for the whole row) on line, with a message formatted as by fmt.Errorf; an
// error wrapped with %w is kept in Err. The result is never nil.
func (r *Reader) Errorf(line, col int, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	h, c := r.headerOf(col)
	return &Error{File: r.name, Line: line, Column: c, Header: h, Msg: err.Error(), Err: errors.Unwrap(err), sheet: r.sheet}
}

// errorAt is Errorf without wrapping.
func (r *Reader) errorAt(line, col int, format string, args ...any) *Error {
	h, c := r.headerOf(col)
	return &Error{File: r.name, Line: line, Column: c, Header: h, Msg: fmt.Sprintf(format, args...), sheet: r.sheet}
}

// headerOf returns the header name and 1-based column of index col.
func (r *Reader) headerOf(col int) (header string, column int) {
	if col < 0 {
		return "", 0
	}
	if col < len(r.header) {
		header = r.header[col]
	}
	return header, col + 1
}

// colLabel names column index col in a message: "column 3" or "column C".
func (r *Reader) colLabel(col int) string {
	if r.sheet {
		return "column " + columnName(col+1)
	}
	return "column " + strconv.Itoa(col+1)
}

func (r *Reader) invalidUTF8(line, col int) *Error {
	return r.errorAt(line, col, "text is not UTF-8 (a CSV saved as ANSI or Windows-874?): in Excel save it as \"CSV UTF-8 (Comma delimited)\"")
}

// decodeError reports a file that cannot be decoded, keeping the cause.
func (r *Reader) decodeError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &Error{File: r.name, Msg: "cannot read the file: " + err.Error(), Err: err, sheet: r.sheet}
	}
	msg := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = `a quote (") inside a cell that does not start with one: put the whole cell in quotes and double the quote inside ("")`
	case errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line:
		msg = fmt.Sprintf(`the quoted cell starting on line %d is not closed properly: check for a missing or extra quote (")`, pe.StartLine)
	case errors.Is(pe.Err, csv.ErrQuote):
		msg = `a quoted cell is not closed properly: check for a missing or extra quote (")`
	}
	return &Error{File: r.name, Line: pe.Line, Msg: msg, Err: err}
}

// position formats a place in a file; column is 1-based, 0 for none.
func position(file string, sheet bool, line, column int, header string) string {
	if file == "" {
		file = "input"
	}
	if line <= 0 {
		return file
	}
	b := make([]byte, 0, len(file)+len(header)+32)
	b = append(b, file...)
	if sheet {
		b = append(b, " row "...)
	} else {
		b = append(b, " line "...)
	}
	b = strconv.AppendInt(b, int64(line), 10)
	if column > 0 {
		if sheet {
			b = append(b, ", cell "...)
			b = append(b, columnName(column)...)
			b = strconv.AppendInt(b, int64(line), 10)
		} else {
			b = append(b, ", column "...)
			b = strconv.AppendInt(b, int64(column), 10)
		}
		if header != "" {
			b = append(b, " ("...)
			b = append(b, oneLine(header)...)
			b = append(b, ')')
		}
	}
	return string(b)
}

// oneLine replaces the line breaks and other control characters of a
// multi-line header cell with spaces.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// columnName returns the spreadsheet name of 1-based column n: 1 → "A",
// 27 → "AA".
func columnName(n int) string {
	var b [16]byte
	i := len(b)
	for n > 0 && i > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b[i:])
}

package tabular

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"io"
)

// NewCSV reads comma-separated UTF-8 text from r, with or without a byte
// order mark, with LF or CRLF line ends; a cell may span lines inside
// quotes. name is used in positions, for example the file's base name. It
// reads the header row at once and returns an *Error if r is empty, is
// UTF-16, cannot be parsed or has a bad header. Close does not close r.
func NewCSV(r io.Reader, name string) (*Reader, error) {
	return newCSV(r, name, nil)
}

// newCSV is NewCSV that closes c, if not nil, on Close.
func newCSV(r io.Reader, name string, c io.Closer) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(3)
	if err != nil && err != io.EOF && len(head) < 3 {
		return nil, &Error{File: name, Msg: "cannot read the file: " + err.Error(), Err: err}
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		br.Discard(3)
	case bytes.HasPrefix(head, []byte("\xFF\xFE")), bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return nil, &Error{File: name, Msg: `text is UTF-16 ("Unicode Text"): in Excel save it as "CSV UTF-8 (Comma delimited)"`}
	}
	cr := csv.NewReader(br) // uses br itself: it is large enough
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return newReader(name, false, &csvSource{r: cr, c: c})
}

// csvSource reads records with encoding/csv, reusing one record buffer.
type csvSource struct {
	r *csv.Reader
	c io.Closer
}

func (s *csvSource) read() ([]string, int, error) {
	rec, err := s.r.Read()
	if err != nil {
		return nil, 0, err
	}
	line, _ := s.r.FieldPos(0) // where the record starts, even after multi-line cells
	return rec, line, nil
}

func (s *csvSource) close() error {
	if s.c == nil {
		return nil
	}
	return s.c.Close()
}

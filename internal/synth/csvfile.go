package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
)

// csvFile streams rows to a CSV file as Excel's "CSV UTF-8" does: a byte order mark, then
// CRLF-terminated records.
type csvFile struct {
	path string
	f    *os.File
	w    *csv.Writer
}

// createCSV creates (or truncates) the file at path and writes the header row.
func createCSV(path string, header []string) (*csvFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	bw.WriteString("\uFEFF")
	// csv.NewWriter writes straight into bw: it is already a large enough bufio.Writer.
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	c := &csvFile{path: path, f: f, w: w}
	if err := c.write(header); err != nil {
		f.Close()
		return nil, err
	}
	return c, nil
}

// write writes one record. An error is sticky: every later write returns it too.
func (c *csvFile) write(rec []string) error {
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("synth: writing %s: %w", c.path, err)
	}
	return nil
}

// close flushes the buffered records and closes the file.
func (c *csvFile) close() error {
	c.w.Flush()
	err := c.w.Error()
	if cerr := c.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("synth: writing %s: %w", c.path, err)
	}
	return nil
}

package scoreinput

import (
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/tabular"
)

// eachRow calls fn for every data row until the end of the file or the error cap. A bad row
// (a cell past the header, broken UTF-8) is reported and reading goes on, so that every problem
// shows at once; an error that repeats on the next call (a file that cannot be parsed further)
// ends the loop.
func eachRow(r *tabular.Reader, errs *Errors, fn func(row tabular.Row)) {
	var last string
	for !errs.full() {
		row, err := r.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			if err.Error() == last {
				return
			}
			last = err.Error()
			errs.add(err)
			continue
		}
		last = ""
		fn(row)
	}
}

// column finds a header ignoring case: people retype "Agency" as often as "agency".
func column(r *tabular.Reader, name string) (int, bool) {
	for i, h := range r.Header() {
		if strings.EqualFold(h, name) {
			return i, true
		}
	}
	return 0, false
}

// requireColumns finds the named columns, reporting each missing one.
func requireColumns(r *tabular.Reader, errs *Errors, names ...string) ([]int, bool) {
	cols := make([]int, len(names))
	ok := true
	for i, n := range names {
		c, found := column(r, n)
		if !found {
			errs.add(r.Errorf(r.HeaderLine(), -1, "required column %q is missing (header has: %s)", n, strings.Join(r.Header(), ", ")))
			ok = false
		}
		cols[i] = c
	}
	return cols, ok
}

var thousands = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)

// wholeNumber parses a count as people type it in Excel: "1234", "1,234", "1234.0", Thai digits.
func wholeNumber(s string) (int, bool) {
	s = thaiDigits.Replace(strings.TrimSpace(s))
	if thousands.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != float64(int(f)) {
		return 0, false
	}
	return int(f), true
}

var thaiDigits = strings.NewReplacer("๐", "0", "๑", "1", "๒", "2", "๓", "3", "๔", "4", "๕", "5", "๖", "6", "๗", "7", "๘", "8", "๙", "9")

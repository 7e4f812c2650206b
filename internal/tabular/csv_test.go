package tabular

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// row is a Row with its cells copied, for comparison.
type row struct {
	Line  int
	Cells []string
}

// readAll reads every row of r, stopping at the first error, which it
// returns (nil at io.EOF).
func readAll(t testing.TB, r *Reader) ([]row, error) {
	t.Helper()
	var rows []row
	for {
		got, err := r.Next()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		rows = append(rows, row{got.Line, append([]string(nil), got.Cells...)})
	}
}

var csvTests = []struct {
	name   string
	in     string
	header []string
	rows   []row
	err    string // the whole first error, "" if none
}{
	{
		name:   "BOMAndCRLFThai",
		in:     "\uFEFFรหัส,คำถาม ข้อ 1,ความเห็น\r\n001,4,ดีมาก\r\n002,3,\"มี, จุลภาค\"\r\n",
		header: []string{"รหัส", "คำถาม ข้อ 1", "ความเห็น"},
		rows:   []row{{2, []string{"001", "4", "ดีมาก"}}, {3, []string{"002", "3", "มี, จุลภาค"}}},
	},
	{
		name:   "QuotedHeaderAfterBOM",
		in:     "\uFEFF\"i1.1\",\"i1.2\"\r\n1,2\r\n",
		header: []string{"i1.1", "i1.2"},
		rows:   []row{{2, []string{"1", "2"}}},
	},
	{
		name:   "ThaiHeaderTrimmedOfInvisibles",
		in:     " ชื่อ\u00A0, \u200Bอายุ\uFEFF ,\u00A0เพศ\n\u00A0สมชาย , 42\u200B,ชาย\n",
		header: []string{"ชื่อ", "อายุ", "เพศ"},
		rows:   []row{{2, []string{"สมชาย", "42", "ชาย"}}},
	},
	{
		name:   "ShortRowsPadded",
		in:     "a,b,c\n1\n1,2\n",
		header: []string{"a", "b", "c"},
		rows:   []row{{2, []string{"1", "", ""}}, {3, []string{"1", "2", ""}}},
	},
	{
		name:   "TrailingEmptyCellsIgnored",
		in:     "a,b,,\r\n1,2,,\r\n3,4, ,\r\n",
		header: []string{"a", "b"},
		rows:   []row{{2, []string{"1", "2"}}, {3, []string{"3", "4"}}},
	},
	{
		name:   "LongRowError",
		in:     "a,b\n1,2\n1,2,3\n",
		header: []string{"a", "b"},
		rows:   []row{{2, []string{"1", "2"}}},
		err:    `x.csv line 3, column 3: cell "3" is to the right of the last header column "b": delete it or give its column a header`,
	},
	{
		name: "DuplicateHeader",
		in:   "id,i1.1,i1.2,i1.1\n",
		err:  `x.csv line 1, column 4 (i1.1): header "i1.1" appears twice: column 2 and column 4`,
	},
	{
		name: "EmptyHeaderInMiddle",
		in:   "a,,c\n",
		err:  "x.csv line 1, column 2: header cell is empty: every column needs a name",
	},
	{
		name:   "BlankLinesSkipped",
		in:     "\r\na,b\r\n\r\n1,2\r\n,\r\n \u00A0, \r\n\r\n3,4\r\n\r\n",
		header: []string{"a", "b"},
		rows:   []row{{4, []string{"1", "2"}}, {8, []string{"3", "4"}}},
	},
	{
		name:   "MultiLineCellKeepsLines",
		in:     "a,b\r\n1,\"ข้อ\r\nสอง\r\nสาม\"\r\n2,x\r\n\"\n\",3\r\n4,y\r\n",
		header: []string{"a", "b"},
		rows: []row{
			{2, []string{"1", "ข้อ\nสอง\nสาม"}},
			{5, []string{"2", "x"}},
			{6, []string{"", "3"}},
			{8, []string{"4", "y"}},
		},
	},
	{
		name:   "BareQuote",
		in:     "a,b\n1,2\n3,ab\"c\n",
		header: []string{"a", "b"},
		rows:   []row{{2, []string{"1", "2"}}},
		err:    `x.csv line 3: a quote (") inside a cell that does not start with one: put the whole cell in quotes and double the quote inside ("")`,
	},
	{
		name:   "UnclosedQuote",
		in:     "a,b\n1,\"x\n2,3\n",
		header: []string{"a", "b"},
		err:    `x.csv line 3: the quoted cell starting on line 2 is not closed properly: check for a missing or extra quote (")`,
	},
	{
		name: "BareQuoteInHeader",
		in:   "a,b\"\n",
		err:  `x.csv line 1: a quote (") inside a cell that does not start with one: put the whole cell in quotes and double the quote inside ("")`,
	},
	{
		name: "BareCRLineEnds",
		in:   "a,b\r1,2\r",
		err:  `x.csv line 1: lines end in a bare carriage return (an old Mac CSV): in Excel save it as "CSV UTF-8 (Comma delimited)"`,
	},
	{name: "Empty", in: "", err: "x.csv: file is empty: no header row"},
	{name: "OnlyBOMAndBlankLines", in: "\uFEFF\r\n , \r\n", err: "x.csv: file is empty: no header row"},
	{
		name: "UTF16",
		in:   "\xFF\xFEa\x00,\x00b\x00",
		err:  `x.csv: text is UTF-16 ("Unicode Text"): in Excel save it as "CSV UTF-8 (Comma delimited)"`,
	},
	{
		name:   "Windows874",
		in:     "a,b\n1,\xA1\xD2\n",
		header: []string{"a", "b"},
		err:    `x.csv line 2, column 2 (b): text is not UTF-8 (a CSV saved as ANSI or Windows-874?): in Excel save it as "CSV UTF-8 (Comma delimited)"`,
	},
	{
		// Excel never writes a space before a quote; accepting it would
		// cost a third of the reading speed.
		name: "SpaceBeforeQuoteIsBareQuote",
		in:   "a, \"b\"\n",
		err:  `x.csv line 1: a quote (") inside a cell that does not start with one: put the whole cell in quotes and double the quote inside ("")`,
	},
}

func TestCSV(t *testing.T) {
	for _, tt := range csvTests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewCSV(strings.NewReader(tt.in), "x.csv")
			var rows []row
			if err == nil {
				if got := r.Header(); !reflect.DeepEqual(got, tt.header) {
					t.Errorf("Header() = %q, want %q", got, tt.header)
				}
				rows, err = readAll(t, r)
				if cerr := r.Close(); cerr != nil {
					t.Errorf("Close() = %v", cerr)
				}
			}
			if !reflect.DeepEqual(rows, tt.rows) {
				t.Errorf("rows = %v, want %v", rows, tt.rows)
			}
			got := ""
			if err != nil {
				got = err.Error()
				var e *Error
				if !errors.As(err, &e) {
					t.Errorf("error %T is not an *Error", err)
				}
			}
			if got != tt.err {
				t.Errorf("error = %s\nwant    %s", got, tt.err)
			}
		})
	}
}

func TestCSVParseErrorKeepsCause(t *testing.T) {
	r, err := NewCSV(strings.NewReader("a\n\"x\"y\n"), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Next()
	var pe *csv.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, csv.ErrQuote) {
		t.Fatalf("Next() = %v, want a wrapped *csv.ParseError with ErrQuote", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 {
		t.Errorf("Line = %d, want 2", e.Line)
	}
	if _, again := r.Next(); again != err {
		t.Errorf("second Next() = %v, want the same error (sticky)", again)
	}
}

func TestRowErrorsAreNotSticky(t *testing.T) {
	r, err := NewCSV(strings.NewReader("a\n1,x\n2\n"), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err == nil {
		t.Fatal("Next() on the long row: no error")
	}
	got, err := r.Next()
	if err != nil || got.Line != 3 || got.Cells[0] != "2" {
		t.Errorf("Next() after the error = %v, %v; want line 3 [2]", got, err)
	}
}

func TestReaderAfterClose(t *testing.T) {
	r, err := NewCSV(strings.NewReader("a\n1\n"), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close() = %v", err)
	}
	if _, err := r.Next(); err == nil || err == io.EOF {
		t.Errorf("Next() after Close = %v, want an error", err)
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, err string
	}{
		{"UpperCaseCSV", write("IIT.CSV", "\uFEFFa\r\n1\r\n"), ""},
		{"OldXLS", write("iit.xls", "x"), `iit.xls: unsupported file type ".xls": use .csv (CSV UTF-8) or .xlsx`},
		{"NoExtension", write("iit", "x"), "iit: file name has no extension: use .csv (CSV UTF-8) or .xlsx"},
		{"Missing", filepath.Join(dir, "none.csv"), "none.csv: open " + filepath.Join(dir, "none.csv") + ": no such file or directory"},
		{"EmptyCSV", write("empty.csv", ""), "empty.csv: file is empty: no header row"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.path)
			got := ""
			if err != nil {
				got = err.Error()
			} else {
				rows, err := readAll(t, r)
				if err != nil || len(rows) != 1 || rows[0].Line != 2 {
					t.Errorf("rows = %v, %v; want one on line 2", rows, err)
				}
				if err := r.Close(); err != nil {
					t.Errorf("Close() = %v", err)
				}
			}
			if got != tt.err {
				t.Errorf("Open() error = %q, want %q", got, tt.err)
			}
		})
	}
}

package tabular

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

func TestPosAndErrorf(t *testing.T) {
	r, err := NewCSV(strings.NewReader("id,i1.1,i1.2\n1,2,3\n"), "iit.csv")
	if err != nil {
		t.Fatal(err)
	}
	col, ok := r.Column(" i1.2\u00A0")
	if !ok || col != 2 {
		t.Fatalf("Column(i1.2) = %d, %v; want 2, true", col, ok)
	}
	if _, ok := r.Column("i9"); ok {
		t.Errorf("Column(i9) reports true")
	}
	tests := []struct {
		name      string
		line, col int
		want      string
	}{
		{"Cell", 12, col, "iit.csv line 12, column 3 (i1.2)"},
		{"WholeRow", 12, -1, "iit.csv line 12"},
		{"PastHeader", 12, 7, "iit.csv line 12, column 8"},
		{"WholeFile", 0, 1, "iit.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := r.Pos(tt.line, tt.col); got != tt.want {
				t.Errorf("Pos(%d, %d) = %q, want %q", tt.line, tt.col, got, tt.want)
			}
		})
	}

	t.Run("ErrorfMessage", func(t *testing.T) {
		err := r.Errorf(12, col, "answer %q is not one of 1–4", "5")
		want := `iit.csv line 12, column 3 (i1.2): answer "5" is not one of 1–4`
		if err.Error() != want {
			t.Errorf("Errorf() = %q, want %q", err, want)
		}
		var e *Error
		if !errors.As(err, &e) || e.Line != 12 || e.Column != 3 || e.Header != "i1.2" || e.Err != nil {
			t.Errorf("Errorf() = %#v", err)
		}
	})
	t.Run("ErrorfWraps", func(t *testing.T) {
		err := r.Errorf(3, 0, "cannot check: %w", fs.ErrNotExist)
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Errorf(%%w) does not wrap its cause: %v", err)
		}
		if want := "iit.csv line 3, column 1 (id): cannot check: file does not exist"; err.Error() != want {
			t.Errorf("Errorf() = %q, want %q", err, want)
		}
	})
}

func TestCell(t *testing.T) {
	r, err := NewCSV(strings.NewReader("a,b\n1\n"), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	row, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	for col, want := range map[int]string{-1: "", 0: "1", 1: "", 2: ""} {
		if got := r.Cell(row, col); got != want {
			t.Errorf("Cell(row, %d) = %q, want %q", col, got, want)
		}
	}
}

func TestErrorZeroValue(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"Zero", &Error{}, "input: "},
		{"SheetCell", &Error{File: "a.xlsx", Line: 12, Column: 28, Header: "e1", Msg: "m", sheet: true}, "a.xlsx row 12, cell AB12 (e1): m"},
		{"MultiLineHeader", &Error{File: "a.csv", Line: 3, Column: 2, Header: "ข้อ 1\nการทุจริต", Msg: "m"}, "a.csv line 3, column 2 (ข้อ 1 การทุจริต): m"},
		{"SheetRow", &Error{File: "a.xlsx", Line: 2, Msg: "m", sheet: true}, "a.xlsx row 2: m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestColumnName(t *testing.T) {
	for n, want := range map[int]string{1: "A", 3: "C", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA", 16384: "XFD"} {
		if got := columnName(n); got != want {
			t.Errorf("columnName(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestTrim(t *testing.T) {
	for in, want := range map[string]string{
		"":                    "",
		"abc":                 "abc",
		" a b ":               "a b",
		"\u00A0ก\u00A0":       "ก",
		"\u200B\uFEFFx\u200D": "x",
		"\t\r\n":              "",
		"ข้อ":                 "ข้อ",
	} {
		if got := trim(in); got != want {
			t.Errorf("trim(%q) = %q, want %q", in, got, want)
		}
	}
}

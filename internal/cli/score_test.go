package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runCLI runs itas in-process and returns its output and exit status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// writeFiles writes name → content into a temp dir and returns the dir.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const tinyFramework = "../scoring/testdata/tiny.yaml"

// validFiles is a complete, valid input for the tiny framework. A1 has 3 IIT respondents (the
// minimum for 30 staff); A2 has 1 and so has no total.
func validFiles() map[string]string {
	return map[string]string{
		"agencies.csv": "agency,name,internal_population,external_population\n" +
			"A1,สำนักงานทดสอบ,30,10\n" +
			"A2,องค์การบริหารส่วนตำบลทดสอบ,\"1,000\",10\n",
		"iit.csv": "agency,respondent,gender,i1.1,i1.2,i2,i3\n" +
			"A1,r1,หญิง,4,1,ไม่มี,3\n" +
			"A1,r2,ชาย,4,1,no,3\n" +
			"A1,r3,,4,1,ไม่มี,3\n" +
			"A2,r1,,4,4,มี,\n",
		"eit.csv": "agency,respondent,part,e1,e2\n" +
			"A1,x1,1,4,4\n" +
			"A1,x2,2,2,4\n" +
			"A2,x1,1,3,3\n",
		"oit.csv": "agency,item,score\n" +
			"A1,o1,100\nA1,o2,0\nA1,o3,100\nA1,o4,100\n" +
			"A2,o1,100\nA2,o2,100\nA2,o3,100\nA2,o4,100\n",
	}
}

func scoreArgs(dir string, extra ...string) []string {
	args := []string{"score", "--framework", tinyFramework,
		"--agencies", filepath.Join(dir, "agencies.csv"), "--iit", filepath.Join(dir, "iit.csv"),
		"--eit", filepath.Join(dir, "eit.csv"), "--oit", filepath.Join(dir, "oit.csv")}
	return append(args, extra...)
}

func TestScoreJSON(t *testing.T) {
	dir := writeFiles(t, validFiles())
	out, errOut, code := runCLI(t, scoreArgs(dir, "--format", "json")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Year     int
		Agencies []struct {
			Agency      string
			Total       *float64
			Rating      string
			Official    bool
			Flags       []string
			Instruments map[string]struct {
				Score       *float64
				Respondents *int
				Minimum     *int
			}
			Indicators map[string]*float64
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Year != 2599 || len(got.Agencies) != 2 {
		t.Fatalf("got year %d, %d agencies", got.Year, len(got.Agencies))
	}
	a1, a2 := got.Agencies[0], got.Agencies[1]
	// A1: IIT (100 + 66.67)/2 = 83.335; EIT parts 100 and 66.665; OIT (50+100)/2 = 75 → 87.5.
	want := 0.3*83.335 + 0.3*(100+66.665)/2 + 0.4*87.5
	if a1.Total == nil || *a1.Total-want > 1e-9 || want-*a1.Total > 1e-9 || !a1.Official {
		t.Errorf("A1 total = %v official %v, want %v official", a1.Total, a1.Official, want)
	}
	if n := a1.Instruments["IIT"].Respondents; n == nil || *n != 3 {
		t.Errorf("A1 IIT respondents = %v, want 3", n)
	}
	// A2: 1,000 staff need 100 IIT respondents; with 1 there is no total and null indicators.
	if a2.Total != nil || a2.Official || a2.Indicators["1"] != nil || !strings.Contains(strings.Join(a2.Flags, ","), "iit_below_minimum") {
		t.Errorf("A2 = total %v official %v indicator1 %v flags %v", a2.Total, a2.Official, a2.Indicators["1"], a2.Flags)
	}
	if m := a2.Instruments["IIT"].Minimum; m == nil || *m != 100 {
		t.Errorf("A2 IIT minimum = %v, want 100", m)
	}
}

func TestScoreTableGolden(t *testing.T) {
	dir := writeFiles(t, validFiles())
	for _, tc := range []struct{ name, golden string }{
		{"table", "testdata/score_table.golden"},
		{"table-detail-en", "testdata/score_table_en.golden"},
		{"csv", "testdata/score.csv.golden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := map[string][]string{
				"table":           {"--format", "table"},
				"table-detail-en": {"--format", "table", "--detail", "--en"},
				"csv":             {"--format", "csv"},
			}[tc.name]
			out, errOut, code := runCLI(t, scoreArgs(dir, args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			compareGolden(t, tc.golden, out)
		})
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/cli -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./internal/cli -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestScoreAcceptsExcelCSVAndXLSX(t *testing.T) {
	files := validFiles()
	// Excel's "CSV UTF-8": a byte-order mark and CRLF line ends.
	files["iit.csv"] = "\ufeff" + strings.ReplaceAll(files["iit.csv"], "\n", "\r\n")
	dir := writeFiles(t, files)
	writeXLSX(t, filepath.Join(dir, "eit.xlsx"), files["eit.csv"])
	args := scoreArgs(dir, "--format", "json")
	for i, a := range args {
		if strings.HasSuffix(a, "eit.csv") {
			args[i] = filepath.Join(dir, "eit.xlsx")
		}
	}
	want, _, _ := runCLI(t, scoreArgs(writeFiles(t, validFiles()), "--format", "json")...)
	got, errOut, code := runCLI(t, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got != want {
		t.Errorf("BOM/CRLF CSV and XLSX input scored differently:\n%s\nwant\n%s", got, want)
	}
}

// writeXLSX writes CSV-shaped text into the first sheet of a workbook.
func writeXLSX(t *testing.T, path, csvText string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, line := range strings.Split(strings.TrimSpace(csvText), "\n") {
		for c, cell := range strings.Split(line, ",") {
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", name, cell); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestScoreRejectsBadInput(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		change func(string) string
		want   []string // every string must appear in stderr
	}{
		{"UnknownItem", "iit.csv", func(s string) string { return strings.Replace(s, "i3\n", "i9\n", 1) },
			[]string{"iit.csv line 1, column 7 (i9)", "unknown item i9"}},
		{"WrongInstrument", "iit.csv", func(s string) string { return strings.Replace(s, "i3\n", "e1\n", 1) },
			[]string{"item e1 belongs to EIT, not IIT"}},
		{"BarePartOfMultiPartQuestion", "iit.csv", func(s string) string { return strings.Replace(s, "i1.1,", "i1,", 1) },
			[]string{"i1 has 2 sub-items: use columns i1.1, i1.2"}},
		{"AnswerOutOfRange", "iit.csv", func(s string) string { return strings.Replace(s, "A1,r2,ชาย,4", "A1,r2,ชาย,5", 1) },
			[]string{"iit.csv line 3, column 4 (i1.1)", `answer "5" is not one of 1, 2, 3, 4`}},
		{"YesNoAnswerOutOfRange", "iit.csv", func(s string) string { return strings.Replace(s, "no,3", "maybe,3", 1) },
			[]string{"column 6 (i2)", `"maybe" is not one of มี, ไม่มี`}},
		{"UnknownAgency", "eit.csv", func(s string) string { return strings.Replace(s, "A2,x1", "B9,x1", 1) },
			[]string{"eit.csv line 4, column 1 (agency)", `agency "B9" is not in the agencies file`}},
		{"DuplicateRespondent", "iit.csv", func(s string) string { return strings.Replace(s, "A1,r3", "A1,r1", 1) },
			[]string{"iit.csv line 4, column 2 (respondent)", `respondent "r1" of agency "A1" appears again (first at iit.csv line 2)`}},
		{"MissingColumn", "agencies.csv", func(s string) string { return strings.Replace(s, ",external_population", ",external", 1) },
			[]string{`required column "external_population" is missing`}},
		{"BadPopulation", "agencies.csv", func(s string) string {
			return strings.Replace(s, "A1,สำนักงานทดสอบ,30", "A1,สำนักงานทดสอบ,สามสิบ", 1)
		},
			[]string{"agencies.csv line 2, column 3 (internal_population)", "not a whole number"}},
		{"DuplicateAgency", "agencies.csv", func(s string) string { return strings.Replace(s, "A2,", "A1,", 1) },
			[]string{`agency "A1" appears again (first at agencies.csv line 2)`}},
		{"BadPart", "eit.csv", func(s string) string { return strings.Replace(s, "x2,2", "x2,3", 1) },
			[]string{"eit.csv line 3, column 3 (part)", `part "3" must be 1–2`}},
		{"OITScoreNotOnScale", "oit.csv", func(s string) string { return strings.Replace(s, "A1,o2,0", "A1,o2,50", 1) },
			[]string{"oit.csv line 3, column 3 (score)", `score "50" must be one of 0, 100`}},
		{"OITItemsMissing", "oit.csv", func(s string) string { return strings.Replace(s, "A2,o4,100\n", "", 1) },
			[]string{`agency "A2" has no score for OIT item(s) o4`}},
		{"OITUnknownItem", "oit.csv", func(s string) string { return strings.Replace(s, "A2,o4", "A2,o44", 1) },
			[]string{`unknown OIT item "o44"`}},
		{"SameItemTwice", "iit.csv", func(s string) string { return strings.Replace(s, ",i3\n", ",I2\n", 1) },
			[]string{"iit.csv line 1, column 7 (I2)", "item i2 has a second column (first is column 6, i2)"}},
		{"NoStaff", "agencies.csv", func(s string) string {
			return strings.Replace(s, "สำนักงานทดสอบ,30", "สำนักงานทดสอบ,0", 1)
		},
			[]string{"agencies.csv line 2, column 3 (internal_population)", `"0" is not a whole number of people (1 or more)`}},
		{"LooseThousands", "agencies.csv", func(s string) string { return strings.Replace(s, `"1,000"`, `"1,0,0"`, 1) },
			[]string{"agencies.csv line 3, column 3", "not a whole number"}},
		{"OITColumnInIIT", "iit.csv", func(s string) string { return strings.Replace(s, ",i3\n", ",o1\n", 1) },
			[]string{"item o1 belongs to OIT, not IIT"}},
		{"EmptyRow", "iit.csv", func(s string) string { return strings.Replace(s, "A1,r3,,4,1,ไม่มี,3", "A1,r3,,,,,", 1) },
			[]string{"iit.csv line 4", "the respondent answered no question"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := validFiles()
			files[tt.file] = tt.change(files[tt.file])
			dir := writeFiles(t, files)
			out, errOut, code := runCLI(t, scoreArgs(dir, "--format", "json")...)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if out != "" {
				t.Errorf("wrote results despite bad input:\n%s", out)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
}

func TestScoreReportsEveryProblemAtOnce(t *testing.T) {
	files := validFiles()
	files["iit.csv"] = strings.NewReplacer("A1,r2,ชาย,4", "A1,r2,ชาย,7", "A1,r3,,4", "A1,r3,,9").Replace(files["iit.csv"])
	_, errOut, code := runCLI(t, scoreArgs(writeFiles(t, files))...)
	if code != 1 || !strings.Contains(errOut, "2 problem(s)") || !strings.Contains(errOut, "line 3") || !strings.Contains(errOut, "line 4") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
}

func TestScoreUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"score"},
		{"score", "--agencies", "a.csv", "--format", "pdf", "--year", "2563"},
		{"score", "--agencies", "a.csv", "--year", "2563", "--framework", "f.yaml"},
		{"score", "--agencies", "a.csv"},
	} {
		if _, errOut, code := runCLI(t, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}
	if _, errOut, code := runCLI(t, "score", "--agencies", "a.csv", "--year", "2500"); code != 1 || !strings.Contains(errOut, "no built-in framework for fiscal year 2500") {
		t.Errorf("unknown year: exit %d, %q", code, errOut)
	}
}

func TestScoreGoesOnPastABadRow(t *testing.T) {
	files := validFiles()
	// Line 2 has a cell past the header; lines 3 and 4 have bad answers: all three are reported.
	files["iit.csv"] = strings.NewReplacer("A1,r1,หญิง,4,1,ไม่มี,3", "A1,r1,หญิง,4,1,ไม่มี,3,stray",
		"A1,r2,ชาย,4", "A1,r2,ชาย,7", "A1,r3,,4", "A1,r3,,9").Replace(files["iit.csv"])
	_, errOut, code := runCLI(t, scoreArgs(writeFiles(t, files))...)
	for _, want := range []string{"3 problem(s)", "line 2", "line 3", "line 4"} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, errOut)
		}
	}
}

func TestScoreAcceptsWhatExcelWrites(t *testing.T) {
	files := validFiles()
	files["agencies.csv"] = strings.NewReplacer("agency,name", "Agency,Name", "A1,สำนักงานทดสอบ,30,10", "A1,สำนักงานทดสอบ,30.0,๑๐").Replace(files["agencies.csv"])
	files["iit.csv"] = strings.Replace(files["iit.csv"], "A1,r1,หญิง,4,1", "A1,r1,หญิง,4.00,1.0", 1)
	want, _, _ := runCLI(t, scoreArgs(writeFiles(t, validFiles()), "--format", "json")...)
	got, errOut, code := runCLI(t, scoreArgs(writeFiles(t, files), "--format", "json")...)
	if code != 0 || got != want {
		t.Errorf("exit %d %s; results differ from the plain files:\n%s", code, errOut, got)
	}
}

func TestScoreOITWithAFrameworkWithoutOIT(t *testing.T) {
	data, err := os.ReadFile(tinyFramework)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	noOIT := strings.Replace(s[:strings.Index(s, "  - id: OIT")], "weight: 30\n    population: external", "weight: 70\n    population: external", 1)
	dir := writeFiles(t, validFiles())
	if err := os.WriteFile(filepath.Join(dir, "fw.yaml"), []byte(noOIT), 0o644); err != nil {
		t.Fatal(err)
	}
	args := scoreArgs(dir)
	args[2] = filepath.Join(dir, "fw.yaml")
	_, errOut, code := runCLI(t, args...)
	if code != 1 || !strings.Contains(errOut, "has no OIT (checklist) instrument") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
}

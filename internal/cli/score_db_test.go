package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/thaidate"
)

// demoDataDir returns a data directory holding the demo's SQLite database as it stood on
// 21 Nov 2569 BE.
func demoDataDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "itas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, time.November, 21, 10, 0, 0, 0, thaidate.Location)
	st.Now = func() time.Time { return now }
	if _, err := demo.Load(ctx, st, now); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestScoreDB: itas score --data scores a fiscal year from the database with the year's
// framework and names the fiscal year: the demo's 2563 gives สป.พน. seed 000's published
// result (84.09, B, from IIT 79.95, EIT 93.96, OIT 79.79), and the current year 2570
// (framework 2563) scores the responses collected so far.
func TestScoreDB(t *testing.T) {
	dir := demoDataDir(t)
	out, errOut, code := runCLI(t, "score", "--data", dir, "--year", "2563", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Year     int `json:"year"`
		Agencies []struct {
			Agency      string   `json:"agency"`
			Total       *float64 `json:"total"`
			Rating      string   `json:"rating"`
			Official    bool     `json:"official"`
			Instruments map[string]struct {
				Score       *float64 `json:"score"`
				Respondents *int     `json:"respondents"`
			} `json:"instruments"`
		} `json:"agencies"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Year != 2563 || len(got.Agencies) != 30 {
		t.Fatalf("year %d with %d agencies, want 2563 with the demo's 30", got.Year, len(got.Agencies))
	}
	found := false
	for _, a := range got.Agencies {
		if a.Agency != demo.CodeEnergyPS {
			continue
		}
		found = true
		if s := a.Instruments["OIT"].Score; s == nil || *s < 79.785 || *s >= 79.795 {
			t.Errorf("สป.พน. OIT = %v, want 79.79", s)
		}
		if a.Total == nil || *a.Total < 84.085 || *a.Total >= 84.095 || a.Rating != "B" || !a.Official {
			t.Errorf("สป.พน. total %v %s (official %v), want 84.09 B, official", a.Total, a.Rating, a.Official)
		}
	}
	if !found {
		t.Fatalf("no สป.พน. in %s", out)
	}

	out, errOut, code = runCLI(t, "score", "--data", dir, "--year", "2570")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2570", "130/125", "ผลการประเมินไม่เป็นทางการ"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestScoreDBUsage(t *testing.T) {
	dir := demoDataDir(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"DBAndFiles", []string{"score", "--data", dir, "--year", "2563", "--agencies", "a.csv"}, 2, "one or the other"},
		{"DBAndData", []string{"score", "--data", dir, "--db", "postgres://x", "--year", "2563"}, 2, "not both"},
		{"NoYear", []string{"score", "--data", dir}, 2, "--year is required"},
		{"FrameworkFile", []string{"score", "--data", dir, "--year", "2563", "--framework", tinyFramework}, 2, "own framework"},
		{"NoDatabase", []string{"score", "--data", t.TempDir(), "--year", "2563"}, 1, "no ITAS database"},
		{"UnknownYear", []string{"score", "--data", dir, "--year", "2550"}, 1, "2550"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d with %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

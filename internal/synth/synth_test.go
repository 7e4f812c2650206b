package synth

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoreinput"
	"github.com/openitas/itas/internal/scoring"
)

var small = Options{Agencies: 300, IIT: 12_000, EIT: 20_000, Seed: 7}

func builtin(t *testing.T, year int) *framework.Framework {
	t.Helper()
	fw, err := framework.Builtin(year)
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

func generate(t *testing.T, fw *framework.Framework, opts Options) Summary {
	t.Helper()
	s, err := Generate(fw, opts, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\uFEFF")) {
		t.Errorf("%s: no byte order mark", filepath.Base(path))
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestGenerateIsDeterministic(t *testing.T) {
	fw := builtin(t, 2563)
	a, b := generate(t, fw, small), generate(t, fw, small)
	other := small
	other.Seed++
	c := generate(t, fw, other)
	for _, name := range []string{"agencies.csv", "iit.csv", "eit.csv", "oit.csv"} {
		read := func(s Summary) []byte {
			data, err := os.ReadFile(filepath.Join(filepath.Dir(s.Files.Agencies), name))
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
		if !bytes.Equal(read(a), read(b)) {
			t.Errorf("%s differs between two runs with seed %d", name, small.Seed)
		}
		if bytes.Equal(read(a), read(c)) {
			t.Errorf("%s is the same for seeds %d and %d", name, small.Seed, other.Seed)
		}
	}
}

func TestGenerateWritesWhatScoreReads(t *testing.T) {
	fw := builtin(t, 2563)
	s := generate(t, fw, small)
	e, err := scoring.NewEngine(fw)
	if err != nil {
		t.Fatal(err)
	}

	agencies := readCSV(t, s.Files.Agencies)
	if got := len(agencies) - 1; got != small.Agencies || s.Agencies != small.Agencies {
		t.Errorf("agencies.csv has %d agencies (summary %d), want %d", got, s.Agencies, small.Agencies)
	}
	for _, f := range []struct {
		path string
		id   string
		want int
	}{{s.Files.IIT, "IIT", small.IIT}, {s.Files.EIT, "EIT", small.EIT}} {
		recs := readCSV(t, f.path)
		if got := len(recs) - 1; got != f.want {
			t.Errorf("%s: %d respondents, want %d", f.id, got, f.want)
		}
		var keys []string
		for _, it := range e.Layout(f.id).Items {
			keys = append(keys, it.Key)
		}
		if head := recs[0]; !slices.Equal(head[len(head)-len(keys):], keys) {
			t.Errorf("%s header ends %v, want the layout's items %v", f.id, head[len(head)-len(keys):], keys)
		}
	}
	if want := small.Agencies * 43; s.OITRows != want || len(readCSV(t, s.Files.OIT))-1 != want {
		t.Errorf("OIT rows: summary %d, want %d (43 items × %d agencies)", s.OITRows, want, small.Agencies)
	}

	inputs, err := scoreinput.Load(e, scoreinput.Files(s.Files))
	if err != nil {
		t.Fatalf("itas score's reader rejects the files: %v", err)
	}
	var totals []float64
	below := 0
	for _, in := range inputs {
		r := e.Score(in)
		if slices.Contains(r.Flags, scoring.FlagIITBelowMinimum) {
			below++
		}
		if r.Total.Valid() {
			totals = append(totals, r.Total.Value())
		}
	}
	if below == 0 || below != s.IITBelowMinimum {
		t.Errorf("%d agencies flagged below the IIT minimum, summary says %d; want some", below, s.IITBelowMinimum)
	}
	if below > small.Agencies/10 {
		t.Errorf("%d of %d agencies below the IIT minimum, want most at or above it", below, small.Agencies)
	}
	slices.Sort(totals)
	lo, mid, hi := totals[len(totals)/20], totals[len(totals)/2], totals[len(totals)*19/20]
	if lo < 55 || lo > 75 || mid < 78 || mid > 92 || hi < 90 || hi > 99 {
		t.Errorf("totals: 5th percentile %.2f, median %.2f, 95th %.2f; want about 65, 85, 95", lo, mid, hi)
	}
}

func TestGenerateWritesPartsFor2568(t *testing.T) {
	s := generate(t, builtin(t, 2568), Options{Agencies: 50, IIT: 2000, EIT: 3000, Seed: 1})
	recs := readCSV(t, s.Files.EIT)
	col := slices.Index(recs[0], "part")
	if col < 0 {
		t.Fatalf("eit.csv header %v has no part column", recs[0])
	}
	n := map[string]int{}
	for _, rec := range recs[1:] {
		n[rec[col]]++
	}
	if len(n) != 2 || n["1"] <= n["2"] || n["2"] == 0 {
		t.Errorf("parts %v, want mostly 1 and some 2", n)
	}
	if slices.Contains(readCSV(t, s.Files.IIT)[0], "part") {
		t.Error("iit.csv has a part column; IIT is not collected in parts")
	}
	fw := builtin(t, 2568)
	e, _ := scoring.NewEngine(fw)
	if _, err := scoreinput.Load(e, scoreinput.Files(s.Files)); err != nil {
		t.Fatalf("itas score's reader rejects the 2568 files: %v", err)
	}
}

func TestAllocate(t *testing.T) {
	rule := framework.SampleRule{Percent: 10, AtLeast: 30, AtMost: 400}
	pops := []int{20, 25, 60, 150, 900, 5000, 40_000, 120, 80, 45}
	sum := func(s []int) int {
		n := 0
		for _, v := range s {
			n += v
		}
		return n
	}
	for _, n := range []int{0, 10, 300, 1500, sum(pops)} {
		counts, err := allocate(rand.New(rand.NewPCG(1, 2)), n, pops, rule)
		if err != nil {
			t.Fatalf("allocate(%d): %v", n, err)
		}
		if got := sum(counts); got != n {
			t.Errorf("allocate(%d) gives %d respondents", n, got)
		}
		for i, c := range counts {
			if c < 0 || c > pops[i] {
				t.Errorf("allocate(%d): agency %d gets %d of %d stakeholders", n, i, c, pops[i])
			}
		}
	}
	if _, err := allocate(rand.New(rand.NewPCG(1, 2)), sum(pops)+1, pops, rule); err == nil {
		t.Error("allocate accepts more respondents than stakeholders")
	}
}

func TestGenerateRejectsBadOptions(t *testing.T) {
	fw := builtin(t, 2563)
	for _, o := range []Options{{Agencies: 0}, {Agencies: 1, IIT: -1}, {Agencies: 2, IIT: 1_000_000}} {
		if _, err := Generate(fw, o, t.TempDir()); err == nil {
			t.Errorf("Generate(%+v) succeeds, want an error", o)
		}
	}
}

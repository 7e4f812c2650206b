package loadgen

import (
	"bytes"
	"strings"
	"testing"
)

func TestSummarize(t *testing.T) {
	run := func(batch, rate, p99 float64) *Report {
		r := &Report{Ceiling: Ceiling{BatchPerSecond: batch, SubmitPerSecond: batch / 2},
			Levels: []Level{{Clients: 500, PerSecond: rate, Latency: Latency{P50: p99 / 2, P99: p99}, Errors: map[string]int{"503": 1}}}}
		r.finish()
		return r
	}
	s := Summarize([]*Report{run(4000, 2000, 90), run(6000, 2600, 60), run(5000, 2300, 120)})
	if s.BatchCeiling != (Spread{Median: 5000, Min: 4000, Max: 6000}) {
		t.Errorf("batch ceiling %+v", s.BatchCeiling)
	}
	if len(s.Levels) != 1 {
		t.Fatalf("levels %+v", s.Levels)
	}
	l := s.Levels[0]
	if l.PerSecond != (Spread{2300, 2000, 2600}) || l.P99 != (Spread{90, 60, 120}) || l.Errors != 3 {
		t.Errorf("level %+v", l)
	}
	if l.OfBatch.Median != 0.46 {
		t.Errorf("median ratio to the batch ceiling %v, want 0.46 (2300/5000)", l.OfBatch.Median)
	}
	if got := spreadOf([]float64{4, 1, 3, 2}); got != (Spread{2.5, 1, 4}) {
		t.Errorf("spreadOf of an even count = %+v, want median 2.5", got)
	}
	var b bytes.Buffer
	if err := s.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "2300 (2000–2600)") {
		t.Errorf("table:\n%s", b.String())
	}
}

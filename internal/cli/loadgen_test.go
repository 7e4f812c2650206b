package cli

import (
	"encoding/json"
	"testing"
)

// TestLoadgen runs `itas loadgen` briefly on SQLite and reads its --json report.
func TestLoadgen(t *testing.T) {
	stdout, stderr, code := runCLI(t, "loadgen", "--db", "", "--agencies", "2", "--clients", "2,4",
		"--warmup", "50ms", "--duration", "200ms", "--ceiling-duration", "100ms", "--batch", "20", "--rate", "0", "--json")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var rep struct {
		Levels []struct {
			Clients      int            `json:"clients"`
			Acknowledged int            `json:"acknowledged"`
			Errors       map[string]int `json:"errors"`
		} `json:"levels"`
		Ceiling struct {
			BatchSize     int `json:"batch_size"`
			SubmitWorkers int `json:"submit_workers"`
		} `json:"ceiling"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("--json printed no report: %v\n%s", err, stdout)
	}
	if len(rep.Levels) != 2 || rep.Levels[0].Clients != 2 || rep.Levels[1].Clients != 4 {
		t.Fatalf("levels %+v, want 2 and 4 clients", rep.Levels)
	}
	for _, lv := range rep.Levels {
		if lv.Acknowledged == 0 || len(lv.Errors) > 0 {
			t.Errorf("%d clients: %d acknowledged, errors %v", lv.Clients, lv.Acknowledged, lv.Errors)
		}
	}
	if rep.Ceiling.BatchSize != 20 || rep.Ceiling.SubmitWorkers != 4 {
		t.Errorf("ceiling %+v, want batches of 20 and 4 workers (the largest level)", rep.Ceiling)
	}
	t.Run("BadClients", func(t *testing.T) {
		for _, c := range []string{"0", "ten", "50,", "50,-1"} {
			if _, _, code := runCLI(t, "loadgen", "--db", "", "--clients", c); code != 2 {
				t.Errorf("--clients %q: exit %d, want 2", c, code)
			}
		}
	})
}

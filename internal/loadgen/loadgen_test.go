package loadgen

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// TestRun runs the whole generator briefly: a few agencies, two small levels and short
// ceilings. Every response must be acknowledged (the IDs are all new and the limits far
// away), and the report must hold what the table and --json show.
func TestRun(t *testing.T) {
	engines := map[string]string{"SQLite": ""}
	if dsn := os.Getenv("ITAS_TEST_PG"); dsn != "" {
		engines["PostgreSQL"] = dsn
	}
	for name, dsn := range engines {
		t.Run(name, func(t *testing.T) {
			rep, err := Run(context.Background(), Options{
				DSN: dsn, Agencies: 3, Clients: []int{1, 8}, Rate: 40, Warmup: 50 * time.Millisecond, Duration: 300 * time.Millisecond,
				CeilingDuration: 200 * time.Millisecond, BatchSize: 50, SubmitWorkers: 8,
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Levels) != 4 || rep.Levels[0].Clients != 1 || rep.Levels[3].Clients != 8 {
				t.Fatalf("levels %+v, want 1 and 8 clients, each flat out and paced", rep.Levels)
			}
			if flat, paced := rep.Levels[2], rep.Levels[3]; flat.Offered != 0 || paced.Offered != 40 || paced.PerSecond > 60 {
				t.Errorf("8 clients flat out %+v, paced at 40/s %+v: want the paced level near 40/s", flat, paced)
			}
			for _, lv := range rep.Levels {
				if lv.Acknowledged == 0 || lv.PerSecond <= 0 || lv.Latency.P50 <= 0 || lv.Latency.Max < lv.Latency.P99 {
					t.Errorf("%d clients: %+v, want acknowledged responses with latencies", lv.Clients, lv)
				}
				if len(lv.Errors) > 0 {
					t.Errorf("%d clients: errors %v, want none", lv.Clients, lv.Errors)
				}
			}
			c := rep.Ceiling
			if c.BatchRows < 50 || c.BatchPerSecond <= 0 || c.SubmitStored == 0 || c.SubmitPerSecond <= 0 {
				t.Errorf("ceiling %+v, want rows stored both ways", c)
			}
			if len(rep.Ratios) != 4 || rep.Ratios[2].OfBatch <= 0 {
				t.Errorf("ratios %+v", rep.Ratios)
			}
			var table bytes.Buffer
			if err := rep.WriteTable(&table); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"acknowledged/s", "InsertResponsesRaw", "SubmitResponse", "X-Forwarded-For", "targets"} {
				if !strings.Contains(table.String(), want) {
					t.Errorf("the table lacks %q:\n%s", want, table.String())
				}
			}
			var js bytes.Buffer
			if err := rep.WriteJSON(&js); err != nil {
				t.Fatal(err)
			}
			var back Report
			if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Levels[1].Acknowledged != rep.Levels[1].Acknowledged {
				t.Errorf("the JSON does not read back: %v\n%s", err, js.String())
			}
		})
	}
}

package loadgen

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// The targets on a 2-core machine (issue 4, "Speed and reliability").
const (
	TargetPerSecond = 2000 // acknowledged responses/s on SQLite at 500 clients
	TargetP99Millis = 100  // p99 latency at 500 clients
	TargetRatio     = 0.5  // acknowledged / raw ceiling
	targetAtClients = 500  // the level the targets are about
)

// Report is the outcome of a run, for the table and --json.
type Report struct {
	Started  time.Time `json:"started"`
	Database string    `json:"database"`
	CPUs     string    `json:"cpus"`
	// LoadBefore and LoadAfter are /proc/loadavg's 1, 5 and 15-minute figures: other work on
	// the machine shares its cores.
	LoadBefore string `json:"load_before"`
	LoadAfter  string `json:"load_after"`
	Agencies   int    `json:"agencies"`
	Survey     string `json:"survey"`
	BodyBytes  int    `json:"body_bytes"`
	// Addresses says how clients are told apart and what the per-address limits were.
	Addresses string  `json:"addresses"`
	Ceiling   Ceiling `json:"ceiling"`
	Levels    []Level `json:"levels"`
	// Ratios are each level's acknowledged rate over the two ceilings.
	Ratios []Ratio `json:"ratios"`
}

// Ratio compares one level with the ceilings.
type Ratio struct {
	Clients  int     `json:"clients"`
	OfBatch  float64 `json:"of_batch_ceiling"`
	OfSubmit float64 `json:"of_submit_ceiling"`
}

func newReport(o Options, where string, t Target, b *Bodies) *Report {
	return &Report{
		Started: time.Now(), Database: where, CPUs: cpus(), LoadBefore: loadAverage(), Agencies: len(t.Agencies),
		Survey:    fmt.Sprintf("IIT, framework %d, %d items, demographics and some suggestions (%d body variants)", t.Form.FrameworkYear, len(t.Form.ItemKeys()), len(b.variants)),
		BodyBytes: len(b.Append(nil, 0)),
		Addresses: fmt.Sprintf("each client its own X-Forwarded-For address (TrustProxy on); per-address limits set to %.0f/min, "+
			"so the limiters run on every request but refuse none", o.PerAddressLimit),
	}
}

// finish computes the ratios and notes the load after the run.
func (r *Report) finish() {
	r.LoadAfter = loadAverage()
	r.Ratios = nil
	for _, lv := range r.Levels {
		ra := Ratio{Clients: lv.Clients}
		if r.Ceiling.BatchPerSecond > 0 {
			ra.OfBatch = lv.PerSecond / r.Ceiling.BatchPerSecond
		}
		if r.Ceiling.SubmitPerSecond > 0 {
			ra.OfSubmit = lv.PerSecond / r.Ceiling.SubmitPerSecond
		}
		r.Ratios = append(r.Ratios, ra)
	}
}

// WriteJSON writes r as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteTable writes r for people: the setting, the ceilings, one row per level and the
// targets.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "database   %s\n", r.Database)
	fmt.Fprintf(&b, "machine    %s; load average %s before, %s after\n", r.CPUs, r.LoadBefore, r.LoadAfter)
	fmt.Fprintf(&b, "responses  %s; %d agencies; about %d bytes of JSON each\n", r.Survey, r.Agencies, r.BodyBytes)
	fmt.Fprintf(&b, "clients    %s\n\n", r.Addresses)
	c := r.Ceiling
	fmt.Fprintf(&b, "raw ceiling, same rows, no HTTP:\n")
	fmt.Fprintf(&b, "  InsertResponsesRaw, %d rows a transaction: %.0f rows/s (%d rows), CPU %.0f µs a row\n",
		c.BatchSize, c.BatchPerSecond, c.BatchRows, c.BatchCPUMicros)
	fmt.Fprintf(&b, "  SubmitResponse from %d goroutines: %.0f rows/s, p50 %.1f ms, p99 %.1f ms, CPU %.0f µs a row\n\n",
		c.SubmitWorkers, c.SubmitPerSecond, c.SubmitLatency.P50, c.SubmitLatency.P99, c.SubmitCPUMicros)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "clients\toffered\tacknowledged/s\tp50 ms\tp90 ms\tp99 ms\tmax ms\tCPU µs/resp\tof batch ceiling\tof submit ceiling\terrors\t")
	for i, lv := range r.Levels {
		ra := r.Ratios[i]
		fmt.Fprintf(tw, "%d\t%s\t%.0f\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t%.2f\t%.2f\t%s\t\n", lv.Clients, offered(lv.Offered), lv.PerSecond,
			lv.Latency.P50, lv.Latency.P90, lv.Latency.P99, lv.Latency.Max, lv.CPUMicros, ra.OfBatch, ra.OfSubmit, errorText(lv.Errors))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", r.targets())
	return err
}

// errorText lists errors by status: "none" or "409×3 transport×1".
func errorText(errs map[string]int) string {
	if len(errs) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s×%d", k, errs[k])
	}
	return strings.Join(parts, " ")
}

// targets says how the 500-client levels compare with the targets: the flat-out level
// for the rate and the ratio to the ceiling, the level paced at TargetPerSecond for p99 (and
// whether it kept up with the rate offered).
func (r *Report) targets() string {
	var flat, paced *Level
	var ratio Ratio
	for i := range r.Levels {
		switch lv := &r.Levels[i]; {
		case lv.Clients != targetAtClients:
		case lv.Offered == 0:
			flat, ratio = lv, r.Ratios[i]
		case lv.Offered == TargetPerSecond:
			paced = lv
		}
	}
	if flat == nil {
		return fmt.Sprintf("targets: no flat-out level of %d clients was run", targetAtClients)
	}
	s := fmt.Sprintf("targets at %d clients (issue 4, for SQLite on 2 cores): ≥ %d/s flat out %s; ≥ %.0f%% of the batch ceiling %s "+
		"(of the submit ceiling %s)", targetAtClients, TargetPerSecond, verdict(flat.PerSecond >= TargetPerSecond),
		TargetRatio*100, verdict(ratio.OfBatch >= TargetRatio), verdict(ratio.OfSubmit >= TargetRatio))
	if paced == nil {
		return s + fmt.Sprintf("; p99 not judged: no level paced at %d/s", TargetPerSecond)
	}
	return s + fmt.Sprintf("; paced at %d/s: p99 < %d ms %s, kept up %s", TargetPerSecond, TargetP99Millis,
		verdict(paced.Acknowledged > 0 && paced.Latency.P99 < TargetP99Millis), verdict(paced.PerSecond >= 0.97*paced.Offered))
}

// offered names a level's pacing: "flat out" or "2000/s".
func offered(rate float64) string {
	if rate <= 0 {
		return "flat out"
	}
	return fmt.Sprintf("%.0f/s", rate)
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

package loadgen

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
)

// Spread is a figure over several runs: the median and the range.
type Spread struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

func spreadOf(xs []float64) Spread {
	if len(xs) == 0 {
		return Spread{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return Spread{Median: m, Min: s[0], Max: s[len(s)-1]}
}

// Summary gathers the runs of one measurement, since a machine shared with other work gives
// different figures each time.
type Summary struct {
	Runs          []*Report      `json:"runs"`
	BatchCeiling  Spread         `json:"batch_ceiling_per_second"`
	SubmitCeiling Spread         `json:"submit_ceiling_per_second"`
	Levels        []LevelSummary `json:"levels"`
}

// LevelSummary is one concurrency level over the runs.
type LevelSummary struct {
	Clients   int     `json:"clients"`
	Offered   float64 `json:"offered_per_second"`
	PerSecond Spread  `json:"per_second"`
	P50       Spread  `json:"p50_ms"`
	P99       Spread  `json:"p99_ms"`
	CPUMicros Spread  `json:"cpu_us_per_response"`
	OfBatch   Spread  `json:"of_batch_ceiling"`
	OfSubmit  Spread  `json:"of_submit_ceiling"`
	Errors    int     `json:"errors"`
}

// Summarize gathers runs made with the same options.
func Summarize(runs []*Report) *Summary {
	s := &Summary{Runs: runs}
	var batch, submit []float64
	for _, r := range runs {
		batch = append(batch, r.Ceiling.BatchPerSecond)
		submit = append(submit, r.Ceiling.SubmitPerSecond)
	}
	s.BatchCeiling, s.SubmitCeiling = spreadOf(batch), spreadOf(submit)
	if len(runs) == 0 {
		return s
	}
	for i, lv := range runs[0].Levels {
		var rate, p50, p99, cpu, ofBatch, ofSubmit []float64
		errs := 0
		for _, r := range runs {
			if i >= len(r.Levels) || r.Levels[i].Clients != lv.Clients || r.Levels[i].Offered != lv.Offered {
				continue
			}
			l := r.Levels[i]
			rate, p50, p99 = append(rate, l.PerSecond), append(p50, l.Latency.P50), append(p99, l.Latency.P99)
			cpu = append(cpu, l.CPUMicros)
			ofBatch, ofSubmit = append(ofBatch, r.Ratios[i].OfBatch), append(ofSubmit, r.Ratios[i].OfSubmit)
			for _, n := range l.Errors {
				errs += n
			}
		}
		s.Levels = append(s.Levels, LevelSummary{
			Clients: lv.Clients, Offered: lv.Offered, PerSecond: spreadOf(rate), P50: spreadOf(p50), P99: spreadOf(p99),
			CPUMicros: spreadOf(cpu), OfBatch: spreadOf(ofBatch), OfSubmit: spreadOf(ofSubmit), Errors: errs,
		})
	}
	return s
}

// WriteJSON writes s as indented JSON.
func (s *Summary) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// WriteTable writes the medians with their ranges.
func (s *Summary) WriteTable(w io.Writer) error {
	fmt.Fprintf(w, "summary of %d runs: median (min–max)\n", len(s.Runs))
	fmt.Fprintf(w, "  raw ceiling, InsertResponsesRaw batches  %s rows/s\n", s.BatchCeiling.format("%.0f"))
	fmt.Fprintf(w, "  raw ceiling, SubmitResponse              %s rows/s\n\n", s.SubmitCeiling.format("%.0f"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  clients\toffered\tacknowledged/s\tp50 ms\tp99 ms\tCPU µs/resp\tof batch ceiling\tof submit ceiling\terrors")
	for _, l := range s.Levels {
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", l.Clients, offered(l.Offered), l.PerSecond.format("%.0f"), l.P50.format("%.1f"),
			l.P99.format("%.1f"), l.CPUMicros.format("%.0f"), l.OfBatch.format("%.2f"), l.OfSubmit.format("%.2f"), l.Errors)
	}
	return tw.Flush()
}

func (s Spread) format(verb string) string {
	return fmt.Sprintf(verb+" ("+verb+"–"+verb+")", s.Median, s.Min, s.Max)
}

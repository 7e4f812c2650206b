package loadgen

import (
	"context"
	"crypto/rand"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/openitas/itas/internal/survey"
)

// CeilingStore is what the ceiling measurements need from the store: the two ways rows reach
// the responses tables without HTTP.
type CeilingStore interface {
	InsertResponsesRaw(ctx context.Context, subs []survey.Submission) (int, error)
	SubmitResponse(ctx context.Context, sub survey.Submission) error
}

// Ceiling is the raw insert rate of the same rows as the HTTP load, measured in the same run
// on the same database: what the store alone can do.
type Ceiling struct {
	// Batch: InsertResponsesRaw with BatchSize rows per durable transaction, one after the
	// other; BatchPerSecond is rows over the time spent inside InsertResponsesRaw.
	BatchSize      int     `json:"batch_size"`
	BatchRows      int     `json:"batch_rows"`
	BatchPerSecond float64 `json:"batch_per_second"`
	BatchCPUMicros float64 `json:"batch_cpu_us_per_row"`
	// Submit: SubmitResponse (the group commit every HTTP response goes through) called from
	// SubmitWorkers goroutines for SubmitSeconds after a warm-up.
	SubmitWorkers   int     `json:"submit_workers"`
	SubmitSeconds   float64 `json:"submit_seconds"`
	SubmitStored    int     `json:"submit_stored"`
	SubmitPerSecond float64 `json:"submit_per_second"`
	SubmitLatency   Latency `json:"submit_latency_ms"`
	SubmitCPUMicros float64 `json:"submit_cpu_us_per_row"`
}

// ceiling measures the store's raw rates with rows like those of the HTTP load.
type ceiling struct {
	st     CeilingStore
	target Target
	bodies *Bodies
	ids    *atomic.Uint64
	hasher *survey.Hasher
}

func newCeiling(st CeilingStore, t Target, b *Bodies, ids *atomic.Uint64) (*ceiling, error) {
	secret := make([]byte, survey.MinSecretBytes)
	_, _ = rand.Read(secret)
	h, err := survey.NewHasher(secret)
	if err != nil {
		return nil, err
	}
	return &ceiling{st: st, target: t, bodies: b, ids: ids, hasher: h}, nil
}

// submission returns the n-th row: the n-th body's answers, for the agency the HTTP load would
// send it to, keyed by the hash of its national ID.
func (c *ceiling) submission(n uint64, now time.Time) survey.Submission {
	code := c.target.Agencies[n%uint64(len(c.target.Agencies))]
	clean := c.bodies.Clean(n)
	return survey.Submission{
		Response: survey.Response{
			FiscalYear: c.target.FiscalYear, AgencyCode: code, Survey: survey.IIT, Channel: survey.ChannelAPI,
			Day: now, Answers: clean.Answers, Profile: clean.Profile,
		},
		IDHash:     c.hasher.Hash(c.target.FiscalYear, code, survey.IIT, survey.NationalID(NationalID(n))),
		Suggestion: clean.Suggestion,
	}
}

// batches inserts batches of size rows for about d (at least two batches) and returns the
// rate over the time spent inserting. The first batch is a warm-up and not counted.
func (c *ceiling) batches(ctx context.Context, size int, d time.Duration, out *Ceiling) error {
	out.BatchSize = size
	var spent, cpu time.Duration
	for i := 0; i < 2 || spent < d; i++ {
		subs := make([]survey.Submission, size)
		now := time.Now()
		for j := range subs {
			subs[j] = c.submission(c.ids.Add(1)-1, now)
		}
		t0, cpu0 := time.Now(), cpuTime()
		n, err := c.st.InsertResponsesRaw(ctx, subs)
		if err != nil {
			return fmt.Errorf("batch ceiling: %w", err)
		}
		if n != size {
			return fmt.Errorf("batch ceiling: %d of %d rows stored; the IDs should all be new", n, size)
		}
		if i > 0 {
			spent += time.Since(t0)
			cpu += cpuTime() - cpu0
			out.BatchRows += n
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	out.BatchPerSecond = float64(out.BatchRows) / spent.Seconds()
	out.BatchCPUMicros = cpuPer(cpu, out.BatchRows)
	return nil
}

// submits calls SubmitResponse from workers goroutines for warmup plus window and measures
// the window as the HTTP load does.
func (c *ceiling) submits(ctx context.Context, workers int, warmup, window time.Duration, out *Ceiling) error {
	start := time.Now()
	from, until := start.Add(warmup), start.Add(warmup+window)
	lat := make([][]time.Duration, workers)
	errs := make([]error, workers)
	cpu := measureCPU(from, until)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && time.Now().Before(until) {
				sub := c.submission(c.ids.Add(1)-1, time.Now())
				t0 := time.Now()
				if err := c.st.SubmitResponse(ctx, sub); err != nil {
					errs[w] = err
					return
				}
				if t1 := time.Now(); !t1.Before(from) && t1.Before(until) {
					lat[w] = append(lat[w], t1.Sub(t0))
				}
			}
		}()
	}
	wg.Wait()
	var all []time.Duration
	for w := range workers {
		if errs[w] != nil {
			return fmt.Errorf("submit ceiling: %w", errs[w])
		}
		all = append(all, lat[w]...)
	}
	out.SubmitWorkers, out.SubmitSeconds, out.SubmitStored = workers, window.Seconds(), len(all)
	out.SubmitPerSecond = float64(len(all)) / window.Seconds()
	out.SubmitLatency = latencyOf(all)
	out.SubmitCPUMicros = cpuPer(<-cpu, len(all))
	return ctx.Err()
}

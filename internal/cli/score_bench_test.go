package cli

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/synth"
)

// BenchmarkScoreNationalYear scores a synthetic national year through `itas score` itself —
// reading the CSV files, tallying, scoring, writing CSV — so that its figures are what a user
// of the command sees (issue 2: 1.4 M respondents in under 5 s and 1 GB on 2 cores).
// Generating the files is not timed. Sizes:
//
//	100k   8,300 agencies,    40,000 IIT,    60,000 EIT   (a quick look)
//	1.4M   8,300 agencies,   500,000 IIT,   900,000 EIT   (a national year, fiscal 2563)
//	3M     8,300 agencies, 1,070,000 IIT, 1,930,000 EIT   (stress; runs only when -bench names
//	       "3M" or ITAS_BENCH_STRESS=1, as it writes about 550 MB of files)
//
// Run: go test ./internal/cli -run '^$' -bench ScoreNationalYear/1.4M -benchtime 3x
//
// Besides ns/op it reports respondents/s and peak-heap-MB, the largest live heap sampled
// while scoring (the process's peak RSS is larger by the runtime's overhead; see
// scripts/bench-score.sh for RSS).
func BenchmarkScoreNationalYear(b *testing.B) {
	fw, err := framework.Builtin(2563)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	sizes := []struct {
		name   string
		opts   synth.Options
		stress bool
	}{
		{"100k", synth.Options{Agencies: 8300, IIT: 40_000, EIT: 60_000, Seed: 1}, false},
		{"1.4M", synth.National, false},
		{"3M", synth.Options{Agencies: 8300, IIT: 1_070_000, EIT: 1_930_000, Seed: 1}, true},
	}
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			if size.stress && !stressRequested(size.name) {
				b.Skip("stress size: name it in -bench (ScoreNationalYear/3M) or set ITAS_BENCH_STRESS=1")
			}
			files := generateOnce(b, fw, size.opts, filepath.Join(dir, size.name))
			args := []string{"score", "--year", "2563", "--agencies", files.Agencies,
				"--iit", files.IIT, "--eit", files.EIT, "--oit", files.OIT, "--format", "csv"}
			runtime.GC() // leave generation's garbage out of the heap figures
			peak := sampleHeap()
			for b.Loop() {
				var stderr bytes.Buffer
				if code := Run(context.Background(), args, nil, io.Discard, &stderr); code != 0 {
					b.Fatalf("itas score exited %d: %s", code, stderr.String())
				}
			}
			respondents := float64(size.opts.IIT + size.opts.EIT)
			b.ReportMetric(respondents*float64(b.N)/b.Elapsed().Seconds(), "respondents/s")
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
		})
	}
}

// stressRequested reports whether the stress size named name should run: -bench mentions it,
// or ITAS_BENCH_STRESS=1.
func stressRequested(name string) bool {
	if os.Getenv("ITAS_BENCH_STRESS") == "1" {
		return true
	}
	f := flag.Lookup("test.bench")
	return f != nil && strings.Contains(f.Value.String(), name)
}

var generated sync.Map // dir → synth.Files

// generateOnce writes a synthetic year into dir the first time it is asked for, so that a
// sub-benchmark run again with a larger b.N does not write it again.
func generateOnce(b *testing.B, fw *framework.Framework, opts synth.Options, dir string) synth.Files {
	b.Helper()
	if f, ok := generated.Load(dir); ok {
		return f.(synth.Files)
	}
	start := time.Now()
	s, err := synth.Generate(fw, opts, dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d agencies, %d IIT and %d EIT respondents in %v", s.Agencies, s.IIT, s.EIT, time.Since(start).Round(time.Millisecond))
	generated.Store(dir, s.Files)
	return s.Files
}

// sampleHeap samples the live heap every few milliseconds until the returned function is
// called, which stops sampling and returns the largest value seen, in bytes.
func sampleHeap() func() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-stopped
		return peak
	}
}

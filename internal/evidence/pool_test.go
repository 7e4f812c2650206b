package evidence

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestPoolBounded checks that a pool runs at most its workers at once, queues at most its
// queue, refuses (rather than blocks) beyond that, and cancels running jobs on Stop.
func TestPoolBounded(t *testing.T) {
	const workers, queue = 2, 3
	p := NewPool(workers, queue, nil)
	var running, peak, ran, cancelled atomic.Int32
	hold := make(chan struct{})
	job := func(ctx context.Context) {
		n := running.Add(1)
		defer running.Add(-1)
		for {
			pk := peak.Load()
			if n <= pk || peak.CompareAndSwap(pk, n) {
				break
			}
		}
		select {
		case <-hold:
			ran.Add(1)
		case <-ctx.Done():
			cancelled.Add(1)
		}
	}
	accepted := 0
	began := time.Now()
	for range 20 {
		if p.Submit(job) {
			accepted++
		}
	}
	if d := time.Since(began); d > time.Second {
		t.Errorf("Submit blocked for %v", d)
	}
	// Two workers may have taken jobs off the queue before it filled.
	if accepted < queue || accepted > workers+queue {
		t.Errorf("accepted %d jobs, want between %d and %d", accepted, queue, workers+queue)
	}
	close(hold)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := p.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if int(ran.Load()) != accepted || peak.Load() > workers {
		t.Errorf("ran %d of %d accepted jobs, peak %d workers (max %d)", ran.Load(), accepted, peak.Load(), workers)
	}
	if p.Pending() != 0 {
		t.Errorf("pending = %d after Wait", p.Pending())
	}

	// Stop cancels what runs and refuses what comes.
	block := make(chan struct{})
	started := make(chan struct{})
	p.Submit(func(ctx context.Context) {
		close(started)
		select {
		case <-ctx.Done():
			cancelled.Add(1)
		case <-block:
		}
	})
	<-started
	p.Stop()
	p.Stop()
	if cancelled.Load() != 1 {
		t.Errorf("Stop did not cancel the running job")
	}
	if p.Submit(job) {
		t.Errorf("Submit after Stop accepted a job")
	}
	if p.Pending() != 0 {
		t.Errorf("pending = %d after Stop", p.Pending())
	}
}

func TestPoolStartsLazily(t *testing.T) {
	p := NewPool(4, 4, nil)
	defer p.Stop()
	if err := p.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	if !p.Submit(func(context.Context) { close(done) }) {
		t.Fatal("Submit refused the first job")
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the job never ran")
	}
}

// TestPoolRecoversFromPanic: a job that panics is logged with its stack, and the pool goes on
// running the jobs behind it on the same worker.
func TestPoolRecoversFromPanic(t *testing.T) {
	var logged bytes.Buffer
	p := NewPool(1, 4, slog.New(slog.NewTextHandler(&logged, nil)))
	defer p.Stop()
	var ran atomic.Int32
	p.Submit(func(context.Context) { panic("malformed page") })
	p.Submit(func(context.Context) { ran.Add(1) })
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := p.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if ran.Load() != 1 || p.Pending() != 0 {
		t.Errorf("after a panic: %d jobs ran, %d pending; want the next job run and none pending", ran.Load(), p.Pending())
	}
	if out := logged.String(); !strings.Contains(out, "malformed page") || !strings.Contains(out, "pool_test.go") {
		t.Errorf("log %q lacks the panic and its stack", out)
	}
}

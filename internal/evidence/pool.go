package evidence

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
)

// Pool runs jobs in the background on a fixed number of workers with a bounded queue, so
// that a page asking for evidence never waits on the network and a flood of requests cannot
// grow memory without bound. Build it with NewPool; it is safe for concurrent use.
type Pool struct {
	log     *slog.Logger
	jobs    chan func(context.Context)
	ctx     context.Context
	cancel  context.CancelFunc
	n       int
	workers sync.WaitGroup

	mu      sync.Mutex
	started bool
	stopped bool
	pending int           // jobs queued or running
	idle    chan struct{} // closed while pending is 0
}

// NewPool returns a pool of n workers (at least 1) and a queue of queue jobs (at least 1).
// The workers start with the first job, so a server that never captures evidence runs no
// goroutine for it. A job that panics is logged to log (nil: slog.Default) with its stack,
// and its worker goes on with the next job.
func NewPool(n, queue int, log *slog.Logger) *Pool {
	ctx, cancel := context.WithCancel(context.Background())
	idle := make(chan struct{})
	close(idle)
	if log == nil {
		log = slog.Default()
	}
	return &Pool{log: log, jobs: make(chan func(context.Context), max(1, queue)), ctx: ctx, cancel: cancel, n: max(1, n), idle: idle}
}

// Submit queues job without waiting and reports whether it was queued: false when the queue
// is full or the pool is stopped (the caller logs the drop). The job's context ends when the
// pool stops.
func (p *Pool) Submit(job func(ctx context.Context)) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return false
	}
	if !p.started {
		p.started = true
		for range p.n {
			p.workers.Add(1)
			go p.work()
		}
	}
	select {
	case p.jobs <- job:
	default:
		return false
	}
	if p.pending == 0 {
		p.idle = make(chan struct{})
	}
	p.pending++
	return true
}

func (p *Pool) work() {
	defer p.workers.Done()
	for {
		select {
		case <-p.ctx.Done():
			return
		case job := <-p.jobs:
			if p.ctx.Err() == nil {
				p.run(job)
			}
			p.done(1)
		}
	}
}

// run runs one job, recovering from its panic: one page that trips a bug in a parser must not
// take the server down with it, nor the worker and the jobs queued behind it.
func (p *Pool) run(job func(context.Context)) {
	defer func() {
		if v := recover(); v != nil {
			p.log.Error("evidence job panicked", "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		}
	}()
	job(p.ctx)
}

// done records that n jobs have finished or been dropped.
func (p *Pool) done(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pending -= n
	if p.pending == 0 {
		close(p.idle)
	}
}

// Pending returns how many jobs are queued or running.
func (p *Pool) Pending() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.pending
}

// Wait blocks until no job is queued or running, or ctx ends. Tests use it; a server never
// needs to.
func (p *Pool) Wait(ctx context.Context) error {
	p.mu.Lock()
	idle := p.idle
	p.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Stop cancels the running jobs' context, drops the queued ones and waits for the workers to
// return. Submit refuses jobs afterwards. Stop may be called more than once.
func (p *Pool) Stop() {
	p.mu.Lock()
	p.stopped = true
	p.mu.Unlock()
	p.cancel()
	p.workers.Wait()
	for {
		select {
		case <-p.jobs:
			p.done(1)
		default:
			return
		}
	}
}

package evidence

import (
	"context"
	"strings"
	"sync"
	"time"
)

// hostLimiter keeps the fetcher polite to each web server: at most perHost requests to one
// host at a time, and request starts to one host at least gap apart. Agencies' sites are
// often small servers; one executive confirming 43 items must not look like an attack.
type hostLimiter struct {
	perHost int
	gap     time.Duration

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

// hostSlot is the state of one host: a semaphore of perHost places, the earliest time the
// next request may start, and how many callers hold or wait for a place (so that an idle
// host's slot can be forgotten).
type hostSlot struct {
	sem   chan struct{}
	next  time.Time
	users int
}

func newHostLimiter(perHost int, gap time.Duration) *hostLimiter {
	return &hostLimiter{perHost: max(1, perHost), gap: gap, hosts: map[string]*hostSlot{}}
}

// forgetAfter is how many hosts the limiter keeps before it forgets idle ones.
const forgetAfter = 4096

// acquire waits for a place to request host and for the gap since the last request to it to
// pass, then returns the function that gives the place back. It fails only when ctx ends.
func (l *hostLimiter) acquire(ctx context.Context, host string) (release func(), err error) {
	host = strings.ToLower(host)
	l.mu.Lock()
	if len(l.hosts) >= forgetAfter {
		l.forgetIdle()
	}
	s := l.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, l.perHost)}
		l.hosts[host] = s
	}
	s.users++
	l.mu.Unlock()
	leave := func() {
		l.mu.Lock()
		s.users--
		l.mu.Unlock()
	}

	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
	l.mu.Lock()
	now := time.Now()
	start := now
	if s.next.After(now) {
		start = s.next
	}
	s.next = start.Add(l.gap)
	l.mu.Unlock()
	if wait := start.Sub(now); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-s.sem
			leave()
			return nil, ctx.Err()
		}
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			<-s.sem
			leave()
		})
	}, nil
}

// forgetIdle drops the hosts nobody uses whose gap has passed. l.mu is held.
func (l *hostLimiter) forgetIdle() {
	now := time.Now()
	for h, s := range l.hosts {
		if s.users == 0 && !s.next.After(now) {
			delete(l.hosts, h)
		}
	}
}

package web

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter keeps one token bucket per key (a client address or an account) and forgets keys
// idle for longer than idle, so that memory stays bounded under many distinct clients.
type limiter struct {
	mu        sync.Mutex
	limit     rate.Limit
	burst     int
	idle      time.Duration
	now       func() time.Time
	buckets   map[string]*bucket
	lastSweep time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

// newLimiter returns a limiter allowing perMinute events per minute per key with the given
// burst. A key is forgotten once idle for as long as its bucket takes to fill again (at least a
// minute): a forgotten key then starts exactly where it would have been, so forgetting costs
// nothing, and in a deadline rush — every phone a new address — memory holds only the
// addresses of the last minute or so rather than of the last ten.
func newLimiter(perMinute float64, burst int, now func() time.Time) *limiter {
	idle := time.Minute
	if perMinute > 0 {
		idle = max(idle, time.Duration(float64(burst)/perMinute*float64(time.Minute)))
	}
	return &limiter{
		limit:   rate.Limit(perMinute / 60),
		burst:   burst,
		idle:    idle,
		now:     now,
		buckets: map[string]*bucket{},
	}
}

// allow reports whether one more event for key is allowed now, and counts it if so.
func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	l.sweep(now)
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(l.limit, l.burst)}
		l.buckets[key] = b
	}
	b.seen = now
	return b.lim.AllowN(now, 1)
}

// sweep drops buckets not used for idle, at most once per idle period. A dropped bucket was
// full again anyway, since newLimiter makes idle ≥ burst/limit.
func (l *limiter) sweep(now time.Time) {
	if now.Sub(l.lastSweep) < l.idle {
		return
	}
	l.lastSweep = now
	for k, b := range l.buckets {
		if now.Sub(b.seen) >= l.idle {
			delete(l.buckets, k)
		}
	}
}

// size returns the number of keys tracked, for tests.
func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

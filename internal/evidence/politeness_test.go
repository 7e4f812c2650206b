package evidence

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestPerHostConcurrency fetches one host from many goroutines at once and checks that the
// server never sees more than PerHost requests at a time, while another host is not held up.
func TestPerHostConcurrency(t *testing.T) {
	const perHost, fetches = 2, 10
	var inFlight, peak atomic.Int32
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		inFlight.Add(-1)
		fmt.Fprint(w, "ok")
	}))
	res := newResolver()
	res.set("busy.agency.go.th", "127.0.0.1")
	f := testFetcher(Options{PerHost: perHost}, res, srv)
	var wg sync.WaitGroup
	for range fetches {
		wg.Go(func() {
			if r := f.Fetch(context.Background(), srv.at("busy.agency.go.th", "/")); r.Status != 200 {
				t.Errorf("status %d: %s", r.Status, r.Error)
			}
		})
	}
	wg.Wait()
	if p := peak.Load(); p > perHost || p < 2 {
		t.Errorf("peak concurrency at one host = %d, want at most %d (and more than 1: the limit is not a lock)", p, perHost)
	}
}

// TestHostGap checks that request starts to one host are at least HostGap apart, and that
// a different host does not wait for them.
func TestHostGap(t *testing.T) {
	const gap = 80 * time.Millisecond
	var mu sync.Mutex
	starts := map[string][]time.Time{}
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts[r.Host] = append(starts[r.Host], time.Now())
		mu.Unlock()
		fmt.Fprint(w, "ok")
	}))
	res := newResolver()
	res.set("a.agency.go.th", "127.0.0.1")
	res.set("b.agency.go.th", "127.0.0.1")
	f := testFetcher(Options{PerHost: 4, HostGap: gap}, res, srv)
	began := time.Now()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() { f.Fetch(context.Background(), srv.at("a.agency.go.th", "/")) })
		if i == 0 {
			wg.Go(func() { f.Fetch(context.Background(), srv.at("b.agency.go.th", "/")) })
		}
	}
	wg.Wait()
	a := starts[srv.at("a.agency.go.th", "")[len("http://"):]]
	b := starts[srv.at("b.agency.go.th", "")[len("http://"):]]
	if len(a) != 4 || len(b) != 1 {
		t.Fatalf("requests: a %d, b %d", len(a), len(b))
	}
	sort.Slice(a, func(i, j int) bool { return a[i].Before(a[j]) })
	for i := 1; i < len(a); i++ {
		// The limiter lets the i-th request start no earlier than i gaps after the first could;
		// the server sees each a little later still, by its own scheduling delay, so the
		// spacing between two arrivals can shrink but no arrival can come early.
		if d := a[i].Sub(began); d < time.Duration(i)*gap {
			t.Errorf("request %d to one host arrived %v after the start, want at least %v", i, d, time.Duration(i)*gap)
		}
	}
	if d := b[0].Sub(a[0]); d > gap {
		t.Errorf("the other host waited %v behind the first", d)
	}
}

func TestHostLimiterForgetsIdleHosts(t *testing.T) {
	l := newHostLimiter(1, 0)
	for i := range forgetAfter + 10 {
		release, err := l.acquire(context.Background(), fmt.Sprintf("h%d.go.th", i))
		if err != nil {
			t.Fatal(err)
		}
		release()
		release() // twice is harmless
	}
	if n := len(l.hosts); n > forgetAfter {
		t.Errorf("limiter keeps %d hosts, want at most %d", n, forgetAfter)
	}
}

func TestHostLimiterCancel(t *testing.T) {
	l := newHostLimiter(1, time.Hour)
	release, err := l.acquire(context.Background(), "x.go.th")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := l.acquire(ctx, "x.go.th"); err == nil {
		t.Fatal("acquire succeeded past a held place")
	}
	release()
	// The place is free now, but the gap of an hour still holds the next start back.
	ctx2, cancel2 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel2()
	if _, err := l.acquire(ctx2, "X.GO.TH"); err == nil {
		t.Fatal("acquire succeeded inside the gap")
	}
	if l.hosts["x.go.th"].users != 0 || len(l.hosts["x.go.th"].sem) != 0 {
		t.Errorf("a cancelled wait left state behind: %+v", l.hosts["x.go.th"])
	}
}

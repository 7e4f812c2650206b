package loadgen

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Level is what one concurrency level of the HTTP load measured.
type Level struct {
	Clients int `json:"clients"`
	// Offered is the paced rate the clients were asked to keep, in responses per second, or 0
	// when each client sent its next response as soon as the last was answered (flat out,
	// which measures capacity: its latency is then mostly queueing, clients / rate).
	Offered float64 `json:"offered_per_second"`
	// Seconds is the measured window, after the warm-up.
	Seconds float64 `json:"seconds"`
	// Acknowledged counts the 201 answers that arrived within the window, and PerSecond is
	// that count over the window: the sustained rate of durably stored responses.
	Acknowledged int     `json:"acknowledged"`
	PerSecond    float64 `json:"per_second"`
	// Latency is of the acknowledged requests in the window, to reading the whole answer
	// from sending the request or, when paced, from when it was due: a request delayed
	// behind a slow one counts its wait (no coordinated omission).
	Latency Latency `json:"latency_ms"`
	// CPUMicros is the CPU time of the whole process (server and clients) in the window per
	// acknowledged response, in microseconds.
	CPUMicros float64 `json:"cpu_us_per_response"`
	// Errors counts every other outcome of the whole level (warm-up included) by HTTP status,
	// or "transport" when no answer came.
	Errors map[string]int `json:"errors"`
}

// Latency is a latency distribution in milliseconds.
type Latency struct {
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
	P99 float64 `json:"p99"`
	Max float64 `json:"max"`
}

// httpLoad drives a server with complete responses from a number of clients.
type httpLoad struct {
	host   string // "127.0.0.1:port"
	target Target
	bodies *Bodies
	ids    *atomic.Uint64 // the next national ID number, shared by everything in a run
	// addrBase numbers the clients' addresses so that no two levels share one.
	addrBase int
}

// run drives the server from clients concurrent clients for warmup plus window, and measures
// the window. Each client is one phone: its own keep-alive connection and its own address in
// X-Forwarded-For, posting one complete response after another, each with a new national ID
// and to the next agency in turn. With rate > 0 the clients together offer rate responses per
// second, each client one every clients/rate seconds, staggered; else they go flat out.
func (l *httpLoad) run(ctx context.Context, clients int, rate float64, warmup, window time.Duration) Level {
	paths := make([]string, len(l.target.Tokens))
	for i, tok := range l.target.Tokens {
		paths[i] = "/api/v1/s/" + tok + "/responses"
	}
	start := time.Now()
	from, until := start.Add(warmup), start.Add(warmup+window)
	results := make([]clientResult, clients)
	cpu := measureCPU(from, until)
	var wg sync.WaitGroup
	var every time.Duration // each client's interval when paced
	if rate > 0 {
		every = time.Duration(float64(clients) / rate * float64(time.Second))
	}
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := pace{every: every}
			if every > 0 {
				p.next = start.Add(every * time.Duration(c) / time.Duration(clients))
			}
			ph := &phone{host: l.host, xff: ipv4(l.addrBase + c)}
			defer ph.drop(nil)
			results[c] = l.client(ctx, ph, paths, p, from, until)
		}()
	}
	wg.Wait()
	l.addrBase += clients
	lv := Level{Clients: clients, Offered: rate, Seconds: window.Seconds(), Errors: map[string]int{}}
	var all []time.Duration
	for _, r := range results {
		all = append(all, r.acked...)
		for k, n := range r.errors {
			lv.Errors[k] += n
		}
	}
	lv.Acknowledged = len(all)
	lv.PerSecond = float64(len(all)) / window.Seconds()
	lv.Latency = latencyOf(all)
	lv.CPUMicros = cpuPer(<-cpu, len(all))
	return lv
}

// clientResult is one client's share of a level.
type clientResult struct {
	acked  []time.Duration // latencies of the 201s within the window
	errors map[string]int
}

// pace is a client's schedule: a request every every, the next due at next; zero every means
// no schedule.
type pace struct {
	every time.Duration
	next  time.Time
}

// due waits for the next request's time and returns it (now when unpaced or late).
func (p *pace) due() time.Time {
	if p.every == 0 {
		return time.Now()
	}
	t := p.next
	p.next = p.next.Add(p.every)
	if d := time.Until(t); d > 0 {
		time.Sleep(d)
	}
	return t
}

// client posts responses until until, one at a time, on its pace.
func (l *httpLoad) client(ctx context.Context, ph *phone, paths []string, p pace, from, until time.Time) clientResult {
	res := clientResult{errors: map[string]int{}}
	var body []byte
	for ctx.Err() == nil {
		t0 := p.due()
		if t0.After(until) {
			break
		}
		n := l.ids.Add(1) - 1
		body = l.bodies.Append(body[:0], n)
		status, err := ph.post(paths[n%uint64(len(paths))], body)
		if err != nil {
			res.errors["transport"]++
			continue
		}
		t1 := time.Now()
		switch {
		case status != http.StatusCreated:
			res.errors[strconv.Itoa(status)]++
		case !t1.Before(from) && t1.Before(until):
			res.acked = append(res.acked, t1.Sub(t0))
		}
	}
	return res
}

package evidence

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"sync"
	"testing"
)

// publicServer is a local test server that the fetcher under test treats as a public web
// site: its exact address and port pass the address check, every other address (including
// other ports on 127.0.0.1) is judged as in production, with loopback refused.
type publicServer struct {
	*httptest.Server
	addr netip.AddrPort
}

func newPublicServer(t testing.TB, h http.Handler) *publicServer {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return &publicServer{Server: srv, addr: netip.MustParseAddrPort(u.Host)}
}

// at returns the server's URL for path under the host name host, which the test resolver
// must map to 127.0.0.1.
func (s *publicServer) at(host, path string) string {
	return "http://" + net.JoinHostPort(host, strconv.Itoa(int(s.addr.Port()))) + path
}

// port returns the server's port, as url.URL.Port gives it.
func (s *publicServer) port() string { return strconv.Itoa(int(s.addr.Port())) }

// fakeResolver answers host names from a table: each lookup of a host takes the next answer
// in its list and then keeps repeating the last one, so a test can make the second answer
// differ from the first (DNS rebinding).
type fakeResolver struct {
	mu      sync.Mutex
	answers map[string][][]netip.Addr
	lookups map[string]int
}

func newResolver() *fakeResolver {
	return &fakeResolver{answers: map[string][][]netip.Addr{}, lookups: map[string]int{}}
}

// set makes successive lookups of host answer the given addresses, one lookup each.
func (r *fakeResolver) set(host string, answers ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var list [][]netip.Addr
	for _, a := range answers {
		list = append(list, []netip.Addr{netip.MustParseAddr(a)})
	}
	r.answers[host] = list
}

func (r *fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	list, ok := r.answers[host]
	if !ok || len(list) == 0 {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	i := min(r.lookups[host], len(list)-1)
	r.lookups[host]++
	return list[i], nil
}

// testFetcher returns a fetcher for tests: fast timeouts and no politeness gap unless o says
// otherwise, the given resolver, and the given servers treated as public — their addresses
// and ports allowed, every other address and port judged as in production.
func testFetcher(o Options, res Resolver, public ...*publicServer) *Fetcher {
	if o.HostGap == 0 {
		o.HostGap = 1 // a nanosecond: effectively none
	}
	if o.FetchTimeout == 0 {
		o.FetchTimeout = 5e9
	}
	o.Resolver = res
	ok := map[netip.AddrPort]bool{}
	if o.allowPorts == nil {
		o.allowPorts = map[string]bool{}
	}
	for _, s := range public {
		ok[s.addr] = true
		o.allowPorts[s.port()] = true
	}
	o.allowAddr = func(ap netip.AddrPort) error {
		if ok[ap] {
			return nil
		}
		if why := classify(ap.Addr(), false); why != "" {
			return &RefusedError{Addr: ap.Addr(), Reason: why}
		}
		return nil
	}
	return NewFetcher(o)
}

// counter counts the requests a handler serves.
type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) wrap(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		c.n++
		c.mu.Unlock()
		h(w, r)
	}
}

func (c *counter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// wantFlags fails t unless r's flags are exactly want, in any order.
func wantFlags(t *testing.T, r Record, want ...Flag) {
	t.Helper()
	if len(r.Flags) != len(want) {
		t.Fatalf("flags = %v, want %v (error %q)", r.Flags, want, r.Error)
	}
	for _, f := range want {
		if !r.Has(f) {
			t.Fatalf("flags = %v, want %v (error %q)", r.Flags, want, r.Error)
		}
	}
}

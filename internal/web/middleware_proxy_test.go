package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestClientAddr(t *testing.T) {
	tests := []struct {
		name       string
		trustProxy bool
		xff        []string
		want       string
	}{
		{"NoProxyIgnoresHeader", false, []string{"203.0.113.9"}, "192.0.2.1"},
		{"NoHeader", true, nil, "192.0.2.1"},
		{"OneEntry", true, []string{"203.0.113.9"}, "203.0.113.9"},
		{"ForgedThenReal", true, []string{"198.51.100.66, 203.0.113.9"}, "203.0.113.9"},
		{"ForgedHeaderThenProxyHeader", true, []string{"198.51.100.66", "203.0.113.9"}, "203.0.113.9"},
		{"Spaces", true, []string{" 198.51.100.66 ,  203.0.113.9 "}, "203.0.113.9"},
		{"IPv6", true, []string{"2001:db8::1"}, "2001:db8::1"},
		{"IPv4Mapped", true, []string{"::ffff:203.0.113.9"}, "203.0.113.9"},
		{"WithPort", true, []string{"203.0.113.9:51234"}, "203.0.113.9"},
		{"GarbageLastEntry", true, []string{"203.0.113.9, not-an-address"}, "192.0.2.1"},
		{"EmptyLastEntry", true, []string{"203.0.113.9,"}, "192.0.2.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Server{cfg: Config{TrustProxy: tt.trustProxy}}
			r := httptest.NewRequest("GET", "/", nil)
			r.RemoteAddr = "192.0.2.1:40000"
			for _, v := range tt.xff {
				r.Header.Add("X-Forwarded-For", v)
			}
			if got := s.clientAddr(r); got != tt.want {
				t.Errorf("clientAddr with X-Forwarded-For %q = %q, want %q", tt.xff, got, tt.want)
			}
		})
	}
}

// TestRateLimitBehindProxy: a client that puts a new address of its choice in front of its
// real one on every request is still limited as its real address.
func TestRateLimitBehindProxy(t *testing.T) {
	e := newEnv(t, Config{TrustProxy: true, RatePerMinute: 6}) // a burst of 2
	get := func(xff string) int {
		res := e.do(request{method: "GET", path: "/login", header: http.Header{"X-Forwarded-For": {xff}}})
		body(t, res)
		return res.StatusCode
	}
	for i, forged := range []string{"198.51.100.1", "198.51.100.2"} {
		if got := get(forged + ", 203.0.113.9"); got != http.StatusOK {
			t.Fatalf("request %d: status %d, want 200 within the burst", i+1, got)
		}
	}
	if got := get("198.51.100.3, 203.0.113.9"); got != http.StatusTooManyRequests {
		t.Errorf("third request from 203.0.113.9 under a new forged address: status %d, want 429", got)
	}
	if got := get("203.0.113.9, 203.0.113.10"); got != http.StatusOK {
		t.Errorf("another real address naming the limited one first: status %d, want 200", got)
	}
}

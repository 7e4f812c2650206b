package evidence

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

func TestCheckURL(t *testing.T) {
	f := NewFetcher(Options{})
	tests := []struct {
		url      string
		ok, port bool // allowed; refused for its port alone
	}{
		{"https://www.agency.go.th/plan", true, false},
		{"http://www.agency.go.th/plan", true, false},
		{"http://www.agency.go.th:80/plan", true, false},
		{"https://www.agency.go.th:443/plan", true, false},
		{"http://www.agency.go.th:443/plan", true, false},
		{"http://[2001:db8::1]/plan", true, false},
		{"http://www.agency.go.th:8080/plan", false, true},
		{"https://www.agency.go.th:22/", false, true},
		{"http://www.agency.go.th:6379/", false, true},
		{"http://[2001:db8::1]:8443/", false, true},
		{"ftp://www.agency.go.th/plan.pdf", false, false},
		{"https://user:secret@www.agency.go.th/", false, false},
		{"https://user@www.agency.go.th/", false, false},
		{"/plan.pdf", false, false},
		{"https:///plan.pdf", false, false},
	}
	for _, tt := range tests {
		u, err := f.checkURL(tt.url)
		if (err == nil) != tt.ok {
			t.Errorf("checkURL(%q) = %v, %v; want allowed %v", tt.url, u, err, tt.ok)
			continue
		}
		if err != nil && (flagOfURLError(err) == FlagCheck) != tt.port {
			t.Errorf("checkURL(%q): flag %s, want FlagCheck only for a refused port", tt.url, flagOfURLError(err))
		}
	}
	if _, err := NewFetcher(Options{AllowAnyPort: true}).checkURL("http://www.agency.go.th:8080/plan"); err != nil {
		t.Errorf("AllowAnyPort: %v", err)
	}
}

// TestFetchOtherPortNotRequested: a URL on a port other than 80 and 443 is not requested at
// all, and the record asks a person to open it rather than calling it broken.
func TestFetchOtherPortNotRequested(t *testing.T) {
	var hits counter
	other := newPublicServer(t, hits.wrap(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "redis? ssh?") }))
	res := newResolver()
	res.set(site, "127.0.0.1")
	f := testFetcher(Options{}, res) // other's port is not allowed
	r := f.Fetch(context.Background(), other.at(site, "/"))
	wantFlags(t, r, FlagCheck)
	if r.Status != 0 || !strings.Contains(r.Error, other.port()) || r.HasCopy {
		t.Errorf("status %d, error %q, copy %v; want no request and the port named", r.Status, r.Error, r.HasCopy)
	}
	if n := hits.count(); n != 0 {
		t.Errorf("the server on the other port served %d requests, want none", n)
	}
}

// TestFetchRedirectHopsChecked: every redirect hop passes the checks of the first URL —
// scheme, user name or password, port — and the hop refused is not requested.
func TestFetchRedirectHopsChecked(t *testing.T) {
	var hits counter
	other := newPublicServer(t, hits.wrap(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "other port") }))
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-port":
			http.Redirect(w, r, other.at(site, "/x"), http.StatusFound)
		case "/to-credentials":
			http.Redirect(w, r, "http://admin:admin@"+r.Host+"/ok", http.StatusFound)
		case "/to-gopher":
			http.Redirect(w, r, "gopher://www.agency.go.th/x", http.StatusMovedPermanently)
		case "/ok":
			fmt.Fprint(w, "<title>ok</title>")
		}
	}))
	res := newResolver()
	res.set(site, "127.0.0.1")
	f := testFetcher(Options{}, res, srv)
	for _, tt := range []struct{ name, path, final, want string }{
		{"Port", "/to-port", other.at(site, "/x"), other.port()},
		{"Credentials", "/to-credentials", "http://admin:admin@" + strings.TrimPrefix(srv.at(site, "/ok"), "http://"), "รหัสผ่าน"},
		{"OtherScheme", "/to-gopher", "gopher://www.agency.go.th/x", "http://"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := f.Fetch(context.Background(), srv.at(site, tt.path))
			wantFlags(t, r, FlagCheck)
			if len(r.Redirects) != 1 || r.FinalURL != tt.final || r.HasCopy || !strings.Contains(r.Error, tt.want) {
				t.Errorf("redirects %v, final %q, copy %v, error %q; want one hop, final %q, the error naming %q",
					r.Redirects, r.FinalURL, r.HasCopy, r.Error, tt.final, tt.want)
			}
		})
	}
	if n := hits.count(); n != 0 {
		t.Errorf("the server on the other port served %d requests, want none", n)
	}
}

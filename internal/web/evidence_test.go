package web

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/evidence"
)

func init() { testResolver = offlineResolver{} }

// offlineResolver keeps the package's tests off the internet: "localhost" is 127.0.0.1 and
// every other name does not exist, so that fetches of the demo's real agency URLs fail at
// once instead of reaching government web sites.
type offlineResolver struct{}

func (offlineResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if host == "localhost" {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}
	return nil, &net.DNSError{Err: "tests do not reach the internet", Name: host, IsNotFound: true}
}

// agencySite is a test web site standing in for an agency's main website; its pages can be
// changed while a test runs.
type agencySite struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]string // path → "content-type\nbody"
	hits  map[string]int
}

func newAgencySite(t *testing.T) *agencySite {
	t.Helper()
	s := &agencySite{pages: map[string]string{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		page, ok := s.pages[r.URL.Path]
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		ct, body, _ := strings.Cut(page, "\n")
		w.Header().Set("Content-Type", ct)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *agencySite) set(path, contentType, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = contentType + "\n" + body
}

func (s *agencySite) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// evidenceEnv is a test server whose evidence fetcher may reach loopback, with the demo's
// สป.พน. moved to a local test site.
func evidenceEnv(t *testing.T) (*env, *agencySite) {
	t.Helper()
	e := newEnv(t, Config{EvidenceAllowLoopback: true})
	site := newAgencySite(t)
	ctx := context.Background()
	ag, err := e.st.FindAgencyByCode(ctx, demo.CodeEnergyPS)
	if err != nil {
		t.Fatal(err)
	}
	ag.Website = site.URL
	if err := e.st.UpdateAgency(ctx, ag.Code, ag, audit.System()); err != nil {
		t.Fatal(err)
	}
	// The production fetcher waits a second between requests to one host; the tests fetch
	// one local site many times.
	e.srv.evidence.fetcher = evidence.NewFetcher(evidence.Options{AllowLoopback: true, AllowAnyPort: true, HostGap: time.Millisecond, Now: e.clock.Now, Resolver: testResolver})
	t.Cleanup(e.srv.evidence.stop)
	return e, site
}

// waitEvidence waits until the background fetches are done.
func (e *env) waitEvidence() {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.srv.evidence.pool.Wait(ctx); err != nil {
		e.t.Fatalf("evidence fetches still running: %v", err)
	}
}

func (e *env) history(t evidence.Target) []evidence.Record {
	e.t.Helper()
	recs, err := e.srv.evidenceHistory(context.Background(), t)
	if err != nil {
		e.t.Fatal(err)
	}
	return recs
}

func energyItem(item string) evidence.Target {
	return evidence.Target{FiscalYear: 2570, AgencyCode: demo.CodeEnergyPS, ItemID: item}
}

func TestCaptureEvidence(t *testing.T) {
	e, site := evidenceEnv(t)
	ctx := context.Background()
	site.set("/plan", "text/html; charset=utf-8", `<title>แผนปฏิบัติราชการ 2570</title><input type="hidden" name="csrf" value="a1"><p>แผน</p>`)
	site.set("/report.pdf", "application/pdf", "%PDF-1.4 << /Title (Report 2569) >>")
	item := energyItem("o10")
	plan, pdf := site.URL+"/plan", site.URL+"/report.pdf"
	offsite := strings.Replace(site.URL, "127.0.0.1", "localhost", 1) + "/plan"

	began := time.Now()
	e.srv.captureEvidence(ctx, item, []string{plan, " " + plan + " ", "", pdf, offsite, site.URL + "/gone"}, evidence.ReasonSaved)
	if d := time.Since(began); d > 200*time.Millisecond {
		t.Errorf("captureEvidence took %v; it must not wait for the fetches", d)
	}
	e.waitEvidence()
	recs := e.history(item)
	byURL := map[string]evidence.Record{}
	for _, r := range recs {
		byURL[r.URL] = r
	}
	if len(recs) != 4 || len(byURL) != 4 {
		t.Fatalf("history has %d records for %d URLs, want one per distinct URL (4): %+v", len(recs), len(byURL), recs)
	}
	if r := byURL[plan]; r.Status != 200 || r.Title != "แผนปฏิบัติราชการ 2570" || len(r.Flags) != 0 || !r.HasCopy || r.Reason != evidence.ReasonSaved {
		t.Errorf("plan: %+v", r)
	}
	if r := byURL[pdf]; r.Title != "Report 2569" || len(r.Flags) != 0 {
		t.Errorf("pdf: %+v", r)
	}
	if r := byURL[offsite]; !r.Has(evidence.FlagOffSite) || r.Status != 200 {
		t.Errorf("off-site URL: %+v, want flagged off_site", r)
	}
	if r := byURL[site.URL+"/gone"]; !r.Has(evidence.FlagNotFound) {
		t.Errorf("gone: %+v, want flagged not_found", r)
	}

	t.Run("SavedAgainSoonIsNotRefetched", func(t *testing.T) {
		before := site.hitsOf("/plan")
		e.srv.captureEvidence(ctx, item, []string{plan}, evidence.ReasonSaved)
		e.waitEvidence()
		if got := site.hitsOf("/plan"); got != before {
			t.Errorf("the site saw %d more requests within %v of the last fetch", got-before, evidenceRefetchAfter)
		}
		e.clock.Add(evidenceRefetchAfter + time.Second)
		e.srv.captureEvidence(ctx, item, []string{plan}, evidence.ReasonSaved)
		e.waitEvidence()
		if got := site.hitsOf("/plan"); got != before+1 {
			t.Errorf("the site saw %d more requests after %v, want 1", got-before, evidenceRefetchAfter)
		}
	})

	t.Run("ChangedSinceSubmitted", func(t *testing.T) {
		e.srv.captureEvidence(ctx, item, []string{plan}, evidence.ReasonConfirmed)
		e.waitEvidence()
		// A new CSRF token is no change of content...
		site.set("/plan", "text/html; charset=utf-8", `<title>แผนปฏิบัติราชการ 2570</title><input type="hidden" name="csrf" value="b2"><p>แผน</p>`)
		e.clock.Add(time.Minute)
		e.srv.captureEvidence(ctx, item, []string{plan}, evidence.ReasonOpened)
		e.waitEvidence()
		if r := e.history(item)[0]; r.Reason != evidence.ReasonOpened || len(r.Flags) != 0 {
			t.Errorf("after a token change: %+v, want no flag", r)
		}
		// ...a new text is.
		site.set("/plan", "text/html; charset=utf-8", `<title>แผนปฏิบัติราชการ 2570</title><p>แผน (ฉบับแก้ไข)</p>`)
		e.clock.Add(evidenceRefetchAfter + time.Second)
		e.srv.captureEvidence(ctx, item, []string{plan}, evidence.ReasonOpened)
		e.waitEvidence()
		if r := e.history(item)[0]; r.Reason != evidence.ReasonOpened || !r.Has(evidence.FlagChanged) {
			t.Errorf("after the text changed: %+v, want flagged changed", r)
		}
	})
}

func TestCaptureEvidenceRefusesLoopbackByDefault(t *testing.T) {
	e := newEnv(t, Config{})
	t.Cleanup(e.srv.evidence.stop)
	site := newAgencySite(t)
	site.set("/", "text/html", "<title>internal</title>")
	item := energyItem("o1")
	e.srv.captureEvidence(context.Background(), item, []string{site.URL + "/"}, evidence.ReasonSaved)
	e.waitEvidence()
	recs := e.history(item)
	// The test site's random port is refused before its loopback address is (the evidence
	// package tests each guard alone): either way nothing is requested.
	if len(recs) != 1 || recs[0].Status != 0 || recs[0].HasCopy ||
		!(recs[0].Has(evidence.FlagRefused) || recs[0].Has(evidence.FlagCheck)) {
		t.Fatalf("history = %+v, want one refused fetch", recs)
	}
	if n := site.hitsOf("/"); n != 0 {
		t.Errorf("the loopback site served %d requests", n)
	}

	// The test option in Config lets the same fetch through.
	e = newEnv(t, Config{EvidenceAllowLoopback: true})
	t.Cleanup(e.srv.evidence.stop)
	e.srv.captureEvidence(context.Background(), item, []string{site.URL + "/"}, evidence.ReasonSaved)
	e.waitEvidence()
	if recs := e.history(item); len(recs) != 1 || recs[0].Status != 200 || recs[0].Title != "internal" {
		t.Fatalf("with EvidenceAllowLoopback: history = %+v, want the page", recs)
	}
}

// TestCaptureEvidenceOffline checks that the tests' fetcher keeps the demo's real agency
// URLs on this machine: the fetch fails at the name lookup, quickly, and says so.
func TestCaptureEvidenceOffline(t *testing.T) {
	e := newEnv(t, Config{})
	t.Cleanup(e.srv.evidence.stop)
	item := energyItem("o5")
	e.srv.captureEvidence(context.Background(), item, []string{"https://energy.go.th/contact"}, evidence.ReasonSaved)
	e.waitEvidence()
	recs := e.history(item)
	if len(recs) != 1 || !recs[0].Has(evidence.FlagUnreachable) || !strings.Contains(recs[0].Error, "DNS") || recs[0].ElapsedMS > 1000 {
		t.Fatalf("history = %+v, want one quick DNS failure", recs)
	}
}

func TestCaptureEvidenceQueueFull(t *testing.T) {
	e, site := evidenceEnv(t)
	hang := make(chan struct{})
	t.Cleanup(func() { close(hang) })
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(slow.Close)
	var logs bytes.Buffer
	var logMu sync.Mutex
	e.srv.evidence.log = slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &logMu}, nil))
	e.srv.evidence.pool.Stop()
	e.srv.evidence.pool = evidence.NewPool(1, 1, nil)
	var urls []string
	for i := range 5 {
		urls = append(urls, fmt.Sprintf("%s/p%d", slow.URL, i))
	}
	began := time.Now()
	e.srv.captureEvidence(context.Background(), energyItem("o2"), urls, evidence.ReasonSaved)
	if d := time.Since(began); d > 200*time.Millisecond {
		t.Errorf("captureEvidence blocked for %v on a full queue", d)
	}
	logMu.Lock()
	dropped := strings.Count(logs.String(), "evidence queue full")
	logMu.Unlock()
	if dropped < 3 {
		t.Errorf("%d drops logged, want at least 3 of 5 (one running, one queued):\n%s", dropped, logs.String())
	}
	_ = site
}

// lockedWriter serialises writes to a buffer shared with the test.
type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestEvidenceStopsWithServer runs the server, starts a fetch that never ends, and checks that
// shutting the server down cancels it promptly and records nothing for it.
func TestEvidenceStopsWithServer(t *testing.T) {
	e, _ := evidenceEnv(t)
	e.srv.cfg.Addr = "127.0.0.1:0"
	started := make(chan struct{})
	var once sync.Once
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(started) })
		<-r.Context().Done()
	}))
	t.Cleanup(slow.Close)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.srv.Run(ctx, nil) }()
	item := energyItem("o3")
	e.srv.captureEvidence(context.Background(), item, []string{slow.URL + "/"}, evidence.ReasonConfirmed)
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("the fetch never reached the site")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after shutdown")
	}
	if n := e.srv.evidence.pool.Pending(); n != 0 {
		t.Errorf("%d fetches still pending after shutdown", n)
	}
	if recs := e.history(item); len(recs) != 0 {
		t.Errorf("a fetch cancelled by shutdown was recorded: %+v", recs)
	}
}

func TestEvidenceCopyDownload(t *testing.T) {
	e, site := evidenceEnv(t)
	page := `<title>x</title><script>alert(document.cookie)</script>`
	site.set("/page", "text/html; charset=utf-8", page)
	site.set("/doc.pdf", "application/pdf", "%PDF-1.4 x")
	site.set("/logo.svg", "image/svg+xml", `<svg onload="alert(1)"/>`)
	item := energyItem("o4")
	e.srv.captureEvidence(context.Background(), item, []string{site.URL + "/page", site.URL + "/doc.pdf", site.URL + "/logo.svg"}, evidence.ReasonSaved)
	e.waitEvidence()
	ids := map[string]int64{}
	for _, r := range e.history(item) {
		ids[strings.TrimPrefix(r.URL, site.URL)] = r.ID
	}
	tests := []struct {
		name, user, path string
		status           int
		ctype, body      string
	}{
		{"HTMLAsDownload", "assessor", "/page", 200, "application/octet-stream", page},
		{"PDFKeepsItsType", "admin", "/doc.pdf", 200, "application/pdf", "%PDF-1.4 x"},
		{"SVGAsDownload", "a" + demo.CodeEnergyPS, "/logo.svg", 200, "application/octet-stream", `<svg onload="alert(1)"/>`},
		{"OwnExecutive", "t" + demo.CodeEnergyPS, "/page", 200, "application/octet-stream", page},
		{"OtherAgency", "a" + demo.CodeDMF, "/page", 403, "", ""},
		{"Supervisor", "supervisor", "/page", 403, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(request{method: "GET", path: fmt.Sprintf("/evidence/%d/copy", ids[tt.path]), token: e.session(tt.user)})
			b := body(t, res)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if tt.status != 200 {
				return
			}
			h := res.Header
			if h.Get("Content-Type") != tt.ctype || b != tt.body {
				t.Errorf("Content-Type %q, body %q; want %q, %q", h.Get("Content-Type"), b, tt.ctype, tt.body)
			}
			if cd := h.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "itas-evidence-2570-"+demo.CodeEnergyPS+"-o4-") {
				t.Errorf("Content-Disposition = %q", cd)
			}
			if !strings.Contains(h.Get("Content-Security-Policy"), "sandbox") || h.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("CSP %q, nosniff %q", h.Get("Content-Security-Policy"), h.Get("X-Content-Type-Options"))
			}
		})
	}
	for _, path := range []string{"/evidence/999999/copy", "/evidence/abc/copy", "/evidence/-1/copy"} {
		res := e.do(request{method: "GET", path: path, token: e.session("admin")})
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, res.StatusCode)
		}
	}
}

func TestEvidenceFetchRows(t *testing.T) {
	recs := []evidence.Record{
		{ID: 3, URL: "https://www.energy.go.th/a", FinalURL: "https://www.energy.go.th/b", Reason: evidence.ReasonOpened,
			Status: 200, SHA256: strings.Repeat("ab", 32), Size: 250 << 10, Type: "text/html; charset=utf-8",
			Redirects: []string{"https://www.energy.go.th/a"}, Flags: []evidence.Flag{evidence.FlagChanged}, HasCopy: true},
		{ID: 2, URL: "javascript:alert(1)", Reason: evidence.ReasonSaved, Error: "ระบบดึงได้เฉพาะลิงก์ http:// และ https://",
			Flags: []evidence.Flag{evidence.FlagUnreachable}},
		{ID: 1, URL: "https://www.energy.go.th/a", FinalURL: "https://www.energy.go.th/a", Reason: evidence.ReasonSaved,
			Status: 200, SHA256: strings.Repeat("cd", 32), Size: 900},
	}
	rows := evidenceFetches(LangEN, recs)
	a, js, old := rows[0], rows[1], rows[2]
	if a.Status != "200" || a.FinalURL != "https://www.energy.go.th/b" || a.Size != "250 KB" || a.SHA256 != "abababababab" ||
		a.Type != "text/html" || a.CopyURL != "/evidence/3/copy" || !a.Link || a.OK || a.Reason != "Assessor opened" {
		t.Errorf("row 0 = %+v", a)
	}
	if len(a.Flags) != 1 || a.Flags[0].Serious || a.Flags[0].Text != messagesEN["evidence.flag.changed"] {
		t.Errorf("row 0 flags = %+v", a.Flags)
	}
	if js.Link || js.Status != "—" || js.Size != "" || js.CopyURL != "" || !js.Flags[0].Serious {
		t.Errorf("row 1 = %+v", js)
	}
	if old.FinalURL != "" || !old.OK || old.Size != "900 B" {
		t.Errorf("row 2 = %+v", old)
	}
	for _, r := range []evidence.Reason{evidence.ReasonSaved, evidence.ReasonConfirmed, evidence.ReasonOpened, evidence.ReasonClarified} {
		for _, l := range langs {
			if _, ok := catalogues[l]["evidence.reason."+string(r)]; !ok {
				t.Errorf("%s: no message for reason %q", l, r)
			}
		}
	}
	for _, f := range []evidence.Flag{evidence.FlagOffSite, evidence.FlagUnreachable, evidence.FlagNotFound,
		evidence.FlagCheck, evidence.FlagChanged, evidence.FlagRefused} {
		for _, l := range langs {
			if _, ok := catalogues[l]["evidence.flag."+string(f)]; !ok {
				t.Errorf("%s: no message for flag %q", l, f)
			}
		}
	}
}

package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t, Config{})
	res := e.do(request{method: "GET", path: "/login"})
	page := body(t, res)
	h := res.Header
	csp := h.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline code")
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("X-Request-Id") == "" {
		t.Errorf("headers %v", h)
	}
	for _, bad := range []string{"<script>", "style=", "<style", "http://", "https://", "javascript:"} {
		if strings.Contains(page, bad) {
			t.Errorf("the login page contains %q (inline code or a foreign URL)", bad)
		}
	}
	if m := regexp.MustCompile(`\son[a-z]+=`).FindString(page); m != "" {
		t.Errorf("the login page has an inline event handler %q", m)
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	e := newEnv(t, Config{})
	res := e.do(request{method: "POST", path: "/login", form: url.Values{"username": {"admin"}},
		header: http.Header{"Sec-Fetch-Site": {"cross-site"}, "Origin": {"https://evil.example"}}})
	page := body(t, res)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(page, "มาจากเว็บไซต์อื่น") {
		t.Errorf("cross-site POST: status %d", res.StatusCode)
	}
	res = e.do(request{method: "POST", path: "/login", form: url.Values{"username": {"admin"}},
		header: http.Header{"Sec-Fetch-Site": {"same-origin"}}})
	res.Body.Close()
	if res.StatusCode == http.StatusForbidden {
		t.Errorf("same-origin POST refused")
	}
}

func TestSecureCookieOverTLS(t *testing.T) {
	e := newEnv(t, Config{})
	ts := httptest.NewTLSServer(e.srv)
	defer ts.Close()
	c := ts.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := c.PostForm(ts.URL+"/login", url.Values{"username": {"admin"}, "password": {"Demo-2563-itas"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	i := slices.IndexFunc(res.Cookies(), func(c *http.Cookie) bool { return c.Name == "__Host-"+sessionCookie })
	if i < 0 || !res.Cookies()[i].Secure {
		t.Errorf("over TLS the session cookie must be __Host- and Secure: %v", res.Cookies())
	}
	if res.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("no HSTS over TLS")
	}
}

func TestStatic(t *testing.T) {
	e := newEnv(t, Config{})
	css := e.srv.assets.URL("app.css")
	res := e.do(request{method: "GET", path: css})
	b := body(t, res)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") ||
		!strings.Contains(res.Header.Get("Cache-Control"), "immutable") || !strings.Contains(b, "--brand") {
		t.Errorf("GET %s: status %d, %v", css, res.StatusCode, res.Header)
	}
	res = e.do(request{method: "GET", path: "/static/000000000000/app.css"})
	res.Body.Close()
	if res.StatusCode != 404 {
		t.Errorf("stale hash: status %d, want 404", res.StatusCode)
	}
	js := e.srv.assets.byName["app.js"]
	if len(js.body) > 4096 {
		t.Errorf("app.js is %d bytes; keep the script small", len(js.body))
	}
}

func TestHealthz(t *testing.T) {
	e := newEnv(t, Config{})
	res := e.do(request{method: "GET", path: "/healthz"})
	var got map[string]string
	decode(t, res, &got)
	if res.StatusCode != 200 || got["status"] != "ok" {
		t.Errorf("healthz: %d %v", res.StatusCode, got)
	}
	e.st.Close()
	res = e.do(request{method: "GET", path: "/healthz"})
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("healthz with the database closed: status %d, want 503", res.StatusCode)
	}
}

func TestNotFoundPage(t *testing.T) {
	e := newEnv(t, Config{})
	res := e.do(request{method: "GET", path: "/no/such/page"})
	page := body(t, res)
	if res.StatusCode != 404 || !strings.Contains(page, "ไม่พบหน้าที่ต้องการ") || !strings.Contains(page, `<html lang="th">`) {
		t.Errorf("404 page: status %d", res.StatusCode)
	}
}

func TestRecoverFromPanic(t *testing.T) {
	e := newEnv(t, Config{})
	h := e.srv.withRecover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/x", nil))
	var got apiError
	if err := json.NewDecoder(w.Body).Decode(&got); err != nil || w.Code != 500 || got.Error.Code != "internal" || strings.Contains(got.Error.Message, "boom") {
		t.Errorf("panic: status %d, %+v (%v)", w.Code, got, err)
	}
}

// TestOpenAPICoversRoutes checks that every /api/v1 route, and nothing else, is in
// openapi.json with its method.
func TestOpenAPICoversRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	e := newEnv(t, Config{})
	want := map[string]bool{}
	for _, rt := range e.srv.routes {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if !strings.HasPrefix(path, "/api/v1/") {
			continue
		}
		want[strings.ToLower(method)+" "+path] = true
		if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
			t.Errorf("openapi.json does not describe %s", rt.pattern)
		}
	}
	for path, ops := range doc.Paths {
		for m := range ops {
			if m != "parameters" && !want[m+" "+path] {
				t.Errorf("openapi.json describes %s %s, which is not a route", strings.ToUpper(m), path)
			}
		}
	}
	res := e.do(request{method: "GET", path: "/api/openapi.json"})
	if b := body(t, res); res.StatusCode != 200 || !json.Valid([]byte(b)) {
		t.Errorf("GET /api/openapi.json: status %d", res.StatusCode)
	}
}

package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/thaidate"
)

// testNow is the fixed time of the tests: 21 November 2569 BE, 10:00 in Bangkok, inside the
// demo year's registration window.
var testNow = time.Date(2026, time.November, 21, 10, 0, 0, 0, thaidate.Location)

// clock is a settable clock shared by the store and the server.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is a server over a real store loaded with the demo: SQLite in a temporary directory, or
// a schema of its own in the PostgreSQL database of ITAS_TEST_PG (see newEnvOn).
type env struct {
	t     testing.TB
	srv   *Server
	st    *store.Store
	clock *clock
}

// engine names the database a test env runs on.
type engine string

const (
	onSQLite   engine = "sqlite"
	onPostgres engine = "postgres"
)

// defaultEngine is the database of newEnv: SQLite, or PostgreSQL when ITAS_WEB_PG=1, so that
// the whole handler suite can be run on PostgreSQL by hand:
//
//	eval "$(scripts/pg-test-cluster.sh env)"; ITAS_WEB_PG=1 go test ./internal/web
func defaultEngine() engine {
	if os.Getenv("ITAS_WEB_PG") == "1" {
		return onPostgres
	}
	return onSQLite
}

// mustStore opens and migrates a store on the default engine with the demo loaded.
func mustStore(tb testing.TB, c *clock) *store.Store {
	tb.Helper()
	return mustStoreOn(tb, c, defaultEngine())
}

// mustStoreOn opens and migrates a store on engine en with the demo loaded: SQLite in a
// temporary directory, or a fresh schema of the ITAS_TEST_PG database, dropped at the end.
func mustStoreOn(tb testing.TB, c *clock, en engine) *store.Store {
	tb.Helper()
	ctx := context.Background()
	dsn := filepath.Join(tb.TempDir(), "itas.db")
	if en == onPostgres {
		var drop func(context.Context) error
		var err error
		dsn, drop, err = store.NewPostgresSchema(ctx, postgresDSN(tb))
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() {
			if err := drop(context.Background()); err != nil {
				tb.Error(err)
			}
		})
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	st.Now = c.Now
	if _, err := st.Migrate(ctx); err != nil {
		tb.Fatal(err)
	}
	if _, err := demo.Load(ctx, st, c.Now()); err != nil {
		tb.Fatal(err)
	}
	return st
}

// postgresDSN returns ITAS_TEST_PG. Without it the test is skipped, except under CI=true,
// where it fails: the PostgreSQL runs must never be skipped silently in CI.
func postgresDSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv("ITAS_TEST_PG")
	if dsn == "" {
		msg := "ITAS_TEST_PG is not set: no PostgreSQL to test against " +
			`(eval "$(scripts/pg-test-cluster.sh start)" starts a throwaway one)`
		if os.Getenv("CI") == "true" {
			tb.Fatal(msg + "; CI=true, so this is a failure, not a skip")
		}
		tb.Skip(msg)
	}
	return dsn
}

// newEnv returns a test server with the given config on the default engine.
func newEnv(tb testing.TB, cfg Config) *env {
	tb.Helper()
	return newEnvOn(tb, cfg, defaultEngine())
}

// newEnvOn returns a test server with the given config on engine en.
func newEnvOn(tb testing.TB, cfg Config, en engine) *env {
	tb.Helper()
	c := &clock{t: testNow}
	st := mustStoreOn(tb, c, en)
	if cfg.RatePerMinute == 0 {
		cfg.RatePerMinute = 1e6 // the clock stands still: no bucket would ever refill
	}
	if cfg.LoginPerMinute == 0 {
		cfg.LoginPerMinute = 1e6
	}
	srv, err := New(cfg, Deps{Store: st, Now: c.Now})
	if err != nil {
		tb.Fatal(err)
	}
	return &env{t: tb, srv: srv, st: st, clock: c}
}

// session creates a session for username directly in the store (no password hashing) and
// returns its token.
func (e *env) session(username string) string {
	e.t.Helper()
	ctx := context.Background()
	a, err := e.st.FindAccountByUsername(ctx, username)
	if err != nil {
		e.t.Fatal(err)
	}
	tok, sess := account.NewSession(a.ID, e.clock.Now(), 0, 0)
	if err := e.st.CreateSession(ctx, sess); err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// request describes one test request.
type request struct {
	method, path string
	form         url.Values // sent as a form body when not nil
	json         string     // sent as a JSON body when not ""
	raw          []byte     // sent as the body with contentType when not nil
	contentType  string
	token        string // session cookie
	bearer       string // Authorization: Bearer
	header       http.Header
}

// do serves req and returns the response.
func (e *env) do(req request) *http.Response {
	e.t.Helper()
	var body io.Reader
	r := httptest.NewRequest(req.method, req.path, nil)
	switch {
	case req.form != nil:
		body = strings.NewReader(req.form.Encode())
		r = httptest.NewRequest(req.method, req.path, body)
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	case req.json != "":
		r = httptest.NewRequest(req.method, req.path, strings.NewReader(req.json))
		r.Header.Set("Content-Type", "application/json")
	case req.raw != nil:
		r = httptest.NewRequest(req.method, req.path, bytes.NewReader(req.raw))
		r.Header.Set("Content-Type", req.contentType)
	}
	for k, vs := range req.header {
		r.Header[k] = vs
	}
	if req.token != "" {
		r.AddCookie(&http.Cookie{Name: sessionCookie, Value: req.token})
	}
	if req.bearer != "" {
		r.Header.Set("Authorization", "Bearer "+req.bearer)
	}
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	return w.Result()
}

// body reads and closes the response body.
func body(tb testing.TB, res *http.Response) string {
	tb.Helper()
	b, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// login logs in through the form and returns the session token set in the cookie.
func (e *env) login(username, password string) (string, *http.Response) {
	e.t.Helper()
	res := e.do(request{method: "POST", path: "/login", form: url.Values{"username": {username}, "password": {password}}})
	for _, c := range res.Cookies() {
		if c.Name == sessionCookie && c.Value != "" {
			return c.Value, res
		}
	}
	return "", res
}

// decode reads a JSON response into v.
func decode(tb testing.TB, res *http.Response, v any) {
	tb.Helper()
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(v); err != nil {
		tb.Fatalf("decode (status %d): %v", res.StatusCode, err)
	}
}

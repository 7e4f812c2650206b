package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
)

// chromiumPath returns the Chromium to drive: $CHROMIUM, else Debian's chromium on PATH.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactsDir returns $ITAS_ARTIFACTS, else artifacts/ at the module root, created.
func artifactsDir(t *testing.T) string {
	dir := os.Getenv("ITAS_ARTIFACTS")
	if dir == "" {
		root, err := filepath.Abs("../..")
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(root, "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// newBrowser starts a headless Chromium with a fresh profile. The test is skipped when no
// Chromium is installed, except in CI (CI=true), where that is a failure.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed; CI must run the browser tests (apt-get install chromium)")
		}
		t.Skip("chromium is not installed; set CHROMIUM or apt-get install chromium")
	}
	tmp := t.TempDir()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("lang", "th-TH"),
		chromedp.Flag("accept-lang", "th-TH,th"),
		chromedp.UserDataDir(filepath.Join(tmp, "profile")),
		chromedp.Env("XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache")),
		chromedp.WindowSize(360, 740),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// browserSession is one headless Chromium driving one test server: the steps every browser
// test repeats (a named step that fails the test, opening a page, logging in, the 360-px fit,
// screenshots) live here so the tests read as what a user does.
type browserSession struct {
	t   *testing.T
	ctx context.Context
	url string // the test server's base URL, without a trailing slash
}

// newBrowserSession starts Chromium and an httptest server for e; both stop when the test
// ends.
func newBrowserSession(t *testing.T, e *env) *browserSession {
	t.Helper()
	ctx := newBrowser(t)
	ts := httptest.NewServer(e.srv)
	t.Cleanup(ts.Close)
	return &browserSession{t: t, ctx: ctx, url: ts.URL}
}

// Do runs the actions in order and fails the test, naming the step, at the first error.
func (b *browserSession) Do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", step, err)
	}
}

// Navigate opens path on the test server and waits for the page to load.
//
// A navigation that Chromium aborts (net::ERR_ABORTED) is tried once more. Under heavy
// load the redirect answering the previous step's form can still be landing when this
// navigation starts; Chromium then cancels one of the two and the test failed for no fault
// of the page. When the abort is reported the racing navigation has settled, so a second
// try no longer meets it. Any other error, or a second abort, is returned: one retry hides a
// race, not a page that really aborts (TestBrowserNavigateRetriesAbort checks both).
func (b *browserSession) Navigate(path string) chromedp.Action[chromedp.Void] {
	url := b.url + path
	return func(ctx context.Context, tgt *chromedp.Target) (chromedp.Void, error) {
		v, err := chromedp.Navigate(url)(ctx, tgt)
		var load *chromedp.LoadError
		if errors.As(err, &load) && strings.Contains(load.ErrorText, "net::ERR_ABORTED") {
			b.t.Logf("navigation to %s aborted (%v); trying once more", path, err)
			v, err = chromedp.Navigate(url)(ctx, tgt)
		}
		return v, err
	}
}

// Login signs user in with the demo password on a 360-px phone and waits for the dashboard
// (#me). Waiting for something only the dashboard has matters: a selector the login page
// also matches would let the next step start while the form's redirect is still in flight.
func (b *browserSession) Login(user string) {
	b.t.Helper()
	b.Do("log in as "+user,
		chromedp.EmulateViewport(360, 740),
		b.Navigate("/login"),
		chromedp.SendKeys(chromedp.ID("f-username"), user),
		chromedp.SendKeys(chromedp.ID("f-password"), demo.Password),
		chromedp.Submit(chromedp.ID("f-password")),
		chromedp.WaitVisible(chromedp.ID("me")))
}

// Logout presses the log-out button on a 360-px phone and waits for the login form.
func (b *browserSession) Logout() {
	b.t.Helper()
	b.Do("log out",
		chromedp.EmulateViewport(360, 740),
		chromedp.Click(chromedp.CSS(`.whoami button`)),
		chromedp.WaitVisible(chromedp.ID("f-username")))
}

// Location returns the current page's path on the test server (the whole URL if it is
// elsewhere).
func (b *browserSession) Location() string {
	b.t.Helper()
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatalf("location: %v", err)
	}
	return strings.TrimPrefix(loc, b.url)
}

// Text returns the text of the first element matching the CSS selector.
func (b *browserSession) Text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// Fits reports an error when the current page is wider than a 360-px phone, that is, when
// it would scroll sideways.
func (b *browserSession) Fits(page string) {
	b.t.Helper()
	w, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
	if err != nil || w > 360 {
		b.t.Errorf("%s is %d px wide (%v); it must fit a 360-px phone", page, w, err)
	}
}

// Screenshot saves a full-page PNG at the given width under the artifacts directory.
func (b *browserSession) Screenshot(width int64, name string) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.EmulateViewport(width, 740)); err != nil {
		b.t.Fatalf("viewport %d: %v", width, err)
	}
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(artifactsDir(b.t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
}

// TestBrowserFirstLogin logs in as a new agency admin, is made to change the one-time
// password, fills in the profile, and lands on a Thai dashboard, on a 360-px phone screen,
// with no request to any other origin.
func TestBrowserFirstLogin(t *testing.T) {
	e := newEnv(t, Config{})
	b := newBrowserSession(t, e)

	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, ev.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}

	user := "a" + demo.CodeKlongSe
	newPassword := "Klongse-ITA-2570"
	b.Do("open the login page",
		chromedp.EmulateViewport(360, 740),
		b.Navigate("/"),
		chromedp.WaitVisible(chromedp.ID("f-username")))
	b.Screenshot(360, "login-360.png")
	b.Screenshot(1280, "login-1280.png")
	b.Do("log in with the one-time password",
		chromedp.EmulateViewport(360, 740),
		chromedp.SendKeys(chromedp.ID("f-username"), user),
		chromedp.SendKeys(chromedp.ID("f-password"), demo.Password),
		chromedp.Submit(chromedp.ID("f-password")),
		chromedp.WaitVisible(chromedp.ID("f-new")))
	if got := b.Location(); got != "/account/password" {
		t.Fatalf("after first login: at %s, want /account/password", got)
	}
	b.Do("set a weak password first",
		chromedp.SendKeys(chromedp.ID("f-current"), demo.Password),
		chromedp.SendKeys(chromedp.ID("f-new"), "12345678901"),
		chromedp.SendKeys(chromedp.ID("f-confirm"), "12345678901"),
		chromedp.Submit(chromedp.ID("f-confirm")),
		chromedp.WaitVisible(chromedp.ID("f-new-error")))
	if msg := b.Text("#f-new-error"); !strings.Contains(msg, "รหัสผ่านต้องมีตัวอักษรอย่างน้อยสองชนิด") {
		t.Fatalf("password policy message = %q, want the Thai rule", msg)
	}
	b.Do("set a good password",
		chromedp.SendKeys(chromedp.ID("f-current"), demo.Password),
		chromedp.SendKeys(chromedp.ID("f-new"), newPassword),
		chromedp.SendKeys(chromedp.ID("f-confirm"), newPassword),
		chromedp.Submit(chromedp.ID("f-confirm")),
		chromedp.WaitVisible(chromedp.ID("f-position")))
	if got := b.Location(); got != "/profile" {
		t.Fatalf("after the password change: at %s, want /profile", got)
	}
	b.Do("fill in the profile",
		chromedp.SendKeys(chromedp.ID("f-name"), "สมหญิง รักษ์ถิ่น"),
		chromedp.SendKeys(chromedp.ID("f-position"), "นักวิเคราะห์นโยบายและแผน"),
		chromedp.SendKeys(chromedp.ID("f-phone"), "075-123-456"),
		chromedp.SendKeys(chromedp.ID("f-email"), "ita@klongse.example"),
		chromedp.Submit(chromedp.ID("f-email")),
		chromedp.WaitVisible(chromedp.ID("myagency")))
	if got := b.Location(); got != "/dashboard" {
		t.Fatalf("after the profile: at %s, want /dashboard", got)
	}
	lang, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil || lang != "th" {
		t.Errorf("html lang = %q (%v), want th", lang, err)
	}
	text := b.Text("main")
	for _, want := range []string{"หน้าหลัก", "องค์การบริหารส่วนตำบลคลองเส", "สมหญิง รักษ์ถิ่น", "การลงทะเบียน", "เปิดอยู่", "2569"} {
		if !strings.Contains(text, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	b.Fits("the dashboard")
	b.Screenshot(360, "dashboard-360.png")
	b.Screenshot(1280, "dashboard-1280.png")

	mu.Lock()
	defer mu.Unlock()
	if len(urls) == 0 {
		t.Fatal("saw no network request: the origin check would prove nothing")
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, b.url+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("request to another origin: %s", u)
		}
	}
}

// TestBrowserNavigateRetriesAbort checks the one retry of browserSession.Navigate. Chromium
// reports a 204 answer to a navigation as net::ERR_ABORTED, which stands in here for the
// abort caused by a redirect still landing: /flaky answers 204 once and then a page, /gone
// always answers 204.
func TestBrowserNavigateRetriesAbort(t *testing.T) {
	var flaky, gone atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		abort := false
		switch r.URL.Path {
		case "/flaky":
			abort = flaky.Add(1) == 1
		case "/gone":
			gone.Add(1)
			abort = true
		}
		if abort {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><title>ok</title><p id="ok">ok</p>`)
	}))
	t.Cleanup(ts.Close)
	b := &browserSession{t: t, ctx: newBrowser(t), url: ts.URL}
	b.Do("open a page whose first answer aborts", b.Navigate("/flaky"), chromedp.WaitVisible(chromedp.ID("ok")))
	if n := flaky.Load(); n != 2 {
		t.Errorf("/flaky was requested %d times, want 2 (one abort, one retry)", n)
	}
	err := chromedp.Do(b.ctx, b.Navigate("/gone"))
	if err == nil || !strings.Contains(err.Error(), "net::ERR_ABORTED") {
		t.Errorf("navigating to a page that always aborts: %v, want net::ERR_ABORTED", err)
	}
	if n := gone.Load(); n != 2 {
		t.Errorf("/gone was requested %d times, want 2 (no more than one retry)", n)
	}
}

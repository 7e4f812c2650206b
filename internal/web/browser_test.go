package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
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

// screenshot saves a full-page PNG at the given width under the artifacts directory.
func screenshot(t *testing.T, ctx context.Context, width int64, name string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 740)); err != nil {
		t.Fatalf("viewport %d: %v", width, err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(artifactsDir(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestBrowserFirstLogin logs in as a new agency admin, is made to change the one-time
// password, fills in the profile, and lands on a Thai dashboard, on a 360-px phone screen,
// with no request to any other origin.
func TestBrowserFirstLogin(t *testing.T) {
	ctx := newBrowser(t)
	e := newEnv(t, Config{})
	ts := httptest.NewServer(e.srv)
	defer ts.Close()

	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(ctx, func(ev any) {
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
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	location := func() string {
		t.Helper()
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimPrefix(loc, ts.URL)
	}

	step("open the login page",
		chromedp.EmulateViewport(360, 740),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("f-username")))
	screenshot(t, ctx, 360, "login-360.png")
	screenshot(t, ctx, 1280, "login-1280.png")
	step("log in with the one-time password",
		chromedp.EmulateViewport(360, 740),
		chromedp.SendKeys(chromedp.ID("f-username"), user),
		chromedp.SendKeys(chromedp.ID("f-password"), demo.Password),
		chromedp.Submit(chromedp.ID("f-password")),
		chromedp.WaitVisible(chromedp.ID("f-new")))
	if got := location(); got != "/account/password" {
		t.Fatalf("after first login: at %s, want /account/password", got)
	}
	step("set a weak password first",
		chromedp.SendKeys(chromedp.ID("f-current"), demo.Password),
		chromedp.SendKeys(chromedp.ID("f-new"), "12345678901"),
		chromedp.SendKeys(chromedp.ID("f-confirm"), "12345678901"),
		chromedp.Submit(chromedp.ID("f-confirm")),
		chromedp.WaitVisible(chromedp.ID("f-new-error")))
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("f-new-error")))
	if err != nil || !strings.Contains(msg, "รหัสผ่านต้องมีตัวอักษรอย่างน้อยสองชนิด") {
		t.Fatalf("password policy message = %q (%v), want the Thai rule", msg, err)
	}
	step("set a good password",
		chromedp.SendKeys(chromedp.ID("f-current"), demo.Password),
		chromedp.SendKeys(chromedp.ID("f-new"), newPassword),
		chromedp.SendKeys(chromedp.ID("f-confirm"), newPassword),
		chromedp.Submit(chromedp.ID("f-confirm")),
		chromedp.WaitVisible(chromedp.ID("f-position")))
	if got := location(); got != "/profile" {
		t.Fatalf("after the password change: at %s, want /profile", got)
	}
	step("fill in the profile",
		chromedp.SendKeys(chromedp.ID("f-name"), "สมหญิง รักษ์ถิ่น"),
		chromedp.SendKeys(chromedp.ID("f-position"), "นักวิเคราะห์นโยบายและแผน"),
		chromedp.SendKeys(chromedp.ID("f-phone"), "075-123-456"),
		chromedp.SendKeys(chromedp.ID("f-email"), "ita@klongse.example"),
		chromedp.Submit(chromedp.ID("f-email")),
		chromedp.WaitVisible(chromedp.ID("myagency")))
	if got := location(); got != "/dashboard" {
		t.Fatalf("after the profile: at %s, want /dashboard", got)
	}
	lang, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	if err != nil || lang != "th" {
		t.Errorf("html lang = %q (%v), want th", lang, err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"หน้าหลัก", "องค์การบริหารส่วนตำบลคลองเส", "สมหญิง รักษ์ถิ่น", "การลงทะเบียน", "เปิดอยู่", "2569"} {
		if !strings.Contains(text, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil || overflow {
		t.Errorf("dashboard scrolls sideways at 360 px (%v)", err)
	}
	screenshot(t, ctx, 360, "dashboard-360.png")
	screenshot(t, ctx, 1280, "dashboard-1280.png")

	mu.Lock()
	defer mu.Unlock()
	if len(urls) == 0 {
		t.Fatal("saw no network request: the origin check would prove nothing")
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, ts.URL+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("request to another origin: %s", u)
		}
	}
}

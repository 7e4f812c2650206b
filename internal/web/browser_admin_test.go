package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
)

// TestBrowserAdmin logs in as the central admin, searches the agency list by a Thai name,
// opens an agency and the year form, and keeps screenshots of each at 360 and 1280 px.
func TestBrowserAdmin(t *testing.T) {
	ctx := newBrowser(t)
	e := newEnv(t, Config{})
	ts := httptest.NewServer(e.srv)
	defer ts.Close()
	do := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	do("log in",
		chromedp.EmulateViewport(1280, 740),
		chromedp.Navigate(ts.URL+"/login"),
		chromedp.SendKeys(chromedp.ID("f-username"), "admin"),
		chromedp.SendKeys(chromedp.ID("f-password"), demo.Password),
		chromedp.Submit(chromedp.ID("f-password")),
		chromedp.WaitVisible(chromedp.ID("registry")))
	screenshot(t, ctx, 1280, "admin-dashboard-1280.png")
	do("search agencies",
		chromedp.Navigate(ts.URL+"/agencies"),
		chromedp.SendKeys(chromedp.ID("f-q"), "พลังงาน"),
		chromedp.Submit(chromedp.ID("f-q")),
		// The value attribute is set only on the page that answers the search.
		chromedp.WaitVisible(chromedp.CSS(`input[name="q"][value="พลังงาน"]`)))
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("tbody")))
	if err != nil || !strings.Contains(text, "กรมธุรกิจพลังงาน") || strings.Contains(text, "คลองเส") {
		t.Errorf("search for พลังงาน listed %q (%v)", text, err)
	}
	screenshot(t, ctx, 360, "agencies-360.png")
	screenshot(t, ctx, 1280, "agencies-1280.png")
	do("open an agency",
		chromedp.Navigate(ts.URL+"/agencies/"+demo.CodeDMF),
		chromedp.WaitVisible(chromedp.ID("accounts")))
	screenshot(t, ctx, 360, "agency-360.png")
	do("open the year form",
		chromedp.Navigate(ts.URL+"/years/2570"),
		chromedp.WaitVisible(chromedp.ID("f-start_registration")))
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("f-start_registration").value`))
	if err != nil || !strings.HasSuffix(v, "/2569") {
		t.Errorf("registration start %q (%v), want a Buddhist-era date", v, err)
	}
	screenshot(t, ctx, 1280, "year-1280.png")
}

package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
)

// TestBrowserAdmin logs in as the central admin, searches the agency list by a Thai name,
// opens an agency and the year form, and keeps screenshots of each at 360 and 1280 px.
func TestBrowserAdmin(t *testing.T) {
	e := newEnv(t, Config{})
	b := newBrowserSession(t, e)
	b.Login("admin")
	b.Do("see the registry on a desktop screen",
		chromedp.EmulateViewport(1280, 740),
		chromedp.WaitVisible(chromedp.ID("registry")))
	b.Screenshot(1280, "admin-dashboard-1280.png")
	b.Do("search agencies",
		b.Navigate("/agencies"),
		chromedp.SendKeys(chromedp.ID("f-q"), "พลังงาน"),
		chromedp.Submit(chromedp.ID("f-q")),
		// The value attribute is set only on the page that answers the search.
		chromedp.WaitVisible(chromedp.CSS(`input[name="q"][value="พลังงาน"]`)))
	if text := b.Text("tbody"); !strings.Contains(text, "กรมธุรกิจพลังงาน") || strings.Contains(text, "คลองเส") {
		t.Errorf("search for พลังงาน listed %q", text)
	}
	b.Screenshot(360, "agencies-360.png")
	b.Screenshot(1280, "agencies-1280.png")
	b.Do("open an agency",
		b.Navigate("/agencies/"+demo.CodeDMF),
		chromedp.WaitVisible(chromedp.ID("accounts")))
	b.Screenshot(360, "agency-360.png")
	b.Do("open the year form",
		b.Navigate("/years/2570"),
		chromedp.WaitVisible(chromedp.ID("f-start_registration")))
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById("f-start_registration").value`))
	if err != nil || !strings.HasSuffix(v, "/2569") {
		t.Errorf("registration start %q (%v), want a Buddhist-era date", v, err)
	}
	b.Screenshot(1280, "year-1280.png")
}

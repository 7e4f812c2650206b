package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// TestBrowserTracking follows the demo's collection on a 360-px phone: a central admin opens
// the national table from the menu and an agency's page with its chart; an assessor enters a
// phone interview. Every page must fit the screen without sideways scrolling; screenshots
// are kept.
func TestBrowserTracking(t *testing.T) {
	ctx := newBrowser(t)
	e := newSurveyEnv(t, Config{})
	ts := httptest.NewServer(e.srv)
	defer ts.Close()
	do := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	fits := func(page string) {
		t.Helper()
		w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil || w > 360 {
			t.Errorf("%s is %d px wide (%v); it must fit a 360-px phone", page, w, err)
		}
	}
	login := func(user string) {
		t.Helper()
		do("log in as "+user,
			chromedp.EmulateViewport(360, 740),
			chromedp.Navigate(ts.URL+"/login"),
			chromedp.SendKeys(chromedp.ID("f-username"), user),
			chromedp.SendKeys(chromedp.ID("f-password"), demo.Password),
			chromedp.Submit(chromedp.ID("f-password")),
			chromedp.WaitVisible(chromedp.ID("me")))
	}

	login("admin")
	do("open the tracking table from the menu",
		chromedp.Click(chromedp.CSS(`.nav a[href="/tracking"]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.stack tbody tr`)))
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil || !strings.Contains(text, "ตอบครบตามจำนวนขั้นต่ำ") || !strings.Contains(text, "สำนักงานปลัดกระทรวงพลังงาน") {
		t.Errorf("the national table does not show สป.พน. reaching its minimum (%v)", err)
	}
	fits("the national table")
	screenshot(t, ctx, 360, "tracking-national-360.png")
	screenshot(t, ctx, 1280, "tracking-national-1280.png")
	do("open สป.พน.",
		chromedp.EmulateViewport(360, 740),
		chromedp.Navigate(ts.URL+"/agencies/"+demo.CodeEnergyPS+"/tracking"),
		chromedp.WaitVisible(chromedp.CSS(`svg rect`)))
	fits("the agency's tracking page")
	screenshot(t, ctx, 360, "tracking-agency-360.png")
	screenshot(t, ctx, 1280, "tracking-agency-1280.png")
	do("log out", chromedp.EmulateViewport(360, 740), chromedp.Click(chromedp.CSS(`.whoami button`)), chromedp.WaitVisible(chromedp.ID("f-username")))

	login("assessor")
	do("open the EIT entry",
		chromedp.Navigate(ts.URL+"/agencies/"+demo.CodeEnergyPS+"/eit/entry"),
		chromedp.WaitVisible(chromedp.ID("f-national_id")),
		chromedp.SendKeys(chromedp.ID("f-national_id"), nationalID(901)))
	var clicks []chromedp.Action[chromedp.Void]
	for _, q := range demoForm(t, survey.EIT).Questions {
		for _, it := range q.Items {
			clicks = append(clicks, chromedp.Click(chromedp.CSS(`input[name="`+it.Key+`"][value="`+q.Options[0].Code+`"]`)))
		}
	}
	do("answer every question", clicks...)
	fits("the entry form")
	do("save", chromedp.Submit(chromedp.ID("f-national_id")), chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)))
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".alert.ok")))
	if err != nil || !strings.Contains(msg, "บันทึกคำตอบแล้ว") {
		t.Errorf("after saving: %q (%v)", msg, err)
	}
	if got := e.channels(demo.CodeEnergyPS)[survey.ChannelPhone]; got == 0 {
		t.Error("the phone interview was not stored")
	}
	screenshot(t, ctx, 360, "tracking-entry-360.png")
}

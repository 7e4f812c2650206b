package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
)

// TestBrowserResults follows the results on a 360-px phone: during processing a central
// admin opens the results from the menu and computes the year, then สป.พน.'s admin reads its
// published 2563 result with the assessor's comments. Every page must fit the screen without
// sideways scrolling; screenshots are kept.
func TestBrowserResults(t *testing.T) {
	ctx := newBrowser(t)
	e := newEnv(t, Config{})
	e.clock.Add(daysToProcessing)
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
	main := func() string {
		t.Helper()
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
		if err != nil {
			t.Fatal(err)
		}
		return text
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
	do("open the results from the menu and compute the year",
		chromedp.Click(chromedp.CSS(`.nav a[href="/results"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/results/compute"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/results/compute"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`table.stack tbody tr`)))
	if text := main(); !strings.Contains(text, "คำนวณผลการประเมินเรียบร้อยแล้ว") || !strings.Contains(text, "สำนักงานปลัดกระทรวงพลังงาน") {
		t.Errorf("after computing, the table does not confirm it or list สป.พน.")
	}
	fits("the national results")
	screenshot(t, ctx, 360, "results-national-360.png")
	screenshot(t, ctx, 1280, "results-national-1280.png")
	do("log out", chromedp.EmulateViewport(360, 740), chromedp.Click(chromedp.CSS(`.whoami button`)), chromedp.WaitVisible(chromedp.ID("f-username")))

	login("a" + demo.CodeEnergyPS)
	do("open the agency's 2563 result",
		chromedp.Navigate(ts.URL+"/agencies/"+demo.CodeEnergyPS+"/results?year=2563"),
		chromedp.WaitVisible(chromedp.ID("ins-OIT")))
	if text := main(); !strings.Contains(text, "79.79") || !strings.Contains(text, "คงคะแนนเดิม") {
		t.Errorf("the agency's 2563 page lacks its OIT 79.79 or the assessor's decision on o2")
	}
	fits("the agency's result")
	screenshot(t, ctx, 360, "results-agency-360.png")
	screenshot(t, ctx, 1280, "results-agency-1280.png")
}

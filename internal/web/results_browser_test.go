package web

import (
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
	e := newEnv(t, Config{})
	e.clock.Add(daysToProcessing)
	b := newBrowserSession(t, e)

	b.Login("admin")
	b.Do("open the results from the menu and compute the year",
		chromedp.Click(chromedp.CSS(`.nav a[href="/results"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/results/compute"] button`)),
		chromedp.Click(chromedp.CSS(`form[action="/results/compute"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`table.stack tbody tr`)))
	if text := b.Text("main"); !strings.Contains(text, "คำนวณผลการประเมินเรียบร้อยแล้ว") || !strings.Contains(text, "สำนักงานปลัดกระทรวงพลังงาน") {
		t.Errorf("after computing, the table does not confirm it or list สป.พน.")
	}
	b.Fits("the national results")
	b.Screenshot(360, "results-national-360.png")
	b.Screenshot(1280, "results-national-1280.png")
	b.Logout()

	b.Login("a" + demo.CodeEnergyPS)
	b.Do("open the agency's 2563 result",
		b.Navigate("/agencies/"+demo.CodeEnergyPS+"/results?year=2563"),
		chromedp.WaitVisible(chromedp.ID("ins-OIT")))
	if text := b.Text("main"); !strings.Contains(text, "79.79") || !strings.Contains(text, "คงคะแนนเดิม") {
		t.Errorf("the agency's 2563 page lacks its OIT 79.79 or the assessor's decision on o2")
	}
	b.Fits("the agency's result")
	b.Screenshot(360, "results-agency-360.png")
	b.Screenshot(1280, "results-agency-1280.png")
}

package web

import (
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
	e := newSurveyEnv(t, Config{})
	b := newBrowserSession(t, e)

	b.Login("admin")
	b.Do("open the tracking table from the menu",
		chromedp.Click(chromedp.CSS(`.nav a[href="/tracking"]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.stack tbody tr`)))
	if text := b.Text("main"); !strings.Contains(text, "ตอบครบตามจำนวนขั้นต่ำ") || !strings.Contains(text, "สำนักงานปลัดกระทรวงพลังงาน") {
		t.Errorf("the national table does not show สป.พน. reaching its minimum")
	}
	b.Fits("the national table")
	b.Screenshot(360, "tracking-national-360.png")
	b.Screenshot(1280, "tracking-national-1280.png")
	b.Do("open สป.พน.",
		chromedp.EmulateViewport(360, 740),
		b.Navigate("/agencies/"+demo.CodeEnergyPS+"/tracking"),
		chromedp.WaitVisible(chromedp.CSS(`svg rect`)))
	b.Fits("the agency's tracking page")
	b.Screenshot(360, "tracking-agency-360.png")
	b.Screenshot(1280, "tracking-agency-1280.png")
	b.Logout()

	b.Login("assessor")
	b.Do("open the EIT entry",
		b.Navigate("/agencies/"+demo.CodeEnergyPS+"/eit/entry"),
		chromedp.WaitVisible(chromedp.ID("f-national_id")),
		chromedp.SendKeys(chromedp.ID("f-national_id"), nationalID(901)))
	var clicks []chromedp.Action[chromedp.Void]
	for _, q := range demoForm(t, survey.EIT).Questions {
		for _, it := range q.Items {
			clicks = append(clicks, chromedp.Click(chromedp.CSS(`input[name="`+it.Key+`"][value="`+q.Options[0].Code+`"]`)))
		}
	}
	b.Do("answer every question", clicks...)
	b.Fits("the entry form")
	b.Do("save", chromedp.Submit(chromedp.ID("f-national_id")), chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)))
	if msg := b.Text(".alert.ok"); !strings.Contains(msg, "บันทึกคำตอบแล้ว") {
		t.Errorf("after saving: %q", msg)
	}
	if got := e.channels(demo.CodeEnergyPS)[survey.ChannelPhone]; got == 0 {
		t.Error("the phone interview was not stored")
	}
	b.Screenshot(360, "tracking-entry-360.png")
}

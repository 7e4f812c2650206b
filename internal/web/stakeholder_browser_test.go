package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
)

// TestBrowserStakeholders plays the approval cycle on a 360-px phone: สป.พน.'s executive
// returns the external data with a reason, then the admin logs in and sees the reason and the
// sample list. Every page must fit the screen without sideways scrolling; screenshots are
// kept.
func TestBrowserStakeholders(t *testing.T) {
	ctx := newBrowser(t)
	e := newEnv(t, Config{})
	ts := httptest.NewServer(e.srv)
	defer ts.Close()
	code := demo.CodeEnergyPS
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

	login("t" + code)
	do("open the stakeholder data from the menu",
		chromedp.Click(chromedp.CSS(`.nav a[href="/stakeholders"]`)),
		chromedp.WaitVisible(chromedp.ID("f-external-reason")))
	fits("the executive's stakeholder page")
	screenshot(t, ctx, 360, "stakeholders-executive-360.png")
	do("return the external data with a reason",
		chromedp.SendKeys(chromedp.ID("f-external-reason"), "กรุณาเพิ่มรายชื่อผู้รับบริการจากภาคธุรกิจ"),
		chromedp.Submit(chromedp.ID("f-external-reason")),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)))
	do("log out", chromedp.Click(chromedp.CSS(`.whoami button`)), chromedp.WaitVisible(chromedp.ID("f-username")))

	login("a" + code)
	do("open the stakeholder data",
		chromedp.Navigate(ts.URL+"/stakeholders"),
		chromedp.WaitVisible(chromedp.ID("f-external-population")))
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("main")))
	if err != nil || !strings.Contains(text, "กรุณาเพิ่มรายชื่อผู้รับบริการจากภาคธุรกิจ") || !strings.Contains(text, "ผู้บริหารตีกลับให้แก้ไข") {
		t.Errorf("the admin does not see the executive's reason: %v", err)
	}
	fits("the admin's stakeholder page")
	screenshot(t, ctx, 360, "stakeholders-admin-360.png")
	screenshot(t, ctx, 1280, "stakeholders-admin-1280.png")
	do("open the sample list",
		chromedp.EmulateViewport(360, 740),
		chromedp.Navigate(ts.URL+"/agencies/"+code+"/stakeholders/contacts"),
		chromedp.WaitVisible(chromedp.ID("f-file")))
	fits("the sample list")
	screenshot(t, ctx, 360, "stakeholder-contacts-360.png")
	do("try a contact with a mistyped phone",
		chromedp.Navigate(ts.URL+"/agencies/"+code+"/stakeholders/contacts/new"),
		chromedp.WaitVisible(chromedp.ID("f-name")),
		chromedp.SendKeys(chromedp.ID("f-name"), "สมใจ ทดลอง"),
		chromedp.SendKeys(chromedp.ID("f-phone"), "81-234-567"),
		chromedp.SendKeys(chromedp.ID("f-service"), "ขอข้อมูล"),
		chromedp.Submit(chromedp.ID("f-name")),
		chromedp.WaitVisible(chromedp.ID("f-phone-error")))
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("f-phone-error")))
	if err != nil || !strings.Contains(msg, "ขึ้นต้นด้วย 0") {
		t.Errorf("phone message %q (%v)", msg, err)
	}
	fits("the contact form with errors")
	screenshot(t, ctx, 360, "stakeholder-contact-form-360.png")
}

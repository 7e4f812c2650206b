package web

import (
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
	e := newEnv(t, Config{})
	b := newBrowserSession(t, e)
	code := demo.CodeEnergyPS

	b.Login("t" + code)
	b.Do("open the stakeholder data from the menu",
		chromedp.Click(chromedp.CSS(`.nav a[href="/stakeholders"]`)),
		chromedp.WaitVisible(chromedp.ID("f-external-reason")))
	b.Fits("the executive's stakeholder page")
	b.Screenshot(360, "stakeholders-executive-360.png")
	b.Do("return the external data with a reason",
		chromedp.SendKeys(chromedp.ID("f-external-reason"), "กรุณาเพิ่มรายชื่อผู้รับบริการจากภาคธุรกิจ"),
		chromedp.Submit(chromedp.ID("f-external-reason")),
		chromedp.WaitVisible(chromedp.CSS(`.alert.ok`)))
	b.Logout()

	b.Login("a" + code)
	b.Do("open the stakeholder data",
		b.Navigate("/stakeholders"),
		chromedp.WaitVisible(chromedp.ID("f-external-population")))
	if text := b.Text("#main"); !strings.Contains(text, "กรุณาเพิ่มรายชื่อผู้รับบริการจากภาคธุรกิจ") || !strings.Contains(text, "ผู้บริหารตีกลับให้แก้ไข") {
		t.Errorf("the admin does not see the executive's reason")
	}
	b.Fits("the admin's stakeholder page")
	b.Screenshot(360, "stakeholders-admin-360.png")
	b.Screenshot(1280, "stakeholders-admin-1280.png")
	b.Do("open the sample list",
		chromedp.EmulateViewport(360, 740),
		b.Navigate("/agencies/"+code+"/stakeholders/contacts"),
		chromedp.WaitVisible(chromedp.ID("f-file")))
	b.Fits("the sample list")
	b.Screenshot(360, "stakeholder-contacts-360.png")
	b.Do("try a contact with a mistyped phone",
		b.Navigate("/agencies/"+code+"/stakeholders/contacts/new"),
		chromedp.WaitVisible(chromedp.ID("f-name")),
		chromedp.SendKeys(chromedp.ID("f-name"), "สมใจ ทดลอง"),
		chromedp.SendKeys(chromedp.ID("f-phone"), "81-234-567"),
		chromedp.SendKeys(chromedp.ID("f-service"), "ขอข้อมูล"),
		chromedp.Submit(chromedp.ID("f-name")),
		chromedp.WaitVisible(chromedp.ID("f-phone-error")))
	if msg := b.Text("#f-phone-error"); !strings.Contains(msg, "ขึ้นต้นด้วย 0") {
		t.Errorf("phone message %q", msg)
	}
	b.Fits("the contact form with errors")
	b.Screenshot(360, "stakeholder-contact-form-360.png")
}

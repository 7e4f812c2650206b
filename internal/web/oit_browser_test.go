package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/oit"
)

// TestBrowserOITExecutiveReview is the executive's item-by-item review of สป.พน.'s submitted
// OIT answers on a 360-px phone: pass one item, try to fail one without a comment (the Thai
// message appears beside the comment), fail it with a comment (the item is marked), and
// return the answers with ไม่อนุมัติ after accepting the confirmation. Screenshots are kept.
func TestBrowserOITExecutiveReview(t *testing.T) {
	ctx := newBrowser(t)
	e := newEnv(t, Config{})
	ts := httptest.NewServer(e.srv)
	defer ts.Close()
	acceptDialogs(ctx)
	do := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	ps := demo.CodeEnergyPS

	do("log in as the executive",
		chromedp.EmulateViewport(360, 740),
		chromedp.Navigate(ts.URL+"/login"),
		chromedp.SendKeys(chromedp.ID("f-username"), "t"+ps),
		chromedp.SendKeys(chromedp.ID("f-password"), demo.Password),
		chromedp.Submit(chromedp.ID("f-password")),
		chromedp.WaitVisible(chromedp.CSS("main h1")))
	do("open the OIT answers",
		chromedp.Navigate(ts.URL+"/oit"),
		chromedp.WaitVisible(chromedp.ID("pass-o11")))
	if got := text("#oit-tracking"); got != "ส่งแบบแล้ว" {
		t.Errorf("tracking status %q, want ส่งแบบแล้ว", got)
	}
	do("pass o11",
		chromedp.Click(chromedp.ID("pass-o11")),
		chromedp.WaitVisible(chromedp.CSS("#item-o11 .badge.open")))
	if got := text("#oit-review-count"); !strings.Contains(got, "ผ่าน 11") {
		t.Errorf("review count %q, want 11 passed", got)
	}
	do("fail o12 without a comment",
		chromedp.Click(chromedp.ID("fail-o12")),
		chromedp.WaitVisible(chromedp.ID("c-o12-err")))
	if got := text("#c-o12-err"); !strings.Contains(got, "กรุณาระบุสิ่งที่ต้องแก้ไข") {
		t.Errorf("message beside the comment = %q", got)
	}
	do("fail o12 with a comment",
		chromedp.SendKeys(chromedp.ID("c-o12"), "ยังไม่มีรายงานการกำกับติดตามรอบ 6 เดือน"),
		chromedp.Click(chromedp.ID("fail-o12")),
		chromedp.WaitVisible(chromedp.CSS("article.failed#item-o12")))
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil || overflow {
		t.Errorf("the review page scrolls sideways at 360 px (%v)", err)
	}
	screenshot(t, ctx, 360, "oit-review-360.png")
	screenshot(t, ctx, 1280, "oit-review-1280.png")
	do("return the answers (ไม่อนุมัติ)",
		chromedp.EmulateViewport(360, 740),
		chromedp.Click(chromedp.ID("oit-reject")),
		chromedp.WaitVisible(chromedp.CSS(".alert.error[role=alert]")))
	if got := text("#oit-tracking"); got != "แบบร่าง" {
		t.Errorf("tracking status after ไม่อนุมัติ %q, want แบบร่าง", got)
	}
	rec := e.oitRecord(curFY, ps)
	if rec.Status != oit.StatusReturned || rec.Item("o12").Review.Verdict != oit.Fail || rec.Item("o11").Review.Verdict != oit.Pass {
		t.Errorf("after the review: %s, o11 %q, o12 %q", rec.Status, rec.Item("o11").Review.Verdict, rec.Item("o12").Review.Verdict)
	}
	screenshot(t, ctx, 360, "oit-returned-360.png")
}

// acceptDialogs accepts every JavaScript dialog (the confirmations of app.js) in ctx.
func acceptDialogs(ctx context.Context) {
	dialogs := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			if _, err := chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true}); err != nil {
				return
			}
		}
	}()
}

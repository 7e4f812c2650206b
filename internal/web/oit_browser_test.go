package web

import (
	"context"
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
	e := newEnv(t, Config{})
	b := newBrowserSession(t, e)
	acceptDialogs(b.ctx)
	ps := demo.CodeEnergyPS

	b.Login("t" + ps)
	b.Do("open the OIT answers",
		b.Navigate("/oit"),
		chromedp.WaitVisible(chromedp.ID("pass-o11")))
	if got := b.Text("#oit-tracking"); got != "ส่งแบบแล้ว" {
		t.Errorf("tracking status %q, want ส่งแบบแล้ว", got)
	}
	b.Do("pass o11",
		chromedp.Click(chromedp.ID("pass-o11")),
		chromedp.WaitVisible(chromedp.CSS("#item-o11 .badge.open")))
	if got := b.Text("#oit-review-count"); !strings.Contains(got, "ผ่าน 11") {
		t.Errorf("review count %q, want 11 passed", got)
	}
	b.Do("fail o12 without a comment",
		chromedp.Click(chromedp.ID("fail-o12")),
		chromedp.WaitVisible(chromedp.ID("c-o12-err")))
	if got := b.Text("#c-o12-err"); !strings.Contains(got, "กรุณาระบุสิ่งที่ต้องแก้ไข") {
		t.Errorf("message beside the comment = %q", got)
	}
	b.Do("fail o12 with a comment",
		chromedp.SendKeys(chromedp.ID("c-o12"), "ยังไม่มีรายงานการกำกับติดตามรอบ 6 เดือน"),
		chromedp.Click(chromedp.ID("fail-o12")),
		chromedp.WaitVisible(chromedp.CSS("article.failed#item-o12")))
	b.Fits("the review page")
	b.Screenshot(360, "oit-review-360.png")
	b.Screenshot(1280, "oit-review-1280.png")
	b.Do("return the answers (ไม่อนุมัติ)",
		chromedp.EmulateViewport(360, 740),
		chromedp.Click(chromedp.ID("oit-reject")),
		chromedp.WaitVisible(chromedp.CSS(".alert.error[role=alert]")))
	if got := b.Text("#oit-tracking"); got != "แบบร่าง" {
		t.Errorf("tracking status after ไม่อนุมัติ %q, want แบบร่าง", got)
	}
	rec := e.oitRecord(curFY, ps)
	if rec.Status != oit.StatusReturned || rec.Item("o12").Review.Verdict != oit.Fail || rec.Item("o11").Review.Verdict != oit.Pass {
		t.Errorf("after the review: %s, o11 %q, o12 %q", rec.Status, rec.Item("o11").Review.Verdict, rec.Item("o12").Review.Verdict)
	}
	b.Screenshot(360, "oit-returned-360.png")
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

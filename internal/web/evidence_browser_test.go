package web

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
)

// TestBrowserAssessEvidence opens, as the demo's assessor on a 360-px phone, an item of
// มหาวิทยาลัยเชียงใหม่ whose page has gone: the evidence history marks it as serious and offers
// the kept copy. The screenshot is kept.
func TestBrowserAssessEvidence(t *testing.T) {
	ctx := newBrowser(t)
	e := newEnv(t, Config{})
	t.Cleanup(e.srv.evidence.stop)
	ts := httptest.NewServer(e.srv)
	defer ts.Close()
	var bad, copyLink int
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(360, 740),
		chromedp.Navigate(ts.URL+"/login"),
		chromedp.SendKeys(chromedp.ID("f-username"), "assessor"),
		chromedp.SendKeys(chromedp.ID("f-password"), demo.Password),
		chromedp.Submit(chromedp.ID("f-password")),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
		chromedp.Navigate(ts.URL+"/assess/"+demo.CodeChiangMaiU+"/o8"),
		chromedp.WaitVisible(chromedp.ID("evidence")),
	)
	if err == nil {
		bad, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#evidence ~ .table-wrap .badge.bad").length`))
	}
	if err == nil {
		copyLink, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#evidence ~ .table-wrap a[download]").length`))
	}
	if err != nil {
		t.Fatal(err)
	}
	if bad == 0 || copyLink == 0 {
		t.Errorf("%d serious flags and %d copy downloads in the evidence table, want both", bad, copyLink)
	}
	screenshot(t, ctx, 360, "assess-evidence-360.png")
}

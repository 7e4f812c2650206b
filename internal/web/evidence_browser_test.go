package web

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
)

// TestBrowserAssessEvidence opens, as the demo's assessor on a 360-px phone, an item of
// มหาวิทยาลัยเชียงใหม่ whose page has gone: the evidence history marks it as serious and offers
// the kept copy. The screenshot is kept.
func TestBrowserAssessEvidence(t *testing.T) {
	e := newEnv(t, Config{})
	t.Cleanup(e.srv.evidence.stop)
	b := newBrowserSession(t, e)
	b.Login("assessor")
	b.Do("open an item whose page has gone",
		b.Navigate("/assess/"+demo.CodeChiangMaiU+"/o8"),
		chromedp.WaitVisible(chromedp.ID("evidence")))
	bad, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("#evidence ~ .table-wrap .badge.bad").length`))
	if err != nil {
		t.Fatal(err)
	}
	copyLink, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll("#evidence ~ .table-wrap a[download]").length`))
	if err != nil {
		t.Fatal(err)
	}
	if bad == 0 || copyLink == 0 {
		t.Errorf("%d serious flags and %d copy downloads in the evidence table, want both", bad, copyLink)
	}
	b.Screenshot(360, "assess-evidence-360.png")
}

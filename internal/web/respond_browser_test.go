package web

import (
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// TestBrowserRespondIIT answers a whole IIT on a 360×740 phone screen the way a respondent
// does — national ID, a tap on an answer to every item, the demographic questions and a
// suggestion — and checks the confirmation, that the page never scrolls sideways, that no
// request leaves the server's origin, and that the response is stored. Screenshots are kept.
func TestBrowserRespondIIT(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	b := newBrowserSession(t, e)
	code := demo.CodeEnergyPS
	tok := e.surveyToken(code, survey.IIT)
	before := e.countAnswers(code, survey.IIT)

	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, ev.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}

	b.Do("open the link",
		chromedp.EmulateViewport(360, 740),
		b.Navigate("/s/"+tok),
		chromedp.WaitVisible(chromedp.ID("f-national_id")))
	b.Fits("the ID page")
	b.Screenshot(360, "respond-id-360.png")

	b.Do("mistype the national ID",
		chromedp.SendKeys(chromedp.ID("f-national_id"), "1234567890123"),
		chromedp.Submit(chromedp.ID("f-national_id")),
		chromedp.WaitVisible(chromedp.ID("f-national_id-error")))
	if msg := b.Text("#f-national_id-error"); !strings.Contains(msg, "เลขตรวจสอบ") {
		t.Errorf("ID error %q, want the Thai check-digit message", msg)
	}

	id := nationalID(77)
	b.Do("type the national ID with dashes",
		chromedp.Clear(chromedp.ID("f-national_id")),
		chromedp.SendKeys(chromedp.ID("f-national_id"), id[:1]+"-"+id[1:5]+"-"+id[5:10]+"-"+id[10:12]+"-"+id[12:]),
		chromedp.Submit(chromedp.ID("f-national_id")),
		chromedp.WaitVisible(chromedp.CSS(`[id="q-i1.1"]`)))
	b.Screenshot(360, "respond-questions-top-360.png")

	f := demoForm(t, survey.IIT)
	var taps []chromedp.Action[chromedp.Void]
	for _, q := range f.Questions {
		best := q.Options[len(q.Options)-1].Code // 4 on the scale, ไม่มี on the yes/no items
		for _, it := range q.Items {
			taps = append(taps, chromedp.Click(chromedp.CSS(`input[name="`+it.Key+`"][value="`+best+`"]`)))
		}
	}
	b.Do("answer every item", taps...)
	b.Do("answer about oneself and suggest",
		chromedp.Click(chromedp.CSS(`input[name="p.gender"][value="female"]`)),
		chromedp.Click(chromedp.CSS(`input[name="p.service_years"][value="6-10"]`)),
		chromedp.Click(chromedp.CSS(`input[name="p.position"][value="official"]`)),
		chromedp.SendKeys(chromedp.ID("f-comment"), "ขอให้ประชาสัมพันธ์ช่องทางร้องเรียนภายในให้ทั่วถึง"))
	checked, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`document.querySelectorAll('.r-opts input[type=radio]:checked').length`))
	if want := len(f.ItemKeys()) + 3; err != nil || checked != want {
		t.Fatalf("%d answers checked (%v), want %d", checked, err, want)
	}
	b.Fits("the questions")
	b.Screenshot(360, "respond-questions-360.png")

	b.Do("send",
		chromedp.Click(chromedp.CSS(`button.r-btn`)),
		chromedp.WaitVisible(chromedp.CSS(`.r-q h1`)))
	if loc := b.Location(); loc != "/s/"+tok+"/done" {
		t.Fatalf("after sending: at %q", loc)
	}
	if text := b.Text("main"); !strings.Contains(text, "ขอบคุณที่ร่วมตอบแบบสำรวจ") {
		t.Errorf("confirmation %q", text)
	}
	b.Fits("the confirmation")
	b.Screenshot(360, "respond-done-360.png")
	if got := e.countAnswers(code, survey.IIT); got != before+1 {
		t.Errorf("%d responses stored, want %d", got, before+1)
	}

	mu.Lock()
	defer mu.Unlock()
	if len(urls) < 4 {
		t.Fatalf("saw only %d requests: the origin check would prove little", len(urls))
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, b.url+"/") && !strings.HasPrefix(u, "data:") {
			t.Errorf("request to another origin: %s", u)
		}
	}
}

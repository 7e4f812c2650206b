package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/evidence"
)

// TestAssessItemEvidence: the assessor's item page shows the evidence history through
// EvidenceFetch — the reasons and flags of the evidence catalogue, a missing page marked
// serious, http(s) URLs as links and nothing else, the copy as a download with its hash.
func TestAssessItemEvidence(t *testing.T) {
	e, site := evidenceEnv(t)
	site.set("/plan", "text/html; charset=utf-8", `<title>แผนปฏิบัติราชการ</title><p>แผน</p>`)
	item := energyItem("o10")
	plan, gone := site.URL+"/plan", site.URL+"/gone"
	e.srv.captureEvidence(context.Background(), item, []string{plan, gone, "javascript:alert(1)"}, evidence.ReasonSaved)
	e.waitEvidence()

	res := e.do(request{method: "GET", path: "/assess/" + demo.CodeEnergyPS + "/o10", token: e.session("assessor")})
	b := body(t, res)
	e.waitEvidence() // opening the item fetched again; let it end before the site closes
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{
		messagesTH["evidence.reason.saved"],
		`<span class="badge bad">` + messagesTH["evidence.flag.not_found"] + `</span>`,
		`<span class="badge bad">` + messagesTH["evidence.flag.unreachable"] + `</span>`,
		`<a href="` + plan + `" rel="noopener noreferrer">`,
		`<a href="/evidence/`, "download>", "แผนปฏิบัติราชการ", "text/html",
	} {
		if !strings.Contains(b, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, bad := range []string{`href="javascript:`, "ZgotmplZ", "เมื่อหน่วยงานบันทึกคำตอบ"} {
		if strings.Contains(b, bad) {
			t.Errorf("the page has %q", bad)
		}
	}
}

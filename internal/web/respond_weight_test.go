package web

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// maxPageWeight is the budget of a respondent's page: everything transferred, compressed, the
// stylesheet included (issue 4: under 30 KB on a weak signal).
const maxPageWeight = 30 << 10

var externalRef = regexp.MustCompile(`(?i)(src|href|action)\s*=\s*"(https?:)?//`)

// TestRespondPageWeight measures what a phone downloads for each respondent page — the HTML
// as sent gzip-compressed plus the stylesheet and icon it links, as the server sends them —
// and checks the budget, that nothing comes from another origin and that there is no script.
func TestRespondPageWeight(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	gz := http.Header{"Accept-Encoding": {"gzip, deflate, br"}}
	assetsSize := 0
	for _, name := range []string{"respond.css", "favicon.svg"} {
		res := e.do(request{method: "GET", path: e.srv.assets.URL(name), header: gz})
		assetsSize += len(body(t, res))
	}
	for _, sv := range []string{survey.IIT, survey.EIT} {
		tok := e.surveyToken(demo.CodeEnergyPS, sv)
		pages := []struct {
			name string
			req  request
		}{
			{"id", request{method: "GET", path: "/s/" + tok, header: gz}},
			{"answers", request{method: "POST", path: "/s/" + tok, header: gz, form: url.Values{"national_id": {nationalID(40)}}}},
		}
		for _, p := range pages {
			t.Run(sv+"/"+p.name, func(t *testing.T) {
				res := e.do(p.req)
				raw := body(t, res)
				if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" {
					t.Fatalf("status %d, Content-Encoding %q", res.StatusCode, res.Header.Get("Content-Encoding"))
				}
				zr, err := gzip.NewReader(strings.NewReader(raw))
				if err != nil {
					t.Fatal(err)
				}
				html, err := io.ReadAll(zr)
				if err != nil {
					t.Fatal(err)
				}
				page := string(html)
				if !strings.Contains(page, "</html>") {
					t.Fatal("the decompressed page is cut short")
				}
				total := len(raw) + assetsSize
				t.Logf("%s %s: HTML %d B (%d B uncompressed), with CSS and icon %d B (%.1f KB)",
					strings.ToUpper(sv), p.name, len(raw), len(html), total, float64(total)/1024)
				if total >= maxPageWeight {
					t.Errorf("page weight %d B, budget %d B", total, maxPageWeight)
				}
				if m := externalRef.FindString(page); m != "" {
					t.Errorf("reference to another origin: %s", m)
				}
				if strings.Contains(page, "<script") || strings.Contains(page, "style=") {
					t.Error("inline script or style on a respondent page")
				}
			})
		}
	}
	res := e.do(request{method: "GET", path: "/s/" + e.surveyToken(demo.CodeEnergyPS, survey.IIT)})
	if b := body(t, res); res.Header.Get("Content-Encoding") != "" || !strings.Contains(b, "</html>") {
		t.Error("a client that does not accept gzip got a compressed page")
	}
}

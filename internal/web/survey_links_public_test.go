package web

import (
	"image/png"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// TestSurveyLinksPublicURL: with Config.PublicURL the links page, the QR code and the poster
// carry it, whatever Host the request names.
func TestSurveyLinksPublicURL(t *testing.T) {
	e := newSurveyEnv(t, Config{PublicURL: "https://itas.example.go.th/"})
	code := demo.CodeEnergyPS
	tok := e.session("a" + code)
	want := "https://itas.example.go.th/s/" + e.surveyToken(code, survey.IIT)
	for _, path := range []string{"/agencies/" + code + "/surveys", "/agencies/" + code + "/surveys/iit/poster"} {
		res := e.do(request{method: "GET", path: path, token: tok})
		b := body(t, res)
		if res.StatusCode != 200 || !strings.Contains(b, want) || strings.Contains(b, "example.com/s/") {
			t.Errorf("GET %s: status %d; want %q and no link on the request's host", path, res.StatusCode, want)
		}
	}
	res := e.do(request{method: "GET", path: "/agencies/" + code + "/surveys/iit/qr.png", token: tok})
	img, err := png.Decode(strings.NewReader(body(t, res)))
	if err != nil {
		t.Fatal(err)
	}
	if got := decodeQR(t, img); got != want {
		t.Errorf("QR code decodes to %q, want %q", got, want)
	}
}

func TestCheckPublicURL(t *testing.T) {
	for raw, want := range map[string]string{
		"":                               "",
		"https://itas.example.go.th":     "https://itas.example.go.th",
		"https://itas.example.go.th/":    "https://itas.example.go.th",
		"HTTP://itas.example.go.th:8080": "http://itas.example.go.th:8080",
	} {
		c := Config{PublicURL: raw}
		if err := c.checkPublicURL(); err != nil || c.PublicURL != want {
			t.Errorf("checkPublicURL(%q) = %q, %v; want %q", raw, c.PublicURL, err, want)
		}
	}
	for _, raw := range []string{"itas.example.go.th", "ftp://itas.example.go.th", "https://", "https://itas.example.go.th/itas",
		"https://u:p@itas.example.go.th", "https://itas.example.go.th/?x=1", "https://itas.example.go.th/#s"} {
		c := Config{PublicURL: raw}
		if err := c.checkPublicURL(); err == nil {
			t.Errorf("checkPublicURL(%q) accepted it", raw)
		}
	}
	if _, err := New(Config{PublicURL: "itas.example.go.th"}, Deps{Store: mustStore(t, &clock{t: testNow})}); err == nil {
		t.Error("New accepted a public URL without a scheme")
	}
}

package web

import (
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gzqr "github.com/makiuchi-d/gozxing/qrcode"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/survey"
)

// decodeQR reads the text of a QR code image.
func decodeQR(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	// PURE_BARCODE: the image is a generated code, not a photo. Without the hint gozxing's
	// finder-pattern search fails on about 4 % of random tokens (11 of 300 in a trial), which
	// made this test flaky.
	hints := map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true}
	res, err := gzqr.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		t.Fatalf("decode QR: %v", err)
	}
	return res.GetText()
}

func TestSurveyLinksPage(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	code := demo.CodeEnergyPS
	iit, eit := e.surveyToken(code, survey.IIT), e.surveyToken(code, survey.EIT)
	for _, tt := range []struct {
		user      string
		canRotate bool
	}{{"a" + code, true}, {"t" + code, false}, {"admin", false}} {
		t.Run(tt.user, func(t *testing.T) {
			res := e.do(request{method: "GET", path: "/agencies/" + code + "/surveys", token: e.session(tt.user)})
			b := body(t, res)
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			for _, want := range []string{"http://example.com/s/" + iit, "http://example.com/s/" + eit,
				"/agencies/" + code + "/surveys/iit/qr.png?download=1", "/agencies/" + code + "/surveys/eit/poster"} {
				if !strings.Contains(b, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			if got := strings.Contains(b, "/surveys/eit/rotate"); got != tt.canRotate {
				t.Errorf("rotate form shown = %v, want %v", got, tt.canRotate)
			}
		})
	}
	t.Run("MenuEntry", func(t *testing.T) {
		for user, want := range map[string]string{"t" + code: "/agencies/" + code + "/surveys", "admin": "/agencies"} {
			res := e.do(request{method: "GET", path: "/survey-links", token: e.session(user)})
			if body(t, res); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
				t.Errorf("%s: status %d, Location %q, want %q", user, res.StatusCode, res.Header.Get("Location"), want)
			}
		}
	})
	t.Run("OtherAgency", func(t *testing.T) {
		for _, p := range []string{"/agencies/" + demo.CodeKlongSe + "/surveys", "/agencies/" + demo.CodeKlongSe + "/surveys/iit/qr.png"} {
			res := e.do(request{method: "GET", path: p, token: e.session("a" + code)})
			if body(t, res); res.StatusCode != http.StatusForbidden {
				t.Errorf("GET %s: status %d, want 403", p, res.StatusCode)
			}
		}
		res := e.do(request{method: "POST", path: "/agencies/" + demo.CodeKlongSe + "/surveys/iit/rotate",
			token: e.session("a" + code), form: map[string][]string{"confirm": {"yes"}}})
		if body(t, res); res.StatusCode != http.StatusForbidden {
			t.Errorf("rotate another agency's link: status %d, want 403", res.StatusCode)
		}
	})
}

// TestSurveyQR decodes the PNG with gozxing and rasterises the SVG's path to decode it too:
// both must give back the link's URL.
func TestSurveyQR(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	code := demo.CodeEnergyPS
	want := "http://example.com/s/" + e.surveyToken(code, survey.EIT)
	tok := e.session("t" + code)

	res := e.do(request{method: "GET", path: "/agencies/" + code + "/surveys/eit/qr.png?download=1", token: tok})
	b := body(t, res)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" ||
		!strings.Contains(res.Header.Get("Content-Disposition"), `filename="itas-`+code+`-eit.png"`) {
		t.Fatalf("PNG: status %d, headers %v", res.StatusCode, res.Header)
	}
	img, err := png.Decode(strings.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := decodeQR(t, img); got != want {
		t.Errorf("PNG decodes to %q, want %q", got, want)
	}

	res = e.do(request{method: "GET", path: "/agencies/" + code + "/surveys/eit/qr.svg", token: tok})
	svg := body(t, res)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/svg+xml" {
		t.Fatalf("SVG: status %d", res.StatusCode)
	}
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Fatalf("SVG is not well-formed XML: %v", err)
	}
	if got := decodeQR(t, rasterSVG(t, svg, 6)); got != want {
		t.Errorf("SVG decodes to %q, want %q", got, want)
	}
}

var (
	svgViewBox = regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	svgRun     = regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-\d+z`)
)

// rasterSVG draws the QR SVG that qrSVG writes (one path of unit-high runs) at scale pixels
// per module.
func rasterSVG(t *testing.T, svg string, scale int) image.Image {
	t.Helper()
	m := svgViewBox.FindStringSubmatch(svg)
	if m == nil {
		t.Fatal("SVG has no viewBox")
	}
	n, _ := strconv.Atoi(m[1])
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	runs := svgRun.FindAllStringSubmatch(svg, -1)
	if len(runs) < n {
		t.Fatalf("only %d dark runs in a %d-module code", len(runs), n)
	}
	for _, r := range runs {
		x, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		w, _ := strconv.Atoi(r[3])
		for py := y * scale; py < (y+1)*scale; py++ {
			for px := x * scale; px < (x+w)*scale; px++ {
				img.SetGray(px, py, color.Gray{})
			}
		}
	}
	return img
}

func TestSurveyPoster(t *testing.T) {
	e := newSurveyEnv(t, Config{})
	code := demo.CodeEnergyPS
	tok := e.surveyToken(code, survey.IIT)
	res := e.do(request{method: "GET", path: "/agencies/" + code + "/surveys/iit/poster", token: e.session("a" + code)})
	b := body(t, res)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{"สำนักงานปลัดกระทรวงพลังงาน", "/agencies/" + code + "/surveys/iit/qr.svg", "http://example.com/s/" + tok,
		"ขอเชิญบุคลากรทุกท่านร่วมตอบแบบสำรวจ", "poster.css", `lang="th"`} {
		if !strings.Contains(b, want) {
			t.Errorf("poster lacks %q", want)
		}
	}
	if strings.Contains(b, "<script") || strings.Contains(b, "style=") {
		t.Error("poster has inline script or style")
	}
	css := e.do(request{method: "GET", path: e.srv.assets.URL("poster.css")})
	if cb := body(t, css); !strings.Contains(cb, "@page { size: A4") || !strings.Contains(cb, "@media print") {
		t.Error("poster.css lacks its A4 print rules")
	}
}

func TestSurveySearch(t *testing.T) {
	e := newSurveyEnv(t, Config{SurveyPostsPerMinute: 3})
	res := e.do(request{method: "GET", path: "/surveys"})
	if b := body(t, res); res.StatusCode != 200 || !strings.Contains(b, `name="q"`) {
		t.Fatalf("empty search: status %d", res.StatusCode)
	}
	res = e.do(request{method: "GET", path: "/surveys?q=" + "คลองเส"})
	b := body(t, res)
	if res.StatusCode != 200 || !strings.Contains(b, "องค์การบริหารส่วนตำบลคลองเส") || !strings.Contains(b, "/surveys/"+demo.CodeKlongSe+"/eit") {
		t.Fatalf("search: status %d\n%.1500s", res.StatusCode, b)
	}
	res = e.do(request{method: "GET", path: "/surveys/" + demo.CodeKlongSe + "/eit"})
	body(t, res)
	if want := "/s/" + e.surveyToken(demo.CodeKlongSe, survey.EIT); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
		t.Errorf("EIT by agency: status %d, Location %q, want %q", res.StatusCode, res.Header.Get("Location"), want)
	}
	res = e.do(request{method: "GET", path: "/surveys/9999999/eit"})
	if body(t, res); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown agency: status %d, want 404", res.StatusCode)
	}
	res = e.do(request{method: "GET", path: "/surveys?q=" + "ไม่มีหน่วยงานชื่อนี้"})
	if b := body(t, res); !strings.Contains(b, "ไม่พบหน่วยงานที่ตรงกับคำค้น") {
		t.Error("no message for a search that finds nothing")
	}
	res = e.do(request{method: "GET", path: "/surveys?q=" + "กรม"})
	if b := body(t, res); res.StatusCode != http.StatusTooManyRequests || !strings.Contains(b, "ค้นหาถี่เกินไป") {
		t.Errorf("third search with a limit of 3 a minute (burst 2): status %d", res.StatusCode)
	}
}

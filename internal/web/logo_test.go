package web

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/demo"
)

// multipartLogo returns a multipart body with data as the "logo" file.
func multipartLogo(t *testing.T, name string, data []byte) (string, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("logo", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	return mw.FormDataContentType(), &buf
}

func encodeImage(t *testing.T, enc func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{11, 79, 138, 255})
	var b bytes.Buffer
	if err := enc(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLogoUpload(t *testing.T) {
	e := newEnv(t, Config{})
	if e.srv.logos == nil {
		t.Skip("the store keeps no logos")
	}
	admin := e.session("a" + demo.CodeEnergyPS)
	pngData := encodeImage(t, func(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) })
	gifData := encodeImage(t, func(b *bytes.Buffer, i image.Image) error { return gif.Encode(b, i, nil) })
	big := append(append([]byte{}, pngData...), bytes.Repeat([]byte{0}, maxLogoBytes)...)
	upload := func(name string, data []byte) *http.Response {
		ct, body := multipartLogo(t, name, data)
		r := httptest.NewRequest("POST", "/profile/logo", body)
		r.Header.Set("Content-Type", ct)
		r.AddCookie(&http.Cookie{Name: sessionCookie, Value: admin})
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, r)
		return w.Result()
	}
	for _, tt := range []struct {
		name, file string
		data       []byte
		msg        string
	}{
		{"GIF", "logo.gif", gifData, "รับเฉพาะไฟล์ภาพ PNG หรือ JPEG"},
		{"TextNamedPNG", "logo.png", []byte("<svg onload=alert(1)>"), "รับเฉพาะไฟล์ภาพ PNG หรือ JPEG"},
		{"TooBig", "logo.png", big, "เกิน 1 MB"},
		{"Empty", "logo.png", nil, "กรุณาเลือกไฟล์"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := upload(tt.file, tt.data)
			page := body(t, res)
			if res.StatusCode != 422 || !strings.Contains(page, tt.msg) || !strings.Contains(page, `id="f-logo-error"`) {
				t.Errorf("status %d; want 422 with %q beside the field", res.StatusCode, tt.msg)
			}
		})
	}
	res := upload("logo.png", pngData)
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("PNG upload: status %d", res.StatusCode)
	}
	res = e.do(request{method: "GET", path: "/agencies/" + demo.CodeEnergyPS + "/logo", token: e.session("t" + demo.CodeEnergyPS)})
	got := []byte(body(t, res))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" || !bytes.Equal(got, pngData) {
		t.Errorf("GET logo: status %d, type %q, %d bytes", res.StatusCode, res.Header.Get("Content-Type"), len(got))
	}
	res = e.do(request{method: "GET", path: "/agencies/" + demo.CodeEnergyPS + "/logo", token: e.session("a" + demo.CodeChiangMaiU)})
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("another agency's admin reads the logo: status %d, want 403", res.StatusCode)
	}
	page := body(t, e.do(request{method: "GET", path: "/dashboard", token: admin}))
	if !strings.Contains(page, `src="/agencies/`+demo.CodeEnergyPS+`/logo"`) {
		t.Errorf("the dashboard does not show the logo")
	}
}

package web

import (
	"fmt"
	"net/http"
	"strings"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/openitas/itas/internal/apperr"
)

// qrPNGSize is the side of the PNG QR code in pixels: sharp when printed 6 cm wide at 300 dpi
// (poster size), and still a small file.
const qrPNGSize = 720

// qrCode encodes a survey URL. Medium recovery (15 %) survives a creased or smudged poster
// and keeps the symbol small enough for a phone camera at arm's length.
func qrCode(url string) (*qrcode.QRCode, error) {
	q, err := qrcode.New(url, qrcode.Medium)
	if err != nil {
		return nil, apperr.Internal(fmt.Errorf("qr code of %q: %w", url, err))
	}
	return q, nil
}

// qrPNG returns the QR code of url as a PNG image.
func qrPNG(url string) ([]byte, error) {
	q, err := qrCode(url)
	if err != nil {
		return nil, err
	}
	b, err := q.PNG(qrPNGSize)
	if err != nil {
		return nil, apperr.Internal(fmt.Errorf("qr png: %w", err))
	}
	return b, nil
}

// qrSVG returns the QR code of url as an SVG drawn from the code's bitmap (quiet zone
// included): one path of unit squares, each dark run of a row merged into one rectangle, so
// that it scales to any print size without blur.
func qrSVG(url string) ([]byte, error) {
	q, err := qrCode(url)
	if err != nil {
		return nil, err
	}
	bm := q.Bitmap()
	n := len(bm)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">`, n, n)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, n, n)
	for y, row := range bm {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(&b, "M%d %dh%dv1h-%dz", start, y, x-start, x-start)
		}
	}
	b.WriteString(`"/></svg>`)
	return []byte(b.String()), nil
}

// surveyQR serves GET /agencies/{code}/surveys/{survey}/qr.png and qr.svg: the QR code of the
// survey's live link, as a download named after the agency and survey.
func (h *surveys) surveyQR(format string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		sl, err := h.agencySurvey(r)
		if err != nil {
			return err
		}
		var (
			body []byte
			ct   string
		)
		switch format {
		case "png":
			body, err = qrPNG(sl.URL)
			ct = "image/png"
		default:
			body, err = qrSVG(sl.URL)
			ct = "image/svg+xml"
		}
		if err != nil {
			return err
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Cache-Control", "private, no-cache")
		if r.URL.Query().Get("download") != "" {
			w.Header().Set("Content-Disposition",
				fmt.Sprintf(`attachment; filename="itas-%s-%s.%s"`, sl.Agency.Code, sl.Survey, format))
		}
		_, err = w.Write(body)
		return err
	}
}

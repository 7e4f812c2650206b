package evidence

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// thaiPage returns an HTML page of about n bytes shaped like a Thai agency's ITA page: a
// head, navigation with scripts and styles, and paragraphs of Thai text.
func thaiPage(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ข้อมูลการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปี 2570</title>` +
		`<style>body{font-family:sans-serif}</style><script>window.csrf="x1y2z3";</script></head><body><nav><a href="/">หน้าแรก</a></nav>`)
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, `<p class="item" data-id="%d">รายงานผลการดำเนินงานตามแผนปฏิบัติราชการ ไตรมาสที่ %d งบประมาณ %d บาท <a href="/doc/%d.pdf">ดาวน์โหลด</a></p>`, i, i%4+1, 1000*i, i)
	}
	b.WriteString("</body></html>")
	return b.String()
}

// BenchmarkReadPage measures what the fetcher does with a page once it has the bytes:
// charset, title, visible text and both hashes, for a 1 MB UTF-8 page and a 1 MB TIS-620 page.
func BenchmarkReadPage(b *testing.B) {
	utf := thaiPage(1 << 20)
	tis, err := charmap.Windows874.NewEncoder().String(strings.Replace(utf, `<meta charset="utf-8">`, "", 1))
	if err != nil {
		b.Fatal(err)
	}
	for _, tt := range []struct{ name, ct, body string }{
		{"UTF8-1MB", "text/html; charset=utf-8", utf},
		{"TIS620-1MB", "text/html", tis},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(tt.body)))
			for b.Loop() {
				doc := decodeHTML([]byte(tt.body), tt.ct)
				if htmlTitle(doc) == "" || textHash(visibleText(doc)) == "" {
					b.Fatal("no title")
				}
			}
		})
	}
}

// BenchmarkFetch measures whole fetches of a 100 KB page from a loopback server, with the
// politeness gap off: the fetcher's own cost per URL, network aside.
func BenchmarkFetch(b *testing.B) {
	page := thaiPage(100 << 10)
	srv := newPublicServer(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	f := testFetcher(Options{PerHost: 8}, newResolver(), srv)
	b.SetBytes(int64(len(page)))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if r := f.Fetch(context.Background(), srv.URL+"/ita"); r.Status != 200 {
				b.Errorf("status %d: %s", r.Status, r.Error)
			}
		}
	})
}

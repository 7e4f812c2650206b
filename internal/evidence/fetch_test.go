package evidence

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

const site = "www.agency.go.th"

func TestFetchPage(t *testing.T) {
	var ua string
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><TITLE lang="th"> แผนปฏิบัติราชการ &amp; งบประมาณ
			ประจำปี </TITLE></head><body><p>แผน</p></body></html>`)
	}))
	res := newResolver()
	res.set(site, "127.0.0.1")
	r := testFetcher(Options{}, res, srv).Fetch(context.Background(), srv.at(site, "/plan#top"))
	wantFlags(t, r)
	if r.Status != 200 || r.FinalURL != srv.at(site, "/plan") || len(r.Redirects) != 0 {
		t.Errorf("status %d, final %q, redirects %v", r.Status, r.FinalURL, r.Redirects)
	}
	if r.Title != "แผนปฏิบัติราชการ & งบประมาณ ประจำปี" {
		t.Errorf("title = %q", r.Title)
	}
	if r.Type != "text/html; charset=utf-8" || r.Size == 0 || !r.HasCopy || int64(len(r.Copy)) != r.Size {
		t.Errorf("type %q, size %d, copy %d bytes (has %v)", r.Type, r.Size, len(r.Copy), r.HasCopy)
	}
	sum := sha256.Sum256(r.Copy)
	if r.SHA256 != hex.EncodeToString(sum[:]) || r.TextSHA256 == r.SHA256 || r.TextSHA256 == "" {
		t.Errorf("sha256 %s, text sha256 %s", r.SHA256, r.TextSHA256)
	}
	if !strings.HasPrefix(ua, "ITAS-evidence/") {
		t.Errorf("User-Agent = %q, want one naming ITAS", ua)
	}
	if r.Error != "" || r.FetchedAt.IsZero() {
		t.Errorf("error %q, fetched at %v", r.Error, r.FetchedAt)
	}
}

func TestFetchThaiTitles(t *testing.T) {
	const title = "องค์การบริหารส่วนตำบลคลองเส"
	tis, err := charmap.Windows874.NewEncoder().String(title)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, contentType, body string
	}{
		{"UTF8Header", "text/html; charset=UTF-8", "<title>" + title + "</title>"},
		{"UTF8Undeclared", "text/html", "<html><head><title>" + title + "</title>"},
		{"TIS620Header", "text/html; charset=TIS-620", "<title>" + tis + "</title>"},
		{"TIS620MetaCharset", "text/html", `<meta charset="tis-620"><title>` + tis + "</title>"},
		{"Windows874HttpEquiv", "text/html", `<meta http-equiv="Content-Type" content="text/html; charset=windows-874"><title>` + tis + "</title>"},
		{"TIS620Undeclared", "text/html", "<html><title>" + tis + "</title>"},
		{"HeaderWinsOverMeta", "text/html; charset=tis-620", `<meta charset="utf-8"><title>` + tis + "</title>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				fmt.Fprint(w, tt.body)
			}))
			r := testFetcher(Options{}, newResolver(), srv).Fetch(context.Background(), srv.URL+"/")
			if r.Title != title {
				t.Errorf("title = %q, want %q", r.Title, title)
			}
		})
	}
}

func TestFetchRedirects(t *testing.T) {
	other := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<title>final</title>")
	}))
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			http.Redirect(w, r, "/b?x=1", http.StatusMovedPermanently)
		case "/b":
			http.Redirect(w, r, other.at("cdn.agency.go.th", "/c"), http.StatusFound)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusTemporaryRedirect)
		case "/ftp":
			http.Redirect(w, r, "ftp://files.agency.go.th/x", http.StatusFound)
		}
	}))
	res := newResolver()
	res.set(site, "127.0.0.1")
	res.set("cdn.agency.go.th", "127.0.0.1")
	f := testFetcher(Options{}, res, srv, other)

	t.Run("ChainRecorded", func(t *testing.T) {
		r := f.Fetch(context.Background(), srv.at(site, "/a"))
		wantFlags(t, r)
		want := []string{srv.at(site, "/a"), srv.at(site, "/b?x=1")}
		if fmt.Sprint(r.Redirects) != fmt.Sprint(want) || r.FinalURL != other.at("cdn.agency.go.th", "/c") {
			t.Errorf("redirects %v, final %q; want %v then %q", r.Redirects, r.FinalURL, want, other.at("cdn.agency.go.th", "/c"))
		}
		if r.Status != 200 || r.Title != "final" {
			t.Errorf("status %d, title %q", r.Status, r.Title)
		}
	})
	t.Run("TooMany", func(t *testing.T) {
		r := testFetcher(Options{MaxRedirects: 3}, res, srv).Fetch(context.Background(), srv.at(site, "/loop"))
		wantFlags(t, r, FlagCheck)
		if len(r.Redirects) != 3 || r.Status != http.StatusTemporaryRedirect || !strings.Contains(r.Error, "3") {
			t.Errorf("redirects %d, status %d, error %q", len(r.Redirects), r.Status, r.Error)
		}
	})
	t.Run("NotHTTP", func(t *testing.T) {
		r := f.Fetch(context.Background(), srv.at(site, "/ftp"))
		wantFlags(t, r, FlagCheck)
		if r.FinalURL != "ftp://files.agency.go.th/x" || r.Error == "" {
			t.Errorf("final %q, error %q", r.FinalURL, r.Error)
		}
	})
}

func TestFetchStatusFlags(t *testing.T) {
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/"), "%d", &code)
		w.WriteHeader(code)
		fmt.Fprintf(w, "<title>status %d</title>", code)
	}))
	f := testFetcher(Options{}, newResolver(), srv)
	tests := []struct {
		status int
		flag   Flag
	}{
		{200, ""}, {204, ""},
		{404, FlagNotFound}, {410, FlagNotFound},
		{401, FlagCheck}, {403, FlagCheck}, {429, FlagCheck}, {451, FlagCheck},
		{500, FlagCheck}, {502, FlagCheck}, {503, FlagCheck},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.status), func(t *testing.T) {
			r := f.Fetch(context.Background(), fmt.Sprintf("%s/%d", srv.URL, tt.status))
			if r.Status != tt.status {
				t.Fatalf("status = %d", r.Status)
			}
			if tt.flag == "" {
				wantFlags(t, r)
			} else {
				wantFlags(t, r, tt.flag)
			}
			if r.Error != "" {
				t.Errorf("error = %q: a response is not a failure to fetch", r.Error)
			}
		})
	}
}

func TestFetchSlow(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/trickle" {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<title>slow</title>")
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	f := testFetcher(Options{HeaderTimeout: 200 * time.Millisecond, FetchTimeout: 400 * time.Millisecond}, newResolver(), srv)

	t.Run("NoHeaders", func(t *testing.T) {
		began := time.Now()
		r := f.Fetch(context.Background(), srv.URL+"/hang")
		wantFlags(t, r, FlagUnreachable)
		if !strings.Contains(r.Error, "เวลา") || r.Status != 0 {
			t.Errorf("error %q, status %d", r.Error, r.Status)
		}
		if d := time.Since(began); d > 2*time.Second {
			t.Errorf("fetch took %v, want the header timeout", d)
		}
	})
	t.Run("BodyNeverEnds", func(t *testing.T) {
		r := f.Fetch(context.Background(), srv.URL+"/trickle")
		wantFlags(t, r, FlagCheck)
		if r.Status != 200 || !r.Truncated || r.Title != "slow" || r.Error == "" {
			t.Errorf("status %d, truncated %v, title %q, error %q", r.Status, r.Truncated, r.Title, r.Error)
		}
	})
}

func TestFetchHugeBody(t *testing.T) {
	const size = 3 << 20
	chunk := bytes.Repeat([]byte("0123456789abcdef"), 4096)
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		for sent := 0; sent < size; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	const maxBody, maxCopy = 1 << 20, 256 << 10
	r := testFetcher(Options{MaxBody: maxBody, MaxCopy: maxCopy}, newResolver(), srv).Fetch(context.Background(), srv.URL+"/big.pdf")
	wantFlags(t, r)
	read := bytes.Repeat(chunk, maxBody/len(chunk))
	sum := sha256.Sum256(read)
	if !r.Truncated || r.Size != maxBody || r.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("truncated %v, size %d, sha %s; want the hash of the first %d bytes", r.Truncated, r.Size, r.SHA256, maxBody)
	}
	if len(r.Copy) != maxCopy || !bytes.Equal(r.Copy, read[:maxCopy]) {
		t.Errorf("copy is %d bytes, want the first %d", len(r.Copy), maxCopy)
	}
}

func TestFetchRefusesPrivateAddresses(t *testing.T) {
	var hits counter
	private := newPublicServer(t, hits.wrap(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "internal admin page")
	}))
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-loopback":
			http.Redirect(w, r, private.URL+"/admin", http.StatusFound)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/to-name":
			http.Redirect(w, r, private.at("intranet.agency.go.th", "/"), http.StatusFound)
		case "/to-v6":
			http.Redirect(w, r, "http://[fd00:ec2::254]/", http.StatusFound)
		}
	}))
	res := newResolver()
	res.set(site, "127.0.0.1")
	res.set("intranet.agency.go.th", "10.1.2.3")
	res.set("localhost.agency.go.th", "127.0.0.1")
	// Only srv counts as public; private is an ordinary loopback server, on a port the
	// fetcher would take so that what refuses it is its address.
	f := testFetcher(Options{ConnectTimeout: 300 * time.Millisecond, allowPorts: map[string]bool{private.port(): true}}, res, srv)

	for _, tt := range []struct{ name, url, final string }{
		{"RedirectToLoopback", srv.at(site, "/to-loopback"), private.URL + "/admin"},
		{"RedirectToMetadata", srv.at(site, "/to-metadata"), "http://169.254.169.254/latest/meta-data/"},
		{"RedirectToPrivateName", srv.at(site, "/to-name"), private.at("intranet.agency.go.th", "/")},
		{"RedirectToUniqueLocal", srv.at(site, "/to-v6"), "http://[fd00:ec2::254]/"},
		{"LoopbackLiteral", private.URL + "/admin", private.URL + "/admin"},
		{"NameResolvingToLoopback", private.at("localhost.agency.go.th", "/admin"), private.at("localhost.agency.go.th", "/admin")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := f.Fetch(context.Background(), tt.url)
			wantFlags(t, r, FlagRefused)
			if r.Status != 0 || r.FinalURL != tt.final || r.HasCopy {
				t.Errorf("status %d, final %q, copy %v; want no response from %q", r.Status, r.FinalURL, r.HasCopy, tt.final)
			}
		})
	}
	if n := hits.count(); n != 0 {
		t.Errorf("the private server served %d requests, want none", n)
	}
}

func TestFetchDNSRebinding(t *testing.T) {
	var hits counter
	srv := newPublicServer(t, hits.wrap(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/first" {
			http.Redirect(w, r, "/second", http.StatusFound)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	const host = "rebind.agency.go.th"
	res := newResolver()
	// The first answer is the public server; every later answer is a private address on the
	// same port, as a rebinding attacker's DNS would give.
	res.set(host, "127.0.0.1", "127.0.0.2")
	f := testFetcher(Options{}, res, srv)
	r := f.Fetch(context.Background(), srv.at(host, "/first"))
	wantFlags(t, r, FlagRefused)
	if len(r.Redirects) != 1 || r.FinalURL != srv.at(host, "/second") {
		t.Errorf("redirects %v, final %q", r.Redirects, r.FinalURL)
	}
	if n := hits.count(); n != 1 {
		t.Errorf("server saw %d requests, want only the first", n)
	}
	// A later fetch of the same URL looks the name up again and is refused again.
	r = f.Fetch(context.Background(), srv.at(host, "/second"))
	wantFlags(t, r, FlagRefused)
}

func TestFetchLoopbackOnlyWhenAllowed(t *testing.T) {
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	r := NewFetcher(Options{AllowAnyPort: true}).Fetch(context.Background(), srv.URL+"/")
	wantFlags(t, r, FlagRefused)
	r = NewFetcher(Options{AllowLoopback: true, AllowAnyPort: true}).Fetch(context.Background(), srv.URL+"/")
	wantFlags(t, r)
	if r.Status != 200 {
		t.Errorf("status %d with AllowLoopback", r.Status)
	}
	r = NewFetcher(Options{AllowLoopback: true}).Fetch(context.Background(), "http://169.254.169.254/")
	wantFlags(t, r, FlagRefused)
}

func TestFetchUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()
	f := NewFetcher(Options{AllowLoopback: true, AllowAnyPort: true, Resolver: newResolver()})
	tests := []struct{ name, url, want string }{
		{"ConnectionRefused", closed, "เชื่อมต่อ"},
		{"NoSuchHost", "https://no-such-host.go.th/", "DNS"},
		{"NotHTTP", "ftp://www.agency.go.th/plan.pdf", "http"},
		{"Relative", "/plan.pdf", "ไม่ถูกต้อง"},
		{"Credentials", "https://user:secret@www.agency.go.th/", "รหัสผ่าน"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.Fetch(context.Background(), tt.url)
			wantFlags(t, r, FlagUnreachable)
			if !strings.Contains(r.Error, tt.want) || r.Status != 0 {
				t.Errorf("error %q (want it to mention %q), status %d", r.Error, tt.want, r.Status)
			}
		})
	}
}

func TestFetchCancelled(t *testing.T) {
	srv := newPublicServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	r := testFetcher(Options{}, newResolver(), srv).Fetch(ctx, srv.URL+"/")
	if !strings.Contains(r.Error, "ยกเลิก") {
		t.Errorf("error = %q, want the cancellation", r.Error)
	}
}

func TestFetchBadCertificate(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake failure is the point
	srv.StartTLS()
	t.Cleanup(srv.Close)
	r := NewFetcher(Options{AllowLoopback: true, AllowAnyPort: true}).Fetch(context.Background(), srv.URL+"/")
	wantFlags(t, r, FlagUnreachable)
	if !strings.Contains(r.Error, "TLS") {
		t.Errorf("error = %q, want the certificate named", r.Error)
	}
}

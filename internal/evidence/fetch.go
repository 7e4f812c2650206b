package evidence

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"time"
)

// DefaultUserAgent names ITAS to the sites it fetches, so that their operators know who asks.
const DefaultUserAgent = "ITAS-evidence/1.0 (open ITAS; OIT evidence capture for the NACC Integrity and Transparency Assessment)"

// Options configure a Fetcher. The zero value of each field means its default.
type Options struct {
	ConnectTimeout time.Duration // TCP connect, per address; default 5 s
	TLSTimeout     time.Duration // TLS handshake; default 5 s
	HeaderTimeout  time.Duration // from request sent to response headers; default 10 s
	FetchTimeout   time.Duration // the whole fetch: every redirect hop and the body; default 30 s
	MaxBody        int64         // bytes of a body read and hashed; default 10 MB
	MaxCopy        int64         // bytes of a body kept as the copy; default 5 MB
	MaxRedirects   int           // redirects followed; default 10
	PerHost        int           // requests to one host at a time; default 2
	HostGap        time.Duration // least time between request starts to one host; default 1 s
	UserAgent      string        // default DefaultUserAgent
	// AllowLoopback lets the fetcher connect to 127.0.0.0/8 and ::1. Tests only: never set it
	// in production, where it would let an agency's URL reach services on the ITAS host.
	AllowLoopback bool
	// AllowAnyPort lets URLs (and redirects) name any port; by default only 80 and 443 (and
	// none, meaning the scheme's own) are fetched. Tests only, whose sites listen on random
	// ports: in production it would let an agency's URL knock on any service of a host.
	AllowAnyPort bool
	// Resolver looks up host names; nil means net.DefaultResolver.
	Resolver Resolver
	// Now stamps FetchedAt; nil means time.Now.
	Now func() time.Time

	// allowAddr replaces the address check (tests in this package: it lets them treat one
	// local test server as a public address while every other address is judged as usual).
	allowAddr func(netip.AddrPort) error
	// allowPorts are ports allowed besides 80 and 443 (tests in this package: their local
	// servers' ports, while every other port is refused as in production).
	allowPorts map[string]bool
}

func (o Options) withDefaults() Options {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.ConnectTimeout, 5*time.Second)
	def(&o.TLSTimeout, 5*time.Second)
	def(&o.HeaderTimeout, 10*time.Second)
	def(&o.FetchTimeout, 30*time.Second)
	def(&o.HostGap, time.Second)
	if o.MaxBody <= 0 {
		o.MaxBody = 10 << 20
	}
	if o.MaxCopy <= 0 {
		o.MaxCopy = 5 << 20
	}
	o.MaxCopy = min(o.MaxCopy, o.MaxBody)
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Fetcher fetches evidence URLs safely and politely. Build it with NewFetcher; it is safe for
// concurrent use.
type Fetcher struct {
	o      Options
	client *http.Client
	hosts  *hostLimiter
}

// NewFetcher returns a fetcher with the given options.
func NewFetcher(o Options) *Fetcher {
	o = o.withDefaults()
	d := newDialer(o)
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would be the address connected to, defeating the check
		DialContext:            d.DialContext,
		TLSHandshakeTimeout:    o.TLSTimeout,
		ResponseHeaderTimeout:  o.HeaderTimeout,
		DisableKeepAlives:      true, // one fetch, a few hops: no pool of connections to keep
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
		TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
	}
	return &Fetcher{
		o:     o,
		hosts: newHostLimiter(o.PerHost, o.HostGap),
		client: &http.Client{
			Transport:     tr,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

// Fetch fetches rawURL once, following redirects itself, and returns what it found: Target,
// Reason and ID are left for the caller. The outcome flags (FlagUnreachable, FlagRefused,
// FlagNotFound, FlagCheck) are set; Judge adds the others. Fetch never fails: a failure is
// recorded in the Record. When ctx ends first, the record says so and callers that are
// shutting down should not keep it.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) Record {
	r := Record{URL: rawURL, FetchedAt: f.o.Now()}
	began := time.Now()
	defer func() { r.ElapsedMS = time.Since(began).Milliseconds() }()

	cur, err := f.checkURL(rawURL)
	if err != nil {
		r.Error = err.Error()
		r.addFlag(flagOfURLError(err))
		return r
	}
	// The first wait for a polite moment is not part of the fetch's time: a busy host delays a
	// fetch, it does not make it fail.
	release, err := f.hosts.acquire(ctx, cur.Host)
	if err != nil {
		f.failed(&r, cur, err)
		return r
	}
	ctx, cancel := context.WithTimeout(ctx, f.o.FetchTimeout)
	defer cancel()
	for hop := 0; ; hop++ {
		if hop > 0 {
			if release, err = f.hosts.acquire(ctx, cur.Host); err != nil {
				f.failed(&r, cur, err)
				return r
			}
		}
		res, err := f.do(ctx, cur)
		if err != nil {
			release()
			f.failed(&r, cur, err)
			return r
		}
		loc, isRedirect := redirectLocation(res)
		if !isRedirect {
			f.read(ctx, &r, cur, res)
			res.Body.Close()
			release()
			return r
		}
		_, _ = io.CopyN(io.Discard, res.Body, 64<<10)
		res.Body.Close()
		release()
		if hop == f.o.MaxRedirects {
			r.Status, r.FinalURL = res.StatusCode, cur.String()
			r.Error = fmt.Sprintf("ลิงก์เปลี่ยนเส้นทางเกิน %d ครั้ง", f.o.MaxRedirects)
			r.addFlag(FlagCheck)
			return r
		}
		r.Redirects = append(r.Redirects, cur.String())
		// Every hop passes the checks of the first URL: a redirect may not lead to another
		// scheme, to a user name or password, or to another port.
		next, err := f.checkURL(resolveLocation(cur, loc))
		if err != nil {
			r.Status, r.FinalURL = res.StatusCode, resolveLocation(cur, loc)
			r.Error = "ลิงก์เปลี่ยนเส้นทางไปยังที่อยู่ที่ระบบไม่เปิด: " + err.Error()
			r.addFlag(FlagCheck)
			return r
		}
		cur = next
	}
}

// do sends one GET for u.
func (f *Fetcher) do(ctx context.Context, u *url.URL) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.o.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8")
	req.Header.Set("Accept-Language", "th,en;q=0.5")
	return f.client.Do(req)
}

// read records the final response: status, type, body (up to MaxBody), hashes, title, copy.
func (f *Fetcher) read(ctx context.Context, r *Record, u *url.URL, res *http.Response) {
	r.Status, r.FinalURL = res.StatusCode, u.String()
	r.Type = res.Header.Get("Content-Type")
	body, err := io.ReadAll(io.LimitReader(res.Body, f.o.MaxBody+1))
	if int64(len(body)) > f.o.MaxBody {
		body, r.Truncated = body[:f.o.MaxBody], true
	}
	if err != nil {
		r.Error = "อ่านเนื้อหาได้ไม่ครบ: " + describe(ctx, err)
		r.Truncated = true
		r.addFlag(FlagCheck)
	}
	if r.Type == "" && len(body) > 0 {
		r.Type = http.DetectContentType(body)
	}
	r.Size = int64(len(body))
	r.Title, r.SHA256, r.TextSHA256 = Summarize(r.Type, body)
	if n := min(int64(len(body)), f.o.MaxCopy); n > 0 {
		r.Copy = append([]byte(nil), body[:n]...)
		r.HasCopy = true
	}
	r.addFlag(statusFlag(r.Status))
}

// failed records a fetch that got no response from u.
func (f *Fetcher) failed(r *Record, u *url.URL, err error) {
	r.FinalURL = u.String()
	if re := refusal(err); re != nil {
		r.Error = fmt.Sprintf("ระบบไม่เปิดลิงก์นี้: ที่อยู่ %s เป็นเครือข่ายภายในหรือที่อยู่สงวน", re.Addr)
		r.addFlag(FlagRefused)
		return
	}
	r.Error = describe(nil, err)
	r.addFlag(FlagUnreachable)
}

// describe says in Thai why a request failed.
func describe(ctx context.Context, err error) string {
	var dnsErr *net.DNSError
	var netErr net.Error
	var certErr *tls.CertificateVerificationError
	var hostErr x509.HostnameError
	var authErr x509.UnknownAuthorityError
	var invalidErr x509.CertificateInvalidError
	switch {
	case errors.Is(err, context.Canceled) || (ctx != nil && errors.Is(ctx.Err(), context.Canceled)):
		return "การดึงข้อมูลถูกยกเลิก"
	case errors.As(err, &dnsErr):
		return "ไม่พบชื่อโดเมนนี้ (DNS)"
	case errors.As(err, &certErr), errors.As(err, &hostErr), errors.As(err, &authErr), errors.As(err, &invalidErr):
		return "ใบรับรองความปลอดภัย (TLS) ของเว็บไซต์ไม่ถูกต้อง"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return "เว็บไซต์ไม่ตอบภายในเวลาที่กำหนด"
	default:
		return "เชื่อมต่อเว็บไซต์ไม่ได้"
	}
}

// redirectLocation returns the Location a redirect response points to and whether res is a
// redirect.
func redirectLocation(res *http.Response) (string, bool) {
	switch res.StatusCode {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
	default:
		return "", false
	}
	loc := res.Header.Get("Location")
	return loc, loc != ""
}

// resolveLocation returns loc resolved against the URL it came from, or loc itself when it
// cannot be read (checkURL then refuses it).
func resolveLocation(cur *url.URL, loc string) string {
	next, err := cur.Parse(loc)
	if err != nil {
		return loc
	}
	return next.String()
}

// urlError is why the fetcher will not request a URL, in Thai for the record.
type urlError struct {
	msg  string
	port bool // refused for its port alone: the page may well be there
}

func (e *urlError) Error() string { return e.msg }

// flagOfURLError is the flag of a URL the fetcher would not request: one on another port may
// be a working page that a person should open; anything else cannot be fetched at all.
func flagOfURLError(err error) Flag {
	if ue, ok := err.(*urlError); ok && ue.port {
		return FlagCheck
	}
	return FlagUnreachable
}

// checkURL parses an evidence URL, the first or any redirect's: absolute http or https, with
// a host, no user name or password, and on port 80 or 443 (or none: the scheme's own) unless
// the options allow others. Errors are *urlError.
func (f *Fetcher) checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	switch {
	case err != nil || u.Host == "" || u.Hostname() == "":
		return nil, &urlError{msg: "ลิงก์ไม่ถูกต้อง"}
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, &urlError{msg: "ระบบดึงได้เฉพาะลิงก์ http:// และ https://"}
	case u.User != nil:
		return nil, &urlError{msg: "ลิงก์ที่มีชื่อผู้ใช้หรือรหัสผ่านในตัวไม่ใช่ลิงก์สาธารณะ"}
	case !f.portAllowed(u.Port()):
		return nil, &urlError{msg: "ระบบดึงเฉพาะหน้าเว็บที่พอร์ตมาตรฐาน (80 หรือ 443) ลิงก์นี้ระบุพอร์ต " + u.Port() +
			" กรุณาเปิดตรวจด้วยตนเอง", port: true}
	}
	u.Fragment = ""
	return u, nil
}

// portAllowed reports whether a URL's port (as url.URL.Port gives it, "" for none) may be
// fetched.
func (f *Fetcher) portAllowed(port string) bool {
	switch {
	case port == "" || port == "80" || port == "443":
		return true
	case f.o.AllowAnyPort:
		return true
	}
	return f.o.allowPorts[port]
}

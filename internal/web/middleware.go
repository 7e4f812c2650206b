package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"runtime/debug"
	"strings"

	"github.com/openitas/itas/internal/apperr"
)

type ctxKey int

const (
	ctxRequestID ctxKey = iota
	ctxAuth
)

// requestID returns the id given to the request by withRequestLog, or "".
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(ctxRequestID).(string)
	return id
}

// newID returns n random bytes in hex.
func newID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	return hex.EncodeToString(b)
}

// statusRecorder remembers the status and size a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	size   int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.size += n
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// withRequestLog gives every request an id (echoed in X-Request-Id) and logs one line per
// request with its method, path, status, size and duration.
func (s *Server) withRequestLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := s.now()
		id := newID(8)
		w.Header().Set("X-Request-Id", id)
		rec := &statusRecorder{ResponseWriter: w}
		r = r.WithContext(context.WithValue(r.Context(), ctxRequestID, id))
		next.ServeHTTP(rec, r)
		attrs := []slog.Attr{
			slog.String("request_id", id),
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int("size", rec.size),
			slog.Duration("duration", s.now().Sub(start)),
			slog.String("remote", s.clientAddr(r)),
		}
		if a := authOf(r.Context()); a != nil {
			attrs = append(attrs, slog.String("user", a.Account.Username))
		}
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
	})
}

// withRecover turns a panic in a handler into a logged internal error and a 500 page, so that
// one bad request never takes the process down.
func (s *Server) withRecover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil || v == http.ErrAbortHandler {
				if v != nil {
					panic(v)
				}
				return
			}
			s.log.ErrorContext(r.Context(), "panic", slog.String("request_id", requestID(r.Context())),
				slog.Any("panic", v), slog.String("stack", string(debug.Stack())))
			s.renderError(w, r, apperr.Internal(fmt.Errorf("panic: %v", v)))
		}()
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy allows only the server's own origin: no inline script or style, no
// framing, no plugins. Logos are served from the same origin, so img-src needs nothing more.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
	"frame-ancestors 'none'"

// withSecurityHeaders sets the headers every response carries.
func (s *Server) withSecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// withCrossOriginProtection rejects cross-origin unsafe requests (CSRF) with the standard
// library's check of Sec-Fetch-Site and Origin; SameSite=Lax session cookies cover old
// browsers that send neither.
func (s *Server) withCrossOriginProtection(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, apperr.Forbidden("คำขอนี้มาจากเว็บไซต์อื่น ระบบจึงปฏิเสธเพื่อความปลอดภัย",
			"This request came from another site and was refused"))
	}))
	return cop.Handler(next)
}

// withRateLimit limits every client address to Config.RateLimit requests per second.
func (s *Server) withRateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.perAddr.allow(s.clientAddr(r)) {
			s.renderError(w, r, apperr.RateLimited("", ""))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// clientAddr returns the client's IP address. Behind a trusted proxy (Config.TrustProxy) it
// is the rightmost X-Forwarded-For entry: ITAS expects exactly one trusted proxy in front,
// which appends the address it saw to whatever the client sent, so only the last entry is
// the proxy's word — the entries before it are the client's and would let anyone choose the
// address the rate limits count. A missing or unreadable last entry, and any request without
// TrustProxy, give the connection's remote address.
func (s *Server) clientAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if ip, ok := lastForwardedFor(r.Header); ok {
			return ip
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// lastForwardedFor returns the last address of the X-Forwarded-For entries of h (a header
// may be repeated; entries are comma-separated within each), without any port, and whether
// it is an IP address.
func lastForwardedFor(h http.Header) (string, bool) {
	vs := h.Values("X-Forwarded-For")
	if len(vs) == 0 {
		return "", false
	}
	last := vs[len(vs)-1]
	if i := strings.LastIndexByte(last, ','); i >= 0 {
		last = last[i+1:]
	}
	last = strings.TrimSpace(last)
	ip, err := netip.ParseAddr(last)
	if err != nil {
		ap, perr := netip.ParseAddrPort(last) // a few proxies write address:port
		if perr != nil {
			return "", false
		}
		ip = ap.Addr()
	}
	return ip.Unmap().WithZone("").String(), true
}

// noStore marks a response as private and not to be cached; pages that show personal data or
// one-time passwords use it.
func noStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
}

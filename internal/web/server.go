// Package web serves the ITAS user interface and JSON API: routes, handlers, middleware,
// forms, templates and static assets. It holds no business rules of its own: it parses
// requests, asks the domain packages and the store, and renders the answer in Thai or English.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Config is the web server's configuration, built by the serve command from flags and the
// environment. The zero value of each field means its default.
type Config struct {
	// Addr is the TCP address to listen on; default 127.0.0.1:8080.
	Addr string
	// PublicURL is the scheme and host the public reaches ITAS at (https://itas.example.go.th),
	// printed in survey links, QR codes and posters. "" means the scheme and host of each
	// request, which behind a proxy or on an internal name is not what the public can open.
	PublicURL string
	// TrustProxy makes the server take the client address from the last X-Forwarded-For
	// entry. Set it only behind exactly one reverse proxy that appends the address it sees to
	// that header (nginx $proxy_add_x_forwarded_for); entries before it come from the client.
	TrustProxy bool
	// SecureCookies forces the Secure attribute on cookies even when the server itself sees
	// plain HTTP (TLS ended at a proxy). Cookies are always Secure on a TLS connection.
	SecureCookies bool
	// SessionIdle is how long a session lives without requests; default 30 minutes.
	SessionIdle time.Duration
	// SessionMax is how long a session lives at most after login; default 12 hours.
	SessionMax time.Duration
	// RatePerMinute is the request rate allowed per client address; default 600.
	RatePerMinute float64
	// LoginPerMinute is the login attempts allowed per address and per username; default 10.
	LoginPerMinute float64
	// SurveyPostsPerMinute is the public survey submissions (form steps and API calls) and
	// agency searches allowed per client address; default 120. It is generous because a whole
	// office of staff may answer the IIT from behind one address; a load test raises it.
	SurveyPostsPerMinute float64
	// ShutdownTimeout bounds graceful shutdown; default 10 seconds.
	ShutdownTimeout time.Duration
	// EvidenceAllowLoopback lets the OIT evidence fetcher connect to loopback addresses and
	// any port. Tests only (their sites run on 127.0.0.1, on random ports); the serve command
	// has no flag for it.
	EvidenceAllowLoopback bool
}

// withDefaults returns c with zero fields replaced by their defaults.
func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = "127.0.0.1:8080"
	}
	if c.SessionIdle == 0 {
		c.SessionIdle = 30 * time.Minute
	}
	if c.SessionMax == 0 {
		c.SessionMax = 12 * time.Hour
	}
	if c.RatePerMinute == 0 {
		c.RatePerMinute = 600
	}
	if c.LoginPerMinute == 0 {
		c.LoginPerMinute = 10
	}
	if c.SurveyPostsPerMinute == 0 {
		c.SurveyPostsPerMinute = 120
	}
	if c.ShutdownTimeout == 0 {
		c.ShutdownTimeout = 10 * time.Second
	}
	return c
}

// Server is the ITAS web server. Build it with New; it is safe for concurrent use.
type Server struct {
	cfg   Config
	store Store
	logos logoStore // nil when the store keeps no logos
	log   *slog.Logger
	now   func() time.Time
	// secret keys the respondent hashes and sealed values of the survey pages (survey.go).
	secret []byte
	kit    *surveyKit // hasher and forms shared by every survey path (survey_kit.go)

	assets    *assets
	templates map[Lang]map[string]*pageTemplate
	handler   http.Handler
	routes    []route

	perAddr    *limiter // every request, per client address
	loginAddr  *limiter // login attempts per client address
	loginUser  *limiter // login attempts per username
	perAccount *limiter // authenticated requests per account

	// evidence fetches OIT evidence URLs in the background (evidence.go); Run stops it.
	evidence *evidenceCapture
}

// Deps are what the server needs from the rest of the program.
type Deps struct {
	Store Store
	// Log receives structured logs; nil discards them.
	Log *slog.Logger
	// Now is the clock; nil means time.Now. Tests inject a fixed clock.
	Now func() time.Time
	// Secret keys the hash that stands in for a respondent's national ID (at least 32 bytes,
	// the same on every server and for the whole year); nil means a random one for this
	// process only, which suits tests but would let people answer again after a restart.
	Secret []byte
}

// New builds a server: it loads the static assets and parses every template, failing fast on
// any error, and builds the route table.
func New(cfg Config, deps Deps) (*Server, error) {
	if deps.Store == nil {
		return nil, errors.New("web.New: no store")
	}
	s := &Server{cfg: cfg.withDefaults(), store: deps.Store, log: deps.Log, now: deps.Now, secret: deps.Secret}
	if err := s.cfg.checkPublicURL(); err != nil {
		return nil, fmt.Errorf("web.New: %w", err)
	}
	s.logos, _ = deps.Store.(logoStore)
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.evidence = s.newEvidenceCapture()
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("web.New: %w", err)
	}
	if s.templates, err = s.parseTemplates(); err != nil {
		return nil, fmt.Errorf("web.New: %w", err)
	}
	s.perAddr = newLimiter(s.cfg.RatePerMinute, int(s.cfg.RatePerMinute/6)+1, s.now)
	s.loginAddr = newLimiter(s.cfg.LoginPerMinute, int(s.cfg.LoginPerMinute), s.now)
	s.loginUser = newLimiter(s.cfg.LoginPerMinute/2, int(s.cfg.LoginPerMinute/2)+1, s.now)
	s.perAccount = newLimiter(s.cfg.RatePerMinute, int(s.cfg.RatePerMinute/6)+1, s.now)
	s.routes = s.routeTable()
	s.handler = s.buildHandler()
	return s, nil
}

// ServeHTTP serves a request through the middleware chain and the route table.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// buildHandler wires the middleware around the mux: outermost first.
func (s *Server) buildHandler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		mux.Handle(rt.pattern, s.adapt(rt))
	}
	mux.Handle("/", s.adapt(route{pattern: "/", access: public, h: s.notFound}))
	var h http.Handler = mux
	h = s.withSession(h)
	h = s.withCrossOriginProtection(h)
	h = s.withRateLimit(h)
	h = s.withSecurityHeaders(h)
	h = s.withRecover(h)
	h = s.withRequestLog(h)
	return h
}

// Run listens on Config.Addr and serves until ctx is cancelled, then shuts down gracefully,
// waiting up to Config.ShutdownTimeout for requests in flight. ready, if not nil, is called
// with the bound address once the server listens.
func (s *Server) Run(ctx context.Context, ready func(addr string)) error {
	defer s.evidence.stop()
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("web.Run: %w", err)
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if sw, ok := s.store.(sessionSweeper); ok {
		go s.sweepSessions(ctx, sw)
	}
	if m, ok := s.store.(surveyMixer); ok {
		go s.mixSurveys(ctx, m)
	}
	select {
	case err := <-errc:
		return fmt.Errorf("web.Run: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("web.Run: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("web.Run: %w", err)
	}
	return nil
}

// sweepEvery is how often Run removes expired sessions.
const sweepEvery = 10 * time.Minute

// sweepSessions removes expired sessions every sweepEvery until ctx ends.
func (s *Server) sweepSessions(ctx context.Context, sw sessionSweeper) {
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := sw.DeleteExpiredSessions(ctx)
			if err != nil {
				s.log.Error("removing expired sessions", "error", err.Error())
			} else if n > 0 {
				s.log.Info("removed expired sessions", "count", n)
			}
		}
	}
}

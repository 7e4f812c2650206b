// Package loadgen measures the survey collection path under a deadline rush: it prepares a
// database with an open year and agencies' IIT links, starts the real web server on loopback,
// posts complete IIT responses from many concurrent clients, and measures in the same run the
// raw rate at which the store alone inserts the same rows (the ceiling). `itas loadgen` and
// scripts/bench-survey.sh run it; the crash-durability test uses its setup and bodies.
package loadgen

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx", for postgresSettings

	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/web"
)

// Options configure a run. Zero values mean the defaults noted.
type Options struct {
	// DSN is a PostgreSQL URL; the run then works in a fresh schema of that database and drops
	// it at the end. "" means a throwaway SQLite database in a temporary directory.
	DSN string
	// Agencies is how many agencies (each with an IIT link) the responses go to; default 200.
	Agencies int
	// Clients lists the concurrency levels, run in order; default 50 and 500.
	Clients []int
	// Rate, when positive, runs each level a second time with the clients paced to offer
	// Rate responses per second together, for the latency at that load: flat out, latency is
	// mostly the queue that many clients without pause make (clients / rate). Negative means
	// no paced runs; 0 means the default, TargetPerSecond.
	Rate float64
	// Warmup runs before each measured window and is not counted; default 2 s.
	Warmup time.Duration
	// Duration is each level's measured window; default 10 s.
	Duration time.Duration
	// CeilingDuration is how long each ceiling is measured; default 3 s.
	CeilingDuration time.Duration
	// BatchSize is the rows per InsertResponsesRaw call of the batch ceiling; default 1000.
	BatchSize int
	// SubmitWorkers is the goroutines of the SubmitResponse ceiling; default the largest level.
	SubmitWorkers int
	// PerAddressLimit is the per-address request and survey-post limit (per minute) given to
	// the server; default 1,000,000, far above what one client sends.
	PerAddressLimit float64
	// Progress receives a line as each step starts; nil discards them.
	Progress io.Writer
}

func (o Options) withDefaults() Options {
	if o.Agencies == 0 {
		o.Agencies = 200
	}
	if len(o.Clients) == 0 {
		o.Clients = []int{50, 500}
	}
	if o.Warmup == 0 {
		o.Warmup = 2 * time.Second
	}
	if o.Duration == 0 {
		o.Duration = 10 * time.Second
	}
	if o.CeilingDuration == 0 {
		o.CeilingDuration = 3 * time.Second
	}
	if o.BatchSize == 0 {
		o.BatchSize = 1000
	}
	if o.SubmitWorkers == 0 {
		o.SubmitWorkers = maxOf(o.Clients)
	}
	if o.Rate == 0 {
		o.Rate = TargetPerSecond
	}
	if o.PerAddressLimit == 0 {
		o.PerAddressLimit = 1e6
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	return o
}

func maxOf(xs []int) int {
	m := 0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// Run prepares a fresh database, measures the ceilings and then every concurrency level, and
// returns the report. The database is removed (SQLite) or its schema dropped (PostgreSQL) at
// the end.
func Run(ctx context.Context, o Options) (rep *Report, err error) {
	o = o.withDefaults()
	for _, c := range o.Clients {
		if c < 1 {
			return nil, fmt.Errorf("loadgen: %d clients", c)
		}
	}
	db, err := openDatabase(ctx, o.DSN)
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := db.close(); err == nil {
			err = cerr
		}
	}()
	st := db.st
	fmt.Fprintf(o.Progress, "setting up %d agencies with IIT links on %s\n", o.Agencies, db.where)
	target, err := Setup(ctx, st, o.Agencies, time.Now())
	if err != nil {
		return nil, err
	}
	bodies, err := NewBodies(target.Form, 64, 1)
	if err != nil {
		return nil, err
	}
	rep = newReport(o, db.where, target, bodies)
	var ids atomic.Uint64

	fmt.Fprintf(o.Progress, "ceiling: InsertResponsesRaw in batches of %d\n", o.BatchSize)
	c, err := newCeiling(st, target, bodies, &ids)
	if err != nil {
		return nil, err
	}
	if err := c.batches(ctx, o.BatchSize, o.CeilingDuration, &rep.Ceiling); err != nil {
		return nil, err
	}
	fmt.Fprintf(o.Progress, "ceiling: SubmitResponse from %d goroutines\n", o.SubmitWorkers)
	if err := c.submits(ctx, o.SubmitWorkers, min(o.Warmup, time.Second), o.CeilingDuration, &rep.Ceiling); err != nil {
		return nil, err
	}

	host, stop, err := startServer(ctx, st, o.PerAddressLimit)
	if err != nil {
		return nil, err
	}
	defer stop()
	load := &httpLoad{host: host, target: target, bodies: bodies, ids: &ids}
	for _, clients := range o.Clients {
		rates := []float64{0}
		if o.Rate > 0 {
			rates = append(rates, o.Rate)
		}
		for _, rate := range rates {
			fmt.Fprintf(o.Progress, "HTTP: %d clients %s, %s warm-up, %s measured\n", clients, offered(rate), o.Warmup, o.Duration)
			rep.Levels = append(rep.Levels, load.run(ctx, clients, rate, o.Warmup, o.Duration))
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	rep.finish()
	return rep, nil
}

// database is the run's throwaway database.
type database struct {
	st    *store.Store
	where string
	close func() error
}

// openDatabase opens and migrates a fresh database: a SQLite file in a new temporary
// directory, or a new schema in the PostgreSQL database dsn names.
func openDatabase(ctx context.Context, dsn string) (*database, error) {
	var (
		where   string
		cleanup func() error
	)
	if dsn == "" {
		dir, err := os.MkdirTemp("", "itas-loadgen-")
		if err != nil {
			return nil, fmt.Errorf("loadgen: %w", err)
		}
		dsn = filepath.Join(dir, "itas.db")
		where = "SQLite " + dsn
		cleanup = func() error { return os.RemoveAll(dir) }
	} else {
		schemaDSN, drop, err := store.NewPostgresSchema(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("loadgen: %w", err)
		}
		dsn, where = schemaDSN, "PostgreSQL "+postgresSettings(ctx, dsn)+
			"; a fresh schema, dropped afterwards; CPU per response counts this process only, not PostgreSQL's"
		cleanup = func() error { return drop(context.Background()) }
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, errors.Join(err, cleanup())
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, errors.Join(err, cleanup())
	}
	return &database{st: st, where: where, close: func() error {
		return errors.Join(st.Close(), cleanup())
	}}, nil
}

// postgresSettings describes what makes a PostgreSQL commit durable on the server dsn names:
// its version, fsync and synchronous_commit (the store asks for synchronous commits of
// responses whatever the default). A test cluster with fsync off flushes nothing to disk, so
// its figures are an upper bound.
func postgresSettings(ctx context.Context, dsn string) string {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return "(settings unknown)"
	}
	defer db.Close()
	var version, fsync, syncCommit string
	err = db.QueryRowContext(ctx, `SELECT current_setting('server_version'), current_setting('fsync'),
		current_setting('synchronous_commit')`).Scan(&version, &fsync, &syncCommit)
	if err != nil {
		return "(settings unknown)"
	}
	return fmt.Sprintf("%s (fsync=%s; synchronous_commit=%s by default, on for responses)", version, fsync, syncCommit)
}

// startServer starts the web server, with the middleware of `itas serve`, on a free loopback
// port, and returns its address (host:port) and a function that stops it. The server trusts
// X-Forwarded-For, as behind the reverse proxy of a deployment, so that each client is its own
// address; its request log is formatted as serve's and discarded.
func startServer(ctx context.Context, st *store.Store, perAddr float64) (string, func(), error) {
	secret := make([]byte, survey.MinSecretBytes)
	_, _ = rand.Read(secret)
	cfg := web.Config{
		Addr: "127.0.0.1:0", TrustProxy: true,
		RatePerMinute: perAddr, SurveyPostsPerMinute: perAddr,
	}
	log := slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo}))
	srv, err := web.New(cfg, web.Deps{Store: st, Log: log, Secret: secret})
	if err != nil {
		return "", nil, fmt.Errorf("loadgen: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, func(addr string) { ready <- addr }) }()
	select {
	case addr := <-ready:
		return addr, func() { cancel(); <-done }, nil
	case err := <-done:
		cancel()
		return "", nil, fmt.Errorf("loadgen: server: %w", err)
	}
}

// loadAverage returns the first three fields of /proc/loadavg, or "" where there is none.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// cpus describes the processor budget of the run.
func cpus() string {
	return fmt.Sprintf("%d CPUs, GOMAXPROCS %d", runtime.NumCPU(), runtime.GOMAXPROCS(0))
}

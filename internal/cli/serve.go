package cli

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/web"
)

func init() {
	register("serve", "serve the web UI and JSON API", runServe)
	register("migrate", "apply the database migrations and exit", runMigrate)
}

const serveUsage = `serve [--addr 127.0.0.1:8080] [--data ./itas-data | --db postgres://…] [--secret-file FILE]
      [--public-url https://itas.example.go.th] [--demo]

With no --db (and no ITAS_DB) the data live in an embedded SQLite database in the --data
directory, created if missing. Migrations run on start.

The server secret keys the hash that stands in for survey respondents' national IDs. With
SQLite it is --secret-file (or ITAS_SECRET_FILE), else <data>/secret.key, created on first
start. With PostgreSQL a secret file is required: every server must hash with the same secret.

--public-url (or ITAS_PUBLIC_URL) is the address printed in survey links, QR codes and posters.
Set it in production: without it they carry the host each request names, which behind a
proxy or on an internal name is not an address the public can open.`

// dbOptions are the database flags shared by serve and migrate.
type dbOptions struct {
	data string
	dsn  string
}

func (o *dbOptions) flags(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&o.data, "data", "./itas-data", "data directory of the embedded SQLite database")
	fs.StringVar(&o.dsn, "db", os.Getenv("ITAS_DB"), "PostgreSQL URL postgres://… (default $ITAS_DB); overrides --data")
}

// open opens and migrates the database the options name, creating the data directory for
// SQLite. It returns a description of the database for the start-up message.
func (o *dbOptions) open(ctx context.Context, log *slog.Logger) (*store.Store, string, error) {
	dsn, where := o.dsn, ""
	if dsn == "" {
		if err := os.MkdirAll(o.data, 0o750); err != nil {
			return nil, "", fmt.Errorf("data directory: %w", err)
		}
		dsn = filepath.Join(o.data, "itas.db")
		where = "SQLite " + dsn
	} else {
		where = "PostgreSQL"
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, "", err
	}
	applied, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, "", err
	}
	if len(applied) > 0 {
		log.Info("migrations applied", "migrations", strings.Join(applied, ", "))
	}
	return st, where, nil
}

// newLogger returns the JSON structured logger of the server, on w.
func newLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

func runServe(ctx context.Context, env Env, args []string) error {
	var (
		o          dbOptions
		cfg        web.Config
		loadDemo   bool
		trustProxy bool
		secretFile string
	)
	fs := newFlags(env, "serve", serveUsage)
	fs.StringVar(&cfg.Addr, "addr", envOr("ITAS_ADDR", "127.0.0.1:8080"), "address to listen on (default $ITAS_ADDR)")
	o.flags(fs)
	fs.BoolVar(&loadDemo, "demo", false, "on an empty database, load a demo year with demo accounts")
	fs.StringVar(&secretFile, "secret-file", os.Getenv("ITAS_SECRET_FILE"), "file of the server secret, at least 32 bytes (default $ITAS_SECRET_FILE; with SQLite <data>/secret.key)")
	fs.StringVar(&cfg.PublicURL, "public-url", os.Getenv("ITAS_PUBLIC_URL"), "scheme and host the public reaches ITAS at, printed in survey links, QR codes and posters (default $ITAS_PUBLIC_URL; none: each request's own)")
	fs.BoolVar(&trustProxy, "trust-proxy", false, "take client addresses from the last X-Forwarded-For entry (behind exactly one reverse proxy that appends to it)")
	fs.BoolVar(&cfg.SecureCookies, "secure-cookies", false, "mark cookies Secure even on plain HTTP (TLS ends at a proxy)")
	fs.DurationVar(&cfg.SessionIdle, "session-idle", 30*time.Minute, "session idle timeout")
	fs.DurationVar(&cfg.SessionMax, "session-max", 12*time.Hour, "session absolute lifetime")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	cfg.TrustProxy = trustProxy
	log := newLogger(env.Stderr)
	secret, err := loadSecret(secretFile, o, log)
	if err != nil {
		return err
	}
	st, where, err := o.open(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	var accounts []demo.Login
	if loadDemo {
		accounts, err = demo.Load(ctx, st, time.Now())
		if err != nil {
			return err
		}
	}
	srv, err := web.New(cfg, web.Deps{Store: st, Log: log, Secret: secret})
	if err != nil {
		return err
	}
	return srv.Run(ctx, func(addr string) {
		fmt.Fprintf(env.Stdout, "ITAS is serving on http://%s (%s)\n", addr, where)
		if loadDemo {
			printDemo(env.Stdout, accounts)
		}
	})
}

// printDemo lists the demo accounts, or says that the database was not empty.
func printDemo(w io.Writer, accounts []demo.Login) {
	if len(accounts) == 0 {
		fmt.Fprintln(w, "Demo: the database was not empty, so no demo data were loaded.")
		return
	}
	fmt.Fprintln(w, "Demo accounts (demo passwords; for trying the system only):")
	for _, a := range accounts {
		fmt.Fprintf(w, "  %-12s %-16s %-18s %s\n", a.Username, a.Password, a.Role, a.Note)
	}
}

func runMigrate(ctx context.Context, env Env, args []string) error {
	var o dbOptions
	fs := newFlags(env, "migrate", "migrate [--data ./itas-data | --db postgres://…]")
	o.flags(fs)
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	st, where, err := o.open(ctx, newLogger(env.Stderr))
	if err != nil {
		return err
	}
	defer st.Close()
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: schema version %d\n", where, v)
	return nil
}

// envOr returns the environment variable name, or def when it is empty.
func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// loadSecret returns the server secret: the bytes of secretFile when given; otherwise, for
// SQLite, <data>/secret.key, created with 32 random bytes (mode 0600) on first start and read
// on every later one. PostgreSQL needs the file: servers that share a database must share the
// secret, or the same national ID would hash differently on each and could answer twice, and a
// secret made on one machine's disk would be lost with it.
func loadSecret(secretFile string, o dbOptions, log *slog.Logger) ([]byte, error) {
	if secretFile == "" && o.dsn != "" {
		return nil, usageError("with PostgreSQL, give --secret-file (or ITAS_SECRET_FILE): every server must use the same secret")
	}
	if secretFile == "" {
		secretFile = filepath.Join(o.data, "secret.key")
		if err := os.MkdirAll(o.data, 0o750); err != nil {
			return nil, fmt.Errorf("data directory: %w", err)
		}
		b := make([]byte, survey.MinSecretBytes)
		_, _ = rand.Read(b)
		f, err := os.OpenFile(secretFile, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		switch {
		case err == nil:
			// Synced, file and directory, before any response is hashed with it: a secret
			// lost in a power cut would let everyone answer a second time.
			_, werr := f.Write(b)
			if werr == nil {
				werr = f.Sync()
			}
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr == nil {
				werr = syncDir(o.data)
			}
			if werr != nil {
				os.Remove(secretFile)
				return nil, fmt.Errorf("server secret: %w", werr)
			}
			log.Info("created the server secret", "file", secretFile)
		case !errors.Is(err, fs.ErrExist):
			return nil, fmt.Errorf("server secret: %w", err)
		}
	}
	secret, err := os.ReadFile(secretFile)
	if err != nil {
		return nil, fmt.Errorf("server secret: %w", err)
	}
	if len(secret) < survey.MinSecretBytes {
		return nil, fmt.Errorf("server secret %s: %d bytes, need at least %d", secretFile, len(secret), survey.MinSecretBytes)
	}
	if st, err := os.Stat(secretFile); err == nil && st.Mode().Perm()&0o077 != 0 {
		log.Warn("the server secret can be read by other users; chmod 600 it", "file", secretFile)
	}
	return secret, nil
}

// syncDir makes the creation of a file in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

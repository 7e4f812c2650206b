package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestServeDemo starts `itas serve --demo` on a free port with a fresh data directory, checks
// that it prints the demo accounts and answers /healthz and the login page, then stops it by
// cancelling its context.
func TestServeDemo(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, Env{Stdout: &out, Stderr: io.Discard},
			[]string{"--addr", "127.0.0.1:0", "--data", dir, "--db", "", "--demo"})
	}()
	addrRE := regexp.MustCompile(`serving on (http://127\.0\.0\.1:\d+)`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); {
		if m := addrRE.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	if base == "" {
		t.Fatalf("serve printed no address:\n%s", out.String())
	}
	for _, want := range []string{"admin", "a6801901", "Demo-2563-itas", "supervisor"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the start-up message lacks %q", want)
		}
	}
	for _, path := range []string{"/healthz", "/login"} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("GET %s: status %d", path, res.StatusCode)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
}

// TestMigrate runs `itas migrate` twice on a fresh data directory.
func TestMigrate(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 2; i++ {
		var out bytes.Buffer
		if err := runMigrate(context.Background(), Env{Stdout: &out, Stderr: io.Discard}, []string{"--data", dir, "--db", ""}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "schema version") {
			t.Errorf("migrate printed %q", out.String())
		}
	}
}

package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openitas/itas/internal/loadgen"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/survey"
)

// TestCrashKeepsAcknowledgedResponses is the durability promise of the survey path: a
// response is acknowledged (201) only once it is committed, so a server killed with SIGKILL
// in the middle of a load run has, after a restart on the same data, every response it
// acknowledged. The test builds the real binary, serves a fresh data directory with an open
// IIT, posts complete responses from several clients, kills the process mid-run, restarts it
// and re-submits every acknowledged national ID: each must answer 409 "already answered"
// (presence checked without linking an ID to its answers), and the database must hold at least
// as many responses as were acknowledged, and no more than were sent.
func TestCrashKeepsAcknowledgedResponses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the itas binary")
	}
	bin := buildItas(t)
	t.Run("SQLite", func(t *testing.T) {
		data := filepath.Join(t.TempDir(), "data")
		crashRun(t, bin, filepath.Join(data, "itas.db"), []string{"--data", data, "--db", ""})
	})
	t.Run("PostgreSQL", func(t *testing.T) {
		dsn := os.Getenv("ITAS_TEST_PG")
		if dsn == "" {
			if os.Getenv("CI") == "true" {
				t.Fatal("ITAS_TEST_PG is not set; CI=true, so this is a failure, not a skip")
			}
			t.Skip("ITAS_TEST_PG is not set: no PostgreSQL to test against")
		}
		ctx := context.Background()
		schemaDSN, drop, err := store.NewPostgresSchema(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { drop(context.Background()) })
		secret := filepath.Join(t.TempDir(), "secret.key")
		if err := os.WriteFile(secret, bytes.Repeat([]byte("crash-test-secret"), 2), 0o600); err != nil {
			t.Fatal(err)
		}
		crashRun(t, bin, schemaDSN, []string{"--db", schemaDSN, "--secret-file", secret})
	})
}

// buildItas builds cmd/itas into a temporary directory.
func buildItas(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "itas")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/openitas/itas/cmd/itas")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashRun prepares the database dsn names, serves it with args, kills the server under load,
// restarts it and checks every acknowledged response.
func crashRun(t *testing.T, bin, dsn string, args []string) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	target, err := loadgen.Setup(ctx, st, 4, time.Now())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	bodies, err := loadgen.NewBodies(target.Form, 8, 3)
	if err != nil {
		t.Fatal(err)
	}

	first := startItas(t, bin, args)
	p := &poster{base: first.base, target: target, bodies: bodies}
	const clients = 16
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() { defer wg.Done(); p.postUntilDown() }()
	}
	// Kill once responses are being acknowledged, so that commits are in flight.
	for deadline := time.Now().Add(20 * time.Second); p.acked() < 50; {
		if time.Now().After(deadline) {
			first.kill(t)
			wg.Wait()
			t.Fatalf("only %d responses acknowledged in 20 s; statuses %v", p.acked(), p.statuses)
		}
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond)
	first.kill(t)
	wg.Wait()
	acked, sent := p.ackedIDs(), p.sent.Load()
	t.Logf("before SIGKILL: %d acknowledged, %d sent, %d without an answer, other statuses %v",
		len(acked), sent, p.lost.Load(), p.statuses)
	if len(p.statuses) > 0 {
		t.Errorf("statuses other than 201 before the kill: %v", p.statuses)
	}

	second := startItas(t, bin, args)
	p2 := &poster{base: second.base, target: target, bodies: bodies}
	missing := p2.resubmit(t, acked)
	second.stop(t)
	if len(missing) > 0 {
		t.Errorf("%d of %d acknowledged responses were lost in the crash (re-submitting their IDs was accepted again), e.g. n=%v",
			len(missing), len(acked), missing[:min(5, len(missing))])
	}

	st, err = store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored := 0
	for _, code := range target.Agencies {
		rs, err := st.FindResponses(ctx, target.FiscalYear, code, survey.IIT)
		if err != nil {
			t.Fatal(err)
		}
		stored += len(rs)
	}
	if stored < len(acked) || uint64(stored) > sent {
		t.Errorf("%d responses stored; want at least the %d acknowledged and at most the %d sent", stored, len(acked), sent)
	}
}

// itasProcess is a running `itas serve`.
type itasProcess struct {
	cmd  *exec.Cmd
	base string
	done chan error
}

var servingRE = regexp.MustCompile(`serving on (http://127\.0\.0\.1:\d+)`)

// startItas starts `itas serve` with args on a free port and waits until it serves.
func startItas(t *testing.T, bin string, args []string) *itasProcess {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0", "--trust-proxy"}, args...)...)
	cmd.Env = append(os.Environ(), "ITAS_DB=", "ITAS_SECRET_FILE=", "ITAS_ADDR=")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &itasProcess{cmd: cmd, done: make(chan error, 1)}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := servingRE.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		io.Copy(io.Discard, out)
		p.done <- cmd.Wait()
	}()
	select {
	case p.base = <-found:
		t.Cleanup(func() { cmd.Process.Kill() })
		return p
	case err := <-p.done:
		t.Fatalf("itas serve ended before serving: %v\n%s", err, stderr.String())
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("itas serve did not start in 30 s\n%s", stderr.String())
	}
	return nil
}

// kill sends SIGKILL and waits for the process to end.
func (p *itasProcess) kill(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-p.done
}

// stop asks the server to stop gracefully (SIGINT) and waits for it.
func (p *itasProcess) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		t.Fatal("itas serve did not stop in 20 s after SIGINT")
	}
}

// poster posts complete IIT responses, each with a new national ID (number n) from a new
// address, as many phones would, and remembers which were acknowledged.
type poster struct {
	base   string
	target loadgen.Target
	bodies *loadgen.Bodies
	next   atomic.Uint64
	sent   atomic.Uint64 // requests sent, whatever came of them
	lost   atomic.Uint64 // requests that got no answer

	mu       sync.Mutex
	ackedN   []uint64
	statuses map[int]int // statuses other than 201
}

var crashClient = &http.Client{Timeout: 20 * time.Second}

// post sends response n and returns its status, or 0 when no answer came.
func (p *poster) post(n uint64) int {
	url := p.base + "/api/v1/s/" + p.target.Tokens[n%uint64(len(p.target.Tokens))] + "/responses"
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(p.bodies.Append(nil, n)))
	if err != nil {
		return 0
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", n>>16&255, n>>8&255, n&255))
	res, err := crashClient.Do(req)
	if err != nil {
		return 0
	}
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if err != nil {
		return 0 // the answer was cut off: not an acknowledgement
	}
	return res.StatusCode
}

// postUntilDown posts responses until the server stops answering.
func (p *poster) postUntilDown() {
	for {
		n := p.next.Add(1) - 1
		p.sent.Add(1)
		status := p.post(n)
		p.mu.Lock()
		switch status {
		case 0:
			p.mu.Unlock()
			p.lost.Add(1)
			return
		case http.StatusCreated:
			p.ackedN = append(p.ackedN, n)
		default:
			if p.statuses == nil {
				p.statuses = map[int]int{}
			}
			p.statuses[status]++
		}
		p.mu.Unlock()
	}
}

func (p *poster) acked() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.ackedN)
}

func (p *poster) ackedIDs() []uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]uint64(nil), p.ackedN...)
}

// resubmit posts each response again from 8 clients and returns those not answered 409.
func (p *poster) resubmit(t *testing.T, ns []uint64) []uint64 {
	var (
		mu      sync.Mutex
		missing []uint64
		wg      sync.WaitGroup
		next    atomic.Int64
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1) - 1; i < int64(len(ns)); i = next.Add(1) - 1 {
				if status := p.post(ns[i]); status != http.StatusConflict {
					if status != http.StatusCreated {
						t.Errorf("re-submitting response %d: status %d, want 409", ns[i], status)
					}
					mu.Lock()
					missing = append(missing, ns[i])
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return missing
}

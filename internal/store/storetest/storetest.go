// Package storetest is the conformance suite every database behind
// store.Store must pass: the same behaviour on SQLite and PostgreSQL.
//
// A driver test calls Run with a function that opens a fresh, empty,
// migrated store on its engine; the suite replaces the store's clock.
package storetest

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/store"
)

// Opener returns a fresh, empty, migrated store, closed by the test's
// cleanup.
type Opener func(tb testing.TB) *store.Store

// Run runs the whole suite, each behaviour in its own subtest with its
// own store.
func Run(t *testing.T, open Opener) {
	groups := []struct {
		name  string
		tests []test
	}{
		{"Migrations", migrationTests},
		{"Agencies", agencyTests},
		{"Import", importTests},
		{"Logos", logoTests},
		{"Search", searchTests},
		{"Accounts", accountTests},
		{"Sessions", sessionTests},
		{"Years", yearTests},
		{"Audit", auditTests},
		{"Stakeholders", stakeholderTests},
		{"Surveys", surveyTests},
		{"Tracking", trackingTests},
		{"OIT", oitTests},
		{"Evidence", evidenceTests},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			for _, tt := range g.tests {
				t.Run(tt.name, func(t *testing.T) {
					s := open(t)
					clock := NewClock(Epoch)
					s.Now = clock.Now
					tt.run(t, &env{s: s, clock: clock, ctx: context.Background()})
				})
			}
		})
	}
}

// test is one behaviour.
type test struct {
	name string
	run  func(t *testing.T, e *env)
}

// env is what a behaviour works with.
type env struct {
	s     *store.Store
	clock *Clock
	ctx   context.Context
}

// Epoch is the suite's starting time: 1 March 2020 (BE 2563), 09:00 in
// Bangkok.
var Epoch = time.Date(2020, 3, 1, 2, 0, 0, 0, time.UTC)

// Clock is a settable clock for tests.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock standing at t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// by is the audit template of the suite's acting central admin.
var by = audit.By("nacc.admin", "central_admin", "192.0.2.1")

// wantCode fails t unless err has the code want.
func wantCode(t *testing.T, err error, want apperr.Code) {
	t.Helper()
	if got := apperr.CodeOf(err); got != want {
		t.Fatalf("error code = %q (err: %v), want %q", got, err, want)
	}
}

// must fails t if err is not nil.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

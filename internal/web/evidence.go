package web

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/evidence"
)

// The evidence pool's size: evidenceWorkers fetches at a time (each also bounded per host by
// the fetcher), and up to evidenceQueue waiting. One executive confirming all 43 items of
// 2563 with two URLs each queues 86 fetches; a full queue drops new ones with a warning
// rather than hold up a page.
const (
	evidenceWorkers = 8
	evidenceQueue   = 2000
)

// evidenceRefetchAfter is how soon the same URL of the same answer is fetched again for a
// save or an assessor opening the item: drafts save as the admin types and assessors reopen
// items, and neither needs a fetch a minute. Confirmations and clarification replies are
// always fetched: each one is the record of what the agency submitted.
const evidenceRefetchAfter = 5 * time.Minute

// evidenceCapture fetches evidence URLs in the background and records what it finds.
type evidenceCapture struct {
	store   evidenceStore
	agency  agencyStore
	fetcher *evidence.Fetcher
	pool    *evidence.Pool
	log     *slog.Logger
	now     func() time.Time

	mu      sync.Mutex
	pending map[evidenceJob]bool // queued or running, so that the same fetch is not queued twice
}

// evidenceJob is one fetch to make.
type evidenceJob struct {
	target evidence.Target
	url    string
	reason evidence.Reason
}

// testResolver, when not nil, looks up host names for the evidence fetcher instead of DNS.
// The package's tests set it so that answers saved with the demo's real agency URLs never
// send a test out to the internet; production leaves it nil.
var testResolver evidence.Resolver

// newEvidenceCapture builds the server's evidence capture. Its workers start with the first
// fetch and stop with Run.
func (s *Server) newEvidenceCapture() *evidenceCapture {
	// Tests' sites run on loopback at random ports: the one switch allows both.
	o := evidence.Options{AllowLoopback: s.cfg.EvidenceAllowLoopback, AllowAnyPort: s.cfg.EvidenceAllowLoopback, Now: s.now}
	if testResolver != nil {
		o.Resolver = testResolver
	}
	return &evidenceCapture{
		store:   s.store,
		agency:  s.store,
		fetcher: evidence.NewFetcher(o),
		pool:    evidence.NewPool(evidenceWorkers, evidenceQueue, s.log),
		log:     s.log,
		now:     s.now,
		pending: map[evidenceJob]bool{},
	}
}

// stop cancels the fetches under way and waits for the workers.
func (c *evidenceCapture) stop() { c.pool.Stop() }

// captureEvidence queues a fetch of every URL given for an OIT answer, for the reason given;
// it returns at once and never waits on the network (the fetches run in the background with
// bounded concurrency). Blank and repeated URLs are skipped, and so is a fetch already queued.
func (s *Server) captureEvidence(ctx context.Context, t evidence.Target, urls []string, reason evidence.Reason) {
	c := s.evidence
	seen := map[string]bool{}
	for _, u := range urls {
		u = strings.TrimSpace(u)
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		job := evidenceJob{target: t, url: u, reason: reason}
		if !c.claim(job) {
			continue
		}
		if !c.pool.Submit(func(ctx context.Context) { c.run(ctx, job) }) {
			c.release(job)
			c.log.WarnContext(ctx, "evidence queue full: fetch dropped", "agency", t.AgencyCode,
				"year", t.FiscalYear, "item", t.ItemID, "url", u, "reason", string(reason))
		}
	}
}

// evidenceHistory returns every fetch recorded for an OIT answer, newest first.
func (s *Server) evidenceHistory(ctx context.Context, t evidence.Target) ([]evidence.Record, error) {
	return s.store.EvidenceHistory(ctx, t)
}

// claim marks job as pending and reports whether it was not already.
func (c *evidenceCapture) claim(job evidenceJob) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending[job] {
		return false
	}
	c.pending[job] = true
	return true
}

func (c *evidenceCapture) release(job evidenceJob) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, job)
}

// run fetches one URL, judges it against the agency's website and what the agency submitted,
// and records it. Failures to record are logged: nobody waits for the answer.
func (c *evidenceCapture) run(ctx context.Context, job evidenceJob) {
	defer c.release(job)
	log := c.log.With("agency", job.target.AgencyCode, "year", job.target.FiscalYear, "item", job.target.ItemID, "url", job.url)
	if recent, err := c.fetchedRecently(ctx, job); err != nil {
		log.ErrorContext(ctx, "evidence history", "error", err.Error())
		return
	} else if recent {
		return
	}
	rec := c.fetcher.Fetch(ctx, job.url)
	if ctx.Err() != nil {
		return // shutting down: a cancelled fetch says nothing about the site
	}
	rec.Target, rec.Reason = job.target, job.reason
	var website string
	if ag, err := c.agency.FindAgencyByCode(ctx, job.target.AgencyCode); err == nil {
		website = ag.Website
	} else {
		log.ErrorContext(ctx, "evidence agency", "error", err.Error())
	}
	var baseline *evidence.Record
	if b, err := c.store.LatestSubmittedEvidence(ctx, job.target, job.url); err == nil {
		baseline = &b
	} else if apperr.CodeOf(err) != apperr.CodeNotFound {
		log.ErrorContext(ctx, "evidence baseline", "error", err.Error())
	}
	evidence.Judge(&rec, website, baseline)
	saved, err := c.store.SaveEvidence(ctx, rec)
	if err != nil {
		log.ErrorContext(ctx, "saving evidence", "error", err.Error())
		return
	}
	log.InfoContext(ctx, "evidence fetched", "id", saved.ID, "reason", string(job.reason), "status", saved.Status,
		"flags", saved.Flags, "elapsed_ms", saved.ElapsedMS)
}

// fetchedRecently reports whether a save or an opening may skip its fetch because the same
// URL was fetched for the same reason less than evidenceRefetchAfter ago.
func (c *evidenceCapture) fetchedRecently(ctx context.Context, job evidenceJob) (bool, error) {
	if job.reason.Submitted() {
		return false, nil
	}
	hist, err := c.store.EvidenceHistory(ctx, job.target)
	if err != nil {
		return false, err
	}
	for _, r := range hist {
		if r.URL == job.url && r.Reason == job.reason {
			return c.now().Sub(r.FetchedAt) < evidenceRefetchAfter, nil
		}
	}
	return false, nil
}

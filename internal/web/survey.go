package web

import (
	"context"
	"sync"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/survey"
)

// surveys holds what the survey pages keep between requests: the server's survey kit (the
// respondent hasher and the forms, shared with the assessors' entry), the sealer keyed by the
// server secret, a short-lived cache of link tokens, and the public limiter. surveyRoutes
// builds it once, in New.
type surveys struct {
	*Server
	kit    *surveyKit
	hasher *survey.Hasher // kit.hasher
	seals  *sealer
	links  *linkCache
	public *limiter // public survey POSTs and agency searches, per client address
}

// newSurveys builds the survey pages' state.
func newSurveys(s *Server) *surveys {
	kit := s.surveyKit()
	if s.cfg.PublicURL == "" {
		s.log.Info("no public URL configured (--public-url): survey links, QR codes and posters take the scheme and host of each request")
	}
	perMin := s.cfg.SurveyPostsPerMinute
	return &surveys{
		Server: s,
		kit:    kit,
		hasher: kit.hasher,
		seals:  newSealer(kit.secret),
		links:  newLinkCache(linkCacheTTL),
		public: newLimiter(perMin, int(perMin/2)+1, s.now),
	}
}

// form returns the form of a survey in a framework year, built once.
func (h *surveys) form(frameworkYear int, sv string) (*survey.Form, error) {
	return h.kit.form(frameworkYear, sv)
}

// collectionPhase is the phase during which a survey's form is open.
func collectionPhase(sv string) assessment.Phase {
	if sv == survey.EIT {
		return assessment.PhaseEITCollection
	}
	return assessment.PhaseIITCollection
}

// resolved is what a respondent's request needs to know about its link, cached by token.
type resolved struct {
	link   survey.Link
	year   assessment.Year
	agency agency.Agency
}

// resolve returns what the token names: its link, the link's year and its agency, from the
// cache when it is fresh. Errors: NotFound for an unknown token.
func (h *surveys) resolve(ctx context.Context, token string) (resolved, error) {
	if rv, ok := h.links.get(token, h.now()); ok {
		return rv, nil
	}
	l, err := h.store.FindSurveyLink(ctx, token)
	if err != nil {
		return resolved{}, err
	}
	y, err := h.store.FindYear(ctx, l.FiscalYear)
	if err != nil {
		return resolved{}, err
	}
	ag, err := h.store.FindAgencyByCode(ctx, l.AgencyCode)
	if err != nil {
		return resolved{}, err
	}
	rv := resolved{link: l, year: y, agency: ag}
	h.links.put(token, rv, h.now())
	return rv, nil
}

// checkOpen is the phase lock of the respondent's path: the link's survey must be in its
// collection window. It reads the year from the link cache rather than through requirePhase,
// so that a submission costs no query beyond its own insert; a change of the timeline reaches
// it within linkCacheTTL.
func (h *surveys) checkOpen(rv resolved) error {
	return rv.year.CheckOpen(collectionPhase(rv.link.Survey), h.now())
}

// linkCacheTTL is how long a resolved token is trusted. Rotation on this server invalidates at
// once; on another server behind the same database the old token keeps working this long.
const linkCacheTTL = 10 * time.Second

// linkCacheMax bounds the cache; two live links per agency are about 17,000 entries.
const linkCacheMax = 50_000

// linkCache maps tokens to what they resolve to, for a short time.
type linkCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	entries map[string]cachedLink
}

type cachedLink struct {
	rv      resolved
	expires time.Time
}

func newLinkCache(ttl time.Duration) *linkCache {
	return &linkCache{ttl: ttl, entries: map[string]cachedLink{}}
}

func (c *linkCache) get(token string, now time.Time) (resolved, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[token]
	if !ok || now.After(e.expires) {
		return resolved{}, false
	}
	return e.rv, true
}

func (c *linkCache) put(token string, rv resolved, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= linkCacheMax {
		clear(c.entries) // rare: start again rather than track ages
	}
	c.entries[token] = cachedLink{rv: rv, expires: now.Add(c.ttl)}
}

// forget drops a token, after its link was rotated.
func (c *linkCache) forget(token string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, token)
}

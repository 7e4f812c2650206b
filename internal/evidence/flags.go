package evidence

import (
	"net/url"
	"strings"
)

// statusFlag returns the flag a final HTTP status earns, or "" for a 2xx: 404 and 410 say the
// page is gone; anything else (401, 403, 429, 5xx, a redirect that never ends…) is often a
// site refusing robots or a passing failure, which a person must look at in a browser before
// anyone calls the evidence broken.
func statusFlag(status int) Flag {
	switch {
	case status >= 200 && status < 300:
		return ""
	case status == 404 || status == 410:
		return FlagNotFound
	default:
		return FlagCheck
	}
}

// Judge adds to r the flags that need more than the fetch itself: FlagOffSite when r's URL or
// the URL it ended at is not on the agency's main website (manual, ข้อควรระวัง #8), and
// FlagChanged when r read a page whose content differs from baseline, the latest record of
// what the agency submitted (nil when there is none). An empty website (the registry has none)
// flags nothing off-site. A fetch that is itself a submission sets a new baseline and is
// never "changed"; a failed fetch is flagged for its failure rather than as a change.
func Judge(r *Record, website string, baseline *Record) {
	if site := siteHost(website); site != "" {
		if !onSite(r.URL, site) || (r.FinalURL != "" && !onSite(r.FinalURL, site)) {
			r.addFlag(FlagOffSite)
		}
	}
	if baseline != nil && baseline.ID != r.ID && !r.Reason.Submitted() && r.OK() && baseline.OK() &&
		r.TextSHA256 != baseline.TextSHA256 {
		r.addFlag(FlagChanged)
	}
}

// OnSite reports whether rawURL is on the agency website whose URL is website: the same host
// or a subdomain of it, with "www." ignored on the website's side, so that both
// https://energy.go.th/x and https://www.energy.go.th/x belong to https://www.energy.go.th.
// Ports and letter case do not matter.
func OnSite(rawURL, website string) bool {
	site := siteHost(website)
	return site != "" && onSite(rawURL, site)
}

func onSite(rawURL, site string) bool {
	h := hostOf(rawURL)
	return h != "" && (h == site || strings.HasSuffix(h, "."+site))
}

// siteHost returns the host of the website URL without a leading "www.", or "".
func siteHost(website string) string {
	h := hostOf(website)
	if !strings.Contains(website, "://") {
		h = hostOf("https://" + website)
	}
	if rest, ok := strings.CutPrefix(h, "www."); ok && strings.Contains(rest, ".") {
		h = rest
	}
	return h
}

// hostOf returns the lower-case host name of rawURL without port or trailing dot, or "".
func hostOf(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// addFlag adds f to r's flags once.
func (r *Record) addFlag(f Flag) {
	if f != "" && !r.Has(f) {
		r.Flags = append(r.Flags, f)
	}
}

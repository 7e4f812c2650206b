package evidence

import "github.com/openitas/itas/internal/agency"

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
// the URL it ended at is not on the agency's main website (manual, ข้อควรระวัง #8, by
// agency.OnWebsite's rule), and FlagChanged when r read a page whose content differs from
// baseline, the latest record of what the agency submitted (nil when there is none). A
// website with no host (the registry has none) flags nothing off-site. A fetch that is itself
// a submission sets a new baseline and is never "changed"; a failed fetch is flagged for its
// failure rather than as a change.
func Judge(r *Record, website string, baseline *Record) {
	if agency.HostOf(website) != "" {
		if !agency.OnWebsite(website, r.URL) || (r.FinalURL != "" && !agency.OnWebsite(website, r.FinalURL)) {
			r.addFlag(FlagOffSite)
		}
	}
	if baseline != nil && baseline.ID != r.ID && !r.Reason.Submitted() && r.OK() && baseline.OK() &&
		r.TextSHA256 != baseline.TextSHA256 {
		r.addFlag(FlagChanged)
	}
}

// addFlag adds f to r's flags once.
func (r *Record) addFlag(f Flag) {
	if f != "" && !r.Has(f) {
		r.Flags = append(r.Flags, f)
	}
}

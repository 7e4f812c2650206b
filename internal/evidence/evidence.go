// Package evidence fetches the URLs agencies give as OIT evidence and records what was there:
// status, redirect chain, final URL, content type, size, page title, SHA-256 of the body and a
// size-capped copy, with flags an assessor can act on (off the agency's website, unreachable,
// needs a person to check, changed since submission). It refuses private, loopback,
// link-local and metadata addresses, also after a redirect or a changed DNS answer.
package evidence

import "time"

// Reason says why a fetch was made; the history shows it.
type Reason string

// The moments at which ITAS captures evidence (issue: OIT evidence capture).
const (
	ReasonSaved     Reason = "saved"     // the agency admin saved the answer
	ReasonConfirmed Reason = "confirmed" // the executive confirmed the answers
	ReasonOpened    Reason = "opened"    // an assessor opened the item
	ReasonClarified Reason = "clarified" // the agency replied in the clarification round
)

// Target names the OIT answer a URL was given for.
type Target struct {
	FiscalYear int    `json:"fiscal_year"`
	AgencyCode string `json:"agency_code"`
	ItemID     string `json:"item_id"` // OIT item id of the framework, e.g. "o1"
}

// Record is the outcome of fetching one URL once: what the OIT screens show and what the
// store keeps. Records are never changed once saved. When HasCopy, the kept body downloads
// from /evidence/{ID}/copy. The JSON names are those of the API.
type Record struct {
	ID        int64     `json:"id"`
	Target    Target    `json:"target"`
	URL       string    `json:"url"` // the URL as the agency gave it
	Reason    Reason    `json:"reason"`
	FetchedAt time.Time `json:"fetched_at"`
	Status    int       `json:"status"`       // final HTTP status; 0 when no response came
	Redirects []string  `json:"redirects"`    // every URL visited before FinalURL, in order (URL first when redirected)
	FinalURL  string    `json:"final_url"`    // where the fetch ended; "" when URL could not be requested at all
	Type      string    `json:"content_type"` // Content-Type of the final response
	Size      int64     `json:"size"`         // bytes of the body as read (at most the read limit)
	Title     string    `json:"title"`        // <title> of an HTML page or a PDF's /Title, decoded; "" otherwise
	SHA256    string    `json:"sha256"`       // hex SHA-256 of the body as read; "" when no body was read
	// TextSHA256 is what "changed" compares: for HTML the hex SHA-256 of the page's visible
	// text (tags, attributes, scripts, styles and comments removed, spaces collapsed), so a
	// rotating CSRF token or script nonce does not count as a change; for anything else the
	// same as SHA256.
	TextSHA256 string `json:"text_sha256"`
	Error      string `json:"error"` // why the fetch failed or is incomplete, in Thai; "" on success
	Flags      []Flag `json:"flags"`
	HasCopy    bool   `json:"has_copy"`  // a copy of the body is kept (EvidenceCopy in the store)
	Truncated  bool   `json:"truncated"` // the body was larger than the read limit; SHA256 and the copy cover the start
	ElapsedMS  int64  `json:"elapsed_ms"`
	// Copy is the start of the body (at most the copy limit) on its way to the store; readers
	// of the history get nil and fetch the copy by the record's ID.
	Copy []byte `json:"-"`
}

// Has reports whether r carries flag f.
func (r Record) Has(f Flag) bool {
	for _, g := range r.Flags {
		if g == f {
			return true
		}
	}
	return false
}

// OK reports whether the fetch ended in a 2xx response whose body was read.
func (r Record) OK() bool {
	return r.Status >= 200 && r.Status < 300 && r.SHA256 != ""
}

// Submitted reports whether a fetch for reason r records what the agency submitted: the
// executive's confirmation and a clarification reply. Later fetches compare against the
// latest such record to flag a change.
func (r Reason) Submitted() bool { return r == ReasonConfirmed || r == ReasonClarified }

// Valid reports whether r is one of the reasons above.
func (r Reason) Valid() bool {
	switch r {
	case ReasonSaved, ReasonConfirmed, ReasonOpened, ReasonClarified:
		return true
	}
	return false
}

// Flag marks something an assessor should look at.
type Flag string

// The flags.
const (
	FlagOffSite     Flag = "off_site"     // the URL (or where it ended) is not on the agency's main website (#8)
	FlagUnreachable Flag = "unreachable"  // no answer: DNS failure, refused, timeout, TLS error
	FlagNotFound    Flag = "not_found"    // 404 or 410
	FlagCheck       Flag = "needs_person" // 401/403/429/5xx: the site may block robots; a person must look
	FlagChanged     Flag = "changed"      // the content differs from what was fetched when the agency submitted
	FlagRefused     Flag = "refused"      // the address is private, loopback, link-local or metadata
)

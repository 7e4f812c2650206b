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
	FiscalYear int
	AgencyCode string
	ItemID     string // OIT item id of the framework, e.g. "o1"
}

// Record is the outcome of fetching one URL once. The evidence feature fills in the fields;
// this is the contract the OIT screens show.
type Record struct {
	ID         int64
	Target     Target
	URL        string
	Reason     Reason
	FetchedAt  time.Time
	Status     int      // final HTTP status; 0 when no response came
	Redirects  []string // every URL visited before FinalURL, in order
	FinalURL   string
	Type       string // Content-Type of the final response
	Size       int64  // bytes of the body (counted up to the size limit)
	Title      string // <title> of an HTML page, or a PDF's title when known
	SHA256     string // hex SHA-256 of the body as read
	Error      string // why the fetch failed, in Thai; "" on success
	Flags      []Flag
	HasCopy    bool // a copy of the body is kept
	Truncated  bool // the body was larger than the limit; SHA256 and the copy cover the start
	ElapsedMS  int64
	CopyPrefix []byte `json:"-"` // unused by readers; reserved for the store
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

package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/evidence"
)

// EvidenceFetch is one fetch of an evidence URL as the OIT pages show it, every text ready to
// print in the request's language. A template renders a list of them, for example:
//
//	{{range .Evidence}}<li>{{.When}} · {{.Reason}} · {{.Status}} {{.Title}}
//	  {{range .Flags}}<span class="tag{{if .Serious}} bad{{end}}">{{.Text}}</span>{{end}}
//	  {{if .CopyURL}}<a href="{{.CopyURL}}" download>{{t "evidence.copy"}}</a>{{end}}</li>{{end}}
type EvidenceFetch struct {
	ID        int64
	URL       string
	Link      bool     // URL is http(s) and may be rendered as a link
	FinalURL  string   // where the fetch ended, or "" when that is URL itself
	Redirects []string // the URLs visited before FinalURL
	When      string   // date and time of the fetch
	Reason    string   // why the fetch was made
	Status    string   // the HTTP status, or "—" when no response came
	Title     string   // the page's title, or ""
	Type      string   // the content type without parameters
	Size      string   // "245 KB"
	SHA256    string   // the first 12 hex digits of the body's SHA-256
	FullHash  string   // the whole SHA-256, for a title attribute or a dispute
	Error     string   // why the fetch failed, in Thai, or ""
	Flags     []EvidenceFetchFlag
	CopyURL   string // where the kept copy downloads, or "" when none was kept
	Truncated bool   // the body was larger than the limit: hash and copy cover its start
	OK        bool   // a 2xx page with no flag at all
}

// EvidenceFetchFlag is one flag of a fetch as shown.
type EvidenceFetchFlag struct {
	Flag    evidence.Flag
	Text    string
	Serious bool // the evidence is missing or unusable, not merely worth a look
}

// evidenceFetchView returns the evidence history of an OIT answer as rows for the request's
// language, newest first. The caller has already checked that the account may see the agency.
func (s *Server) evidenceFetchView(r *http.Request, t evidence.Target) ([]EvidenceFetch, error) {
	recs, err := s.evidenceHistory(r.Context(), t)
	if err != nil {
		return nil, err
	}
	return evidenceFetches(requestLang(r), recs), nil
}

// evidenceFetches turns records into rows for language l.
func evidenceFetches(l Lang, recs []evidence.Record) []EvidenceFetch {
	rows := make([]EvidenceFetch, len(recs))
	for i, rec := range recs {
		row := EvidenceFetch{
			ID: rec.ID, URL: rec.URL, Link: isWebURL(rec.URL), Redirects: rec.Redirects,
			When: formatDateTime(l, rec.FetchedAt), Reason: l.T("evidence.reason." + string(rec.Reason)),
			Status: "—", Title: rec.Title, Type: mediaType(rec.Type), Error: rec.Error, Truncated: rec.Truncated,
			OK: rec.OK() && len(rec.Flags) == 0,
		}
		if rec.FinalURL != rec.URL {
			row.FinalURL = rec.FinalURL
		}
		if rec.Status > 0 {
			row.Status = strconv.Itoa(rec.Status)
		}
		if rec.SHA256 != "" {
			row.Size = formatBytes(rec.Size)
			row.FullHash = rec.SHA256
			row.SHA256 = rec.SHA256[:min(12, len(rec.SHA256))]
		}
		for _, f := range rec.Flags {
			row.Flags = append(row.Flags, EvidenceFetchFlag{Flag: f, Text: l.T("evidence.flag." + string(f)), Serious: seriousFlag(f)})
		}
		if rec.HasCopy {
			row.CopyURL = copyURL(rec.ID)
		}
		rows[i] = row
	}
	return rows
}

// seriousFlag reports whether f means the evidence is missing or unusable; the other flags
// ask a person to look.
func seriousFlag(f evidence.Flag) bool {
	return f == evidence.FlagNotFound || f == evidence.FlagUnreachable || f == evidence.FlagRefused
}

// isWebURL reports whether s is an absolute http or https URL, safe to render as a link.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// mediaType returns a Content-Type without its parameters.
func mediaType(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.TrimSpace(mt)
}

// formatBytes formats a size for people: "0 B", "820 B", "245 KB", "3.4 MB".
func formatBytes(n int64) string {
	switch {
	case n < 1<<10:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1<<20:
		return strconv.FormatInt((n+512)>>10, 10) + " KB"
	default:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	}
}

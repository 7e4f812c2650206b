package web

import (
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// evidenceRoutes are the routes of the evidence feature; see routeTable. The OIT pages and
// API show the history themselves (evidenceHistory, evidenceFetchView); this serves the
// copies kept for disputes.
func (s *Server) evidenceRoutes() []route {
	return []route{
		{"GET /evidence/{id}/copy", evidenceReaders, s.evidenceCopy},
	}
}

var errNoEvidenceCopy = apperr.NotFound("ไม่พบสำเนาหลักฐานนี้", "No such evidence copy")

// evidenceAgency returns the agency with code if the request's account may see its evidence:
// the route admits central admins, assessors and agency accounts; scope narrows each to its
// agencies (an assessor's groups, an agency its own). Errors: NotFound, Forbidden.
func (s *Server) evidenceAgency(r *http.Request, code string) (agency.Agency, error) {
	ag, err := s.store.FindAgencyByCode(r.Context(), code)
	if err != nil {
		return ag, err
	}
	if !account.InScope(authOf(r.Context()).Account, ag) {
		return agency.Agency{}, apperr.Forbidden("คุณไม่มีสิทธิ์ดูหลักฐานของหน่วยงานนี้", "You may not view this agency's evidence")
	}
	return ag, nil
}

// evidenceCopy serves GET /evidence/{id}/copy: the copy of a fetched page kept for disputes,
// always as a download. A page fetched from an agency's site is someone else's HTML: served
// inline from ITAS's origin it could run script with the viewer's session, so HTML and every
// type not known to be inert goes out as application/octet-stream, with a sandboxing CSP and
// nosniff besides.
func (s *Server) evidenceCopy(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return errNoEvidenceCopy
	}
	rec, data, err := s.store.EvidenceCopy(r.Context(), id)
	if err != nil {
		return err
	}
	if _, err := s.evidenceAgency(r, rec.Target.AgencyCode); err != nil {
		return err
	}
	ct, ext := copyType(rec.Type)
	name := fmt.Sprintf("itas-evidence-%d-%s-%s-%d%s", rec.Target.FiscalYear, safeName(rec.Target.AgencyCode),
		safeName(rec.Target.ItemID), rec.ID, ext)
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, max-age=3600")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	_, err = w.Write(data)
	return err
}

// copyTypes are the content types a copy keeps when downloaded, with their file extensions:
// documents and images that browsers do not run. Everything else, HTML included, is served as
// application/octet-stream; extensions still name what the file is.
var copyTypes = map[string]struct {
	keep bool
	ext  string
}{
	"application/pdf":          {true, ".pdf"},
	"image/png":                {true, ".png"},
	"image/jpeg":               {true, ".jpg"},
	"image/gif":                {true, ".gif"},
	"image/webp":               {true, ".webp"},
	"text/plain":               {true, ".txt"},
	"text/csv":                 {true, ".csv"},
	"text/html":                {false, ".html"},
	"application/xhtml+xml":    {false, ".html"},
	"application/msword":       {false, ".doc"},
	"application/vnd.ms-excel": {false, ".xls"},
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   {false, ".docx"},
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":         {false, ".xlsx"},
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": {false, ".pptx"},
	"application/zip": {false, ".zip"},
}

// copyType returns the Content-Type and file extension a copy of this type is served with.
func copyType(contentType string) (string, string) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "application/octet-stream", ".bin"
	}
	t, ok := copyTypes[mt]
	switch {
	case !ok:
		return "application/octet-stream", ".bin"
	case !t.keep:
		return "application/octet-stream", t.ext
	case strings.HasPrefix(mt, "text/"):
		return mt + "; charset=utf-8", t.ext // a guess; the bytes are as fetched
	default:
		return mt, t.ext
	}
}

// safeName keeps the letters, digits, dots and dashes of s for a file name.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 128 && (r == '-' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return -1
	}, s)
}

// copyURL is where the copy kept by record id is downloaded.
func copyURL(id int64) string { return "/evidence/" + strconv.FormatInt(id, 10) + "/copy" }

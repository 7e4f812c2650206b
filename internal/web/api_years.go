package web

import (
	"net/http"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

// apiYears serves GET /api/v1/years.
func (s *Server) apiYears(w http.ResponseWriter, r *http.Request) error {
	years, err := s.store.FindYears(r.Context())
	if err != nil {
		return err
	}
	out := []YearJSON{}
	for _, y := range years {
		out = append(out, yearJSON(y, s.now()))
	}
	writeJSON(w, http.StatusOK, map[string]any{"years": out})
	return nil
}

// apiYear serves GET /api/v1/years/{year}.
func (s *Server) apiYear(w http.ResponseWriter, r *http.Request) error {
	fy, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return apperr.NotFound("ไม่พบปีการประเมินนี้", "No such assessment year")
	}
	y, err := s.store.FindYear(r.Context(), fy)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, yearJSON(y, s.now()))
	return nil
}

// apiYearCreate serves POST /api/v1/years.
func (s *Server) apiYearCreate(w http.ResponseWriter, r *http.Request) error {
	var j YearJSON
	if err := decodeJSON(w, r, &j); err != nil {
		return err
	}
	y := j.year()
	y.CreatedAt = s.now()
	if err := y.Validate(); err != nil {
		return err
	}
	if err := s.store.CreateYear(r.Context(), y, s.by(r)); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, yearJSON(y, s.now()))
	return nil
}

// apiYearUpdate serves PUT /api/v1/years/{year}; the year in the path wins.
func (s *Server) apiYearUpdate(w http.ResponseWriter, r *http.Request) error {
	var j YearJSON
	if err := decodeJSON(w, r, &j); err != nil {
		return err
	}
	fy, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return apperr.NotFound("ไม่พบปีการประเมินนี้", "No such assessment year")
	}
	j.FiscalYear = fy
	y := j.year()
	if err := y.Validate(); err != nil {
		return err
	}
	if err := s.store.UpdateYear(r.Context(), y, s.by(r)); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, yearJSON(y, s.now()))
	return nil
}

// apiAudit serves GET /api/v1/audit with the audit page's query parameters.
func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request) error {
	f, _, _, page, err := auditFilterOf(r)
	if err != nil {
		return err
	}
	scoped, ok := account.AuditScope(authOf(r.Context()).Account, f)
	if !ok {
		return apperr.Forbidden("", "")
	}
	res, err := s.store.FindAudit(r.Context(), scoped)
	if err != nil {
		return err
	}
	out := []AuditJSON{}
	for _, e := range res.Entries {
		out = append(out, auditJSON(e))
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": out, "total": res.Total, "page": page, "per_page": scoped.Limit})
	return nil
}

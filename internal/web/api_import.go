package web

import (
	"net/http"

	"github.com/openitas/itas/internal/apperr"
)

// ImportResultJSON answers an accepted agency import: how many agencies are new, changed and
// unchanged, and the codes of the new and changed ones.
type ImportResultJSON struct {
	Created      int      `json:"created"`
	Updated      int      `json:"updated"`
	Unchanged    int      `json:"unchanged"`
	CreatedCodes []string `json:"created_codes"`
	UpdatedCodes []string `json:"updated_codes"`
}

// ImportProblemJSON is one problem of a rejected import file. Row is the Excel row or CSV
// line (0: the whole file), Column the 1-based column (0: the whole row), Cell the Excel cell
// ("C7", XLSX only).
type ImportProblemJSON struct {
	Row       int    `json:"row"`
	Column    int    `json:"column,omitempty"`
	Cell      string `json:"cell,omitempty"`
	Header    string `json:"header,omitempty"`
	Field     string `json:"field,omitempty"`
	Message   string `json:"message"`
	MessageEN string `json:"message_en,omitempty"`
}

// importErrorJSON is the 422 body of a rejected import: the usual error object, every problem
// (up to maxImportProblems) and how many there are in all.
type importErrorJSON struct {
	Error         apiErrorBody        `json:"error"`
	Problems      []ImportProblemJSON `json:"problems"`
	ProblemsTotal int                 `json:"problems_total"`
}

// apiAgencyImport serves POST /api/v1/agencies/import: a multipart form with a "file" part,
// or the file itself as the body with Content-Type text/csv or the XLSX type (and ?name= for
// positions in messages).
func (s *Server) apiAgencyImport(w http.ResponseWriter, r *http.Request) error {
	up, err := readUpload(w, r)
	if err != nil {
		return err
	}
	res, f, err := s.importAgencies(r, up)
	if err != nil {
		return err
	}
	if len(f.Problems) > 0 {
		lang := requestLang(r)
		out := importErrorJSON{
			Error:         apiErrorBody{Code: apperr.CodeInvalid, Message: problemsSummary(lang, len(f.Problems))},
			Problems:      []ImportProblemJSON{},
			ProblemsTotal: len(f.Problems),
		}
		for i, p := range f.Problems {
			if i == maxImportProblems {
				break
			}
			out.Problems = append(out.Problems, ImportProblemJSON{Row: p.Line, Column: p.Column, Cell: p.Cell(),
				Header: p.Header, Field: p.Field, Message: p.Message, MessageEN: p.MessageEN})
		}
		w.Header().Set("X-Error-Code", string(apperr.CodeInvalid))
		writeJSON(w, http.StatusUnprocessableEntity, out)
		return nil
	}
	writeJSON(w, http.StatusOK, ImportResultJSON{Created: len(res.Created), Updated: len(res.Updated),
		Unchanged: len(res.Unchanged), CreatedCodes: res.Created, UpdatedCodes: res.Updated})
	return nil
}

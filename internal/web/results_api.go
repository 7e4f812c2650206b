package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoring"
)

// ResultRunJSON is a year's computation.
type ResultRunJSON struct {
	FiscalYear    int       `json:"fiscal_year"`
	FrameworkYear int       `json:"framework_year"`
	ComputedAt    time.Time `json:"computed_at"`
	ComputedBy    string    `json:"computed_by"`
	Agencies      int       `json:"agencies"`
}

func resultRunJSON(r results.Run) ResultRunJSON {
	return ResultRunJSON{FiscalYear: r.FiscalYear, FrameworkYear: r.FrameworkYear, ComputedAt: r.ComputedAt, ComputedBy: r.ComputedBy, Agencies: r.Agencies}
}

// ResultRowJSON is one agency of the national results table; a score that could not be
// computed is null.
type ResultRowJSON struct {
	AgencyRowJSON
	Total    scoring.Score  `json:"total"`
	Rating   string         `json:"rating"`
	Passed   bool           `json:"passed"`
	Official bool           `json:"official"`
	IIT      scoring.Score  `json:"iit"`
	EIT      scoring.Score  `json:"eit"`
	OIT      scoring.Score  `json:"oit"`
	Flags    []scoring.Flag `json:"flags"`
}

// ResultListJSON is one page of the national results table.
type ResultListJSON struct {
	FiscalYear int             `json:"fiscal_year"`
	Run        ResultRunJSON   `json:"run"`
	Agencies   []ResultRowJSON `json:"agencies"`
	Total      int             `json:"total"`
	Page       int             `json:"page"`
	PerPage    int             `json:"per_page"`
}

// apiResults serves GET /api/v1/results with the table's query parameters plus per_page (at
// most 1,000), within the account's scope. NotFound until the year's results are computed.
func (s *Server) apiResults(w http.ResponseWriter, r *http.Request) error {
	a, per, y, err := s.apiTableStart(r, resultsPerPage)
	if err != nil {
		return err
	}
	run, err := s.store.FindResultRun(r.Context(), y.FiscalYear)
	if err != nil {
		return err
	}
	f, page := resultsFilterOf(r, a, per)
	res, err := s.store.FindResults(r.Context(), y.FiscalYear, f)
	if err != nil {
		return err
	}
	out := ResultListJSON{FiscalYear: y.FiscalYear, Run: resultRunJSON(run), Agencies: []ResultRowJSON{}, Total: res.Total, Page: page, PerPage: per}
	for _, row := range res.Rows {
		out.Agencies = append(out.Agencies, ResultRowJSON{
			AgencyRowJSON: agencyRowJSON(row.Agency),
			Total:         row.Total, Rating: row.Rating, Passed: row.Passed, Official: row.Official,
			IIT: row.IIT, EIT: row.EIT, OIT: row.OIT, Flags: row.Flags,
		})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiResultsCompute serves POST /api/v1/results/compute?year=: NACC computes and keeps the
// year's results during its processing phase (403 phase_closed otherwise).
func (s *Server) apiResultsCompute(w http.ResponseWriter, r *http.Request) error {
	fy, _ := strconv.Atoi(r.URL.Query().Get("year"))
	run, err := s.computeResults(r.Context(), fy, s.by(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, resultRunJSON(run))
	return nil
}

// OITItemResultJSON is an OIT item's final score with the assessor's comment.
type OITItemResultJSON struct {
	ID      string        `json:"id"`
	Score   scoring.Score `json:"score"`
	Comment string        `json:"comment"`
}

// AgencyResultJSON is an agency's result: the engine's whole result (instruments, indicators,
// sub-indicators and question scores at full precision, null where not scored) with the flags'
// texts and the OIT items' comments.
type AgencyResultJSON struct {
	FiscalYear int                 `json:"fiscal_year"`
	Code       string              `json:"code"`
	Name       string              `json:"name"`
	Run        ResultRunJSON       `json:"run"`
	Result     scoring.Result      `json:"result"`
	FlagTexts  []string            `json:"flag_texts"`
	OITItems   []OITItemResultJSON `json:"oit_items"`
}

// apiAgencyResults serves GET /api/v1/agencies/{code}/results to whoever may view the agency;
// the agency's own accounts get 403 phase_closed, with the date, before publication.
func (s *Server) apiAgencyResults(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	y, err := s.trackingYear(r)
	if err != nil {
		return err
	}
	if !s.resultsPublishedTo(authOf(r.Context()).Account, y) {
		return notPublished(y)
	}
	res, run, err := s.agencyResult(r.Context(), y, ag.Code)
	if err != nil {
		return err
	}
	comments, err := s.oitComments(r.Context(), y.FiscalYear, ag.Code)
	if err != nil {
		return err
	}
	e, err := engineFor(run.FrameworkYear)
	if err != nil {
		return err
	}
	out := AgencyResultJSON{FiscalYear: y.FiscalYear, Code: ag.Code, Name: ag.Name, Run: resultRunJSON(run), Result: res,
		FlagTexts: flagTexts(requestLang(r), res.Flags), OITItems: []OITItemResultJSON{}}
	for _, ins := range e.Framework().Instruments {
		for _, ind := range ins.Indicators {
			for _, sub := range ind.SubIndicators {
				for _, it := range sub.Items {
					out.OITItems = append(out.OITItems, OITItemResultJSON{ID: it.ID, Score: res.Questions[it.ID], Comment: comments[it.ID]})
				}
			}
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

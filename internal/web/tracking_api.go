package web

import (
	"net/http"

	"github.com/openitas/itas/internal/tracking"
)

// SurveyCountJSON is one survey of an agency: responses, minimum (0 while not known), its
// status (short, met or unknown) and how many responses it still misses.
type SurveyCountJSON struct {
	Responses int             `json:"responses"`
	Minimum   int             `json:"minimum"`
	Status    tracking.Status `json:"status"`
	Missing   int             `json:"missing"`
}

func surveyCountJSON(s tracking.Survey) SurveyCountJSON {
	return SurveyCountJSON{Responses: s.Responses, Minimum: s.Minimum, Status: s.Status(), Missing: s.Missing()}
}

// TrackingRowJSON is one agency of the tracking table.
type TrackingRowJSON struct {
	AgencyRowJSON
	IIT SurveyCountJSON `json:"iit"`
	EIT SurveyCountJSON `json:"eit"`
}

// TrackingListJSON is one page of the tracking table.
type TrackingListJSON struct {
	FiscalYear int               `json:"fiscal_year"`
	Agencies   []TrackingRowJSON `json:"agencies"`
	Total      int               `json:"total"`
	Page       int               `json:"page"`
	PerPage    int               `json:"per_page"`
}

// apiTracking serves GET /api/v1/tracking with the table's query parameters plus per_page (at
// most 1,000), within the account's scope.
func (s *Server) apiTracking(w http.ResponseWriter, r *http.Request) error {
	a, per, y, err := s.apiTableStart(r, trackingPerPage)
	if err != nil {
		return err
	}
	mins, err := s.trackingMinimums(r.Context(), y)
	if err != nil {
		return err
	}
	f, page := trackingFilterOf(r, a, per)
	res, err := s.store.ResponseCounts(r.Context(), y.FiscalYear, f, mins)
	if err != nil {
		return err
	}
	out := TrackingListJSON{FiscalYear: y.FiscalYear, Agencies: []TrackingRowJSON{}, Total: res.Total, Page: page, PerPage: per}
	for _, row := range res.Rows {
		out.Agencies = append(out.Agencies, TrackingRowJSON{
			AgencyRowJSON: agencyRowJSON(row.Agency), IIT: surveyCountJSON(row.IIT), EIT: surveyCountJSON(row.EIT),
		})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// DayCountJSON is one day of an agency's collection.
type DayCountJSON struct {
	Day string `json:"day"` // YYYY-MM-DD, common era, in Bangkok
	IIT int    `json:"iit"`
	EIT int    `json:"eit"`
}

// AgencyTrackingJSON is an agency's collection in a year.
type AgencyTrackingJSON struct {
	FiscalYear int             `json:"fiscal_year"`
	Code       string          `json:"code"`
	Name       string          `json:"name"`
	IIT        SurveyCountJSON `json:"iit"`
	EIT        SurveyCountJSON `json:"eit"`
	Days       []DayCountJSON  `json:"days"`
}

// apiAgencyTracking serves GET /api/v1/agencies/{code}/tracking to whoever may view the agency.
func (s *Server) apiAgencyTracking(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	y, err := s.trackingYear(r)
	if err != nil {
		return err
	}
	t, err := s.loadAgencyTracking(r.Context(), requestLang(r), y, ag.Code)
	if err != nil {
		return err
	}
	out := AgencyTrackingJSON{FiscalYear: y.FiscalYear, Code: ag.Code, Name: ag.Name, Days: []DayCountJSON{}}
	out.IIT, out.EIT = surveyCountJSON(t.surveys[0].Survey), surveyCountJSON(t.surveys[1].Survey)
	for _, d := range t.days {
		out.Days = append(out.Days, DayCountJSON{Day: d.Day.Format("2006-01-02"), IIT: d.IIT, EIT: d.EIT})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

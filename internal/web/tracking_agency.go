package web

import (
	"context"
	"net/http"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/thaidate"
	"github.com/openitas/itas/internal/tracking"
)

// TrackingAgencyPage is one agency's collection (manual 6.6): IIT and EIT responses against
// the minimums, with the daily counts as a table and a chart.
type TrackingAgencyPage struct {
	Page
	Agency         agency.Agency
	Year           assessment.Year
	Surveys        []SurveyTrack
	Days           []DayRow
	CanSuggestions bool // the account may read the suggestions page
	CanEnter       bool // the account may enter assessor-collected EIT responses
}

// SurveyTrack is one survey of an agency on its tracking page.
type SurveyTrack struct {
	ID string // survey.IIT or survey.EIT
	tracking.Survey
	Status    tracking.Status
	Window    assessment.Window
	HasWindow bool
	Chart     Chart
}

// agencyTracking is what the page and the API show of an agency's year.
type agencyTracking struct {
	surveys []SurveyTrack
	days    []DayRow
}

// loadAgencyTracking gathers an agency's responses, minimums and daily counts in year y.
func (s *Server) loadAgencyTracking(ctx context.Context, lang Lang, y assessment.Year, code string) (agencyTracking, error) {
	var out agencyTracking
	var facts assessment.Facts
	if err := s.stakeholderFacts(ctx, y, code, &facts); err != nil {
		return out, err
	}
	if err := s.trackingFacts(ctx, y, code, &facts); err != nil {
		return out, err
	}
	daily, err := s.store.DailyResponseCounts(ctx, y.FiscalYear, code)
	if err != nil {
		return out, err
	}
	byDay := map[time.Time][2]int{}
	for _, d := range daily {
		c := byDay[d.Day]
		if d.Survey == "eit" {
			c[1] += d.Count
		} else {
			c[0] += d.Count
		}
		byDay[d.Day] = c
	}
	now := s.now()
	start, end, ok := collectionSpan(y)
	if ok {
		if first, last, ok := dayRange(byDay, start, end, now); ok {
			out.days = collectionDays(byDay, first, last)
		}
	}
	for i, sv := range surveyIDs {
		st := SurveyTrack{ID: sv}
		if i == 0 {
			st.Survey = tracking.Survey{Responses: facts.IITResponses, Minimum: facts.IITMinimum}
			st.Chart = newChart(lang, out.days, func(r DayRow) int { return r.IIT })
		} else {
			st.Survey = tracking.Survey{Responses: facts.EITResponses, Minimum: facts.EITMinimum}
			st.Chart = newChart(lang, out.days, func(r DayRow) int { return r.EIT })
		}
		st.Status = st.Survey.Status()
		st.Window, st.HasWindow = y.Window(collectionPhase(sv))
		out.surveys = append(out.surveys, st)
	}
	return out, nil
}

// collectionSpan returns the days from the first IIT or EIT collection day to the last.
func collectionSpan(y assessment.Year) (start, end time.Time, ok bool) {
	for _, sv := range surveyIDs {
		w, has := y.Window(collectionPhase(sv))
		if !has {
			continue
		}
		if !ok || w.Start.Before(start) {
			start = w.Start
		}
		if !ok || w.End.After(end) {
			end = w.End
		}
		ok = true
	}
	return start, end, ok
}

// suggestionsOpen reports whether the suggestions of survey sv may be shown at now: only once
// its collection phase has closed, so that no one reads them while people are still answering
// and could be told apart by when they wrote. from is the first day they may be shown (zero
// when the year has no window for the survey).
func suggestionsOpen(y assessment.Year, sv string, now time.Time) (open bool, from time.Time) {
	w, ok := y.Window(collectionPhase(sv))
	if !ok {
		return false, time.Time{}
	}
	from = thaidate.StartOfDay(w.End).AddDate(0, 0, 1)
	return now.After(w.End), from
}

// trackingAgency serves GET /agencies/{code}/tracking to the agency, its supervising body, its
// assessors and central admins.
func (s *Server) trackingAgency(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	y, err := s.trackingYear(r)
	if err != nil {
		return err
	}
	lang := requestLang(r)
	t, err := s.loadAgencyTracking(r.Context(), lang, y, ag.Code)
	if err != nil {
		return err
	}
	a := authOf(r.Context()).Account
	p := &TrackingAgencyPage{
		Page: Page{Title: "tracking.agency.title"}, Agency: ag, Year: y, Surveys: t.surveys, Days: t.days,
		CanSuggestions: canReadSuggestions(a, ag),
		CanEnter:       account.Can(a, account.ActionEnterResponses, ag),
	}
	s.render(w, r, http.StatusOK, "tracking_agency", p)
	return nil
}

// canReadSuggestions reports whether acct may read ag's suggestions: the agency's own accounts
// (they are its feedback) and central admins.
func canReadSuggestions(acct account.Account, ag agency.Agency) bool {
	return suggestionReaders.allows(acct.Role) && account.CanViewAgency(acct, ag)
}

// SuggestionsPage lists an agency's suggestions per survey, once each collection has closed.
type SuggestionsPage struct {
	Page
	Agency  agency.Agency
	Year    assessment.Year
	Surveys []SuggestionList
}

// SuggestionList is one survey's suggestions, or when they may be read.
type SuggestionList struct {
	ID    string
	Open  bool
	From  time.Time
	Texts []string
}

// trackingSuggestions serves GET /agencies/{code}/tracking/suggestions: the anonymous list of
// what respondents suggested, per survey, once that survey's collection has closed; before,
// a note says from which day it can be read.
func (s *Server) trackingSuggestions(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	if !canReadSuggestions(authOf(r.Context()).Account, ag) {
		return apperr.Forbidden("", "")
	}
	y, err := s.trackingYear(r)
	if err != nil {
		return err
	}
	p := &SuggestionsPage{Page: Page{Title: "tracking.suggestions.title"}, Agency: ag, Year: y}
	for _, sv := range surveyIDs {
		l := SuggestionList{ID: sv}
		l.Open, l.From = suggestionsOpen(y, sv, s.now())
		if l.Open {
			if l.Texts, err = s.store.Suggestions(r.Context(), y.FiscalYear, ag.Code, sv); err != nil {
				return err
			}
		}
		p.Surveys = append(p.Surveys, l)
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "tracking_suggestions", p)
	return nil
}

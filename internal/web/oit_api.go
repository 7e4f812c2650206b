package web

import (
	"net/http"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/evidence"
	"github.com/openitas/itas/internal/oit"
)

// apiOITRecord is an agency's OIT record in the API (schema OITRecord). Assessment, decision
// and final score appear only for those who may see results (see resultsVisible).
type apiOITRecord struct {
	FiscalYear     int          `json:"fiscal_year"`
	AgencyCode     string       `json:"agency_code"`
	Status         oit.Status   `json:"status"`
	Tracking       oit.Tracking `json:"tracking"`
	Version        int          `json:"version"`
	Answered       int          `json:"answered"`
	Total          int          `json:"total"`
	ResultsVisible bool         `json:"results_visible"`
	SubmittedAt    *time.Time   `json:"submitted_at,omitempty"`
	ApprovedAt     *time.Time   `json:"approved_at,omitempty"`
	ReleasedAt     *time.Time   `json:"released_at,omitempty"`
	ConfirmedAt    *time.Time   `json:"confirmed_at,omitempty"`
	Items          []apiOITItem `json:"items"`
}

type apiOITItem struct {
	ID           string            `json:"id"`
	SubIndicator string            `json:"subindicator"`
	Title        string            `json:"title"`
	Components   []string          `json:"components"`
	Version      int               `json:"version"`
	Answer       *apiOITAnswer     `json:"answer,omitempty"`
	OffSite      []string          `json:"off_site,omitempty"`
	Review       *apiOITReview     `json:"review,omitempty"`
	Assessment   *apiOITAssessment `json:"assessment,omitempty"`
	Reply        *apiOITReply      `json:"reply,omitempty"`
	Decision     *apiOITDecision   `json:"decision,omitempty"`
	FinalScore   *float64          `json:"final_score,omitempty"`
}

type apiOITAnswer struct {
	Disclosure  oit.Disclosure `json:"disclosure"`
	URLs        []string       `json:"urls"`
	Explanation string         `json:"explanation"`
	Reason      string         `json:"reason"`
	SavedBy     string         `json:"saved_by"`
	SavedAt     time.Time      `json:"saved_at"`
}

type apiOITReview struct {
	Verdict oit.Verdict `json:"verdict"`
	Comment string      `json:"comment"`
	By      string      `json:"by"`
	At      time.Time   `json:"at"`
}

type apiOITAssessment struct {
	Components []int     `json:"components"`
	Score      float64   `json:"score"`
	Comment    string    `json:"comment"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
}

type apiOITReply struct {
	Text string    `json:"text"`
	URL  string    `json:"url,omitempty"`
	By   string    `json:"by"`
	At   time.Time `json:"at"`
}

type apiOITDecision struct {
	Score   float64   `json:"score"`
	Comment string    `json:"comment"`
	By      string    `json:"by"`
	At      time.Time `json:"at"`
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// apiOITOf returns c's record as the API shows it to the request's account.
func (s *Server) apiOITOf(r *http.Request, c *oitCtx) apiOITRecord {
	visible := s.resultsVisible(c)
	rec := c.rec
	out := apiOITRecord{FiscalYear: c.year.FiscalYear, AgencyCode: c.ag.Code, Status: rec.Status,
		Tracking: rec.Status.Tracking(), Version: rec.Version, ResultsVisible: visible,
		SubmittedAt: timePtr(rec.SubmittedAt), ApprovedAt: timePtr(rec.ApprovedAt),
		ReleasedAt: timePtr(rec.ReleasedAt), ConfirmedAt: timePtr(rec.ConfirmedAt), Items: []apiOITItem{}}
	out.Answered, out.Total = c.list.Progress(rec)
	lang := requestLang(r)
	for _, id := range c.list.ItemIDs {
		ref, _ := c.list.Item(id)
		it := rec.Item(id)
		ai := apiOITItem{ID: id, SubIndicator: ref.SubIndicator.ID, Title: itemTitle(lang, ref.Item),
			Components: ref.Item.Components, Version: it.Version}
		if it.Answered() {
			a := it.Answer
			urls := a.URLs
			if urls == nil {
				urls = []string{}
			}
			ai.Answer = &apiOITAnswer{a.Disclosure, urls, a.Explanation, a.Reason, it.SavedBy, it.SavedAt}
			ai.OffSite = a.OffSite(c.ag.Website)
		}
		if v := it.Review; v.Verdict != "" {
			ai.Review = &apiOITReview{v.Verdict, v.Comment, v.By, v.At}
		}
		if v := it.Reply; v.Replied() {
			ai.Reply = &apiOITReply{v.Text, v.URL, v.By, v.At}
		}
		if visible {
			if v := it.Assessment; v.Scored {
				comps := v.Components
				if comps == nil {
					comps = []int{}
				}
				ai.Assessment = &apiOITAssessment{comps, v.Score, v.Comment, v.By, v.At}
			}
			if v := it.Decision; v.Decided {
				ai.Decision = &apiOITDecision{v.Score, v.Comment, v.By, v.At}
			}
			if f, ok := it.FinalScore(); ok {
				ai.FinalScore = &f
			}
		}
		out.Items = append(out.Items, ai)
	}
	return out
}

// apiOIT serves GET /api/v1/agencies/{code}/oit.
func (s *Server) apiOIT(w http.ResponseWriter, r *http.Request) error {
	c, err := s.oitFor(r, account.ActionViewAgency)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, s.apiOITOf(r, c))
	return nil
}

// oitBody is the JSON body of an OIT action; it turns into the command on item id ("" for a
// whole-record action).
type oitBody interface {
	command(id string) (oit.Command, error)
}

// apiOITAction serves the API's OIT actions: the account's scope, the phase, then the body,
// and the record after the action in the answer.
func (s *Server) apiOITAction(perm account.Action, a oit.Action, newBody func() oitBody) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		c, err := s.oitFor(r, perm)
		if err != nil {
			return err
		}
		if err := s.requireOITPhase(r.Context(), c.year.FiscalYear, a); err != nil {
			return err
		}
		id := ""
		if t, _ := oit.TransitionOf(a); t.OnItem {
			if id, err = oitItemID(r, c); err != nil {
				return err
			}
		}
		body := newBody()
		if err := decodeJSON(w, r, body); err != nil {
			return err
		}
		cmd, err := body.command(id)
		if err != nil {
			return err
		}
		cmd.Action = a
		if err := s.applyOIT(r, c, cmd); err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, s.apiOITOf(r, c))
		return nil
	}
}

// The JSON bodies. version is required: it is the record version the client last read.
type (
	apiAnswerBody struct {
		Version     *int     `json:"version"`
		Disclosure  string   `json:"disclosure"`
		URLs        []string `json:"urls"`
		Explanation string   `json:"explanation"`
		Reason      string   `json:"reason"`
	}
	apiReviewBody struct {
		Version *int   `json:"version"`
		Verdict string `json:"verdict"`
		Comment string `json:"comment"`
	}
	apiScoreBody struct {
		Version    *int     `json:"version"`
		Components []int    `json:"components"`
		Score      *float64 `json:"score"`
		Comment    string   `json:"comment"`
	}
	apiReplyBody struct {
		Version *int   `json:"version"`
		Text    string `json:"text"`
		URL     string `json:"url"`
	}
	apiDecisionBody struct {
		Version *int     `json:"version"`
		Score   *float64 `json:"score"`
		Comment string   `json:"comment"`
	}
	apiStepBody struct {
		Version *int `json:"version"`
	}
)

func needVersion(v *int) (int, error) {
	if v == nil || *v < 0 {
		return 0, apperr.Fields(oit.FieldVersion, "กรุณาระบุ version ของข้อมูลที่อ่านล่าสุด")
	}
	return *v, nil
}

func needScore(v *float64) (float64, error) {
	if v == nil {
		return 0, apperr.Fields(oit.FieldScore, "กรุณาระบุคะแนน")
	}
	return *v, nil
}

func (b *apiAnswerBody) command(id string) (oit.Command, error) {
	v, err := needVersion(b.Version)
	f := OITAnswerForm{Version: v, Disclosure: b.Disclosure, URLs: b.URLs, Explanation: b.Explanation, Reason: b.Reason}
	return f.command(id), err
}

func (b *apiReviewBody) command(id string) (oit.Command, error) {
	v, err := needVersion(b.Version)
	return OITReviewForm{Version: v, Verdict: b.Verdict, Comment: b.Comment}.command(id), err
}

func (b *apiScoreBody) command(id string) (oit.Command, error) {
	v, err := needVersion(b.Version)
	sc, serr := needScore(b.Score)
	return OITScoreForm{Version: v, Components: b.Components, Score: sc, Comment: b.Comment}.command(id), apperr.Join(err, serr)
}

func (b *apiReplyBody) command(id string) (oit.Command, error) {
	v, err := needVersion(b.Version)
	return OITReplyForm{Version: v, Text: b.Text, URL: b.URL}.command(id), err
}

func (b *apiDecisionBody) command(id string) (oit.Command, error) {
	v, err := needVersion(b.Version)
	sc, serr := needScore(b.Score)
	return OITDecisionForm{Version: v, Score: sc, Comment: b.Comment}.command(id), apperr.Join(err, serr)
}

func (b *apiStepBody) command(string) (oit.Command, error) {
	v, err := needVersion(b.Version)
	return oit.Command{Base: v}, err
}

// apiOITEvidence serves GET /api/v1/agencies/{code}/oit/items/{item}/evidence: what the
// evidence capture recorded for the item's URLs, newest first.
func (s *Server) apiOITEvidence(w http.ResponseWriter, r *http.Request) error {
	c, err := s.oitFor(r, account.ActionScoreOIT)
	if err != nil {
		return err
	}
	id, err := oitItemID(r, c)
	if err != nil {
		return err
	}
	recs, err := s.evidenceHistory(r.Context(), evidence.Target{FiscalYear: c.year.FiscalYear, AgencyCode: c.ag.Code, ItemID: id})
	if err != nil {
		return err
	}
	if recs == nil {
		recs = []evidence.Record{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"evidence": recs})
	return nil
}

// apiAssessQueue serves GET /api/v1/oit/queue: the assessor's work queue, as on /assess.
func (s *Server) apiAssessQueue(w http.ResponseWriter, r *http.Request) error {
	p, err := s.assessQueueData(r)
	if err != nil {
		return err
	}
	type row struct {
		Code     string     `json:"agency_code"`
		Name     string     `json:"name"`
		Group    int        `json:"group"`
		Status   oit.Status `json:"status"`
		Version  int        `json:"version"`
		Answered int        `json:"answered"`
		Scored   int        `json:"scored"`
		Replied  int        `json:"replied"`
		Decided  int        `json:"decided"`
		Total    int        `json:"total"`
	}
	out := struct {
		FiscalYear int   `json:"fiscal_year"`
		Total      int   `json:"total"`
		Page       int   `json:"page"`
		Pages      int   `json:"pages"`
		Agencies   []row `json:"agencies"`
	}{FiscalYear: p.FiscalYear, Total: p.Total, Page: p.PageNo, Pages: p.Pages, Agencies: []row{}}
	for _, q := range p.Rows {
		out.Agencies = append(out.Agencies, row{q.Agency.Code, q.Agency.Name, q.Agency.Group, q.Status, q.Version,
			q.Answered, q.Scored, q.Replied, q.Decided, q.Items})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiOITScores serves GET /api/v1/oit/scores: the confirmed item scores of a year by agency,
// in the shape of the scoring engine's OIT input (and of `itas score --oit`).
func (s *Server) apiOITScores(w http.ResponseWriter, r *http.Request) error {
	y, err := s.oitYear(r)
	if err != nil {
		return err
	}
	scores, err := s.store.OITScores(r.Context(), y.FiscalYear)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"fiscal_year": y.FiscalYear, "scores": scores})
	return nil
}

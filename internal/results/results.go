// Package results turns what ITAS keeps over a year — survey responses, approved stakeholder
// counts, the steps each agency completed and the assessors' final OIT item scores — into the
// scoring engine's inputs, the same inputs `itas score` builds from files (package
// scoreinput), so that the web system and the offline tool score alike.
//
// It is pure: a store streams its rows into a Collector and asks it for the inputs. A year
// has about 1.4 million responses; the Collector never keeps them, only one tally per agency
// and survey (scoring.Tally), whose size does not grow with the number of respondents.
package results

import (
	"fmt"
	"strings"

	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/survey"
)

// Agency is what scoring needs to know of an agency besides its answers.
type Agency struct {
	Code string
	Name string
	// Counts are the approved stakeholder counts; a kind not approved counts 0, which makes
	// its minimum sample 0 (unknown), and the missing approval makes the result unofficial.
	Counts stakeholder.Counts
	// Facts are the agency's steps of the year (assessment.Facts); only the steps that decide
	// whether a result is official are read: registered, internal and external data
	// approved, OIT approved.
	Facts assessment.Facts
}

// ComplianceOf returns the engine's compliance flags for an agency's steps of the year
// (ข้อควรระวัง #5): every required step not done is a flag. The survey minimums are not read
// here: the engine decides them from the populations and the respondents.
func ComplianceOf(f assessment.Facts) scoring.Compliance {
	return scoring.Compliance{
		NotRegistered:           !f.Registered,
		InternalDataNotApproved: !f.InternalDataApproved,
		ExternalDataNotApproved: !f.ExternalDataApproved,
		OITNotApproved:          !f.OITApproved,
	}
}

// PartOf returns the collection part a response arriving by channel ch counts in, for a
// survey of layout l: 0 for a survey not collected in parts; otherwise 1 for what the
// stakeholders answer themselves through the agency's link, QR code or the API, and 2 for
// what assessors collect by telephone, in the field or by file import. The 2568 framework
// (the only one with parts) does not say who collects each part; this is the system's
// assumption, recorded in framework/data/2568.yaml's assumptions.
func PartOf(l *scoring.Layout, ch survey.Channel) int {
	n := l.PartCount()
	if n == 1 {
		return 0
	}
	switch ch {
	case survey.ChannelLink, survey.ChannelAPI:
		return 1
	}
	return min(2, n)
}

// Collector accumulates one fiscal year's data for the scoring engine. It is not safe for
// concurrent use.
type Collector struct {
	e        *scoring.Engine
	agencies []Agency
	index    map[string]int
	surveys  map[string]*surveyState // by the store's survey name ("iit", "eit")
	oit      map[string]map[string]float64
}

// surveyState is one survey instrument: its layout, every agency's tally (nil until the
// agency's first response) and what decoding its answers needs.
type surveyState struct {
	layout  *scoring.Layout
	tallies []*scoring.Tally
	dec     *answerDecoder
}

// NewCollector returns a collector for the agencies of a year, scored by e. The results come
// out in the order of agencies. A code given twice is an error.
func NewCollector(e *scoring.Engine, agencies []Agency) (*Collector, error) {
	c := &Collector{e: e, agencies: agencies, index: make(map[string]int, len(agencies)), surveys: map[string]*surveyState{}}
	for i, a := range agencies {
		if _, dup := c.index[a.Code]; dup {
			return nil, fmt.Errorf("results: agency %q listed twice", a.Code)
		}
		c.index[a.Code] = i
	}
	for _, ins := range e.Framework().Instruments {
		if ins.Kind != framework.KindSurvey {
			continue
		}
		l := e.Layout(ins.ID)
		c.surveys[strings.ToLower(ins.ID)] = &surveyState{layout: l, tallies: make([]*scoring.Tally, len(agencies)), dec: newAnswerDecoder(l)}
	}
	return c, nil
}

// AddResponse adds one stored response: the agency's code, the survey ("iit" or "eit"), the
// channel it came by and its answers as stored, a JSON object of item key → answer code
// ({"i1.1":"4","i4.1":"ไม่มี"}). It keeps nothing of answers after it returns, so a store may
// pass a buffer it reuses. Every response was checked against the framework when it was
// stored; one that no longer fits it (an unknown agency, survey, item or answer, or no answer
// at all) is an error, never skipped, so that no result is computed from part of the data.
func (c *Collector) AddResponse(code, sv string, ch survey.Channel, answers []byte) error {
	st, ok := c.surveys[sv]
	if !ok {
		return fmt.Errorf("results: the %d framework has no survey %q", c.e.Framework().Year, sv)
	}
	i, ok := c.index[code]
	if !ok {
		return fmt.Errorf("results: a %s response names agency %q, which is not listed", sv, code)
	}
	items, err := st.dec.decode(answers)
	if err != nil {
		return fmt.Errorf("results: a %s response of agency %s: %w", sv, code, err)
	}
	t := st.tallies[i]
	if t == nil {
		t = scoring.NewTally(st.layout)
		st.tallies[i] = t
	}
	if err := t.Add(PartOf(st.layout, ch), items); err != nil {
		return fmt.Errorf("results: a %s response of agency %s: %w", sv, code, err)
	}
	return nil
}

// SetOIT sets the assessors' final OIT item scores by agency code and item id; an agency
// absent from scores has no OIT score, as the engine decides.
func (c *Collector) SetOIT(scores map[string]map[string]float64) { c.oit = scores }

// Respondents returns how many responses of survey sv agency code has been given.
func (c *Collector) Respondents(code, sv string) int {
	st, ok := c.surveys[sv]
	i, known := c.index[code]
	if !ok || !known || st.tallies[i] == nil {
		return 0
	}
	return st.tallies[i].Respondents()
}

// Inputs returns one scoring input per agency, in the order the agencies were given.
func (c *Collector) Inputs() []scoring.Input {
	out := make([]scoring.Input, len(c.agencies))
	for i, a := range c.agencies {
		in := scoring.Input{
			Agency: scoring.Agency{
				Code: a.Code, Name: a.Name,
				InternalPopulation: a.Counts.Internal, ExternalPopulation: a.Counts.External,
				Compliance: ComplianceOf(a.Facts),
			},
			Surveys: map[string]scoring.SurveyScores{},
			OIT:     c.oit[a.Code],
		}
		for _, st := range c.surveys {
			if t := st.tallies[i]; t != nil {
				in.Surveys[st.layout.Instrument.ID] = t.Scores()
			}
		}
		out[i] = in
	}
	return out
}

// Score returns every agency's result, in the order the agencies were given.
func (c *Collector) Score() []scoring.Result {
	inputs := c.Inputs()
	out := make([]scoring.Result, len(inputs))
	for i, in := range inputs {
		out[i] = c.e.Score(in)
	}
	return out
}

package scoreinput

import (
	"fmt"
	"sync"

	"github.com/openitas/itas/internal/scoring"
)

// Files names the input files of one scoring run; each is CSV or XLSX. Only Agencies is
// required: a missing survey file means no respondents, a missing OIT file means OIT was not
// scored, and the results say so.
type Files struct {
	Agencies string
	IIT      string
	EIT      string
	OIT      string
}

// Load reads the files and returns one scoring input per agency, in the agencies file's
// order. Any problem in any file fails the whole load with an *Errors listing them.
func Load(e *scoring.Engine, f Files) ([]scoring.Input, error) {
	fw := e.Framework()
	var errs Errors
	if f.Agencies == "" {
		return nil, fmt.Errorf("an agencies file is required")
	}
	agencies := readAgencies(f.Agencies, &errs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(agencies))
	for _, a := range agencies {
		known[a.Code] = true
	}

	// The two survey files are independent and each is a large parse: read them side by side.
	surveyFiles := map[string]string{"IIT": f.IIT, "EIT": f.EIT}
	tallies := map[string]map[string]*scoring.Tally{}
	fileErrs := map[string]*Errors{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for id, path := range surveyFiles {
		l := e.Layout(id)
		if path == "" || l == nil {
			if path != "" {
				errs.add(fmt.Errorf("%s: the %d framework has no %s survey", path, fw.Year, id))
			}
			continue
		}
		wg.Go(func() {
			var fe Errors
			t := readSurvey(path, fw, l, known, &fe)
			mu.Lock()
			tallies[id], fileErrs[id] = t, &fe
			mu.Unlock()
		})
	}
	var oit map[string]map[string]float64
	if f.OIT != "" {
		oit = readOIT(f.OIT, fw, known, &errs)
	}
	wg.Wait()
	for _, id := range []string{"IIT", "EIT"} {
		if fe := fileErrs[id]; fe != nil {
			errs.merge(fe)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}

	inputs := make([]scoring.Input, len(agencies))
	for i, a := range agencies {
		in := scoring.Input{Agency: a, Surveys: map[string]scoring.SurveyScores{}, OIT: oit[a.Code]}
		for id, byAgency := range tallies {
			if t, ok := byAgency[a.Code]; ok {
				in.Surveys[id] = t.Scores()
			}
		}
		inputs[i] = in
	}
	return inputs, nil
}

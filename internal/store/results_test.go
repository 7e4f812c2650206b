package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoreinput"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/store/storetest"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
)

// resultEngines runs a test on SQLite and, when ITAS_TEST_PG names one, PostgreSQL.
func resultEngines(t *testing.T, run func(t *testing.T, s *store.Store)) {
	t.Run("SQLite", func(t *testing.T) { run(t, store.MustOpenSQLite(t)) })
	t.Run("Postgres", func(t *testing.T) { run(t, store.MustOpenPostgres(t)) })
}

func scoringEngine(t testing.TB, year int) *scoring.Engine {
	t.Helper()
	fw, err := framework.Builtin(year)
	if err != nil {
		t.Fatal(err)
	}
	e, err := scoring.NewEngine(fw)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestScoreInputsMatchFiles: responses stored through ImportResponses, with every channel,
// blanks and (2568) EIT parts, give ScoreInputs the same tallies — respondents per part and
// question scores — and the same results as the same answers written to itas score's files
// and read by scoreinput, the file path that the golden tests pin.
func TestScoreInputsMatchFiles(t *testing.T) {
	resultEngines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		s.Now = func() time.Time { return storetest.Epoch }
		for _, a := range storetest.Energy()[:3] {
			if err := s.CreateAgency(ctx, a, audit.System()); err != nil {
				t.Fatal(err)
			}
		}
		for _, fy := range []int{2563, 2568} {
			t.Run(strconv.Itoa(fy), func(t *testing.T) {
				y := storetest.Year2563()
				y.FiscalYear, y.FrameworkYear = fy, fy
				if err := s.CreateYear(ctx, y, audit.System()); err != nil {
					t.Fatal(err)
				}
				e := scoringEngine(t, fy)
				codes := []string{storetest.Energy()[0].Code, storetest.Energy()[1].Code, storetest.Energy()[2].Code}
				// The first agency has both counts approved; the second only the internal one;
				// the third nothing, so that its populations are unknown (0) in both paths.
				approve(t, s, fy, codes[0], stakeholder.Internal, 120)
				approve(t, s, fy, codes[0], stakeholder.External, 900)
				approve(t, s, fy, codes[1], stakeholder.Internal, 35)

				subs := randomSubmissions(t, e, fy, codes, 7)
				if err := s.ImportResponses(ctx, subs, audit.By("assessor", string(account.RoleAssessor), "")); err != nil {
					t.Fatal(err)
				}
				got, err := s.ScoreInputs(ctx, fy, e)
				if err != nil {
					t.Fatal(err)
				}
				files := writeScoreFiles(t, e, subs, got)
				want, err := scoreinput.Load(e, files)
				if err != nil {
					t.Fatal(err)
				}
				sameInputs(t, e, got, want)
			})
		}
	})
}

// approve enters and approves a stakeholder count as the agency's two accounts would.
func approve(t *testing.T, s *store.Store, fy int, code string, k stakeholder.Kind, n int) {
	t.Helper()
	ctx := context.Background()
	admin := audit.By("a"+code, string(account.RoleAgencyAdmin), "")
	exec := audit.By("t"+code, string(account.RoleAgencyExecutive), "")
	if _, err := s.SetStakeholderPopulation(ctx, fy, code, k, n, admin); err != nil {
		t.Fatal(err)
	}
	if k == stakeholder.External {
		c := stakeholder.Contact{Name: "ผู้รับบริการ หนึ่ง", Type: stakeholder.TypePublic, Phone: "0812345678", Service: "ขออนุญาต"}
		if _, err := s.AddStakeholderContact(ctx, fy, code, c, admin); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ChangeStakeholderStatus(ctx, fy, code, k, stakeholder.ActionSubmit, "", admin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChangeStakeholderStatus(ctx, fy, code, k, stakeholder.ActionApprove, "", exec); err != nil {
		t.Fatal(err)
	}
}

// randomSubmissions returns responses to both surveys for each agency: each item answered
// with any of its options or (one in eight) left blank, at least one item answered, by any
// channel.
func randomSubmissions(t *testing.T, e *scoring.Engine, fy int, codes []string, seed uint64) []survey.Submission {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, uint64(fy)))
	var out []survey.Submission
	n := 0
	for ai, code := range codes {
		for _, sv := range []string{survey.IIT, survey.EIT} {
			l := e.Layout(map[string]string{survey.IIT: "IIT", survey.EIT: "EIT"}[sv])
			for range 25 + 10*ai {
				answers := map[string]string{}
				for len(answers) == 0 {
					for _, it := range l.Items {
						if r.IntN(8) == 0 {
							continue
						}
						opts := it.Question.AnswerType.Options
						answers[it.Key] = opts[r.IntN(len(opts))].Code
					}
				}
				n++
				h := sha256.Sum256(fmt.Appendf(nil, "respondent %d", n))
				out = append(out, survey.Submission{
					Response: survey.Response{
						FiscalYear: fy, AgencyCode: code, Survey: sv, Channel: survey.Channels[r.IntN(len(survey.Channels))],
						Day: time.Date(2020, 5, 1, 0, 0, 0, 0, thaidate.Location), Answers: answers,
					},
					IDHash: h[:],
				})
			}
		}
	}
	return out
}

// writeScoreFiles writes subs as itas score's agencies, iit and eit files — the part column
// from the channel as results.PartOf maps it, populations and steps as ScoreInputs found them.
func writeScoreFiles(t *testing.T, e *scoring.Engine, subs []survey.Submission, in []scoring.Input) scoreinput.Files {
	t.Helper()
	dir := t.TempDir()
	yesno := func(notDone bool) string { return map[bool]string{false: "yes", true: "no"}[notDone] }
	agencies := [][]string{{"agency", "name", "internal_population", "external_population", "registered", "internal_approved", "external_approved", "oit_approved"}}
	for _, x := range in {
		a := x.Agency
		// The files demand at least one member of staff where the store has 0 for a count
		// not approved: 1 gives the same scores, since every agency here has respondents.
		agencies = append(agencies, []string{a.Code, a.Name, strconv.Itoa(max(a.InternalPopulation, 1)), strconv.Itoa(a.ExternalPopulation),
			yesno(a.Compliance.NotRegistered), yesno(a.Compliance.InternalDataNotApproved), yesno(a.Compliance.ExternalDataNotApproved), yesno(a.Compliance.OITNotApproved)})
	}
	f := scoreinput.Files{Agencies: filepath.Join(dir, "agencies.csv"), IIT: filepath.Join(dir, "iit.csv"), EIT: filepath.Join(dir, "eit.csv")}
	writeCSV(t, f.Agencies, agencies)
	for sv, path := range map[string]string{survey.IIT: f.IIT, survey.EIT: f.EIT} {
		l := e.Layout(map[string]string{survey.IIT: "IIT", survey.EIT: "EIT"}[sv])
		head := []string{"agency", "respondent"}
		if l.PartCount() > 1 {
			head = append(head, "part")
		}
		for _, it := range l.Items {
			head = append(head, it.Key)
		}
		rows := [][]string{head}
		for i, sub := range subs {
			if sub.Survey != sv {
				continue
			}
			row := []string{sub.AgencyCode, strconv.Itoa(i)}
			if l.PartCount() > 1 {
				row = append(row, strconv.Itoa(results.PartOf(l, sub.Channel)))
			}
			for _, it := range l.Items {
				row = append(row, sub.Answers[it.Key])
			}
			rows = append(rows, row)
		}
		writeCSV(t, path, rows)
	}
	return f
}

func writeCSV(t *testing.T, path string, rows [][]string) {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(fh)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

// sameInputs compares two runs' inputs agency by agency: respondents per part exactly, question
// scores to 1e-9 (the two paths add the same numbers in different orders), and the scored
// results as published (two decimals, rating, flags).
func sameInputs(t *testing.T, e *scoring.Engine, got, want []scoring.Input) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d inputs from the store, %d from the files", len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Agency.Code != w.Agency.Code {
			t.Fatalf("agency %d: %s from the store, %s from the files", i, g.Agency.Code, w.Agency.Code)
		}
		for _, id := range []string{"IIT", "EIT"} {
			gs, ws := g.Surveys[id], w.Surveys[id]
			if len(gs.Parts) != len(ws.Parts) {
				t.Fatalf("%s %s: %d parts from the store, %d from the files", g.Agency.Code, id, len(gs.Parts), len(ws.Parts))
			}
			for p := range gs.Parts {
				if gs.Parts[p].Respondents != ws.Parts[p].Respondents {
					t.Errorf("%s %s part %d: %d respondents from the store, %d from the files", g.Agency.Code, id, p+1, gs.Parts[p].Respondents, ws.Parts[p].Respondents)
				}
				for q := range ws.Parts[p].Questions {
					a, b := gs.Parts[p].Questions[q], ws.Parts[p].Questions[q]
					if a.Valid() != b.Valid() || math.Abs(a.Value()-b.Value()) > 1e-9 {
						t.Errorf("%s %s part %d question %d: %v from the store, %v from the files", g.Agency.Code, id, p+1, q, a, b)
					}
				}
			}
		}
		gr, wr := e.Score(g), e.Score(w)
		if gr.String() != wr.String() {
			t.Errorf("result from the store %s\n          from the files %s", gr, wr)
		}
		for id := range wr.Instruments {
			if a, b := gr.Instruments[id].Score.Format(), wr.Instruments[id].Score.Format(); a != b {
				t.Errorf("%s %s = %s from the store, %s from the files", g.Agency.Code, id, a, b)
			}
		}
	}
}

// TestScoreInputsDemo2563: the demo's closed year 2563, read back from the database — the
// responses, stakeholder data and OIT record the demo stored for สป.พน. — gives seed 000's
// published figures: every indicator, IIT 79.95, EIT 93.96, OIT 79.79 (from the assessor's
// confirmed item scores), total 84.09, B, not passed, and an official result since every step
// was done.
func TestScoreInputsDemo2563(t *testing.T) {
	s := store.MustOpenSQLite(t)
	ctx := context.Background()
	now := time.Date(2026, time.November, 21, 10, 0, 0, 0, thaidate.Location) // 21 Nov 2569 BE
	s.Now = func() time.Time { return now }
	if _, err := demo.Load(ctx, s, now); err != nil {
		t.Fatal(err)
	}
	e := scoringEngine(t, 2563)
	in, err := s.ScoreInputs(ctx, 2563, e)
	if err != nil {
		t.Fatal(err)
	}
	var r scoring.Result
	for _, x := range in {
		if x.Agency.Code == demo.CodeEnergyPS {
			r = e.Score(x)
		}
	}
	if r.Agency == "" {
		t.Fatalf("no input for %s among %d agencies", demo.CodeEnergyPS, len(in))
	}
	want := map[string]string{
		"1": "87.72", "2": "77.52", "3": "82.51", "4": "77.14", "5": "74.87", "6": "94.73", "7": "92.78", "8": "94.37",
		"9": "90.83", "10": "68.75",
	}
	for id, w := range want {
		if got := r.Indicators[id].Format(); got != w {
			t.Errorf("indicator %s = %s, want %s (seed 000)", id, got, w)
		}
	}
	for id, w := range map[string]string{"IIT": "79.95", "EIT": "93.96", "OIT": "79.79"} {
		if got := r.Instruments[id].Score.Format(); got != w {
			t.Errorf("%s = %s, want %s (seed 000)", id, got, w)
		}
	}
	if *r.Instruments["IIT"].Respondents != 30 || *r.Instruments["IIT"].Minimum != 30 || *r.Instruments["EIT"].Respondents != 42 {
		t.Errorf("respondents IIT %d (minimum %d), EIT %d; want 30 (30), 42 as seed 000", *r.Instruments["IIT"].Respondents, *r.Instruments["IIT"].Minimum, *r.Instruments["EIT"].Respondents)
	}
	if r.Total.Format() != "84.09" || r.Rating != "B" || r.Passed || !r.Official || len(r.Flags) != 0 {
		t.Errorf("result %s, want 84.09 B, not passed, official, no flags (seed 000)", r)
	}
	// The other agencies have nothing stored for 2563: no total, unofficial.
	for _, x := range in {
		if x.Agency.Code != demo.CodeEnergyPS {
			if o := e.Score(x); o.Total.Valid() || o.Official {
				t.Errorf("%s scores %s in 2563 with nothing stored", x.Agency.Code, o)
			}
		}
	}
}

func hasResultFlag(r scoring.Result, f scoring.Flag) bool {
	for _, x := range r.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// TestSaveResults: a year's computed results are kept whole (the agency's page reads back
// every figure), the national table filters, sorts with unscored agencies last and pages,
// and computing again replaces the run, each computation audit-logged with the run before.
func TestSaveResults(t *testing.T) {
	resultEngines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		s.Now = func() time.Time { return storetest.Epoch }
		energy := storetest.Energy()[:4]
		for _, a := range energy {
			if err := s.CreateAgency(ctx, a, audit.System()); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.CreateYear(ctx, storetest.Year2563(), audit.System()); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindResultRun(ctx, 2563); !apperr.Is(err, apperr.CodeNotFound) {
			t.Fatalf("FindResultRun before any computation: %v, want NotFound", err)
		}
		result := func(code string, total float64, passed, official bool, flags ...scoring.Flag) scoring.Result {
			r := scoring.Result{Agency: code, Official: official, Passed: passed, Flags: flags,
				Instruments: map[string]scoring.InstrumentResult{"IIT": {Score: scoring.Of(total - 1)}, "EIT": {Score: scoring.Of(total + 1)}, "OIT": {Score: scoring.Of(total)}},
				Indicators:  map[string]scoring.Score{"1": scoring.Of(total - 1), "9": scoring.Missing},
				Questions:   map[string]scoring.Score{"i1": scoring.Of(66.6666666667), "o2": scoring.Of(0)},
			}
			if total > 0 {
				r.Total, r.Rating = scoring.Of(total), "B"
			} else {
				r.Instruments["IIT"] = scoring.InstrumentResult{}
			}
			return r
		}
		rs := []scoring.Result{
			result(energy[0].Code, 84.0903, false, true),
			result(energy[1].Code, 92.55, true, false, scoring.FlagExternalDataNotApproved),
			result(energy[2].Code, 0, false, false, scoring.FlagIITBelowMinimum, scoring.FlagInternalDataNotApproved),
			result(energy[3].Code, 88.1, true, true),
		}
		by := audit.By("admin", string(account.RoleCentralAdmin), "192.0.2.1")
		run, err := s.SaveResults(ctx, results.Run{FiscalYear: 2563, FrameworkYear: 2563}, rs, by)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.FindResultRun(ctx, 2563)
		if err != nil || got.Agencies != 4 || got.ComputedBy != "admin" || !got.ComputedAt.Equal(storetest.Epoch) || got != run {
			t.Fatalf("run = %+v, %v; want 4 agencies by admin at the epoch, as SaveResults returned (%+v)", got, err, run)
		}
		back, err := s.FindAgencyResult(ctx, 2563, energy[0].Code)
		if err != nil {
			t.Fatal(err)
		}
		if back.String() != rs[0].String() || back.Questions["i1"] != rs[0].Questions["i1"] || back.Indicators["9"].Valid() || back.Instruments["EIT"].Score != rs[0].Instruments["EIT"].Score {
			t.Errorf("read back %s %v, want %s %v", back, back.Questions, rs[0], rs[0].Questions)
		}
		if _, err := s.FindAgencyResult(ctx, 2563, "9999999"); !apperr.Is(err, apperr.CodeNotFound) {
			t.Errorf("FindAgencyResult of an agency without a result: %v, want NotFound", err)
		}

		codes := func(f results.Filter) []string {
			t.Helper()
			p, err := s.FindResults(ctx, 2563, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, r := range p.Rows {
				out = append(out, r.Agency.Code)
			}
			return append(out, "total="+strconv.Itoa(p.Total))
		}
		c := func(i int) string { return energy[i].Code }
		tests := []struct {
			name string
			f    results.Filter
			want []string
		}{
			{"ByTotalBestFirst", results.Filter{Sort: results.SortTotal}, []string{c(1), c(3), c(0), c(2), "total=4"}},
			{"ByTotalWorstFirstUnscoredLast", results.Filter{Sort: results.SortTotal, Desc: true}, []string{c(0), c(3), c(1), c(2), "total=4"}},
			{"ByIIT", results.Filter{Sort: results.SortIIT}, []string{c(1), c(3), c(0), c(2), "total=4"}},
			{"Passed", results.Filter{Status: results.FilterPassed, Sort: results.SortCode}, sortedCodes(c(1), c(3), "total=2")},
			{"Failed", results.Filter{Status: results.FilterFailed}, []string{c(0), "total=1"}},
			{"NoTotal", results.Filter{Status: results.FilterNoTotal}, []string{c(2), "total=1"}},
			{"Unofficial", results.Filter{Status: results.FilterUnofficial, Sort: results.SortTotal}, []string{c(1), c(2), "total=2"}},
			{"Paged", results.Filter{Sort: results.SortTotal, Agency: agencyPage(2, 2)}, []string{c(0), c(2), "total=4"}},
			{"Scope", results.Filter{Sort: results.SortTotal, Agency: agencyCodes(c(2), c(0))}, []string{c(0), c(2), "total=2"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if got := codes(tt.f); fmt.Sprint(got) != fmt.Sprint(tt.want) {
					t.Errorf("got %v, want %v", got, tt.want)
				}
			})
		}
		p, err := s.FindResults(ctx, 2563, results.Filter{Status: results.FilterNoTotal})
		if err != nil || len(p.Rows) != 1 {
			t.Fatalf("FindResults: %v, %v", p, err)
		}
		if r := p.Rows[0]; r.Total.Valid() || r.IIT.Valid() || !r.OIT.Valid() || len(r.Flags) != 2 || r.Flags[0] != scoring.FlagIITBelowMinimum || r.Status() != results.StatusNoTotal {
			t.Errorf("row %+v: want no total, no IIT, an OIT and the two flags", r)
		}

		s.Now = func() time.Time { return storetest.Epoch.Add(time.Hour) }
		if _, err := s.SaveResults(ctx, results.Run{FiscalYear: 2563, FrameworkYear: 2563}, rs[:2], by); err != nil {
			t.Fatal(err)
		}
		if got := codes(results.Filter{Sort: results.SortCode}); len(got) != 3 {
			t.Errorf("after computing again with 2 agencies: %v, want the 2 only", got)
		}
		page, err := s.FindAudit(ctx, audit.Filter{Action: results.ActionCompute})
		if err != nil || page.Total != 2 {
			t.Fatalf("%d compute entries (%v), want 2", page.Total, err)
		}
		if e := page.Entries[0]; e.Actor != "admin" || e.Subject != "2563" || !strings.Contains(e.Before, `"agencies":4`) || !strings.Contains(e.After, `"agencies":2`) {
			t.Errorf("latest entry %+v: want admin on 2563, before 4 agencies, after 2", e)
		}
		if _, err := s.SaveResults(ctx, results.Run{FiscalYear: 2599, FrameworkYear: 2563}, rs, by); !apperr.Is(err, apperr.CodeNotFound) {
			t.Errorf("SaveResults for a year that does not exist: %v, want NotFound", err)
		}
	})
}

func sortedCodes(cs ...string) []string { slices.Sort(cs[:len(cs)-1]); return cs }

func agencyPage(limit, offset int) agency.Filter { return agency.Filter{Limit: limit, Offset: offset} }

func agencyCodes(codes ...string) agency.Filter { return agency.Filter{Codes: codes} }

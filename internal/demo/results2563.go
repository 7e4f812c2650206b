package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
)

// seed000 is what the Ministry of Energy's memo on สป.พน.'s 2563 results (seed 000) prints of
// its surveys: the indicator scores, the respondents and how they were spread. With the OIT
// record of oit.go, scoring the responses built from it reproduces the memo: IIT 79.95, EIT
// 93.96, OIT 79.79, total 84.09, B, not passed.
var seed000 = struct {
	indicators            map[string]float64
	iit, eit              int
	iitMale, eitMale      int
	public, gov, business int
}{
	indicators: map[string]float64{"1": 87.72, "2": 77.52, "3": 82.51, "4": 77.14, "5": 74.87, "6": 94.73, "7": 92.78, "8": 94.37},
	iit:        30, eit: 42,
	iitMale: 11, eitMale: 28,
	public: 35, gov: 2, business: 5,
}

// The memo does not print สป.พน.'s stakeholder counts, only that its 30 IIT respondents were
// "equal to the minimum sample"; these counts are the demo's, chosen so: 300 staff give a
// minimum of 30, an estimated 420 service users a minimum of 42.
const energyStaff2563, energyUsers2563 = 300, 420

// load2563Surveys gives สป.พน. the closed year 2563 as the memo reports it: internal and
// external stakeholder data approved, and 30 IIT and 42 EIT responses whose question scores
// make its indicators the memo's to two decimals. The memo prints no question scores, so each
// indicator's questions are answered alike, one of them tuned (planIndicator); answers are
// spread over the respondents, some questions left blank by a few, as real ones are.
func load2563Surveys(ctx context.Context, st Store) error {
	const fy = 2563
	code := CodeEnergyPS
	admin := audit.By("a"+code, string(account.RoleAgencyAdmin), "")
	exec := audit.By("t"+code, string(account.RoleAgencyExecutive), "")
	for _, k := range []struct {
		kind stakeholder.Kind
		n    int
	}{{stakeholder.Internal, energyStaff2563}, {stakeholder.External, energyUsers2563}} {
		if _, err := st.SetStakeholderPopulation(ctx, fy, code, k.kind, k.n, admin); err != nil {
			return fmt.Errorf("stakeholders %d %s: %w", fy, k.kind, err)
		}
		if k.kind == stakeholder.External {
			if _, err := st.ImportStakeholderContacts(ctx, fy, code, energyContacts(), admin); err != nil {
				return fmt.Errorf("stakeholders %d %s: %w", fy, k.kind, err)
			}
		}
		if _, err := st.ChangeStakeholderStatus(ctx, fy, code, k.kind, stakeholder.ActionSubmit, "", admin); err != nil {
			return fmt.Errorf("stakeholders %d %s: %w", fy, k.kind, err)
		}
		if _, err := st.ChangeStakeholderStatus(ctx, fy, code, k.kind, stakeholder.ActionApprove, "", exec); err != nil {
			return fmt.Errorf("stakeholders %d %s: %w", fy, k.kind, err)
		}
	}
	fw, err := framework.Builtin(FrameworkYear)
	if err != nil {
		return err
	}
	e, err := scoring.NewEngine(fw)
	if err != nil {
		return err
	}
	var subs []survey.Submission
	for _, sv := range []struct {
		id, instrument string
		n, male        int
	}{{survey.IIT, "IIT", seed000.iit, seed000.iitMale}, {survey.EIT, "EIT", seed000.eit, seed000.eitMale}} {
		answers, err := seed000Answers(e.Layout(sv.instrument), sv.n)
		if err != nil {
			return fmt.Errorf("responses %d %s: %w", fy, sv.id, err)
		}
		for i, a := range answers {
			profile := map[string]string{survey.ProfileGender: "female"}
			if i < sv.male {
				profile[survey.ProfileGender] = "male"
			}
			if sv.id == survey.EIT {
				profile[survey.ProfileRespondentType] = "public"
				switch {
				case i >= seed000.public+seed000.gov:
					profile[survey.ProfileRespondentType] = "business"
				case i >= seed000.public:
					profile[survey.ProfileRespondentType] = "government"
				}
			}
			subs = append(subs, survey.Submission{
				Response: survey.Response{
					FiscalYear: fy, AgencyCode: code, Survey: sv.id, Channel: survey.ChannelLink,
					Day:     time.Date(2020, time.May, 4+i%60, 0, 0, 0, 0, thaidate.Location),
					Answers: a, Profile: profile,
				},
				IDHash: demoKey(fy, code, sv.id, i),
			})
		}
	}
	if err := st.ImportResponses(ctx, subs, audit.System()); err != nil {
		return fmt.Errorf("responses %d: %w", fy, err)
	}
	return nil
}

// seed000Answers returns n respondents' answers to the survey of layout l whose indicators
// score as seed 000 prints them.
func seed000Answers(l *scoring.Layout, n int) ([]map[string]string, error) {
	out := make([]map[string]string, n)
	for i := range out {
		out[i] = map[string]string{}
	}
	r := rand.New(rand.NewPCG(2563, 0))
	for ii, ind := range l.Instrument.Indicators {
		target, ok := seed000.indicators[ind.ID]
		if !ok {
			return nil, fmt.Errorf("seed 000 prints no score for indicator %s", ind.ID)
		}
		var spans []scoring.QuestionSpan
		var levels [][]float64
		for _, q := range l.Questions {
			if q.Indicator == ii {
				spans = append(spans, q)
				levels = append(levels, rankedScores(l.Items[q.First]))
			}
		}
		plans, err := planIndicator(levels, n, target)
		if err != nil {
			return nil, fmt.Errorf("indicator %s: %w", ind.ID, err)
		}
		for qi, q := range spans {
			p := plans[qi]
			var given []int // one level per answering respondent
			for level, c := range p.counts {
				for range c {
					given = append(given, level)
				}
			}
			r.Shuffle(len(given), func(a, b int) { given[a], given[b] = given[b], given[a] })
			who := r.Perm(n)[:p.n]
			for k, resp := range who {
				for slot := q.First; slot < q.End; slot++ {
					it := l.Items[slot]
					out[resp][it.Key] = byScore(it.Question.AnswerType.Options, it.Negative)[given[k]].Code
				}
			}
		}
	}
	return out, nil
}

// rankedScores returns what an item's answers are worth, from the worst to the best.
func rankedScores(it framework.ItemRef) []float64 {
	opts := byScore(it.Question.AnswerType.Options, it.Negative)
	out := make([]float64, len(opts))
	for i, o := range opts {
		out[i] = o.ScoreFor(it.Negative)
	}
	return out
}

// questionPlan is how one question is answered: by n respondents, counts[i] of whom give the
// answer of rank i (worst first).
type questionPlan struct {
	n      int
	counts []int
}

func (p questionPlan) score(values []float64) float64 {
	sum := 0.0
	for i, c := range p.counts {
		sum += float64(c) * values[i]
	}
	return sum / float64(p.n)
}

// planIndicator returns, for the questions of an indicator (each given by the worth of its
// answers), plans for n respondents whose mean score rounds to target at two decimals: every
// question answered by all as close to target as n answers allow, then one question — or, when
// no single one can, two — answered by a few fewer or differently until the mean is within
// 0.003 of target.
func planIndicator(values [][]float64, n int, target float64) ([]questionPlan, error) {
	const within, fewer = 0.003, 12
	plans := make([]questionPlan, len(values))
	scores := make([]float64, len(values))
	total := 0.0
	for q, v := range values {
		// Answered by every respondent, so that none answers nothing.
		plans[q] = tune(v, n, n, target)
		scores[q] = plans[q].score(v)
		total += scores[q]
	}
	m := float64(len(values))
	// need returns the score the tuned questions must add up to.
	need := func(tuned ...int) float64 {
		rest := total
		for _, q := range tuned {
			rest -= scores[q]
		}
		return m*target - rest
	}
	for q := len(values) - 1; q >= 0; q-- {
		if p := tune(values[q], n-fewer, n, need(q)); math.Abs(p.score(values[q])-need(q)) < m*within {
			plans[q] = p
			return plans, nil
		}
	}
	for q1 := len(values) - 1; q1 >= 0; q1-- {
		for q2 := q1 - 1; q2 >= 0; q2-- {
			want := need(q1, q2)
			for step := -40; step <= 40; step++ {
				p2 := tune(values[q2], n-fewer, n, scores[q2]+float64(step)*0.1)
				p1 := tune(values[q1], n-fewer, n, want-p2.score(values[q2]))
				if math.Abs(p1.score(values[q1])+p2.score(values[q2])-want) < m*within {
					plans[q1], plans[q2] = p1, p2
					return plans, nil
				}
			}
		}
	}
	return nil, fmt.Errorf("no answers of %d respondents give %.2f", n, target)
}

// tune returns the plan of lo…hi respondents whose score is nearest to s, the first found on
// a tie. It counts the answers of every rank but the two worst and solves for those: a few
// thousand plans rather than every one.
func tune(values []float64, lo, hi int, s float64) questionPlan {
	var best questionPlan
	bestCost := math.Inf(1)
	counts := make([]int, len(values))
	try := func(k int) {
		p := questionPlan{n: k, counts: counts}
		if c := math.Abs(p.score(values) - s); c < bestCost {
			bestCost, best = c, questionPlan{n: k, counts: append([]int(nil), counts...)}
		}
	}
	for k := hi; k >= max(1, lo); k-- {
		var fill func(i, left int)
		fill = func(i, left int) {
			if i >= 2 {
				for c := 0; c <= left; c++ {
					counts[i] = c
					fill(i-1, left-c)
				}
				return
			}
			// counts[0] and counts[1] share what is left: the sum the ranks above leave to rank 1.
			sum := 0.0
			for j := 2; j < len(values); j++ {
				sum += float64(counts[j]) * values[j]
			}
			c1 := 0
			if values[1] != values[0] {
				c1 = int(math.Round((s*float64(k) - sum - float64(left)*values[0]) / (values[1] - values[0])))
			}
			for _, c := range []int{c1 - 1, c1, c1 + 1} {
				if c < 0 || c > left {
					continue
				}
				counts[1], counts[0] = c, left-c
				try(k)
			}
		}
		fill(len(values)-1, k)
	}
	return best
}

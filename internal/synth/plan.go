package synth

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/openitas/itas/internal/framework"
)

// year is everything decided before a file is written: the agencies, and for each survey its
// items and how many respondents each agency has.
type year struct {
	fw       *framework.Framework
	agencies []agency
	surveys  []*survey
	oit      *framework.Instrument // nil when the framework has no checklist
}

// survey is the plan of one survey file.
type survey struct {
	id, file string // "IIT", "iit.csv"
	ins      *framework.Instrument
	items    []item
	// counts holds each agency's respondents, in agency order.
	counts       []int
	total, below int
}

// item is one answer column.
type item struct {
	key string // "i1.2"
	// codes are the answer codes from the worst answer to the best, polarity applied: for a
	// negatively worded item "4" (มากที่สุด) is the worst.
	codes []string
	// difficulty shifts every agency's answers to this item, in score points, so that some
	// questions are national weak points.
	difficulty float64
}

// shortShare is the share of agencies that collect fewer respondents than the minimum sample.
const shortShare = 0.04

// plan draws the agencies and allocates the respondents of each survey.
func plan(fw *framework.Framework, opts Options) (*year, error) {
	r := rand.New(rand.NewPCG(opts.Seed, 0))
	y := &year{fw: fw, agencies: makeAgencies(r, opts.Agencies)}
	for i := range fw.Instruments {
		ins := &fw.Instruments[i]
		if ins.Kind == framework.KindChecklist {
			y.oit = ins
			continue
		}
		want := map[string]int{"IIT": opts.IIT, "EIT": opts.EIT}
		n, ok := want[ins.ID]
		if !ok {
			continue
		}
		sv := &survey{id: ins.ID, file: strings.ToLower(ins.ID) + ".csv", ins: ins, items: surveyItems(fw, ins, r)}
		pops := make([]int, len(y.agencies))
		for j, a := range y.agencies {
			pops[j] = a.external
			if ins.Population == "internal" {
				pops[j] = a.internal
			}
		}
		counts, err := allocate(r, n, pops, fw.MinimumSample)
		if err != nil {
			return nil, fmt.Errorf("synth: %s: %w", ins.ID, err)
		}
		sv.counts, sv.total = counts, n
		for j, c := range counts {
			if c < fw.MinimumSample.Minimum(pops[j]) {
				sv.below++
			}
		}
		y.surveys = append(y.surveys, sv)
	}
	return y, nil
}

// surveyItems lists an instrument's answer columns in framework order.
func surveyItems(fw *framework.Framework, ins *framework.Instrument, r *rand.Rand) []item {
	var items []item
	for _, ind := range ins.Indicators {
		for _, q := range ind.Questions {
			for _, key := range q.ItemKeys() {
				ref, _ := fw.Item(key)
				opts := slices.Clone(ref.Question.AnswerType.Options)
				slices.SortStableFunc(opts, func(a, b framework.Option) int { return cmp.Compare(a.Score, b.Score) })
				if ref.Negative {
					slices.Reverse(opts)
				}
				codes := make([]string, len(opts))
				for i, o := range opts {
					codes[i] = o.Code
				}
				items = append(items, item{key: key, codes: codes, difficulty: r.NormFloat64() * 4})
			}
		}
	}
	return items
}

// allocate spreads n respondents over agencies with the given populations: every agency
// first gets its minimum sample — except about 1 in 25, which falls short of it — and the rest
// goes out in proportion to the minimum times a random keenness, so larger agencies get more.
// No agency gets more respondents than it has stakeholders. When n is below the sum of the
// minimums, every agency gets its share of n instead and many fall short.
func allocate(r *rand.Rand, n int, pops []int, rule framework.SampleRule) ([]int, error) {
	counts := make([]int, len(pops))
	room := make([]int, len(pops))
	weight := make([]float64, len(pops))
	base := 0
	for i, p := range pops {
		m := rule.Minimum(p)
		if r.Float64() < shortShare {
			m = int(float64(m) * r.Float64() * 0.9)
		} else {
			weight[i] = float64(m) * (0.2 + r.Float64())
		}
		counts[i] = m
		room[i] = p - m
		base += m
	}
	if base > n {
		// Too few respondents for every minimum: scale the minimums down.
		left := n
		for i := range counts {
			c := int(float64(counts[i]) * float64(n) / float64(base))
			counts[i], left = c, left-c
		}
		for i := 0; left > 0; i = (i + 1) % len(counts) {
			if counts[i] < pops[i] {
				counts[i]++
				left--
			}
		}
		return counts, nil
	}
	left := n - base
	for left > 0 {
		total := 0.0
		for i, w := range weight {
			if room[i] > 0 {
				total += w
			}
		}
		if total == 0 {
			// Only agencies meant to fall short have room left: fill them too.
			for i := range weight {
				if room[i] > 0 {
					weight[i], total = 1, total+1
				}
			}
			if total == 0 {
				return nil, fmt.Errorf("%d respondents are more than the agencies have stakeholders: give more agencies or fewer respondents", n)
			}
		}
		share := float64(left) / total
		placed := 0
		for i, w := range weight {
			if room[i] <= 0 || w == 0 {
				continue
			}
			add := min(room[i], int(w*share), left-placed)
			if add == 0 && placed < left {
				add = 1 // the last few go one at a time
			}
			counts[i] += add
			room[i] -= add
			placed += add
		}
		left -= placed
	}
	return counts, nil
}

package framework

import "math"

// Minimum returns the minimum number of respondents for a population of the given size:
// Percent rounded up, at least AtLeast, at most AtMost, and the whole population when it is
// smaller than AtLeast. A population of zero or less needs no one.
func (r SampleRule) Minimum(population int) int {
	if population <= 0 {
		return 0
	}
	// Rounding 10 % of 4,001 must give 401 → capped to 400, and 10 % of 301 must give 31: round
	// up, but first strip the float noise of e.g. 0.1*300 = 30.000000000000004.
	n := int(math.Ceil(math.Round(float64(population)*r.Percent/100*1e9) / 1e9))
	if n < r.AtLeast {
		n = r.AtLeast
	}
	if r.AtMost > 0 && n > r.AtMost {
		n = r.AtMost
	}
	if n > population {
		n = population
	}
	return n
}

// Round2 rounds half away from zero to two decimals, the precision of every published ITA
// figure. Scores are kept at full precision and rounded only for display and rating. A sum of
// scores that is exactly 84.995 in decimal arithmetic can come out of float arithmetic as
// 84.99499999999999; rounding first to six decimals strips that noise, so the half rounds up as
// it does on paper.
func Round2(x float64) float64 {
	return math.Round(math.Round(x*1e6)/1e4) / 100
}

// Rate returns the band that applies to a total and the scored instruments' scores, and reports
// whether the agency passed. Values are compared after rounding to two decimals, as published
// (84.995 is shown as 85.00 and passes). It returns false for found when no band applies.
func (r RatingRule) Rate(total float64, instruments []float64) (band Band, passed bool, found bool) {
	t := Round2(total)
	for _, b := range r.Bands {
		if t < b.Min {
			continue
		}
		if b.InstrumentMin != nil && !allAtLeast(instruments, *b.InstrumentMin) {
			continue
		}
		passed = t >= r.PassMark
		if b.Passed != nil {
			passed = *b.Passed
		}
		return b, passed, true
	}
	return Band{}, false, false
}

func allAtLeast(scores []float64, floor float64) bool {
	for _, s := range scores {
		if Round2(s) < floor {
			return false
		}
	}
	return true
}

// ItemScore returns what an answer code is worth on a sub-item of the given polarity, and
// reports whether the code is one of the answer type's options (or their aliases).
func (a AnswerType) ItemScore(code string, negative bool) (float64, bool) {
	o, ok := a.Option(code)
	if !ok {
		return 0, false
	}
	return o.ScoreFor(negative), true
}

// ScoreFor returns what the option is worth on an item of the given polarity: its Score on a
// positively worded item, 100 − Score on a negatively worded one.
func (o Option) ScoreFor(negative bool) float64 {
	if negative {
		return 100 - o.Score
	}
	return o.Score
}

// Option returns the option whose code or alias matches, ignoring case and surrounding space.
func (a AnswerType) Option(code string) (Option, bool) {
	code = normalizeCode(code)
	for _, o := range a.Options {
		if normalizeCode(o.Code) == code {
			return o, true
		}
		for _, al := range o.Aliases {
			if normalizeCode(al) == code {
				return o, true
			}
		}
	}
	return Option{}, false
}

// Package scoring is the ITA scoring engine (manual 3.1–3.2, ข้อควรระวัง #5): respondents'
// answers and assessors' OIT item scores in, question → indicator → instrument → total,
// rating and the "*" (unofficial) flags out. It is pure: it reads no files and knows nothing of
// HTTP, SQL or output formats. Scores are kept at full precision; only ratings and display
// round, to two decimals.
package scoring

import (
	"encoding/json"
	"strconv"

	"github.com/openitas/itas/internal/framework"
)

// Score is a score that may be missing: a question nobody answered, an instrument that cannot
// be scored. The zero Score is missing. It marshals to JSON as a number or null.
type Score struct {
	value float64
	valid bool
}

// Of returns a present score.
func Of(v float64) Score { return Score{value: v, valid: true} }

// Missing is the absent score.
var Missing = Score{}

// Valid reports whether the score is present.
func (s Score) Valid() bool { return s.valid }

// Value returns the score, or 0 when it is missing.
func (s Score) Value() float64 { return s.value }

// Format renders the score with two decimals, or "-" when it is missing.
func (s Score) Format() string {
	if !s.valid {
		return "-"
	}
	return strconv.FormatFloat(framework.Round2(s.value), 'f', 2, 64)
}

// MarshalJSON writes the score at full precision, or null.
func (s Score) MarshalJSON() ([]byte, error) {
	if !s.valid {
		return []byte("null"), nil
	}
	return json.Marshal(s.value)
}

// UnmarshalJSON reads a number or null.
func (s *Score) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = Missing
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Of(v)
	return nil
}

// Mean returns the mean of the present scores, or Missing when none is present. Every level of
// ITA scoring is an unweighted mean of the level below.
func Mean(scores ...Score) Score {
	sum, n := 0.0, 0
	for _, s := range scores {
		if s.valid {
			sum += s.value
			n++
		}
	}
	if n == 0 {
		return Missing
	}
	return Of(sum / float64(n))
}

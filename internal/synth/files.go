package synth

import (
	"math/rand/v2"
	"slices"
	"strconv"
)

// writeAgencies writes agency,name,internal_population,external_population.
func writeAgencies(path string, y *year) error {
	c, err := createCSV(path, []string{"agency", "name", "internal_population", "external_population"})
	if err != nil {
		return err
	}
	for _, a := range y.agencies {
		if err := c.write([]string{a.code, a.name, strconv.Itoa(a.internal), strconv.Itoa(a.external)}); err != nil {
			c.close()
			return err
		}
	}
	return c.close()
}

// writeOIT writes agency,item,score for every item of every agency and returns the number of
// rows. An agency passes an item with a probability near its quality; an item it fails gets
// one of the lower scores the framework allows (0, or 0 or 50).
func writeOIT(path string, y *year, r *rand.Rand) (int, error) {
	scores := slices.Clone(y.oit.ItemScores)
	slices.Sort(scores)
	if len(scores) == 0 {
		scores = []float64{0, 100}
	}
	codes := make([]string, len(scores))
	for i, s := range scores {
		codes[i] = strconv.FormatFloat(s, 'f', -1, 64)
	}
	var items []string
	for _, ind := range y.oit.Indicators {
		for _, sub := range ind.SubIndicators {
			for _, it := range sub.Items {
				items = append(items, it.ID)
			}
		}
	}
	c, err := createCSV(path, []string{"agency", "item", "score"})
	if err != nil {
		return 0, err
	}
	rows := 0
	rec := make([]string, 3)
	for _, a := range y.agencies {
		pass := clamp((a.quality+r.NormFloat64()*8)/100, 0.05, 1)
		for _, id := range items {
			score := codes[len(codes)-1]
			if r.Float64() >= pass && len(codes) > 1 {
				score = codes[r.IntN(len(codes)-1)]
			}
			rec[0], rec[1], rec[2] = a.code, id, score
			if err := c.write(rec); err != nil {
				c.close()
				return 0, err
			}
			rows++
		}
	}
	return rows, c.close()
}

func clamp(x, lo, hi float64) float64 { return max(lo, min(hi, x)) }

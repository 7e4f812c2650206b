package scoreinput

import (
	"slices"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/tabular"
)

// readOIT reads agency,item,score. A score must be one the framework lets an assessor give
// (0/100 in 2563, 0/50/100 in 2568). An agency listed must have every item scored: a partial
// list is far more likely a cut-off file than a decision.
func readOIT(path string, fw *framework.Framework, known map[string]bool, errs *Errors) map[string]map[string]float64 {
	r, err := tabular.Open(path)
	if err != nil {
		errs.add(err)
		return nil
	}
	defer r.Close()
	cols, ok := requireColumns(r, errs, "agency", "item", "score")
	if !ok {
		return nil
	}
	oit, ok := checklist(fw)
	if !ok {
		errs.add(r.Errorf(0, -1, "the %d framework has no OIT (checklist) instrument to score", fw.Year))
		return nil
	}
	allowed := oit.ItemScores
	scores := map[string]map[string]float64{}
	firstLine := map[string]int{}
	eachRow(r, errs, func(row tabular.Row) {
		agency, item, cell := r.Cell(row, cols[0]), strings.ToLower(r.Cell(row, cols[1])), r.Cell(row, cols[2])
		if !known[agency] {
			errs.add(r.Errorf(row.Line, cols[0], "agency %q is not in the agencies file", agency))
			return
		}
		if ref, ok := fw.OITItem(item); !ok || ref.Instrument != oit {
			errs.add(r.Errorf(row.Line, cols[1], "unknown OIT item %q in the %d framework", r.Cell(row, cols[1]), fw.Year))
			return
		}
		v, err := strconv.ParseFloat(thaiDigits.Replace(cell), 64)
		if err != nil || !slices.Contains(allowed, v) {
			errs.add(r.Errorf(row.Line, cols[2], "score %q must be one of %s", cell, formatScores(allowed)))
			return
		}
		m := scores[agency]
		if m == nil {
			m = map[string]float64{}
			scores[agency] = m
			firstLine[agency] = row.Line
		}
		if _, dup := m[item]; dup {
			errs.add(r.Errorf(row.Line, cols[1], "item %s of agency %q is scored twice", item, agency))
			return
		}
		m[item] = v
	})
	if len(errs.List) == 0 {
		for agency, m := range scores {
			if missing := missingItems(oit, m); len(missing) > 0 {
				errs.add(r.Errorf(firstLine[agency], cols[0], "agency %q has no score for OIT item(s) %s", agency, strings.Join(missing, ", ")))
			}
		}
	}
	return scores
}

func checklist(fw *framework.Framework) (*framework.Instrument, bool) {
	for i := range fw.Instruments {
		if fw.Instruments[i].Kind == framework.KindChecklist {
			return &fw.Instruments[i], true
		}
	}
	return nil, false
}

func missingItems(oit *framework.Instrument, m map[string]float64) []string {
	var missing []string
	for _, ind := range oit.Indicators {
		for _, sub := range ind.SubIndicators {
			for _, it := range sub.Items {
				if _, ok := m[it.ID]; !ok {
					missing = append(missing, it.ID)
				}
			}
		}
	}
	return missing
}

func formatScores(s []float64) string {
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strings.Join(parts, ", ")
}

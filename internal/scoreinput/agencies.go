package scoreinput

import (
	"strings"

	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/tabular"
)

// Optional agencies-file columns recording steps of the year (ข้อควรระวัง #5). An absent
// column means the step was completed.
var complianceColumns = []struct {
	name string
	set  func(c *scoring.Compliance, done bool)
}{
	{"registered", func(c *scoring.Compliance, done bool) { c.NotRegistered = !done }},
	{"internal_approved", func(c *scoring.Compliance, done bool) { c.InternalDataNotApproved = !done }},
	{"external_approved", func(c *scoring.Compliance, done bool) { c.ExternalDataNotApproved = !done }},
	{"oit_approved", func(c *scoring.Compliance, done bool) { c.OITNotApproved = !done }},
}

// readAgencies reads agency,name,internal_population,external_population (and optional
// compliance columns) in file order.
func readAgencies(path string, errs *Errors) []scoring.Agency {
	r, err := tabular.Open(path)
	if err != nil {
		errs.add(err)
		return nil
	}
	defer r.Close()
	cols, ok := requireColumns(r, errs, "agency", "name", "internal_population", "external_population")
	if !ok {
		return nil
	}
	optional := map[int]func(*scoring.Compliance, bool){}
	for _, c := range complianceColumns {
		if i, ok := column(r, c.name); ok {
			optional[i] = c.set
		}
	}
	var list []scoring.Agency
	seen := map[string]int{}
	eachRow(r, errs, func(row tabular.Row) {
		a := scoring.Agency{Code: r.Cell(row, cols[0]), Name: r.Cell(row, cols[1])}
		switch first, dup := seen[a.Code]; {
		case a.Code == "":
			errs.add(r.Errorf(row.Line, cols[0], "agency code is empty"))
			return
		case dup:
			errs.add(r.Errorf(row.Line, cols[0], "agency %q appears again (first at %s)", a.Code, r.Pos(first, -1)))
			return
		}
		seen[a.Code] = row.Line
		// Every agency has staff: an internal count of 0 means the stakeholder data was never
		// entered, and would silently make the IIT minimum 0.
		a.InternalPopulation = population(r, row, cols[2], 1, errs)
		a.ExternalPopulation = population(r, row, cols[3], 0, errs)
		for col, set := range optional {
			done, ok := parseDone(r.Cell(row, col))
			if !ok {
				errs.add(r.Errorf(row.Line, col, "%q is not yes/no (use yes, no, true, false, 1, 0, ใช่ or ไม่ใช่)", r.Cell(row, col)))
				continue
			}
			set(&a.Compliance, done)
		}
		list = append(list, a)
	})
	if len(list) == 0 && len(errs.List) == 0 {
		errs.add(r.Errorf(r.HeaderLine(), -1, "no agencies listed"))
	}
	return list
}

// population parses a stakeholder count of at least least.
func population(r *tabular.Reader, row tabular.Row, col, least int, errs *Errors) int {
	n, ok := wholeNumber(r.Cell(row, col))
	if !ok || n < least {
		errs.add(r.Errorf(row.Line, col, "%q is not a whole number of people (%d or more)", r.Cell(row, col), least))
		return 0
	}
	return n
}

func parseDone(s string) (done, ok bool) {
	switch strings.ToLower(s) {
	case "yes", "y", "true", "1", "ใช่":
		return true, true
	case "no", "n", "false", "0", "ไม่ใช่":
		return false, true
	}
	return false, false
}

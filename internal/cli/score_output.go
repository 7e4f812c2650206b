package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoring"
)

type scoreRenderer func(w io.Writer, fw *framework.Framework, results []scoring.Result, o scoreOptions) error

var scoreFormats = map[string]scoreRenderer{
	"json":  renderScoreJSON,
	"csv":   renderScoreCSV,
	"table": renderScoreTable,
}

// renderScoreJSON writes full-precision results; unscored values are null.
func renderScoreJSON(w io.Writer, fw *framework.Framework, results []scoring.Result, o scoreOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Year     int              `json:"year"`
		Agencies []scoring.Result `json:"agencies"`
	}{o.yearOf(fw), results})
}

// scoreColumns lists, in framework order, every figure a CSV row carries after the summary.
func scoreColumns(fw *framework.Framework) (indicators, subs, questions []string) {
	for _, ins := range fw.Instruments {
		for _, ind := range ins.Indicators {
			indicators = append(indicators, ind.ID)
			for _, q := range ind.Questions {
				questions = append(questions, q.ID)
			}
			for _, sub := range ind.SubIndicators {
				subs = append(subs, sub.ID)
				for _, it := range sub.Items {
					questions = append(questions, it.ID)
				}
			}
		}
	}
	return
}

// renderScoreCSV writes one row per agency at full precision; empty cells are unscored.
func renderScoreCSV(w io.Writer, fw *framework.Framework, results []scoring.Result, _ scoreOptions) error {
	indicators, subs, questions := scoreColumns(fw)
	cw := csv.NewWriter(w)
	head := []string{"agency", "name", "total", "rating", "passed", "official", "flags"}
	for _, ins := range fw.Instruments {
		head = append(head, ins.ID)
		if ins.Kind == framework.KindSurvey {
			head = append(head, strings.ToLower(ins.ID)+"_respondents", strings.ToLower(ins.ID)+"_minimum")
		}
	}
	for _, id := range indicators {
		head = append(head, "indicator_"+id)
	}
	for _, id := range subs {
		head = append(head, "subindicator_"+id)
	}
	head = append(head, questions...)
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range results {
		flags := make([]string, len(r.Flags))
		for i, f := range r.Flags {
			flags[i] = string(f)
		}
		row := []string{r.Agency, r.Name, csvScore(r.Total), r.Rating, strconv.FormatBool(r.Passed), strconv.FormatBool(r.Official), strings.Join(flags, ";")}
		for _, ins := range fw.Instruments {
			ir := r.Instruments[ins.ID]
			row = append(row, csvScore(ir.Score))
			if ins.Kind == framework.KindSurvey {
				row = append(row, intOrEmpty(ir.Respondents), intOrEmpty(ir.Minimum))
			}
		}
		for _, id := range indicators {
			row = append(row, csvScore(r.Indicators[id]))
		}
		for _, id := range subs {
			row = append(row, csvScore(r.SubIndicators[id]))
		}
		for _, id := range questions {
			row = append(row, csvScore(r.Questions[id]))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvScore(s scoring.Score) string {
	if !s.Valid() {
		return ""
	}
	return strconv.FormatFloat(s.Value(), 'f', -1, 64)
}

func intOrEmpty(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// renderScoreTable writes what a person reads: two decimals, Thai labels (or English), a "*"
// on unofficial results, and the reasons below the table.
func renderScoreTable(w io.Writer, fw *framework.Framework, results []scoring.Result, o scoreOptions) error {
	l := tableLabels(o.english)
	head := []string{l.agency, l.total, l.rating, l.passed}
	for _, ins := range fw.Instruments {
		head = append(head, ins.ID)
		if ins.Kind == framework.KindSurvey {
			head = append(head, ins.ID+" "+l.respondents)
		}
	}
	rows := [][]string{head}
	right := map[int]bool{1: true}
	for i := 4; i < len(head); i++ {
		right[i] = true
	}
	var notes []string
	unofficial := false
	for _, r := range results {
		unofficial = unofficial || !r.Official
		total := r.Total.Format()
		if !r.Official {
			total += "*"
		}
		passed := l.no
		switch {
		case !r.Total.Valid():
			passed = "-" // without a total there is nothing to pass or fail
		case r.Passed:
			passed = l.yes
		}
		row := []string{truncate(r.Agency+" "+r.Name, 48), total, dash(r.Rating), passed}
		for _, ins := range fw.Instruments {
			ir := r.Instruments[ins.ID]
			row = append(row, ir.Score.Format())
			if ins.Kind == framework.KindSurvey {
				row = append(row, fmt.Sprintf("%s/%s", intOrEmpty(ir.Respondents), intOrEmpty(ir.Minimum)))
			}
		}
		rows = append(rows, row)
		for _, f := range r.Flags {
			notes = append(notes, fmt.Sprintf("  %s: %s", r.Agency, f.Text(o.english)))
		}
	}
	fmt.Fprintf(w, "%s %d\n\n", l.title, o.yearOf(fw))
	io.WriteString(w, table(rows, right))
	if unofficial {
		fmt.Fprintf(w, "\n%s\n", l.unofficial)
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\n%s\n%s\n", l.notes, strings.Join(notes, "\n"))
	}
	if o.detail {
		for _, r := range results {
			writeDetail(w, fw, r, l, o.english)
		}
	}
	return nil
}

func writeDetail(w io.Writer, fw *framework.Framework, r scoring.Result, l labels, en bool) {
	fmt.Fprintf(w, "\n%s %s\n", r.Agency, r.Name)
	rows := [][]string{{l.indicator, l.score}}
	for _, ins := range fw.Instruments {
		for _, ind := range ins.Indicators {
			name := ind.Name
			if en && ind.NameEN != "" {
				name = ind.NameEN
			}
			rows = append(rows, []string{fmt.Sprintf("%s %s %s", ins.ID, ind.ID, name), r.Indicators[ind.ID].Format()})
			for _, sub := range ind.SubIndicators {
				name := sub.Name
				if en && sub.NameEN != "" {
					name = sub.NameEN
				}
				rows = append(rows, []string{fmt.Sprintf("      %s %s", sub.ID, name), r.SubIndicators[sub.ID].Format()})
			}
		}
	}
	io.WriteString(w, table(rows, map[int]bool{1: true}))
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

type labels struct {
	title, agency, total, rating, passed, respondents, yes, no, unofficial, notes, indicator, score string
}

func tableLabels(en bool) labels {
	if en {
		return labels{"ITA results, fiscal year", "Agency", "Total", "Rating", "Passed", "resp./min.", "yes", "no",
			"* unofficial result (ข้อควรระวัง #5)", "Notes:", "Indicator", "Score"}
	}
	return labels{"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ.", "หน่วยงาน", "คะแนนรวม", "ระดับ", "ผ่าน", "ผู้ตอบ/ขั้นต่ำ", "ผ่าน", "ไม่ผ่าน",
		"* ผลการประเมินไม่เป็นทางการ (ข้อควรระวัง #5)", "หมายเหตุ:", "ตัวชี้วัด", "คะแนน"}
}

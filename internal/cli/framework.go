package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/framework"
)

func init() {
	register("framework", "show a fiscal year's framework or check a framework file", runFramework)
}

const frameworkUsage = `framework show YEAR [--format text|json]
       itas framework check FILE`

func runFramework(_ context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return usageError("usage: itas %s", frameworkUsage)
	}
	switch args[0] {
	case "show":
		return frameworkShow(env, args[1:])
	case "check":
		return frameworkCheck(env, args[1:])
	}
	return usageError("unknown framework command %q (show or check)", args[0])
}

func frameworkShow(env Env, args []string) error {
	fs := newFlags(env, "framework show", frameworkUsage)
	format := fs.String("format", "text", "output format: text or json")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return usageError("%v", err)
	}
	if len(pos) != 1 {
		return usageError("give one fiscal year, e.g. itas framework show 2563 (built-in: %v)", framework.BuiltinYears())
	}
	year, err := strconv.Atoi(pos[0])
	if err != nil {
		return usageError("%q is not a fiscal year", pos[0])
	}
	fw, err := framework.Builtin(year)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(fw)
	case "text":
		writeFrameworkTree(env.Stdout, fw)
		return nil
	}
	return usageError("unknown --format %q (text or json)", *format)
}

// frameworkCheck validates a framework file and summarises it, or lists every problem.
func frameworkCheck(env Env, args []string) error {
	if len(args) != 1 {
		return usageError("give one framework file: itas framework check FILE")
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	fw, err := framework.Parse(data)
	var ve *framework.ValidationError
	if errors.As(err, &ve) {
		fmt.Fprintf(env.Stdout, "%s: %d problem(s)\n", args[0], len(ve.Problems))
		for _, p := range ve.Problems {
			fmt.Fprintf(env.Stdout, "  %s\n", p)
		}
		return &exitError{code: 1, err: fmt.Errorf("%s is not a valid framework", args[0])}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	q, items := 0, 0
	for _, ins := range fw.Instruments {
		for _, ind := range ins.Indicators {
			q += len(ind.Questions)
			for _, sub := range ind.SubIndicators {
				items += len(sub.Items)
			}
		}
	}
	fmt.Fprintf(env.Stdout, "%s: valid framework for fiscal year %d — %d instruments, %d survey questions, %d checklist items\n",
		args[0], fw.Year, len(fw.Instruments), q, items)
	return nil
}

// writeFrameworkTree prints a framework as an indented tree a person can read.
func writeFrameworkTree(w io.Writer, fw *framework.Framework) {
	fmt.Fprintf(w, "%s\n%s\n\n", fw.Title, fw.Source)
	var weights []string
	for _, ins := range fw.Instruments {
		weights = append(weights, fmt.Sprintf("%s %g%%", ins.ID, ins.Weight))
	}
	fmt.Fprintf(w, "น้ำหนัก: %s · เกณฑ์ผ่าน %g คะแนน\n", strings.Join(weights, " · "), fw.Rating.PassMark)
	var bands []string
	for _, b := range fw.Rating.Bands {
		s := fmt.Sprintf("%s ≥ %g", b.Label, b.Min)
		if b.InstrumentMin != nil {
			s += fmt.Sprintf(" (ทุกแบบ ≥ %g)", *b.InstrumentMin)
		}
		bands = append(bands, s)
	}
	fmt.Fprintf(w, "ระดับผลการประเมิน: %s\n", strings.Join(bands, " · "))
	m := fw.MinimumSample
	fmt.Fprintf(w, "กลุ่มตัวอย่างขั้นต่ำ: ร้อยละ %g ของผู้มีส่วนได้ส่วนเสีย อย่างน้อย %d (ทั้งหมดถ้าน้อยกว่า %d) ไม่เกิน %d\n", m.Percent, m.AtLeast, m.AtLeast, m.AtMost)
	for _, t := range fw.AnswerTypes {
		var opts []string
		for _, o := range t.Options {
			opts = append(opts, fmt.Sprintf("%s=%s (%g)", o.Code, o.Label, o.Score))
		}
		fmt.Fprintf(w, "คำตอบ %s: %s\n", t.ID, strings.Join(opts, ", "))
	}
	for _, ins := range fw.Instruments {
		fmt.Fprintf(w, "\n%s %s (%s) — น้ำหนักร้อยละ %g\n", ins.ID, ins.Name, ins.NameEN, ins.Weight)
		for _, p := range ins.Parts {
			fmt.Fprintf(w, "  ส่วนที่ %d: %s\n", p.Number, p.Name)
		}
		for _, ind := range ins.Indicators {
			fmt.Fprintf(w, "  ตัวชี้วัดที่ %s %s (%s)\n", ind.ID, ind.Name, ind.NameEN)
			for _, q := range ind.Questions {
				writeQuestion(w, q)
			}
			for _, sub := range ind.SubIndicators {
				fmt.Fprintf(w, "    ตัวชี้วัดย่อยที่ %s %s\n", sub.ID, sub.Name)
				for _, it := range sub.Items {
					fmt.Fprintf(w, "      %s %s\n", it.ID, it.Title)
					for _, c := range it.Components {
						fmt.Fprintf(w, "          · %s\n", c)
					}
				}
			}
		}
	}
	if len(fw.Assumptions) > 0 {
		fmt.Fprintf(w, "\nสิ่งที่ระบบกำหนดเอง (assumptions):\n")
		for _, a := range fw.Assumptions {
			fmt.Fprintf(w, "  - %s\n", a)
		}
	}
}

func writeQuestion(w io.Writer, q framework.Question) {
	neg := func(b bool) string {
		if b {
			return " [เชิงลบ]"
		}
		return ""
	}
	fmt.Fprintf(w, "    %s %s [%s]%s\n", q.ID, q.Text, q.Answer, neg(q.Negative))
	for i, si := range q.SubItems {
		fmt.Fprintf(w, "        %s.%d %s%s\n", q.ID, i+1, si.Text, neg(si.Negative))
	}
	if q.Note != "" {
		fmt.Fprintf(w, "        หมายเหตุ: %s\n", q.Note)
	}
}

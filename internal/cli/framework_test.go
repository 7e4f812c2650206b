package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFrameworkShow(t *testing.T) {
	for _, year := range []string{"2563", "2568"} {
		out, errOut, code := runCLI(t, "framework", "show", year)
		if code != 0 || !strings.Contains(out, "ตัวชี้วัดที่ 9") || !strings.Contains(out, "สิ่งที่ระบบกำหนดเอง") {
			t.Errorf("show %s: exit %d, %s\n%.300s", year, code, errOut, out)
		}
		out, _, code = runCLI(t, "framework", "show", year, "--format", "json")
		var fw struct{ Year int }
		if code != 0 || json.Unmarshal([]byte(out), &fw) != nil || fw.Year == 0 {
			t.Errorf("show %s --format json: exit %d\n%.300s", year, code, out)
		}
	}
}

func TestFrameworkCheck(t *testing.T) {
	out, _, code := runCLI(t, "framework", "check", tinyFramework)
	if code != 0 || !strings.Contains(out, "valid framework for fiscal year 2599") {
		t.Errorf("valid file: exit %d\n%s", code, out)
	}
	bad := writeFiles(t, map[string]string{"bad.yaml": `year: 2570
title: กรอบที่ผิด
answer_types:
  - {id: scale4, options: [{code: "1", score: 0}, {code: "2", score: 100}]}
rating: {pass_mark: 85, bands: [{label: A, min: 85}]}
minimum_sample: {percent: 10, at_least: 30, at_most: 400}
instruments:
  - id: IIT
    kind: survey
    weight: 30
    population: internal
    indicators:
      - {id: "1", name: ก, questions: [{id: i1, text: ก, answer: scale5}, {id: i1, text: ข, answer: scale4}]}
      - {id: "2", name: ข}
  - id: OIT
    kind: checklist
    weight: 60
    item_scores: [0, 100]
    indicators: []
`})
	out, errOut, code := runCLI(t, "framework", "check", bad+"/bad.yaml")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		`unknown answer type "scale5"`,
		`duplicate question id "i1"`,
		"instruments[IIT].indicators[2]: indicator has no questions",
		"instruments[OIT]: has no indicators",
		"weights must sum to 100, they sum to 90",
		"the last band must have min 0",
	} {
		if !strings.Contains(out+errOut, want) {
			t.Errorf("output lacks %q:\n%s%s", want, out, errOut)
		}
	}
	if _, _, code := runCLI(t, "framework", "check", "does-not-exist.yaml"); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

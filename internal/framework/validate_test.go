package framework

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestValidateSharedIDs checks that the ids files and reports name bare cannot collide across
// instruments: a question and an OIT item, or a single-part question and another's sub-item.
func TestValidateSharedIDs(t *testing.T) {
	base, err := os.ReadFile("../scoring/testdata/tiny.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, from, to, want string
	}{
		{"QuestionAndOITItem", "{id: o1, title: ก", "{id: i3, title: ก", `duplicate OIT item id "i3" (first at instruments[IIT]`},
		{"QuestionAndSubItemKey", "{id: i3, text: เดี่ยว", "{id: i1.2, text: เดี่ยว", `duplicate question id "i1.2" (first at instruments[IIT].indicators[1].questions[i1].subitems[1])`},
		{"IndicatorTwice", `id: "2"`, `id: "1"`, `duplicate indicator id "1"`},
		{"UnknownIndicatorMean", "item_scores: [0, 100]", "item_scores: [0, 100]\n    indicator_mean: median", "indicator_mean must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(string(base), tt.from, tt.to, 1)
			if data == string(base) {
				t.Fatalf("fixture lacks %q", tt.from)
			}
			_, err := Parse([]byte(data))
			var ve *ValidationError
			if !errors.As(err, &ve) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want a validation error containing %q", err, tt.want)
			}
		})
	}
	if _, err := Parse(base); err != nil {
		t.Fatalf("the unchanged fixture must be valid: %v", err)
	}
}

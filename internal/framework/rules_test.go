package framework

import "testing"

// TestRound2HalfUpDespiteFloatNoise feeds sums that are exactly on a half in decimal arithmetic
// but not in float arithmetic: published figures round them up, so must we.
func TestRound2HalfUpDespiteFloatNoise(t *testing.T) {
	tests := []struct {
		name string
		x    float64
		want float64
	}{
		{"84.995 from weighted instruments", 0.3*60.08 + 0.3*94.07 + 0.4*96.875, 85},
		{"94.995 literal", 94.995, 95},
		{"74.995 from a mean", (74.99 + 75.0) / 2, 75},
		{"84.994 stays", 84.994, 84.99},
		{"negative half", -0.125, -0.13},
		{"exact", 96.83, 96.83},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Round2(tt.x); got != tt.want {
				t.Errorf("Round2(%.17g) = %v, want %v", tt.x, got, tt.want)
			}
		})
	}
}

func TestRateAtComputedBandEdge(t *testing.T) {
	fw, err := Builtin(2563)
	if err != nil {
		t.Fatal(err)
	}
	total := 0.3*60.08 + 0.3*94.07 + 0.4*96.875 // 84.995 on paper
	band, passed, ok := fw.Rating.Rate(total, []float64{60.08, 94.07, 96.875})
	if !ok || band.Label != "A" || !passed {
		t.Errorf("Rate(%.17g) = %s passed %v, want A passed", total, band.Label, passed)
	}
}

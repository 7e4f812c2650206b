package loadgen

import (
	"math"
	"slices"
	"time"
)

// latencyOf returns the distribution of ds in milliseconds (nearest-rank percentiles); all
// zero when ds is empty. It sorts ds.
func latencyOf(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	slices.Sort(ds)
	at := func(p float64) float64 {
		rank := int(math.Ceil(p * float64(len(ds))))
		return ms(ds[min(max(rank, 1), len(ds))-1])
	}
	return Latency{P50: at(0.50), P90: at(0.90), P99: at(0.99), Max: ms(ds[len(ds)-1])}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

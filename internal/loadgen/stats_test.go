package loadgen

import (
	"testing"
	"time"
)

func TestLatencyOf(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- { // 100 ms … 1 ms, unsorted
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := latencyOf(ds)
	want := Latency{P50: 50, P90: 90, P99: 99, Max: 100}
	if got != want {
		t.Errorf("latencyOf(1…100 ms) = %+v, want %+v", got, want)
	}
	if got := latencyOf(nil); got != (Latency{}) {
		t.Errorf("latencyOf(nil) = %+v, want zeros", got)
	}
	if got := latencyOf([]time.Duration{7 * time.Millisecond}); got != (Latency{7, 7, 7, 7}) {
		t.Errorf("latencyOf(7 ms) = %+v", got)
	}
}

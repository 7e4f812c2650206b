package loadgen

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used so far, or 0 where the
// system does not say. Per-response CPU time is steadier than a rate on a machine whose cores
// other work shares, so the report gives both.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuPer returns the CPU time spent per item in microseconds, or 0 for no items.
func cpuPer(spent time.Duration, items int) float64 {
	if items == 0 {
		return 0
	}
	return float64(spent.Microseconds()) / float64(items)
}

// measureCPU returns a channel that receives the CPU time the process spends between from and
// until, once until has passed.
func measureCPU(from, until time.Time) <-chan time.Duration {
	out := make(chan time.Duration, 1)
	go func() {
		time.Sleep(time.Until(from))
		start := cpuTime()
		time.Sleep(time.Until(until))
		out <- cpuTime() - start
	}()
	return out
}

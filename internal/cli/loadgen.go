package cli

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/openitas/itas/internal/loadgen"
)

func init() {
	register("loadgen", "measure survey collection under load: HTTP responses/s and latency vs the raw ceiling", runLoadgen)
}

const loadgenUsage = `loadgen [--db postgres://…] [--clients 50,500] [--duration 10s] [--runs 1] [--json]

Creates a throwaway database (SQLite in a temporary directory, or with --db / $ITAS_DB a fresh
schema in that PostgreSQL database, dropped afterwards) with an open year and --agencies IIT
links, measures the raw insert rate of IIT responses through the store (the ceiling), then
starts the web server on 127.0.0.1 and posts complete, valid IIT responses over HTTP from each
number of --clients, reporting acknowledged (201) responses/s, latency and errors: first flat
out (each client sends its next response as soon as the last is answered: the capacity), then
paced at --rate responses/s in all (the latency at that load).`

func runLoadgen(ctx context.Context, env Env, args []string) error {
	var (
		o          loadgen.Options
		clients    string
		asJSON     bool
		runs       int
		cpuProfile string
	)
	fs := newFlags(env, "loadgen", loadgenUsage)
	fs.StringVar(&o.DSN, "db", os.Getenv("ITAS_DB"), "PostgreSQL URL (default $ITAS_DB; a fresh schema is made and dropped); empty: a throwaway SQLite file")
	fs.IntVar(&o.Agencies, "agencies", 200, "agencies the responses go to, each with its IIT link")
	fs.StringVar(&clients, "clients", "50,500", "concurrency levels, comma-separated")
	fs.Float64Var(&o.Rate, "rate", loadgen.TargetPerSecond, "also run each level paced at this many responses/s in all, for latency under that load (0: flat out only)")
	fs.DurationVar(&o.Duration, "duration", 10*time.Second, "measured time of each level")
	fs.DurationVar(&o.Warmup, "warmup", 2*time.Second, "unmeasured time before each level")
	fs.DurationVar(&o.CeilingDuration, "ceiling-duration", 3*time.Second, "measured time of each raw ceiling")
	fs.IntVar(&o.BatchSize, "batch", 1000, "rows per InsertResponsesRaw call of the batch ceiling")
	fs.IntVar(&o.SubmitWorkers, "submit-workers", 0, "goroutines of the SubmitResponse ceiling (default: the largest level)")
	fs.IntVar(&runs, "runs", 1, "repeat the whole measurement this many times, each on a fresh database, and summarise (median and range)")
	fs.BoolVar(&asJSON, "json", false, "print the report as JSON")
	fs.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the measurements (ceilings and HTTP levels) to this file")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	levels, err := parseLevels(clients)
	if err != nil {
		return usageError("--clients: %v", err)
	}
	o.Clients = levels
	if o.Rate < 0 {
		return usageError("--rate must not be negative")
	}
	if o.Rate == 0 {
		o.Rate = -1 // flat out only
	}
	if runs < 1 || o.Agencies < 1 || o.Duration <= 0 || o.Warmup < 0 || o.CeilingDuration <= 0 || o.BatchSize < 1 || o.SubmitWorkers < 0 {
		return usageError("--runs, --agencies, --duration, --ceiling-duration and --batch must be positive")
	}
	o.Progress = env.Stderr
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var reps []*loadgen.Report
	for i := range runs {
		if runs > 1 {
			fmt.Fprintf(env.Stderr, "run %d of %d\n", i+1, runs)
		}
		rep, err := loadgen.Run(ctx, o)
		if err != nil {
			return err
		}
		reps = append(reps, rep)
		if !asJSON {
			if i > 0 {
				fmt.Fprintln(env.Stdout)
			}
			if err := rep.WriteTable(env.Stdout); err != nil {
				return err
			}
		}
	}
	switch {
	case asJSON && runs == 1:
		return reps[0].WriteJSON(env.Stdout)
	case asJSON:
		return loadgen.Summarize(reps).WriteJSON(env.Stdout)
	case runs > 1:
		fmt.Fprintln(env.Stdout)
		return loadgen.Summarize(reps).WriteTable(env.Stdout)
	}
	return nil
}

// parseLevels reads "50,500" into concurrency levels.
func parseLevels(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 || n > 20_000 {
			return nil, fmt.Errorf("%q is not a number of clients (1–20000)", part)
		}
		out = append(out, n)
	}
	return out, nil
}

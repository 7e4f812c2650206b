package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/synth"
)

func init() {
	register("synth", "generate a synthetic year's input files for itas score (demos, load tests)", runSynth)
}

const synthUsage = `synth --out DIR [--year 2563] [--agencies 8300] [--iit 500000] [--eit 900000] [--seed 1]

Writes agencies.csv, iit.csv, eit.csv and oit.csv into DIR — by default a national year — and
prints the itas score command that scores them. The same flags give the same files.`

func runSynth(_ context.Context, env Env, args []string) error {
	var (
		year   int
		fwFile string
		out    string
		opts   = synth.National
	)
	fs := newFlags(env, "synth", synthUsage)
	fs.IntVar(&year, "year", 2563, "fiscal year (Buddhist era) of a built-in framework")
	fs.StringVar(&fwFile, "framework", "", "generate for this framework file instead of a built-in year")
	fs.StringVar(&out, "out", "", "directory to write the files into (required; created if missing)")
	fs.IntVar(&opts.Agencies, "agencies", opts.Agencies, "number of agencies")
	fs.IntVar(&opts.IIT, "iit", opts.IIT, "number of IIT respondents")
	fs.IntVar(&opts.EIT, "eit", opts.EIT, "number of EIT respondents")
	fs.Uint64Var(&opts.Seed, "seed", opts.Seed, "random seed: another seed, another year")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	if out == "" {
		return usageError("--out is required")
	}
	if opts.Agencies < 1 || opts.IIT < 0 || opts.EIT < 0 {
		return usageError("--agencies must be at least 1 and --iit, --eit not negative")
	}
	if fwFile != "" {
		year = 0
	}
	fw, err := loadFramework(year, fwFile)
	if err != nil {
		return err
	}
	s, err := synth.Generate(fw, opts, out)
	if err != nil {
		return err
	}

	w := env.Stdout
	fmt.Fprintf(w, "synthetic %d year (seed %d) in %s:\n", fw.Year, opts.Seed, out)
	fmt.Fprintf(w, "  agencies  %s  %s agencies\n", s.Files.Agencies, thousands(s.Agencies))
	score := []string{"itas", "score"}
	if fwFile != "" {
		score = append(score, "--framework", shellQuote(fwFile))
	} else {
		score = append(score, "--year", strconv.Itoa(fw.Year))
	}
	score = append(score, "--agencies", shellQuote(s.Files.Agencies))
	for _, f := range []struct {
		flag, path string
		n, below   int
	}{{"iit", s.Files.IIT, s.IIT, s.IITBelowMinimum}, {"eit", s.Files.EIT, s.EIT, s.EITBelowMinimum}} {
		if f.path == "" {
			continue
		}
		fmt.Fprintf(w, "  %-8s  %s  %s respondents; %s agencies below the minimum sample\n", f.flag, f.path, thousands(f.n), thousands(f.below))
		score = append(score, "--"+f.flag, shellQuote(f.path))
	}
	if s.Files.OIT != "" {
		fmt.Fprintf(w, "  oit       %s  %s item scores\n", s.Files.OIT, thousands(s.OITRows))
		score = append(score, "--oit", shellQuote(s.Files.OIT))
	}
	fmt.Fprintf(w, "score them with:\n  %s\n", strings.Join(score, " "))
	return nil
}

// thousands formats n with comma separators (1,400,000).
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// shellQuote quotes s for a POSIX shell when it holds anything but safe characters.
func shellQuote(s string) string {
	safe := s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+:=,@%", r))
	}) < 0
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

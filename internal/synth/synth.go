// Package synth generates a synthetic ITA year for a framework: an agencies file, IIT and EIT
// answer files and an OIT item-score file, in the columns `itas score` reads. It is for demos
// and load tests — a national year is about 8,300 agencies, 0.5 M IIT and 0.9 M EIT
// respondents — and its output is deterministic: the same framework, options and seed give
// the same bytes.
//
// The year looks like a real one where that matters to scoring and its cost: most agencies are
// small local administrations and a few are large departments; respondents follow each
// agency's minimum sample, a few agencies fall short of it; each agency has a level of
// integrity that its answers and OIT items reflect, so totals spread over about 65–98; some
// cells are blank; demographic columns ride along unscored. Files are written as Excel writes
// "CSV UTF-8": a byte order mark and CRLF line ends.
package synth

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"

	"github.com/openitas/itas/internal/framework"
)

// Options size a synthetic year.
type Options struct {
	// Agencies is the number of agencies, at least 1.
	Agencies int
	// IIT and EIT are the numbers of respondents (rows) of each survey; 0 writes a file with
	// a header only.
	IIT, EIT int
	// Seed selects the year; the zero seed is a seed like any other.
	Seed uint64
}

// National is the size of a national year (fiscal 2563: 8,302 agencies).
var National = Options{Agencies: 8300, IIT: 500_000, EIT: 900_000, Seed: 1}

// Files are the paths of a synthetic year's files. A path is empty when the framework has no
// such instrument.
type Files struct {
	Agencies, IIT, EIT, OIT string
}

// Summary describes what Generate wrote.
type Summary struct {
	Files    Files
	Agencies int
	// IIT and EIT are the respondents written to each survey file.
	IIT, EIT int
	// IITBelowMinimum and EITBelowMinimum count agencies with fewer respondents than the
	// framework's minimum sample, which `itas score` marks "*" (IIT) or flags (EIT).
	IITBelowMinimum, EITBelowMinimum int
	// OITRows counts the item scores written.
	OITRows int
}

// Generate writes agencies.csv, iit.csv, eit.csv and oit.csv for fw into dir, which it creates
// if needed, replacing files of those names. It fails when an option is out of range, when a
// survey has more respondents than the agencies' stakeholders, or on an I/O error.
func Generate(fw *framework.Framework, opts Options, dir string) (Summary, error) {
	if opts.Agencies < 1 || opts.IIT < 0 || opts.EIT < 0 {
		return Summary{}, fmt.Errorf("synth: need at least 1 agency and no negative respondent count, got %+v", opts)
	}
	y, err := plan(fw, opts)
	if err != nil {
		return Summary{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Summary{}, fmt.Errorf("synth: %w", err)
	}
	s := Summary{Agencies: len(y.agencies)}
	path := func(name string) string { return filepath.Join(dir, name) }
	s.Files.Agencies = path("agencies.csv")
	if err := writeAgencies(s.Files.Agencies, y); err != nil {
		return Summary{}, err
	}

	// The survey files are the bulk of the work and independent: write them side by side,
	// each from its own random stream so that the bytes do not depend on scheduling.
	var wg sync.WaitGroup
	errs := make([]error, len(y.surveys))
	for i, sv := range y.surveys {
		p := path(sv.file)
		switch sv.id {
		case "IIT":
			s.Files.IIT, s.IIT, s.IITBelowMinimum = p, sv.total, sv.below
		case "EIT":
			s.Files.EIT, s.EIT, s.EITBelowMinimum = p, sv.total, sv.below
		}
		wg.Go(func() { errs[i] = writeSurvey(p, y, sv, rand.New(rand.NewPCG(opts.Seed, uint64(i+1)))) })
	}
	var oitErr error
	if y.oit != nil {
		s.Files.OIT = path("oit.csv")
		s.OITRows, oitErr = writeOIT(s.Files.OIT, y, rand.New(rand.NewPCG(opts.Seed, 100)))
	}
	wg.Wait()
	if err := errors.Join(append(errs, oitErr)...); err != nil {
		return Summary{}, err
	}
	return s, nil
}

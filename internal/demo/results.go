package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/results"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/thaidate"
)

// resultsStore is what the demo's results need from the store.
type resultsStore interface {
	ScoreInputs(ctx context.Context, fiscalYear int, e *scoring.Engine) ([]scoring.Input, error)
	SaveResults(ctx context.Context, run results.Run, rs []scoring.Result, by audit.Entry) (results.Run, error)
}

// loadResults gives สป.พน. its 2563 surveys as seed 000 reports them (results2563.go), then
// computes and keeps the results of the closed year 2563 from what the demo holds, as NACC did
// in its processing phase, so that the national table and สป.พน.'s page — every instrument,
// indicator and question, the OIT items with the assessor's comments — can be read at once:
// สป.พน. scores seed 000's 84.09 (B, not passed). The current year's results are left for
// NACC to compute when its processing phase opens.
func loadResults(ctx context.Context, st Store, now time.Time) error {
	const fy = 2563
	if fy == thaidate.FiscalYear(now) {
		return nil
	}
	if err := load2563Surveys(ctx, st); err != nil {
		return err
	}
	fw, err := framework.Builtin(FrameworkYear)
	if err != nil {
		return err
	}
	e, err := scoring.NewEngine(fw)
	if err != nil {
		return err
	}
	inputs, err := st.ScoreInputs(ctx, fy, e)
	if err != nil {
		return fmt.Errorf("results %d: %w", fy, err)
	}
	rs := make([]scoring.Result, len(inputs))
	for i, in := range inputs {
		rs[i] = e.Score(in)
	}
	if _, err := st.SaveResults(ctx, results.Run{FiscalYear: fy, FrameworkYear: FrameworkYear}, rs, audit.System()); err != nil {
		return fmt.Errorf("results %d: %w", fy, err)
	}
	return nil
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoreinput"
	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/store"
)

// runScoreDB scores a fiscal year from the database the system collected it in — responses,
// approved stakeholder counts, the steps each agency completed and the assessors' final OIT
// scores (store.ScoreInputs) — with the year's framework, and prints the results as the file
// mode does. It only reads: it neither migrates nor creates a database, so pointing it at the
// wrong directory is an error, not a new empty database.
func runScoreDB(ctx context.Context, env Env, o scoreOptions) error {
	switch {
	case o.db.dsn != "" && o.db.data != "":
		return usageError("give --db or --data, not both")
	case o.files != (scoreinput.Files{}):
		return usageError("--agencies, --iit, --eit and --oit read files; --db and --data read the database: give one or the other")
	case o.fwFile != "":
		return usageError("--framework scores files; a fiscal year in the database is scored with its own framework")
	case o.year == 0:
		return usageError("--year is required: the fiscal year (Buddhist era) to score, e.g. 2570")
	}
	render, ok := scoreFormats[o.format]
	if !ok {
		return usageError("unknown --format %q (table, json or csv)", o.format)
	}
	st, err := openForScoring(ctx, o.db)
	if err != nil {
		return err
	}
	defer st.Close()
	y, err := st.FindYear(ctx, o.year)
	if err != nil {
		return fmt.Errorf("fiscal year %d: %w", o.year, err)
	}
	fw, err := framework.Builtin(y.FrameworkYear)
	if err != nil {
		return err
	}
	e, err := scoring.NewEngine(fw)
	if err != nil {
		return err
	}
	inputs, err := st.ScoreInputs(ctx, y.FiscalYear, e)
	if err != nil {
		return err
	}
	res := make([]scoring.Result, len(inputs))
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		res[i] = e.Score(in)
	}
	o.fiscalYear = y.FiscalYear
	return render(env.Stdout, fw, res, o)
}

// openForScoring opens the database named by --db or --data without migrating it; a data
// directory must already hold a database.
func openForScoring(ctx context.Context, o dbOptions) (*store.Store, error) {
	dsn := o.dsn
	if dsn == "" {
		dsn = filepath.Join(o.data, "itas.db")
		if _, err := os.Stat(dsn); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("no ITAS database in %s (looked for %s)", o.data, dsn)
		}
	}
	return store.Open(ctx, dsn)
}

// yearOf returns the year the output names: the fiscal year scored from the database, or the
// framework's year when scoring files.
func (o scoreOptions) yearOf(fw *framework.Framework) int {
	if o.fiscalYear != 0 {
		return o.fiscalYear
	}
	return fw.Year
}

package cli

import (
	"context"
	"fmt"
	"time"
)

func init() {
	register("mix", "rewrite survey rows in random order (PostgreSQL), e.g. before a base backup", runMix)
}

const mixUsage = `mix [--db postgres://… | --data ./itas-data]

On PostgreSQL, rewrites the tables of respondent keys, survey answers and suggestions in a
random order in one transaction, so that neither the transaction id nor the place of a row can
pair a national-ID hash with its answers (see store.MixSurveyRows). The server does this every
night and when a collection phase closes; run it by hand before taking a base backup. Survey
submissions wait while it runs. On SQLite there is nothing to do.`

func runMix(ctx context.Context, env Env, args []string) error {
	var o dbOptions
	fs := newFlags(env, "mix", mixUsage)
	o.flags(fs)
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	st, where, err := o.open(ctx, newLogger(env.Stderr))
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	n, err := st.MixSurveyRows(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: mixed %d survey rows in %s\n", where, n, time.Since(start).Round(time.Millisecond))
	return nil
}

package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/openitas/itas/internal/framework"
	"github.com/openitas/itas/internal/scoreinput"
	"github.com/openitas/itas/internal/scoring"
)

func init() {
	register("score", "recompute ITA results offline from CSV/XLSX answer files", runScore)
}

const scoreUsage = `score --year 2563 --agencies agencies.csv [--iit iit.csv] [--eit eit.csv] [--oit oit.csv] [--format table|json|csv]
       score --db postgres://… | --data ./itas-data --year 2570 [--format table|json|csv]

With --db or --data, --year is a fiscal year of the database, scored with its framework from
what the system collected (see score_db.go); without them, a framework year scored from files.

Files may be CSV (UTF-8, with or without BOM) or XLSX with the same columns:
  agencies: agency,name,internal_population,external_population
            [,registered,internal_approved,external_approved,oit_approved  (yes/no)]
  iit, eit: agency,respondent[,part], then one column per item — i2 for a single-part
            question, i1.1, i1.2 … for a multi-part one; answers 1–4 or มี/ไม่มี (yes/no);
            an empty cell is "not answered"; other columns are ignored
  oit:      agency,item,score`

// scoreOptions are the flags of itas score.
type scoreOptions struct {
	year    int
	fwFile  string
	files   scoreinput.Files
	format  string
	detail  bool
	english bool
	db      dbOptions // --db or --data: score a fiscal year from the database (score_db.go)
	// fiscalYear is the year the output names when it is not the framework's (database mode).
	fiscalYear int
}

func runScore(ctx context.Context, env Env, args []string) error {
	var o scoreOptions
	fs := newFlags(env, "score", scoreUsage)
	fs.IntVar(&o.year, "year", 0, "fiscal year (Buddhist era) of a built-in framework, e.g. 2563")
	fs.StringVar(&o.fwFile, "framework", "", "score with this framework file instead of a built-in year")
	fs.StringVar(&o.files.Agencies, "agencies", "", "agencies file (required)")
	fs.StringVar(&o.files.IIT, "iit", "", "IIT answers file")
	fs.StringVar(&o.files.EIT, "eit", "", "EIT answers file")
	fs.StringVar(&o.files.OIT, "oit", "", "OIT item scores file")
	fs.StringVar(&o.format, "format", "table", "output format: table, json or csv")
	fs.BoolVar(&o.detail, "detail", false, "table format: also list indicators and sub-indicators per agency")
	fs.BoolVar(&o.english, "en", false, "table format: English labels")
	fs.StringVar(&o.db.dsn, "db", "", "score a fiscal year from this PostgreSQL database (postgres://…)")
	fs.StringVar(&o.db.data, "data", "", "score a fiscal year from the SQLite database in this data directory")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	if o.db.dsn != "" || o.db.data != "" {
		return runScoreDB(ctx, env, o)
	}
	if o.files.Agencies == "" {
		return usageError("--agencies is required")
	}
	render, ok := scoreFormats[o.format]
	if !ok {
		return usageError("unknown --format %q (table, json or csv)", o.format)
	}
	fw, err := loadFramework(o.year, o.fwFile)
	if err != nil {
		return err
	}
	e, err := scoring.NewEngine(fw)
	if err != nil {
		return err
	}
	inputs, err := scoreinput.Load(e, o.files)
	if err != nil {
		return err
	}
	results := make([]scoring.Result, len(inputs))
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		results[i] = e.Score(in)
	}
	return render(env.Stdout, fw, results, o)
}

// loadFramework returns a built-in year's framework or the one in a file.
func loadFramework(year int, file string) (*framework.Framework, error) {
	switch {
	case file != "" && year != 0:
		return nil, usageError("give --year or --framework, not both")
	case file != "":
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		fw, err := framework.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		return fw, nil
	case year != 0:
		return framework.Builtin(year)
	}
	return nil, usageError("--year is required (built-in: %v)", framework.BuiltinYears())
}

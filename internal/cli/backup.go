package cli

import (
	"context"
	"fmt"

	"github.com/openitas/itas/internal/store"
)

func init() {
	register("backup", "write a consistent copy of the embedded SQLite database", runBackup)
}

const backupUsage = `backup --out FILE [--data ./itas-data]

Writes a consistent copy of the embedded SQLite database to FILE (which must not exist) while
the server may keep running. A PostgreSQL database is backed up with pg_dump instead, e.g.
  pg_dump -Fc -f itas.dump "$ITAS_DB"`

func runBackup(ctx context.Context, env Env, args []string) error {
	var o dbOptions
	var out string
	fs := newFlags(env, "backup", backupUsage)
	o.flags(fs)
	fs.StringVar(&out, "out", "", "file to write the copy to (required; must not exist)")
	if err := fs.Parse(args); err != nil {
		return usageError("%v", err)
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q", fs.Arg(0))
	}
	if out == "" {
		return usageError("--out is required")
	}
	st, where, err := o.open(ctx, newLogger(env.Stderr))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, out); err != nil {
		return err
	}
	// Prove the copy is a database of the same schema before saying it is done.
	cp, err := store.Open(ctx, out)
	if err != nil {
		return fmt.Errorf("the copy %s does not open: %w", out, err)
	}
	defer cp.Close()
	v, err := cp.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("the copy %s has no readable schema: %w", out, err)
	}
	fmt.Fprintf(env.Stdout, "%s backed up to %s (schema version %d)\n", where, out, v)
	return nil
}

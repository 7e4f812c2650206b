package store

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/openitas/itas/internal/apperr"
)

// Backup writes a consistent copy of a SQLite database to path (which
// must not exist) while the store stays in use, with VACUUM INTO. For
// PostgreSQL it returns an Invalid error: use pg_dump, which takes a
// consistent snapshot of a live database.
func (s *Store) Backup(ctx context.Context, path string) (err error) {
	defer wrap(&err, "store.Backup(%q)", path)
	if s.dialect != SQLite {
		return apperr.Invalid("ฐานข้อมูล PostgreSQL ให้สำรองด้วย pg_dump",
			"Back up PostgreSQL with pg_dump (e.g. pg_dump -Fc -f itas.dump \"$ITAS_DB\")")
	}
	if _, err := os.Stat(path); err == nil {
		return apperr.Conflict("มีไฟล์นี้อยู่แล้ว", fmt.Sprintf("%s already exists", path))
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	_, err = s.db.ExecContext(ctx, `VACUUM INTO $1`, path)
	return err
}

package store

import (
	"context"
	"database/sql"
	"fmt"
)

// mixedTables are the survey tables whose rows must not be lined up with each other, in the
// order the group commit writes them (see insertResponses), so that the lock below is taken in
// the same order and cannot deadlock with a batch.
var mixedTables = []string{"respondent_keys", "responses", "suggestions"}

// MixSurveyRows rewrites the respondent keys, answers and suggestions of every year in a random
// physical order in one transaction, on PostgreSQL; on SQLite it does nothing.
//
// Why: on PostgreSQL every row records the transaction that wrote it (xmin) and a heap keeps
// rows roughly in the order they were written. A respondent's key and answers are written by
// the same group-commit transaction, so — outside deadline rushes, when a batch holds one
// submission — anyone who can run SELECT xmin could pair a national-ID hash with its answers.
// After a mix every row carries the mix's transaction id and a random place; TRUNCATE gives
// each table a new file, so the old ordering is not left behind in dead tuples either. What
// remains exposed is what was written since the last mix (the server mixes nightly and when a
// collection phase closes) and WAL kept by archiving or replication: keep WAL retention short
// during collection. SQLite stores these rows in the order of random ids or of the hash, so it
// never reveals the order of writing.
//
// Submissions wait for the mix (seconds for a national year); the counts are unchanged.
func (s *Store) MixSurveyRows(ctx context.Context) (rows int64, err error) {
	if s.dialect != Postgres {
		return 0, nil
	}
	defer func() {
		if err != nil {
			err = fmt.Errorf("store.MixSurveyRows: %w", err)
		}
	}()
	err = s.write(ctx, func(tx *sql.Tx) error {
		// Lock first: a batch that commits between the copy and the TRUNCATE would be lost.
		if _, err := tx.ExecContext(ctx, `LOCK TABLE respondent_keys, responses, suggestions IN ACCESS EXCLUSIVE MODE`); err != nil {
			return err
		}
		rows = 0
		for _, t := range mixedTables {
			tmp := "mix_" + t
			if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE `+tmp+` ON COMMIT DROP AS SELECT * FROM `+t); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `TRUNCATE `+t); err != nil {
				return err
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO `+t+` SELECT * FROM `+tmp+` ORDER BY random()`)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			rows += n
		}
		return nil
	})
	return rows, err
}

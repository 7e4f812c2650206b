package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/openitas/itas/internal/scoring"
	"github.com/openitas/itas/internal/survey"
)

// SeedScoredResponses writes responses straight into the responses table for benchmarks of
// scoring from the database: n[code] is the number of IIT and EIT responses of each agency in
// fiscal year fy, each one of 64 answer sets drawn from e's items (every option possible, one
// item in ten blank), by channel link, api or phone. It skips the respondent keys and counts
// that only collection needs.
func (s *Store) SeedScoredResponses(tb testing.TB, fy int, e *scoring.Engine, n map[string][2]int) {
	tb.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(uint64(fy), 11))
	var sets [2][]string
	for i, id := range []string{"IIT", "EIT"} {
		l := e.Layout(id)
		for range 64 {
			answers := map[string]string{}
			for _, it := range l.Items {
				if r.IntN(10) == 0 && len(answers) > 0 {
					continue
				}
				opts := it.Question.AnswerType.Options
				answers[it.Key] = opts[r.IntN(len(opts))].Code
			}
			sets[i] = append(sets[i], jsonObject(answers))
		}
	}
	channels := []survey.Channel{survey.ChannelLink, survey.ChannelLink, survey.ChannelAPI, survey.ChannelPhone}
	var batch [][]any
	id := int64(0)
	flush := func() {
		err := s.write(ctx, func(tx *sql.Tx) error {
			return s.insertRows(ctx, tx, `INSERT INTO responses (id, fiscal_year, agency_code, survey, channel, day, answers)`, batch, "")
		})
		if err != nil {
			tb.Fatal(fmt.Errorf("seed responses: %w", err))
		}
		batch = batch[:0]
	}
	for code, c := range n {
		for i, k := range c {
			sv := [2]string{survey.IIT, survey.EIT}[i]
			for range k {
				id++
				batch = append(batch, []any{id, fy, code, sv, string(channels[r.IntN(len(channels))]), "2026-12-01", sets[i][r.IntN(64)]})
				if len(batch) == 20000 {
					flush()
				}
			}
		}
	}
	if len(batch) > 0 {
		flush()
	}
}

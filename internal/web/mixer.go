package web

import (
	"context"
	"log/slog"
	"time"

	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/thaidate"
)

// surveyMixer is the optional part of the store that rewrites survey rows in random order
// (store.MixSurveyRows); see mixSurveys.
type surveyMixer interface {
	MixSurveyRows(ctx context.Context) (int64, error)
}

// mixCheckEvery is how often mixSurveys looks whether a mix is due.
const mixCheckEvery = 10 * time.Minute

// mixSurveys mixes the survey tables every night between 03:00 and 04:00 Bangkok time, when
// few respondents wait on the lock, and soon after an IIT or EIT collection window ends, so
// that what a database reader could pair by write order is at most a day's submissions.
func (s *Server) mixSurveys(ctx context.Context, m surveyMixer) {
	t := time.NewTicker(mixCheckEvery)
	defer t.Stop()
	last := s.now()
	var lastMix time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := s.now()
		if mixDue(now, last, lastMix, s.collectionEnds(ctx)) {
			start := time.Now()
			n, err := m.MixSurveyRows(ctx)
			if err != nil {
				s.log.Error("mixing survey rows failed", slog.String("error", err.Error()))
			} else {
				lastMix = now
				s.log.Info("mixed survey rows", slog.Int64("rows", n), slog.Duration("took", time.Since(start)))
			}
		}
		last = now
	}
}

// mixDue reports whether a mix is due at now, when the previous check was at last and the
// previous mix at lastMix: in the night hour if none ran in the last 12 hours, or when a
// collection window ended since the previous check.
func mixDue(now, last, lastMix time.Time, ends []time.Time) bool {
	if h := now.In(thaidate.Location).Hour(); h == 3 && now.Sub(lastMix) > 12*time.Hour {
		return true
	}
	for _, e := range ends {
		if e.After(last) && !e.After(now) {
			return true
		}
	}
	return false
}

// collectionEnds returns the ends of the current year's IIT and EIT collection windows.
func (s *Server) collectionEnds(ctx context.Context) []time.Time {
	y, err := s.openYear(ctx)
	if err != nil {
		return nil
	}
	var out []time.Time
	for _, p := range []assessment.Phase{assessment.PhaseIITCollection, assessment.PhaseEITCollection} {
		if w, ok := y.Window(p); ok {
			out = append(out, w.End)
		}
	}
	return out
}

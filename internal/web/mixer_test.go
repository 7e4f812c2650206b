package web

import (
	"testing"
	"time"

	"github.com/openitas/itas/internal/thaidate"
)

func TestMixDue(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 21, h, m, 0, 0, thaidate.Location) }
	end := at(16, 30)
	tests := []struct {
		name      string
		now, last time.Time
		lastMix   time.Time
		ends      []time.Time
		want      bool
	}{
		{"NightHour", at(3, 5), at(2, 55), time.Time{}, nil, true},
		{"NightHourAlreadyMixed", at(3, 25), at(3, 15), at(3, 5), nil, false},
		{"Daytime", at(10, 0), at(9, 50), time.Time{}, nil, false},
		{"CollectionJustEnded", at(16, 35), at(16, 25), at(3, 5), []time.Time{end}, true},
		{"CollectionEndedEarlier", at(16, 45), at(16, 35), at(16, 35), []time.Time{end}, false},
		{"CollectionEndsLater", at(16, 25), at(16, 15), at(3, 5), []time.Time{end}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mixDue(tt.now, tt.last, tt.lastMix, tt.ends); got != tt.want {
				t.Errorf("mixDue = %v, want %v", got, tt.want)
			}
		})
	}
}

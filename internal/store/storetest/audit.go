package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

var auditTests = []test{
	{"AuditAppendOnlyAndFiltered", func(t *testing.T, e *env) {
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		e.clock.Advance(time.Hour)
		for i := range 5 {
			_, err := e.s.AppendAudit(e.ctx, audit.Entry{
				Actor: "a6100101", Role: "agency_admin", AgencyCode: "6100101",
				Action: audit.ActionLogin, Subject: "a6100101", IP: fmt.Sprintf("192.0.2.%d", i),
			})
			must(t, err)
			e.clock.Advance(time.Minute)
		}
		_, err := e.s.AppendAudit(e.ctx, audit.Entry{Actor: "nacc", Action: audit.ActionLogin, At: Epoch.Add(-time.Hour)})
		must(t, err)

		tests := []struct {
			name string
			f    audit.Filter
			want int
		}{
			{"All", audit.Filter{}, 7},
			{"Actor", audit.Filter{Actor: "a6100101"}, 5},
			{"Agency", audit.Filter{AgencyCode: "6100101"}, 6},
			{"ActionPrefix", audit.Filter{Action: "session."}, 6},
			{"ActionExact", audit.Filter{Action: audit.ActionAgencyCreate}, 1},
			{"PrefixNeedsDot", audit.Filter{Action: "session"}, 0},
			{"Since", audit.Filter{Since: Epoch.Add(time.Hour + 2*time.Minute)}, 3},
			{"Until", audit.Filter{Until: Epoch}, 1},
			{"SinceUntil", audit.Filter{Since: Epoch, Until: Epoch.Add(time.Hour + time.Minute)}, 2},
		}
		for _, tt := range tests {
			page, err := e.s.FindAudit(e.ctx, tt.f)
			must(t, err)
			if page.Total != tt.want || len(page.Entries) != tt.want {
				t.Errorf("%s: total %d, %d entries; want %d", tt.name, page.Total, len(page.Entries), tt.want)
			}
		}

		page, err := e.s.FindAudit(e.ctx, audit.Filter{Limit: 2, Offset: 1})
		must(t, err)
		if page.Total != 7 || len(page.Entries) != 2 || page.Entries[0].ID <= page.Entries[1].ID {
			t.Fatalf("page = %+v, want 2 of 7, newest first", page)
		}
		// Newest first means last appended first, whatever At says.
		if got := page.Entries[0]; got.IP != "192.0.2.4" || !got.At.Equal(Epoch.Add(time.Hour+4*time.Minute)) {
			t.Errorf("second newest = %+v", got)
		}
	}},
	{"InvalidEntry", func(t *testing.T, e *env) {
		_, err := e.s.AppendAudit(e.ctx, audit.Entry{Action: audit.ActionLogin})
		wantCode(t, err, apperr.CodeInvalid)
		_, err = e.s.AppendAudit(e.ctx, audit.Entry{Actor: "x", Action: "x", After: "{not json"})
		wantCode(t, err, apperr.CodeInvalid)
	}},
}

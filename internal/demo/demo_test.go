package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/thaidate"
)

func TestLoad(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, time.November, 21, 10, 0, 0, 0, thaidate.Location)
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "itas.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.Now = func() time.Time { return now }
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	logins, err := Load(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	roles := map[account.Role]bool{}
	for _, l := range logins {
		roles[l.Role] = true
		if err := account.CheckPassword(l.Username, l.Password); err != nil {
			t.Errorf("demo password of %s breaks the policy: %v", l.Username, err)
		}
	}
	if len(roles) != len(account.Roles) {
		t.Errorf("demo roles %v, want one account of every role", roles)
	}
	page, err := st.FindAgencies(ctx, agency.Filter{Ministry: "กระทรวงพลังงาน", Limit: 100})
	if err != nil || page.Total != 9 {
		t.Errorf("energy agencies: %d (%v), want the nine of seed 000", page.Total, err)
	}
	if _, err := st.FindAgencyByCode(ctx, CodeKlongSe); err != nil {
		t.Errorf("อบต.คลองเส: %v", err)
	}
	y, err := st.CurrentYear(ctx)
	if err != nil || y.FrameworkYear != FrameworkYear {
		t.Fatalf("current year %+v (%v)", y, err)
	}
	if open := y.OpenPhases(now); len(open) != 5 || open[0] != assessment.PhaseRegistration || open[4] != assessment.PhaseOITAnswering {
		t.Errorf("open phases %v, want registration to OIT answering (5)", open)
	}
	again, err := Load(ctx, st, now)
	if err != nil || again != nil {
		t.Errorf("second load: %v, %v; want nothing done", again, err)
	}
}

package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/evidence"
	"github.com/openitas/itas/internal/store"
	"github.com/openitas/itas/internal/thaidate"
)

// TestLoadEvidence checks that the demo's assessor finds มหาวิทยาลัยเชียงใหม่'s evidence
// history with each kind of flag the fetcher gives.
func TestLoadEvidence(t *testing.T) {
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
	if _, err := Load(ctx, st, now); err != nil {
		t.Fatal(err)
	}
	ag, err := st.FindAgencyByCode(ctx, CodeChiangMaiU)
	if err != nil {
		t.Fatal(err)
	}
	assessor, err := st.FindAccountByUsername(ctx, "assessor")
	if err != nil {
		t.Fatal(err)
	}
	if !account.InScope(assessor, ag) {
		t.Fatalf("the demo assessor (groups %v) does not see มหาวิทยาลัยเชียงใหม่ (group %d)", assessor.Groups, ag.Group)
	}
	latest := func(item string) evidence.Record {
		t.Helper()
		h, err := st.EvidenceHistory(ctx, evidence.Target{FiscalYear: 2570, AgencyCode: CodeChiangMaiU, ItemID: item})
		if err != nil {
			t.Fatal(err)
		}
		if len(h) < 2 {
			t.Fatalf("%s: history of %d records, want the save and the confirmation at least", item, len(h))
		}
		return h[0]
	}
	tests := []struct {
		item   string
		reason evidence.Reason
		flag   evidence.Flag // "" for none
	}{
		{"o1", evidence.ReasonConfirmed, ""},
		{"o4", evidence.ReasonOpened, ""},
		{"o5", evidence.ReasonOpened, evidence.FlagCheck},
		{"o7", evidence.ReasonOpened, evidence.FlagChanged},
		{"o8", evidence.ReasonOpened, evidence.FlagNotFound},
	}
	for _, tt := range tests {
		r := latest(tt.item)
		ok := r.Reason == tt.reason && r.HasCopy && r.Title != ""
		if tt.flag == "" {
			ok = ok && len(r.Flags) == 0
		} else {
			ok = ok && len(r.Flags) == 1 && r.Has(tt.flag)
		}
		if !ok {
			t.Errorf("%s: latest record %+v, want %s with flag %q", tt.item, r, tt.reason, tt.flag)
		}
	}
	h, err := st.EvidenceHistory(ctx, evidence.Target{FiscalYear: 2570, AgencyCode: CodeChiangMaiU, ItemID: "o9"})
	if err != nil {
		t.Fatal(err)
	}
	offSite := 0
	for _, r := range h {
		if r.Has(evidence.FlagOffSite) {
			offSite++
		}
	}
	if offSite == 0 {
		t.Errorf("o9: no record flagged off the main website: %+v", h)
	}
}

package storetest

import (
	"strings"
	"testing"

	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/store"
)

var logoTests = []test{
	{"SetAndFind", func(t *testing.T, e *env) {
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		_, _, err := e.s.FindAgencyLogo(e.ctx, "6100101")
		wantCode(t, err, apperr.CodeNotFound)
		png := []byte("\x89PNG\r\n\x1a\n fake")
		must(t, e.s.SetAgencyLogo(e.ctx, "6100101", "image/png", png, by))
		must(t, e.s.SetAgencyLogo(e.ctx, "6100101", "image/png", append(png, '!'), by))
		ct, data, err := e.s.FindAgencyLogo(e.ctx, "6100101")
		must(t, err)
		if ct != "image/png" || string(data) != string(png)+"!" {
			t.Errorf("FindAgencyLogo = %q, %q", ct, data)
		}
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: audit.ActionAgencyLogo})
		must(t, err)
		if page.Total != 2 || page.Entries[0].Before == "" || strings.Contains(page.Entries[0].After, "PNG") {
			t.Errorf("audit = %+v", page.Entries)
		}
	}},
	{"Refused", func(t *testing.T, e *env) {
		wantCode(t, e.s.SetAgencyLogo(e.ctx, "6100101", "image/png", []byte("x"), by), apperr.CodeNotFound)
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		wantCode(t, e.s.SetAgencyLogo(e.ctx, "6100101", "image/png", nil, by), apperr.CodeInvalid)
		big := make([]byte, store.MaxLogoBytes+1)
		wantCode(t, e.s.SetAgencyLogo(e.ctx, "6100101", "image/png", big, by), apperr.CodeInvalid)
	}},
}

package web

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
)

// nationalAgencies adds agencies until the registry holds about 8,300, like a national year:
// mostly subdistrict administrations spread over the provinces.
func nationalAgencies(tb testing.TB, e *env) {
	tb.Helper()
	var batch []agency.Agency
	for i := 0; len(batch) < 8300-30; i++ {
		p := agency.Provinces[i%len(agency.Provinces)]
		typ := agency.TypeSAO
		if i%5 == 0 {
			typ = agency.TypeSubdistrictMuni
		}
		a := agency.Agency{Code: fmt.Sprintf("9%06d", i), Name: fmt.Sprintf("องค์การบริหารส่วนตำบลทดสอบที่ %d", i),
			Type: typ, Ministry: "กระทรวงมหาดไทย", Province: p.Name, Supervisor: agency.SupervisorDLA}
		a.Group = agency.SuggestGroup(a.Type, a.Province)
		batch = append(batch, a)
	}
	if _, err := e.st.UpsertAgencies(context.Background(), batch, audit.System()); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkAgencyList measures a page of the agency list over a national registry, through
// the whole handler: session, scope, query, template.
func BenchmarkAgencyList(b *testing.B) {
	e := newEnv(b, Config{})
	nationalAgencies(b, e)
	tok := e.session("admin")
	for _, bc := range []struct{ name, query string }{
		{"FirstPage", ""},
		{"ThaiNameSearch", "q=" + url.QueryEscape("ทดสอบที่ 77")},
		{"ProvincePage40", "province=" + url.QueryEscape("นครศรีธรรมราช") + "&page=2"},
		{"DeepPage", "page=160"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				res := e.do(request{method: "GET", path: "/agencies?" + bc.query, token: tok})
				res.Body.Close()
				if res.StatusCode != 200 {
					b.Fatalf("status %d", res.StatusCode)
				}
			}
		})
	}
}

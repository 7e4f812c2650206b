package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/agency"
)

// names returns the names of a page's agencies.
func names(p agency.Page) []string {
	out := make([]string, len(p.Agencies))
	for i, a := range p.Agencies {
		out[i] = a.Name
	}
	return out
}

func mkAgency(code, name string) agency.Agency {
	return agency.Agency{Code: code, Name: name, Type: agency.TypeDepartment, Group: 10}
}

var searchTests = []test{
	{"ThaiOrder", func(t *testing.T, e *env) {
		in := []string{"ขา", "ไก่", "เกาะ", "กา", "องค์การ", "กรม"}
		for i, n := range in {
			must(t, e.s.CreateAgency(e.ctx, mkAgency(fmt.Sprintf("10%d", i), n), by))
		}
		page, err := e.s.FindAgencies(e.ctx, agency.Filter{})
		must(t, err)
		want := []string{"กรม", "กา", "เกาะ", "ไก่", "ขา", "องค์การ"}
		if got := names(page); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("order = %v, want %v (Thai dictionary order)", got, want)
		}
	}},
	{"SearchThaiSubstring", func(t *testing.T, e *env) {
		_, err := e.s.UpsertAgencies(e.ctx, append(Energy(), Thasung()), by)
		must(t, err)
		must(t, e.s.CreateAgency(e.ctx, mkAgency("2001", "สำนักงาน 100% ทดสอบ_ขีด"), by))
		tests := []struct {
			query string
			want  []string // codes in order
		}{
			{"ท่าซุง", []string{"6100101"}},
			{"ท่า ซุง", []string{"6100101"}},    // spaces ignored
			{"ตำบลท่า", []string{"6100101"}},    // any part of the name
			{"อบต.ท่าซุง", []string{"6100101"}}, // short name
			{"ปตท", []string{"1007"}},           // short name of a company
			{"พลังงาน", []string{"1003", "1002", "1008", "1004", "1005"}},
			{"61001", []string{"6100101"}}, // code prefix
			{"100", []string{"1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "2001"}},
			{"%", []string{"2001"}}, // wildcards are literal
			{"_", []string{"2001"}},
			{"ไม่มีชื่อนี้", nil},
		}
		for _, tt := range tests {
			page, err := e.s.FindAgencies(e.ctx, agency.Filter{Query: tt.query})
			must(t, err)
			var got []string
			for _, a := range page.Agencies {
				got = append(got, a.Code)
			}
			if strings.Join(sortedCopy(got), ",") != strings.Join(sortedCopy(tt.want), ",") || page.Total != len(tt.want) {
				t.Errorf("Query %q = %v (total %d), want %v", tt.query, got, page.Total, tt.want)
			}
		}
	}},
	{"FilterAndPaging", func(t *testing.T, e *env) {
		all := Generate(400, 3)
		_, err := e.s.UpsertAgencies(e.ctx, all, by)
		must(t, err)
		count := func(keep func(agency.Agency) bool) int {
			n := 0
			for _, a := range all {
				if keep(a) {
					n++
				}
			}
			return n
		}
		tests := []struct {
			name string
			f    agency.Filter
			keep func(agency.Agency) bool
		}{
			{"All", agency.Filter{}, func(agency.Agency) bool { return true }},
			{"Type", agency.Filter{Type: agency.TypeSubdistrictMuni}, func(a agency.Agency) bool { return a.Type == agency.TypeSubdistrictMuni }},
			{"Group", agency.Filter{Group: 4}, func(a agency.Agency) bool { return a.Group == 4 }},
			{"Groups", agency.Filter{Groups: []int{1, 2}}, func(a agency.Agency) bool { return a.Group == 1 || a.Group == 2 }},
			{"GroupAndGroups", agency.Filter{Group: 3, Groups: []int{1, 2}}, func(agency.Agency) bool { return false }},
			{"EmptyGroups", agency.Filter{Groups: []int{}}, func(agency.Agency) bool { return false }},
			{"Codes", agency.Filter{Codes: []string{all[0].Code, all[5].Code}}, func(a agency.Agency) bool { return a.Code == all[0].Code || a.Code == all[5].Code }},
			{"Province", agency.Filter{Province: "จังหวัดเชียงใหม่"}, func(a agency.Agency) bool { return a.Province == "เชียงใหม่" }},
			{"Ministry", agency.Filter{Ministry: "กระทรวงมหาดไทย"}, func(a agency.Agency) bool { return a.Ministry == "กระทรวงมหาดไทย" }},
			{"Supervisor", agency.Filter{Supervisor: agency.SupervisorSEPO}, func(a agency.Agency) bool { return a.Supervisor == agency.SupervisorSEPO }},
			{"Combined", agency.Filter{Type: agency.TypeSAO, Group: 3, Query: "องค์การ"}, func(a agency.Agency) bool { return a.Type == agency.TypeSAO && a.Group == 3 }},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				want := count(tt.keep)
				seen := map[string]bool{}
				for off := 0; ; off += 37 {
					f := tt.f
					f.Limit, f.Offset = 37, off
					page, err := e.s.FindAgencies(e.ctx, f)
					must(t, err)
					if page.Total != want {
						t.Fatalf("Total = %d, want %d", page.Total, want)
					}
					for _, a := range page.Agencies {
						if seen[a.Code] {
							t.Fatalf("agency %s on two pages", a.Code)
						}
						if !tt.keep(a) {
							t.Fatalf("agency %+v does not match", a)
						}
						seen[a.Code] = true
					}
					if len(page.Agencies) < 37 {
						break
					}
				}
				if len(seen) != want {
					t.Errorf("pages held %d agencies, want %d", len(seen), want)
				}
			})
		}
	}},
	{"Ministries", func(t *testing.T, e *env) {
		_, err := e.s.UpsertAgencies(e.ctx, append(Energy(), Thasung()), by)
		must(t, err)
		got, err := e.s.FindMinistries(e.ctx)
		must(t, err)
		if strings.Join(got, ",") != "กระทรวงพลังงาน,กระทรวงมหาดไทย" {
			t.Errorf("FindMinistries = %v", got)
		}
	}},
}

func sortedCopy(ss []string) []string {
	out := slices.Clone(ss)
	slices.Sort(out)
	return out
}

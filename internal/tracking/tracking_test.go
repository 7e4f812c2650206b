package tracking

import (
	"strings"
	"testing"

	"github.com/openitas/itas/internal/agency"
)

func TestSurveyStatus(t *testing.T) {
	tests := []struct {
		s                Survey
		status           Status
		missing, percent int
	}{
		{Survey{Responses: 0, Minimum: 0}, StatusUnknown, 0, -1},
		{Survey{Responses: 50, Minimum: 0}, StatusUnknown, 0, -1},
		{Survey{Responses: 29, Minimum: 30}, StatusShort, 1, 96},
		{Survey{Responses: 30, Minimum: 30}, StatusMet, 0, 100},
		{Survey{Responses: 400, Minimum: 30}, StatusMet, 0, 100},
		{Survey{Responses: 0, Minimum: 12}, StatusShort, 12, 0},
	}
	for _, tt := range tests {
		if got := tt.s.Status(); got != tt.status {
			t.Errorf("%+v.Status() = %s, want %s", tt.s, got, tt.status)
		}
		if got := tt.s.Missing(); got != tt.missing {
			t.Errorf("%+v.Missing() = %d, want %d", tt.s, got, tt.missing)
		}
		if got := tt.s.Percent(); got != tt.percent {
			t.Errorf("%+v.Percent() = %d, want %d", tt.s, got, tt.percent)
		}
	}
}

func row(code string, key byte, iit, iitMin, eit, eitMin int) Row {
	return Row{Agency: agency.Agency{Code: code}, SortKey: []byte{key},
		IIT: Survey{iit, iitMin}, EIT: Survey{eit, eitMin}}
}

func rowCodes(p Page) string {
	var out []string
	for _, r := range p.Rows {
		out = append(out, r.Agency.Code)
	}
	return strings.Join(out, ",")
}

func TestArrange(t *testing.T) {
	rows := []Row{
		row("a", 1, 10, 30, 5, 0), // IIT short, EIT unknown
		row("b", 2, 40, 30, 50, 40),
		row("c", 3, 0, 0, 0, 0),
		row("d", 4, 30, 60, 45, 40),
	}
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"NameDefault", Filter{}, "a,b,c,d"},
		{"NameDesc", Filter{Desc: true}, "d,c,b,a"},
		{"IITShort", Filter{Status: IITShort}, "a,d"},
		{"BothMet", Filter{Status: BothMet}, "b"},
		{"AnyShort", Filter{Status: AnyShort}, "a,d"},
		{"Unknown", Filter{Status: NoMinimum}, "a,c"},
		{"EITDesc", Filter{Sort: SortEIT, Desc: true}, "b,d,a,c"},
		{"IITShareUnknownLast", Filter{Sort: SortIITPct}, "a,d,b,c"},
		{"IITShareDescUnknownLast", Filter{Sort: SortIITPct, Desc: true}, "b,d,a,c"},
		{"Paged", Filter{Agency: agency.Filter{Limit: 2, Offset: 1}}, "b,c"},
		{"PastTheEnd", Filter{Agency: agency.Filter{Limit: 2, Offset: 9}}, ""},
		{"BadSortIsName", Filter{Sort: "nonsense", Status: "nonsense"}, "a,b,c,d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]Row(nil), rows...)
			p := Arrange(in, tt.f)
			if got := rowCodes(p); got != tt.want {
				t.Errorf("Arrange = %s, want %s", got, tt.want)
			}
			if rowCodes(Page{Rows: in}) != "a,b,c,d" {
				t.Errorf("Arrange reordered its input: %s", rowCodes(Page{Rows: in}))
			}
		})
	}
	if p := Arrange(rows, Filter{Status: IITShort, Agency: agency.Filter{Limit: 1}}); p.Total != 2 || len(p.Rows) != 1 {
		t.Errorf("Total = %d with %d rows, want 2 matching and a page of 1", p.Total, len(p.Rows))
	}
}

func TestNeedsAll(t *testing.T) {
	for _, tt := range []struct {
		f    Filter
		want bool
	}{
		{Filter{}, false},
		{Filter{Sort: SortProvince, Desc: true}, false},
		{Filter{Sort: SortEIT}, true},
		{Filter{Status: AnyShort}, true},
		{Filter{Unpaged: true}, true},
	} {
		if got := tt.f.Normalized().NeedsAll(); got != tt.want {
			t.Errorf("%+v.NeedsAll() = %v, want %v", tt.f, got, tt.want)
		}
	}
}

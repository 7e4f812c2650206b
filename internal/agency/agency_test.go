package agency

import (
	"testing"

	"github.com/openitas/itas/internal/apperr"
)

func validSAO() Agency {
	return Agency{
		Code: "6100101", Name: "องค์การบริหารส่วนตำบลท่าซุง", Type: TypeSAO,
		Ministry: "กระทรวงมหาดไทย", Province: "อุทัยธานี", Group: 6,
		Supervisor: SupervisorDLA, Website: "https://www.thasung.go.th",
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Agency)
		want   []string // fields with messages; nil means valid
	}{
		{"Valid", func(*Agency) {}, nil},
		{"CentralNeedsNoProvince", func(a *Agency) {
			*a = Agency{Code: "101", Name: "กรมธุรกิจพลังงาน", Type: TypeDepartment, Group: 10}
		}, nil},
		{"MissingEverything", func(a *Agency) { *a = Agency{} }, []string{FieldCode, FieldName, FieldType, FieldGroup}},
		{"CodeLetters", func(a *Agency) { a.Code = "A12" }, []string{FieldCode}},
		{"CodeTooShort", func(a *Agency) { a.Code = "12" }, []string{FieldCode}},
		{"UnknownType", func(a *Agency) { a.Type = "ministry" }, []string{FieldType}},
		{"LocalNeedsProvince", func(a *Agency) { a.Province = "" }, []string{FieldProvince}},
		{"UnknownProvince", func(a *Agency) { a.Province = "แอตแลนติส" }, []string{FieldProvince}},
		{"GroupOutOfRange", func(a *Agency) { a.Group = 11 }, []string{FieldGroup}},
		{"GroupDisagreesWithProvince", func(a *Agency) { a.Group = 5 }, []string{FieldGroup}},
		{"CentralMustBeGroup10", func(a *Agency) {
			*a = Agency{Code: "101", Name: "กรมธุรกิจพลังงาน", Type: TypeDepartment, Group: 3}
		}, []string{FieldGroup}},
		{"BadSupervisor", func(a *Agency) { a.Supervisor = "nacc" }, []string{FieldSupervisor}},
		{"WebsiteNoScheme", func(a *Agency) { a.Website = "www.x.go.th" }, []string{FieldWebsite}},
		{"WebsiteFTP", func(a *Agency) { a.Website = "ftp://x.go.th" }, []string{FieldWebsite}},
		{"WebsiteUserinfo", func(a *Agency) { a.Website = "https://u:p@x.go.th" }, []string{FieldWebsite}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validSAO()
			tt.change(&a)
			err := a.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if got := apperr.CodeOf(err); got != apperr.CodeInvalid {
				t.Fatalf("CodeOf(Validate()) = %q, want invalid", got)
			}
			fields := apperr.FieldsOf(err)
			if len(fields) != len(tt.want) {
				t.Errorf("fields = %v, want keys %v", fields, tt.want)
			}
			for _, k := range tt.want {
				if fields[k] == "" {
					t.Errorf("no message for field %q; got %v", k, fields)
				}
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	got := Agency{
		Code: " 6100101 ", Name: "  องค์การบริหารส่วนตำบล   ท่าซุง ", Province: "จังหวัดอุทัยธานี",
		Website: " www.thasung.go.th ", Type: " sao ",
	}.Normalize()
	want := Agency{
		Code: "6100101", Name: "องค์การบริหารส่วนตำบล ท่าซุง", Province: "อุทัยธานี",
		Website: "https://www.thasung.go.th", Type: "sao",
	}
	if got != want {
		t.Errorf("Normalize() = %+v, want %+v", got, want)
	}
}

func TestTypes(t *testing.T) {
	if got, want := len(Types), 17; got != want {
		t.Fatalf("len(Types) = %d, want %d", got, want)
	}
	for _, ty := range Types {
		if ty.Code == "" || ty.Name == "" || ty.NameEN == "" {
			t.Errorf("type %+v lacks a name", ty)
		}
		if ty.Supervisor != "" && !ty.Supervisor.Valid() {
			t.Errorf("type %s suggests unknown supervisor %q", ty.Code, ty.Supervisor)
		}
	}
	for _, in := range []string{"องค์กรศาล", "องค์กรศาล (หน่วยงานธุรการ)", "court", "Court (administrative office)"} {
		if got, ok := TypeByName(in); !ok || got.Code != TypeCourt {
			t.Errorf("TypeByName(%q) = %v, %v; want court", in, got.Code, ok)
		}
	}
}

func TestProvinces(t *testing.T) {
	if got, want := len(Provinces), 77; got != want {
		t.Errorf("len(Provinces) = %d, want %d", got, want)
	}
	perGroup := map[int]int{}
	for _, p := range Provinces {
		perGroup[p.Group]++
	}
	// Manual 2563, section 1.2: provinces per group 1–9, Bangkok in 10.
	want := map[int]int{1: 9, 2: 8, 3: 8, 4: 12, 5: 8, 6: 9, 7: 8, 8: 7, 9: 7, 10: 1}
	for g, n := range want {
		if perGroup[g] != n {
			t.Errorf("group %d has %d provinces, want %d", g, perGroup[g], n)
		}
	}
	tests := []struct {
		typ, province string
		want          int
	}{
		{TypeSAO, "จ.อุทัยธานี", 6},
		{TypeProvince, "Chiang Mai", 5},
		{TypeSpecialLocal, "กรุงเทพฯ", 10},
		{TypeSpecialLocal, "ชลบุรี", 2},
		{TypeUniversity, "เชียงใหม่", 10},
		{TypeSAO, "", 0},
		{"nope", "ชลบุรี", 0},
	}
	for _, tt := range tests {
		if got := SuggestGroup(tt.typ, tt.province); got != tt.want {
			t.Errorf("SuggestGroup(%q, %q) = %d, want %d", tt.typ, tt.province, got, tt.want)
		}
	}
}

func TestParseSupervisor(t *testing.T) {
	tests := []struct {
		in   string
		want Supervisor
		ok   bool
	}{
		{"สคร.", SupervisorSEPO, true},
		{"สคร", SupervisorSEPO, true},
		{"ป.ป.ท.", SupervisorPACC, true},
		{"dla", SupervisorDLA, true},
		{" สป.อว. ", SupervisorOPSMHESI, true},
		{"", "", false},
		{"ป.ป.ช.", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseSupervisor(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseSupervisor(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFilterNormalized(t *testing.T) {
	got := Filter{Query: "  ท่า  ซุง ", Limit: 5000, Offset: -3, Province: "จังหวัดตาก"}.Normalized()
	if got.Query != "ท่า ซุง" || got.Limit != MaxLimit || got.Offset != 0 || got.Province != "ตาก" {
		t.Errorf("Normalized() = %+v", got)
	}
	if !(Filter{Groups: []int{}}).Empty() || (Filter{}).Empty() {
		t.Errorf("Empty() wrong")
	}
}

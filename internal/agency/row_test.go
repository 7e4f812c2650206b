package agency

import "testing"

func TestRowAgency(t *testing.T) {
	tests := []struct {
		name    string
		row     Row
		want    Agency
		badKeys []string
	}{
		{"TypeByThaiNameGroupAndBodySuggested",
			Row{Code: " 6801905 ", Name: "องค์การบริหารส่วนตำบลทดสอบ", Type: "องค์การบริหารส่วนตำบล", Province: "จ.นครศรีธรรมราช"},
			Agency{Code: "6801905", Name: "องค์การบริหารส่วนตำบลทดสอบ", Type: TypeSAO, Province: "นครศรีธรรมราช", Group: 8, Supervisor: SupervisorDLA}, nil},
		{"TypeWithoutParenthesisBodyNone",
			Row{Code: "1000200", Name: "สำนักงานศาลยุติธรรม", Type: "องค์กรศาล", Supervisor: "-"},
			Agency{Code: "1000200", Name: "สำนักงานศาลยุติธรรม", Type: TypeCourt, Group: 10}, nil},
		{"BodyByShortNameGroupGiven",
			Row{Code: "3100100", Name: "การประปานครหลวง", Type: "state_enterprise", Supervisor: "สคร", Group: " 10 ", Website: "mwa.co.th"},
			Agency{Code: "3100100", Name: "การประปานครหลวง", Type: TypeStateEnterprise, Group: 10, Supervisor: SupervisorSEPO, Website: "https://mwa.co.th"}, nil},
		{"UnknownTypeBodyAndGroup",
			Row{Code: "7000001", Name: "x", Type: "bank", Supervisor: "ปปช", Group: "สิบ"},
			Agency{Code: "7000001", Name: "x", Type: "bank"}, []string{FieldType, FieldSupervisor, FieldGroup}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, bad := tt.row.Agency()
			if got != tt.want {
				t.Errorf("Agency() = %+v, want %+v", got, tt.want)
			}
			if len(bad) != len(tt.badKeys) {
				t.Errorf("messages = %v, want keys %v", bad, tt.badKeys)
			}
			for _, k := range tt.badKeys {
				if bad[k] == "" {
					t.Errorf("no message for %s in %v", k, bad)
				}
			}
			if tt.badKeys == nil {
				if err := got.Validate(); err != nil {
					t.Errorf("Validate: %v", err)
				}
			}
		})
	}
}

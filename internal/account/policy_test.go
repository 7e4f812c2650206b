package account

import (
	"testing"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
)

var (
	central    = Account{Username: "nacc", Role: RoleCentralAdmin}
	assessor   = Account{Username: "adviser", Role: RoleAssessor, Groups: []int{6, 7}}
	supervisor = Account{Username: "dla.staff", Role: RoleSupervisor, Supervisor: agency.SupervisorDLA}
	admin      = Account{Username: "a6100101", Role: RoleAgencyAdmin, AgencyCode: "6100101"}
	exec       = Account{Username: "t6100101", Role: RoleAgencyExecutive, AgencyCode: "6100101"}

	thasung = agency.Agency{Code: "6100101", Group: 6, Supervisor: agency.SupervisorDLA, Type: agency.TypeSAO}
	energy  = agency.Agency{Code: "101", Group: 10, Supervisor: agency.SupervisorPACC, Type: agency.TypeDepartment}
)

func TestCan(t *testing.T) {
	tests := []struct {
		acct   Account
		action Action
		ag     agency.Agency
		want   bool
	}{
		{central, ActionViewAgency, thasung, true},
		{central, ActionEditAgency, energy, true},
		{assessor, ActionViewAgency, thasung, true},
		{assessor, ActionViewAgency, energy, false},
		{assessor, ActionEditAgency, thasung, false},
		{assessor, ActionScoreOIT, thasung, true},
		{assessor, ActionScoreOIT, energy, false},
		{supervisor, ActionViewAgency, thasung, true},
		{supervisor, ActionViewAgency, energy, false},
		{supervisor, ActionEditAgencyProfile, thasung, false},
		{admin, ActionViewAgency, thasung, true},
		{admin, ActionViewAgency, energy, false},
		{admin, ActionEditAgency, thasung, false},
		{admin, ActionEditAgencyProfile, thasung, true},
		{admin, ActionSubmitAgencyData, thasung, true},
		{admin, ActionApproveAgencyData, thasung, false},
		{exec, ActionApproveAgencyData, thasung, true},
		{exec, ActionApproveAgencyData, energy, false},
		{exec, ActionSubmitAgencyData, thasung, false},
		{exec, ActionViewAccounts, thasung, true},
		{Account{Role: RoleCentralAdmin, Disabled: true}, ActionViewAgency, thasung, false},
		{central, "nonsense", thasung, false},
	}
	for _, tt := range tests {
		if got := Can(tt.acct, tt.action, tt.ag); got != tt.want {
			t.Errorf("Can(%s, %s, %s) = %v, want %v", tt.acct.Role, tt.action, tt.ag.Code, got, tt.want)
		}
	}
}

func TestEveryActionHasARole(t *testing.T) {
	for _, a := range Actions() {
		if len(policy[a]) == 0 {
			t.Errorf("action %s allows no role", a)
		}
		for _, r := range policy[a] {
			if !r.Valid() {
				t.Errorf("action %s names unknown role %q", a, r)
			}
		}
	}
}

func TestScopeFilter(t *testing.T) {
	tests := []struct {
		name      string
		acct      Account
		in        agency.Filter
		wantEmpty bool
		check     func(agency.Filter) bool
	}{
		{"Central", central, agency.Filter{Group: 3}, false, func(f agency.Filter) bool { return f.Groups == nil && f.Codes == nil }},
		{"Assessor", assessor, agency.Filter{}, false, func(f agency.Filter) bool { return len(f.Groups) == 2 }},
		{"AssessorAsksOtherGroups", assessor, agency.Filter{Groups: []int{1}}, true, nil},
		{"AssessorWithoutGroups", Account{Role: RoleAssessor}, agency.Filter{}, true, nil},
		{"Supervisor", supervisor, agency.Filter{}, false, func(f agency.Filter) bool { return f.Supervisor == agency.SupervisorDLA }},
		{"SupervisorAsksOtherBody", supervisor, agency.Filter{Supervisor: agency.SupervisorSEPO}, true, nil},
		{"Agency", admin, agency.Filter{}, false, func(f agency.Filter) bool { return len(f.Codes) == 1 && f.Codes[0] == "6100101" }},
		{"AgencyAsksOther", exec, agency.Filter{Codes: []string{"101"}}, true, nil},
		{"Disabled", Account{Role: RoleCentralAdmin, Disabled: true}, agency.Filter{}, true, nil},
		{"UnknownRole", Account{Role: "x"}, agency.Filter{}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScopeFilter(tt.acct, tt.in)
			if got.Empty() != tt.wantEmpty {
				t.Fatalf("ScopeFilter(...).Empty() = %v, want %v (%+v)", got.Empty(), tt.wantEmpty, got)
			}
			if tt.check != nil && !tt.check(got) {
				t.Errorf("ScopeFilter = %+v", got)
			}
		})
	}
}

func TestAuditScope(t *testing.T) {
	tests := []struct {
		name     string
		acct     Account
		in       audit.Filter
		wantOK   bool
		wantCode string
	}{
		{"CentralAll", central, audit.Filter{}, true, ""},
		{"AgencyOwn", admin, audit.Filter{}, true, "6100101"},
		{"AgencyOther", exec, audit.Filter{AgencyCode: "101"}, false, ""},
		{"Assessor", assessor, audit.Filter{}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := AuditScope(tt.acct, tt.in)
			if ok != tt.wantOK || (ok && got.AgencyCode != tt.wantCode) {
				t.Errorf("AuditScope = %+v, %v; want code %q, %v", got, ok, tt.wantCode, tt.wantOK)
			}
		})
	}
}

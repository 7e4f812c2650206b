package account

import (
	"testing"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

func TestNewStaffAccount(t *testing.T) {
	now := time.Date(2026, 11, 21, 3, 0, 0, 0, time.UTC)
	ot, err := NewStaffAccount(" Adviser.Somsri ", RoleAssessor, []int{10, 8, 8}, "", " สมศรี  ตรวจดี ", now)
	if err != nil {
		t.Fatal(err)
	}
	a := ot.Account
	if a.Username != "adviser.somsri" || len(a.Groups) != 2 || a.Groups[0] != 8 || a.Groups[1] != 10 ||
		a.Name != "สมศรี ตรวจดี" || !a.MustChangePassword || !a.CreatedAt.Equal(now) {
		t.Errorf("account = %+v", a)
	}
	if ok, _ := VerifyPassword(a.PasswordHash, ot.Password); !ok || ot.Password == "" {
		t.Errorf("the hash does not match the one-time password")
	}
	tests := []struct {
		name     string
		username string
		role     Role
		groups   []int
		sup      agency.Supervisor
		fields   []string
	}{
		{"AgencyRole", "a6100101", RoleAgencyAdmin, nil, "", []string{FieldRole}},
		{"NoGroups", "adviser", RoleAssessor, nil, "", []string{FieldGroups}},
		{"GroupOutOfRange", "adviser", RoleAssessor, []int{11}, "", []string{FieldGroups}},
		{"NoBody", "dla.staff", RoleSupervisor, nil, "", []string{FieldSupervisor}},
		{"BodyForAssessor", "adviser", RoleAssessor, []int{1}, agency.SupervisorDLA, []string{FieldSupervisor}},
		{"ReservedName", "t1234567", RoleCentralAdmin, nil, "", []string{FieldUsername}},
		{"NoRole", "someone", "", nil, "", []string{FieldRole}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewStaffAccount(tt.username, tt.role, tt.groups, tt.sup, "", now)
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Fatalf("err = %v, want Invalid", err)
			}
			for _, f := range tt.fields {
				if apperr.FieldsOf(err)[f] == "" {
					t.Errorf("fields = %v, want a message for %s", apperr.FieldsOf(err), f)
				}
			}
		})
	}
	if !RoleSupervisor.Staff() || RoleAgencyExecutive.Staff() {
		t.Error("Staff() is wrong")
	}
}

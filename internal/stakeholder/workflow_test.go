package stakeholder

import (
	"fmt"
	"testing"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
)

// TestNextTable walks every status × action × role against a table written out by hand from
// manual 6.2 ข้อ 2: the admin enters and submits, the executive approves or returns, approved
// data is locked, and nobody else takes any step.
func TestNextTable(t *testing.T) {
	const (
		forbidden = "forbidden"
		conflict  = "conflict"
	)
	admin, exec := account.RoleAgencyAdmin, account.RoleAgencyExecutive
	want := map[account.Role]map[Action]map[Status]string{
		admin: {
			ActionEdit:    {Draft: "draft", Returned: "returned", Submitted: conflict, Approved: conflict},
			ActionSubmit:  {Draft: "submitted", Returned: "submitted", Submitted: conflict, Approved: conflict},
			ActionApprove: {Draft: forbidden, Returned: forbidden, Submitted: forbidden, Approved: forbidden},
			ActionReturn:  {Draft: forbidden, Returned: forbidden, Submitted: forbidden, Approved: forbidden},
		},
		exec: {
			ActionEdit:    {Draft: forbidden, Returned: forbidden, Submitted: forbidden, Approved: forbidden},
			ActionSubmit:  {Draft: forbidden, Returned: forbidden, Submitted: forbidden, Approved: forbidden},
			ActionApprove: {Draft: conflict, Returned: conflict, Submitted: "approved", Approved: conflict},
			ActionReturn:  {Draft: conflict, Returned: conflict, Submitted: "returned", Approved: conflict},
		},
	}
	legal := 0
	for _, role := range account.Roles {
		for _, a := range Actions {
			for _, from := range Statuses {
				w := forbidden
				if m, ok := want[role]; ok {
					w = m[a][from]
				}
				t.Run(fmt.Sprintf("%s/%s/%s", role, a, from), func(t *testing.T) {
					got, err := Next(from, a, role)
					switch w {
					case forbidden:
						if apperr.CodeOf(err) != apperr.CodeForbidden {
							t.Errorf("Next = %q, %v; want Forbidden", got, err)
						}
					case conflict:
						if apperr.CodeOf(err) != apperr.CodeConflict {
							t.Errorf("Next = %q, %v; want Conflict", got, err)
						}
					default:
						if err != nil || got != Status(w) {
							t.Errorf("Next = %q, %v; want %q", got, err, w)
						}
					}
					if err != nil && (got != from || apperr.MessageOf(err) == apperr.MessageOf(apperr.New(apperr.CodeOf(err), "", ""))) {
						t.Errorf("refusal keeps %q (want %q) and must say why in Thai, got %q", got, from, apperr.MessageOf(err))
					}
				})
				if w != forbidden && w != conflict {
					legal++
				}
			}
		}
	}
	if legal != len(Transitions()) {
		t.Errorf("%d legal steps in the hand table, %d in Transitions()", legal, len(Transitions()))
	}
}

// TestCycle follows the manual's story: submitted, returned with a reason, corrected,
// submitted again, approved, and then locked for both roles.
func TestCycle(t *testing.T) {
	admin, exec := account.RoleAgencyAdmin, account.RoleAgencyExecutive
	s := Draft
	for _, step := range []struct {
		a    Action
		role account.Role
		want Status
	}{
		{ActionEdit, admin, Draft},
		{ActionSubmit, admin, Submitted},
		{ActionReturn, exec, Returned},
		{ActionEdit, admin, Returned},
		{ActionSubmit, admin, Submitted},
		{ActionApprove, exec, Approved},
	} {
		next, err := Next(s, step.a, step.role)
		if err != nil || next != step.want {
			t.Fatalf("%s by %s from %s = %s, %v; want %s", step.a, step.role, s, next, err, step.want)
		}
		s = next
	}
	for _, a := range Actions {
		for _, role := range []account.Role{admin, exec} {
			if _, err := Next(s, a, role); err == nil {
				t.Errorf("%s by %s on approved data succeeded; approved data must be locked", a, role)
			}
		}
	}
	if Approved.Editable() || Submitted.Editable() || !Draft.Editable() || !Returned.Editable() {
		t.Errorf("Editable disagrees with the table")
	}
}

func TestNextEmptyIsDraft(t *testing.T) {
	if got, err := Next("", ActionSubmit, account.RoleAgencyAdmin); err != nil || got != Submitted {
		t.Errorf("Next(\"\", submit) = %q, %v; a record never saved is a draft", got, err)
	}
}

func TestCheckReady(t *testing.T) {
	tests := []struct {
		name     string
		r        Record
		contacts int
		fields   []string
	}{
		{"InternalReady", Record{Kind: Internal, Population: 120}, 0, nil},
		{"InternalNoCount", Record{Kind: Internal}, 0, []string{FieldPopulation}},
		{"ExternalReady", Record{Kind: External, Population: 5000}, 1, nil},
		{"ExternalNoContacts", Record{Kind: External, Population: 5000}, 0, []string{FieldContacts}},
		{"ExternalNothing", Record{Kind: External}, 0, []string{FieldPopulation, FieldContacts}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.CheckReady(tt.contacts)
			got := apperr.FieldsOf(err)
			if len(got) != len(tt.fields) {
				t.Fatalf("CheckReady = %v, want messages on %v", err, tt.fields)
			}
			for _, f := range tt.fields {
				if got[f] == "" {
					t.Errorf("no message on %s: %v", f, got)
				}
			}
		})
	}
}

func TestParsePopulation(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1250", 1250, true}, {" 1,250 ", 1250, true}, {"๑๒๕๐", 1250, true}, {"1", 1, true},
		{"0", 0, false}, {"", 0, false}, {"-5", 0, false}, {"12.5", 0, false}, {"abc", 0, false},
		{"100000001", 100000001, false},
	}
	for _, tt := range tests {
		got, err := ParsePopulation(Internal, tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParsePopulation(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && apperr.FieldsOf(err)[FieldPopulation] == "" {
			t.Errorf("ParsePopulation(%q): no Thai message on %s", tt.in, FieldPopulation)
		}
	}
}

func TestCheckReason(t *testing.T) {
	if err := CheckReason("  "); apperr.FieldsOf(err)[FieldReason] == "" {
		t.Errorf("a blank reason was accepted: %v", err)
	}
	if err := CheckReason("จำนวนบุคลากรไม่ตรงกับทะเบียน"); err != nil {
		t.Errorf("a reason was refused: %v", err)
	}
	long := make([]rune, MaxReasonRunes+1)
	for i := range long {
		long[i] = 'ก'
	}
	if err := CheckReason(string(long)); err == nil {
		t.Errorf("a reason of %d characters was accepted", len(long))
	}
}

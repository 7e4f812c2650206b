package storetest

import (
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
)

// staff returns a valid staff account with a cheap fixed hash.
func staff(username string, r account.Role) account.Account {
	a := account.Account{Username: username, Role: r, PasswordHash: testHash}
	switch r {
	case account.RoleAssessor:
		a.Groups = []int{6, 7}
	case account.RoleSupervisor:
		a.Supervisor = agency.SupervisorDLA
	}
	return a
}

// testHash is a real argon2id hash of "Sawasdee2569", made once.
var testHash = account.HashPassword("Sawasdee2569")

var profile = account.Profile{Name: "สมชาย ใจดี", Position: "ปลัด อบต.", Phone: "056-123-456", Email: "somchai@thasung.go.th"}

// agencyAccounts creates Thasung and its two generated accounts.
func agencyAccounts(t *testing.T, e *env) (admin, exec account.Account, passwords []string) {
	t.Helper()
	must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
	gen, err := account.GenerateAgencyAccounts("6100101", e.clock.Now())
	must(t, err)
	out, err := e.s.CreateAccounts(e.ctx, []account.Account{gen[0].Account, gen[1].Account}, by)
	must(t, err)
	return out[0], out[1], []string{gen[0].Password, gen[1].Password}
}

var accountTests = []test{
	{"CreateAndFind", func(t *testing.T, e *env) {
		want := staff("adviser.somsri", account.RoleAssessor)
		want.Profile = profile
		got, err := e.s.CreateAccount(e.ctx, want, by)
		must(t, err)
		if got.ID == 0 {
			t.Fatal("no ID")
		}
		want.ID, want.CreatedAt = got.ID, e.clock.Now().UTC()
		for _, find := range []func() (account.Account, error){
			func() (account.Account, error) { return e.s.FindAccountByID(e.ctx, got.ID) },
			func() (account.Account, error) { return e.s.FindAccountByUsername(e.ctx, " Adviser.Somsri ") },
		} {
			a, err := find()
			must(t, err)
			if a.Username != want.Username || a.Role != want.Role || a.Profile != want.Profile ||
				len(a.Groups) != 2 || a.Groups[1] != 7 || !a.CreatedAt.Equal(want.CreatedAt) ||
				a.PasswordHash != testHash || a.Disabled || !a.ProfileCompletedAt.IsZero() {
				t.Errorf("found %+v, want %+v", a, want)
			}
		}
	}},
	{"ErrNotFound", func(t *testing.T, e *env) {
		_, err := e.s.FindAccountByUsername(e.ctx, "nobody")
		wantCode(t, err, apperr.CodeNotFound)
		_, err = e.s.FindAccountByID(e.ctx, 4242)
		wantCode(t, err, apperr.CodeNotFound)
		wantCode(t, e.s.UpdatePassword(e.ctx, 4242, testHash, by), apperr.CodeNotFound)
		wantCode(t, e.s.UpdateProfile(e.ctx, 4242, profile, by), apperr.CodeNotFound)
		_, err = e.s.ResetAccount(e.ctx, 4242, by)
		wantCode(t, err, apperr.CodeNotFound)
		wantCode(t, e.s.SetDisabled(e.ctx, 4242, true, by), apperr.CodeNotFound)
		got, err := e.s.FindAccountsByAgency(e.ctx, "6100101")
		must(t, err)
		if got == nil || len(got) != 0 {
			t.Errorf("FindAccountsByAgency(none) = %#v, want empty non-nil", got)
		}
	}},
	{"DuplicateUsernameIsConflict", func(t *testing.T, e *env) {
		_, err := e.s.CreateAccount(e.ctx, staff("nacc.admin", account.RoleCentralAdmin), by)
		must(t, err)
		_, err = e.s.CreateAccount(e.ctx, staff("NACC.Admin", account.RoleCentralAdmin), by)
		wantCode(t, err, apperr.CodeConflict)
		if apperr.MessageOf(err) == "" || !strings.Contains(apperr.MessageOf(err), "nacc.admin") {
			t.Errorf("message %q should name the username", apperr.MessageOf(err))
		}
	}},
	{"SecondAgencyAccountOfARoleIsConflict", func(t *testing.T, e *env) {
		agencyAccounts(t, e)
		gen, err := account.GenerateAgencyAccounts("6100101", e.clock.Now())
		must(t, err)
		_, err = e.s.CreateAccounts(e.ctx, []account.Account{gen[0].Account}, by)
		wantCode(t, err, apperr.CodeConflict)
	}},
	{"BatchIsAllOrNothing", func(t *testing.T, e *env) {
		must(t, e.s.CreateAgency(e.ctx, Thasung(), by))
		gen, err := account.GenerateAgencyAccounts("6100101", e.clock.Now())
		must(t, err)
		_, err = e.s.CreateAccounts(e.ctx, []account.Account{gen[0].Account, gen[1].Account, gen[0].Account}, by)
		wantCode(t, err, apperr.CodeConflict)
		got, err := e.s.FindAccountsByAgency(e.ctx, "6100101")
		must(t, err)
		if len(got) != 0 {
			t.Errorf("%d accounts stored, want 0", len(got))
		}
	}},
	{"AgencyMustExist", func(t *testing.T, e *env) {
		gen, err := account.GenerateAgencyAccounts("6100101", e.clock.Now())
		must(t, err)
		_, err = e.s.CreateAccount(e.ctx, gen[0].Account, by)
		wantCode(t, err, apperr.CodeNotFound)
	}},
	{"InvalidAccount", func(t *testing.T, e *env) {
		a := staff("a1234567", account.RoleAssessor) // reserved for agency admins
		_, err := e.s.CreateAccount(e.ctx, a, by)
		wantCode(t, err, apperr.CodeInvalid)
		if apperr.FieldsOf(err)[account.FieldUsername] == "" {
			t.Errorf("fields = %v, want username", apperr.FieldsOf(err))
		}
	}},
	{"RegistrationFlow", func(t *testing.T, e *env) {
		admin, exec, passwords := agencyAccounts(t, e)
		if ok, _ := account.VerifyPassword(admin.PasswordHash, passwords[0]); !ok {
			t.Fatal("stored hash does not match the one-time password")
		}
		accts, err := e.s.FindAccountsByAgency(e.ctx, "6100101")
		must(t, err)
		if len(accts) != 2 || account.Registered(accts) {
			t.Fatalf("before: %d accounts, registered %v", len(accts), account.Registered(accts))
		}
		for _, a := range []account.Account{admin, exec} {
			e.clock.Advance(time.Minute)
			must(t, e.s.UpdatePassword(e.ctx, a.ID, account.HashPassword("NewPass2563!"), by))
			if accts, _ := e.s.FindAccountsByAgency(e.ctx, "6100101"); account.Registered(accts) {
				t.Fatal("registered before the profile is complete")
			}
			must(t, e.s.UpdateProfile(e.ctx, a.ID, profile, by))
		}
		accts, err = e.s.FindAccountsByAgency(e.ctx, "6100101")
		must(t, err)
		if !account.Registered(accts) {
			t.Errorf("not registered after both accounts changed password and filled the profile: %+v", accts)
		}
		got, err := e.s.FindAccountByID(e.ctx, admin.ID)
		must(t, err)
		if got.MustChangePassword || !got.PasswordChangedAt.Equal(Epoch.Add(time.Minute)) || got.Profile != profile {
			t.Errorf("admin after registration: %+v", got)
		}
	}},
	{"ProfileMustBeComplete", func(t *testing.T, e *env) {
		admin, _, _ := agencyAccounts(t, e)
		err := e.s.UpdateProfile(e.ctx, admin.ID, account.Profile{Name: "สมชาย"}, by)
		wantCode(t, err, apperr.CodeInvalid)
		if len(apperr.FieldsOf(err)) != 3 {
			t.Errorf("fields = %v, want position, phone, email", apperr.FieldsOf(err))
		}
	}},
	{"ResetGivesOneTimePassword", func(t *testing.T, e *env) {
		admin, _, _ := agencyAccounts(t, e)
		must(t, e.s.UpdatePassword(e.ctx, admin.ID, testHash, by))
		pw, err := e.s.ResetAccount(e.ctx, admin.ID, by)
		must(t, err)
		got, err := e.s.FindAccountByID(e.ctx, admin.ID)
		must(t, err)
		if ok, _ := account.VerifyPassword(got.PasswordHash, pw); !ok || !got.MustChangePassword {
			t.Errorf("after reset: verifies %v, MustChangePassword %v", ok, got.MustChangePassword)
		}
	}},
	{"PasswordChangesEndSessions", func(t *testing.T, e *env) {
		admin, _, _ := agencyAccounts(t, e)
		steps := []struct {
			name   string
			change func() error
		}{
			{"UpdatePassword", func() error { return e.s.UpdatePassword(e.ctx, admin.ID, testHash, by) }},
			{"ResetAccount", func() error { _, err := e.s.ResetAccount(e.ctx, admin.ID, by); return err }},
			{"SetDisabled", func() error { return e.s.SetDisabled(e.ctx, admin.ID, true, by) }},
		}
		for _, st := range steps {
			token, sess := account.NewSession(admin.ID, e.clock.Now(), 0, 0)
			must(t, e.s.CreateSession(e.ctx, sess))
			must(t, st.change())
			_, _, err := e.s.FindSession(e.ctx, account.HashSessionToken(token))
			if apperr.CodeOf(err) != apperr.CodeUnauthorized {
				t.Errorf("%s: session still live (err %v)", st.name, err)
			}
		}
	}},
	{"DisableAndEnable", func(t *testing.T, e *env) {
		a, err := e.s.CreateAccount(e.ctx, staff("adviser", account.RoleAssessor), by)
		must(t, err)
		must(t, e.s.SetDisabled(e.ctx, a.ID, true, by))
		must(t, e.s.SetDisabled(e.ctx, a.ID, true, by)) // no change, no entry
		got, err := e.s.FindAccountByID(e.ctx, a.ID)
		must(t, err)
		if !got.Disabled {
			t.Error("not disabled")
		}
		must(t, e.s.SetDisabled(e.ctx, a.ID, false, by))
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Subject: "adviser"})
		must(t, err)
		var actions []string
		for _, en := range page.Entries {
			actions = append(actions, en.Action)
		}
		want := "account.enable account.disable account.create"
		if strings.Join(actions, " ") != want {
			t.Errorf("actions = %v, want %s", actions, want)
		}
	}},
	{"AuditNeverHoldsHashes", func(t *testing.T, e *env) {
		admin, _, _ := agencyAccounts(t, e)
		must(t, e.s.UpdatePassword(e.ctx, admin.ID, testHash, by))
		_, err := e.s.ResetAccount(e.ctx, admin.ID, by)
		must(t, err)
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Limit: 1000})
		must(t, err)
		for _, en := range page.Entries {
			if strings.Contains(en.Before+en.After, "argon2") {
				t.Errorf("entry %s holds a password hash", en.Action)
			}
		}
	}},
	{"AssessorScope", func(t *testing.T, e *env) {
		a, err := e.s.CreateAccount(e.ctx, staff("adviser", account.RoleAssessor), by)
		must(t, err)
		must(t, e.s.UpdateAccountScope(e.ctx, a.ID, []int{1, 9}, "", by))
		got, err := e.s.FindAccountByID(e.ctx, a.ID)
		must(t, err)
		if len(got.Groups) != 2 || got.Groups[0] != 1 || got.Groups[1] != 9 {
			t.Errorf("Groups = %v", got.Groups)
		}
		wantCode(t, e.s.UpdateAccountScope(e.ctx, a.ID, []int{12}, "", by), apperr.CodeInvalid)
		c, err := e.s.CreateAccount(e.ctx, staff("nacc", account.RoleCentralAdmin), by)
		must(t, err)
		wantCode(t, e.s.UpdateAccountScope(e.ctx, c.ID, []int{1}, "", by), apperr.CodeInvalid)
	}},
	{"FindAccountsFilters", func(t *testing.T, e *env) {
		agencyAccounts(t, e)
		for _, u := range []string{"adviser.a", "adviser.b"} {
			_, err := e.s.CreateAccount(e.ctx, staff(u, account.RoleAssessor), by)
			must(t, err)
		}
		tests := []struct {
			f    account.Filter
			want string
		}{
			{account.Filter{}, "a6100101 adviser.a adviser.b t6100101"},
			{account.Filter{Role: account.RoleAssessor}, "adviser.a adviser.b"},
			{account.Filter{AgencyCode: "6100101"}, "a6100101 t6100101"},
			{account.Filter{Query: "ADVISER.B"}, "adviser.b"},
			{account.Filter{Limit: 2, Offset: 1}, "adviser.a adviser.b"},
			{account.Filter{Staff: true}, "adviser.a adviser.b"},
			{account.Filter{Staff: true, Query: "t6100"}, ""},
			{account.Filter{Staff: true, Role: account.RoleAgencyAdmin}, ""},
		}
		for _, tt := range tests {
			page, err := e.s.FindAccounts(e.ctx, tt.f)
			must(t, err)
			var got []string
			for _, a := range page.Accounts {
				got = append(got, a.Username)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("FindAccounts(%+v) = %v, want %s", tt.f, got, tt.want)
			}
		}
	}},
	{"ScopeChangesAreRecordedOnce", func(t *testing.T, e *env) {
		a, err := e.s.CreateAccount(e.ctx, staff("adviser", account.RoleAssessor), by)
		must(t, err)
		must(t, e.s.UpdateAccountScope(e.ctx, a.ID, []int{9, 1, 9}, "", by))
		must(t, e.s.UpdateAccountScope(e.ctx, a.ID, []int{1, 9}, "", by)) // the same groups: no entry
		got, err := e.s.FindAccountByID(e.ctx, a.ID)
		must(t, err)
		if len(got.Groups) != 2 || got.Groups[0] != 1 || got.Groups[1] != 9 {
			t.Errorf("Groups = %v, want [1 9]", got.Groups)
		}
		sv, err := e.s.CreateAccount(e.ctx, staff("dla.staff", account.RoleSupervisor), by)
		must(t, err)
		must(t, e.s.UpdateAccountScope(e.ctx, sv.ID, []int{3}, agency.SupervisorSEPO, by)) // groups ignored
		must(t, e.s.UpdateAccountScope(e.ctx, sv.ID, nil, agency.SupervisorSEPO, by))
		wantCode(t, e.s.UpdateAccountScope(e.ctx, sv.ID, nil, "nacc", by), apperr.CodeInvalid)
		got, err = e.s.FindAccountByID(e.ctx, sv.ID)
		must(t, err)
		if got.Supervisor != agency.SupervisorSEPO || got.Groups != nil {
			t.Errorf("supervisor scope = %q, groups %v; want sepo and none", got.Supervisor, got.Groups)
		}
		page, err := e.s.FindAudit(e.ctx, audit.Filter{Action: audit.ActionAccountScope})
		must(t, err)
		if page.Total != 2 {
			t.Fatalf("%d scope entries, want 2 (one per real change)", page.Total)
		}
		if en := page.Entries[0]; en.Subject != "dla.staff" || !strings.Contains(en.Before, `"dla"`) || !strings.Contains(en.After, `"sepo"`) {
			t.Errorf("newest scope entry %+v: want dla → sepo", en)
		}
	}},
	{"DisabledAccountHasNoSession", func(t *testing.T, e *env) {
		a, err := e.s.CreateAccount(e.ctx, staff("adviser", account.RoleAssessor), by)
		must(t, err)
		must(t, e.s.SetDisabled(e.ctx, a.ID, true, by))
		token, sess := account.NewSession(a.ID, e.clock.Now(), 0, 0)
		must(t, e.s.CreateSession(e.ctx, sess)) // e.g. a login racing the disable
		_, _, err = e.s.FindSession(e.ctx, account.HashSessionToken(token))
		wantCode(t, err, apperr.CodeUnauthorized)
		must(t, e.s.SetDisabled(e.ctx, a.ID, false, by))
		_, got, err := e.s.FindSession(e.ctx, account.HashSessionToken(token))
		must(t, err)
		if got.Username != "adviser" || got.Disabled {
			t.Errorf("session account after enabling = %+v", got)
		}
	}},
}

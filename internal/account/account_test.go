package account

import (
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

func TestUsernames(t *testing.T) {
	if got := AgencyUsername(RoleAgencyAdmin, "6100101"); got != "a6100101" {
		t.Errorf("admin username = %q", got)
	}
	if got := AgencyUsername(RoleAgencyExecutive, "6100101"); got != "t6100101" {
		t.Errorf("executive username = %q", got)
	}
	if got := AgencyUsername(RoleAssessor, "6100101"); got != "" {
		t.Errorf("assessor agency username = %q, want empty", got)
	}
	tests := []struct {
		in       string
		wantRole Role
		wantCode string
		wantOK   bool
	}{
		{"a6100101", RoleAgencyAdmin, "6100101", true},
		{" T6100101 ", RoleAgencyExecutive, "6100101", true},
		{"admin", "", "", false},
		{"a12", "", "", false}, // code too short
		{"x6100101", "", "", false},
	}
	for _, tt := range tests {
		r, c, ok := ParseAgencyUsername(tt.in)
		if r != tt.wantRole || c != tt.wantCode || ok != tt.wantOK {
			t.Errorf("ParseAgencyUsername(%q) = %q, %q, %v; want %q, %q, %v", tt.in, r, c, ok, tt.wantRole, tt.wantCode, tt.wantOK)
		}
	}
}

func TestCheckUsername(t *testing.T) {
	tests := []struct {
		name     string
		username string
		role     Role
		code     string
		wantOK   bool
	}{
		{"AgencyAdmin", "a6100101", RoleAgencyAdmin, "6100101", true},
		{"AgencyAdminWrongPrefix", "t6100101", RoleAgencyAdmin, "6100101", false},
		{"AgencyOtherCode", "a6100102", RoleAgencyAdmin, "6100101", false},
		{"Staff", "somchai.k", RoleCentralAdmin, "", true},
		{"StaffStartsWithA", "admin", RoleCentralAdmin, "", true},
		{"StaffReservedForm", "a123456", RoleAssessor, "", false},
		{"StaffUpperCase", "Somchai", RoleAssessor, "", false},
		{"StaffTooShort", "ab", RoleAssessor, "", false},
		{"StaffStartsWithDigit", "1abc", RoleAssessor, "", false},
		{"StaffThai", "สมชาย", RoleAssessor, "", false},
		{"Empty", "", RoleAssessor, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := CheckUsername(tt.username, tt.role, tt.code)
			if got := msg == ""; got != tt.wantOK {
				t.Errorf("CheckUsername(%q, %s) = %q, want ok=%v", tt.username, tt.role, msg, tt.wantOK)
			}
		})
	}
}

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		name     string
		username string
		password string
		wantOK   bool
		wantMsg  string // a part of the Thai message
	}{
		{"Good", "a6100101", "Sawasdee2569", true, ""},
		{"ThaiAndDigits", "a6100101", "รหัสผ่านลับ2569", true, ""},
		{"TooShort", "a6100101", "Ab3xyz", false, "อย่างน้อย 10"},
		{"AllDigits", "a6100101", "12345678901", false, "สองชนิด"},
		{"AllLower", "a6100101", "abcdefghijk", false, "สองชนิด"},
		{"IsUsername", "somchai.k", "SOMCHAI.K", false, "ชื่อผู้ใช้งาน"},
		{"ContainsUsername", "a6100101", "xxA6100101yy", false, "ชื่อผู้ใช้งาน"},
		{"TooLong", "u", strings.Repeat("aB3", 50), false, "128"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPassword(tt.username, tt.password)
			if tt.wantOK {
				if err != nil {
					t.Fatalf("CheckPassword = %v, want nil", err)
				}
				return
			}
			if apperr.CodeOf(err) != apperr.CodeInvalid {
				t.Fatalf("CheckPassword code = %q, want invalid", apperr.CodeOf(err))
			}
			if msg := apperr.FieldsOf(err)[FieldPassword]; !strings.Contains(msg, tt.wantMsg) {
				t.Errorf("message = %q, want it to contain %q", msg, tt.wantMsg)
			}
		})
	}
}

func TestGeneratePassword(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		pw := GeneratePassword()
		if len(pw) != OneTimePasswordLen {
			t.Fatalf("len(%q) = %d", pw, len(pw))
		}
		if strings.ContainsAny(pw, "0O1lIo") {
			t.Errorf("%q holds a confusable character", pw)
		}
		if err := CheckPassword("a6100101", pw); err != nil {
			t.Errorf("generated %q breaks the policy: %v", pw, err)
		}
		if seen[pw] {
			t.Errorf("duplicate password %q", pw)
		}
		seen[pw] = true
	}
}

func TestHash(t *testing.T) {
	h := HashPassword("Sawasdee2569")
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q lacks the PHC prefix", h)
	}
	if h == HashPassword("Sawasdee2569") {
		t.Errorf("two hashes of one password are equal: salt not random")
	}
	for _, tt := range []struct {
		pw   string
		want bool
	}{{"Sawasdee2569", true}, {"sawasdee2569", false}, {"", false}} {
		got, err := VerifyPassword(h, tt.pw)
		if err != nil || got != tt.want {
			t.Errorf("VerifyPassword(%q) = %v, %v; want %v", tt.pw, got, err, tt.want)
		}
	}
	if NeedsRehash(h) {
		t.Errorf("NeedsRehash(fresh hash) = true")
	}
	weak := hashWith(HashParams{Time: 1, Memory: 64, Threads: 1, SaltLen: 16, KeyLen: 32}, "x")
	if !NeedsRehash(weak) {
		t.Errorf("NeedsRehash(weak) = false")
	}
	if ok, _ := VerifyPassword(weak, "x"); !ok {
		t.Errorf("VerifyPassword(weak, x) = false: old parameters must still verify")
	}
	for _, bad := range []string{"", "$2a$10$abc", "$argon2id$v=19$m=19456,t=2,p=1$!!$!!", "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5"} {
		if ok, err := VerifyPassword(bad, "x"); ok || err == nil {
			t.Errorf("VerifyPassword(%q) = %v, %v; want false and an error", bad, ok, err)
		}
		if !NeedsRehash(bad) {
			t.Errorf("NeedsRehash(%q) = false", bad)
		}
	}
	if VerifyDummy("x") {
		t.Errorf("VerifyDummy = true")
	}
}

func TestGenerateAgencyAccounts(t *testing.T) {
	now := time.Date(2020, 3, 1, 9, 0, 0, 0, time.UTC)
	got, err := GenerateAgencyAccounts("6100101", now)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Account.Username != "a6100101" || got[1].Account.Username != "t6100101" {
		t.Fatalf("accounts = %+v", got)
	}
	for _, g := range got {
		if err := g.Account.Validate(); err != nil {
			t.Errorf("%s: Validate() = %v", g.Account.Username, err)
		}
		if ok, _ := VerifyPassword(g.Account.PasswordHash, g.Password); !ok {
			t.Errorf("%s: hash does not match password", g.Account.Username)
		}
		if !g.Account.MustChangePassword || !g.Account.CreatedAt.Equal(now) {
			t.Errorf("%s: MustChangePassword=%v CreatedAt=%v", g.Account.Username, g.Account.MustChangePassword, g.Account.CreatedAt)
		}
	}
	if _, err := GenerateAgencyAccounts("x", now); apperr.CodeOf(err) != apperr.CodeInvalid {
		t.Errorf("bad code: err = %v, want invalid", err)
	}
}

func TestRegistered(t *testing.T) {
	at := time.Unix(1_600_000_000, 0)
	done := func(r Role) Account {
		return Account{Role: r, PasswordChangedAt: at, ProfileCompletedAt: at}
	}
	pending := func(r Role) Account { a := done(r); a.MustChangePassword = true; return a }
	noProfile := func(r Role) Account { a := done(r); a.ProfileCompletedAt = time.Time{}; return a }
	tests := []struct {
		name string
		in   []Account
		want bool
	}{
		{"Both", []Account{done(RoleAgencyAdmin), done(RoleAgencyExecutive)}, true},
		{"None", nil, false},
		{"OnlyAdmin", []Account{done(RoleAgencyAdmin)}, false},
		{"ExecutiveStillOneTime", []Account{done(RoleAgencyAdmin), pending(RoleAgencyExecutive)}, false},
		{"AdminNoProfile", []Account{noProfile(RoleAgencyAdmin), done(RoleAgencyExecutive)}, false},
		{"OthersIgnored", []Account{done(RoleCentralAdmin), done(RoleAgencyAdmin), done(RoleAgencyExecutive)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Registered(tt.in); got != tt.want {
				t.Errorf("Registered = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestAccountValidate(t *testing.T) {
	tests := []struct {
		name string
		in   Account
		want []string
	}{
		{"Assessor", Account{Username: "assessor1", Role: RoleAssessor, Groups: []int{1, 2}}, nil},
		{"AssessorNoGroups", Account{Username: "assessor1", Role: RoleAssessor}, []string{FieldGroups}},
		{"AssessorBadGroup", Account{Username: "assessor1", Role: RoleAssessor, Groups: []int{11}}, []string{FieldGroups}},
		{"SupervisorNeedsBody", Account{Username: "dla.staff", Role: RoleSupervisor}, []string{FieldSupervisor}},
		{"Supervisor", Account{Username: "dla.staff", Role: RoleSupervisor, Supervisor: agency.SupervisorDLA}, nil},
		{"CentralWithAgency", Account{Username: "nacc", Role: RoleCentralAdmin, AgencyCode: "101"}, []string{FieldAgencyCode}},
		{"UnknownRole", Account{Username: "x1x", Role: "root"}, []string{FieldRole}},
		{"BadEmail", Account{Username: "nacc", Role: RoleCentralAdmin, Profile: Profile{Email: "nope"}}, []string{FieldEmail}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Validate()
			fields := apperr.FieldsOf(err)
			if len(fields) != len(tt.want) {
				t.Fatalf("Validate() = %v, want fields %v", err, tt.want)
			}
			for _, k := range tt.want {
				if fields[k] == "" {
					t.Errorf("no message for %q in %v", k, fields)
				}
			}
		})
	}
}

func TestProfileValidate(t *testing.T) {
	ok := Profile{Name: "สมชาย ใจดี", Position: "นักวิเคราะห์นโยบายและแผน", Phone: "056-123-456 ต่อ 12", Email: "somchai@thasung.go.th"}
	if err := ok.Validate(); err != nil {
		t.Fatalf("Validate(ok) = %v", err)
	}
	phones := []struct {
		in   string
		want bool
	}{
		{"02-123-4567", true}, {"0812345678", true}, {"+66 81 234 5678", true}, {"(056) 123456", true},
		{"02-123-4567 ext. 99", true}, {"123", false}, {"081-234-5678x", false}, {"+1 212 555 0100", false},
		{"02-123-4567 ต่อ", false},
	}
	for _, tt := range phones {
		if got := validPhone(tt.in); got != tt.want {
			t.Errorf("validPhone(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	emails := []struct {
		in   string
		want bool
	}{
		{"a@b.go.th", true}, {"Somchai <a@b.go.th>", false}, {"a@localhost", false}, {"a.b.go.th", false},
	}
	for _, tt := range emails {
		if got := validEmail(tt.in); got != tt.want {
			t.Errorf("validEmail(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	err := Profile{}.Validate()
	if got := len(apperr.FieldsOf(err)); got != 4 {
		t.Errorf("empty profile: %d field messages, want 4", got)
	}
}

func TestSession(t *testing.T) {
	now := time.Date(2020, 3, 1, 9, 0, 0, 0, time.UTC)
	token, s := NewSession(7, now, 30*time.Minute, 2*time.Hour)
	if HashSessionToken(token) != s.TokenHash || len(token) < 40 {
		t.Fatalf("token %q does not hash to %q", token, s.TokenHash)
	}
	tests := []struct {
		name     string
		lastSeen time.Time
		at       time.Time
		want     bool
	}{
		{"Fresh", now, now.Add(time.Minute), true},
		{"Idle", now, now.Add(30 * time.Minute), false},
		{"KeptAlive", now.Add(100 * time.Minute), now.Add(110 * time.Minute), true},
		{"Absolute", now.Add(119 * time.Minute), now.Add(120 * time.Minute), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := s
			s.LastSeenAt = tt.lastSeen
			if got := s.Valid(tt.at); got != tt.want {
				t.Errorf("Valid(%v) = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
}

// Package demo loads a demo assessment year into an empty database, so that a newcomer sees
// a living system after `itas serve --demo`: about 30 agencies of several types and groups,
// one account for every role, and agencies at different points of registration. The demo
// passwords exist only here.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/thaidate"
)

// Password is the password of every demo account. It follows the password policy.
const Password = "Demo-2563-itas"

// FrameworkYear is the framework of the demo years.
const FrameworkYear = 2563

// Store is what the demo needs from the store.
type Store interface {
	CountAgencies(ctx context.Context) (int, error)
	CreateAgency(ctx context.Context, a agency.Agency, by audit.Entry) error
	CreateAccounts(ctx context.Context, accts []account.Account, by audit.Entry) ([]account.Account, error)
	CreateYear(ctx context.Context, y assessment.Year, by audit.Entry) error
	stakeholderStore // stakeholders.go
	surveyStore      // surveys.go
	oitStore         // oit.go
	evidenceStore    // evidence.go
	resultsStore     // results.go
}

// Login is one demo account as `itas serve --demo` prints it.
type Login struct {
	Username string
	Password string
	Role     account.Role
	Note     string
}

// Load fills an empty database with the demo and returns the demo accounts; on a database
// that already has agencies it does nothing and returns nil, so that it never mixes demo data
// into real data.
func Load(ctx context.Context, st Store, now time.Time) ([]Login, error) {
	n, err := st.CountAgencies(ctx)
	if err != nil {
		return nil, fmt.Errorf("demo.Load: %w", err)
	}
	if n > 0 {
		return nil, nil
	}
	by := audit.System()
	for _, a := range agencies() {
		if a.Group == 0 {
			a.Group = agency.SuggestGroup(a.Type, a.Province)
		}
		if err := st.CreateAgency(ctx, a, by); err != nil {
			return nil, fmt.Errorf("demo.Load: agency %s: %w", a.Code, err)
		}
	}
	accts, logins := accounts(now)
	if _, err := st.CreateAccounts(ctx, accts, by); err != nil {
		return nil, fmt.Errorf("demo.Load: accounts: %w", err)
	}
	for _, y := range years(now) {
		if err := st.CreateYear(ctx, y, by); err != nil {
			return nil, fmt.Errorf("demo.Load: year %d: %w", y.FiscalYear, err)
		}
	}
	for _, load := range []func(context.Context, Store, time.Time) error{loadStakeholders, loadSurveys, loadOIT, loadEvidence, loadResults} {
		if err := load(ctx, st, now); err != nil {
			return nil, fmt.Errorf("demo.Load: %w", err)
		}
	}
	return logins, nil
}

// state is how far an account has got with its first login.
type state int

const (
	fresh      state = iota // one-time password, never logged in
	passworded              // changed its password, profile not filled in
	registered              // password changed and profile complete
)

// accounts returns the demo accounts and their logins.
func accounts(now time.Time) ([]account.Account, []Login) {
	hash := account.HashPassword(Password)
	type spec struct {
		username, code string
		role           account.Role
		groups         []int
		sup            agency.Supervisor
		st             state
		profile        account.Profile
		note           string
	}
	specs := []spec{
		{"admin", "", account.RoleCentralAdmin, nil, "", registered, account.Profile{Name: "สมชาย ใจดี", Position: "นักวิเคราะห์นโยบายและแผนชำนาญการ", Phone: "02-528-4800", Email: "admin@itas.example"}, "NACC central administrator"},
		{"assessor", "", account.RoleAssessor, []int{8, 10}, "", registered, account.Profile{Name: "สุดา ตรวจดี", Position: "ที่ปรึกษาการประเมิน", Phone: "081-234-5678", Email: "assessor@itas.example"}, "assessor of groups 8 and 10: OIT queue, EIT entry"},
		{"supervisor", "", account.RoleSupervisor, nil, agency.SupervisorDLA, registered, account.Profile{Name: "วิชัย กำกับดี", Position: "นักวิชาการส่งเสริมการปกครองท้องถิ่น", Phone: "02-241-9000", Email: "supervisor@itas.example"}, "supervising body สถ. (local administrations)"},
		{"a" + CodeEnergyPS, CodeEnergyPS, account.RoleAgencyAdmin, nil, "", registered, account.Profile{Name: "มานี มีสุข", Position: "นักวิเคราะห์นโยบายและแผน", Phone: "02-140-6341", Email: "ita@energy.example"}, "สป.พน.: external stakeholder data and OIT await the executive; IIT minimum met"},
		{"t" + CodeEnergyPS, CodeEnergyPS, account.RoleAgencyExecutive, nil, "", registered, account.Profile{Name: "ประเสริฐ ผู้นำ", Position: "รองปลัดกระทรวงพลังงาน", Phone: "02-140-6000", Email: "exec@energy.example"}, "สป.พน.: approve or return the external data, review OIT item by item"},
		{"a" + CodeDMF, CodeDMF, account.RoleAgencyAdmin, nil, "", registered, account.Profile{Name: "ปิยะ ขยันยิ่ง", Position: "นักจัดการงานทั่วไป", Phone: "02-794-4000", Email: "ita@dmf.example"}, "กรมเชื้อเพลิงธรรมชาติ: OIT 38 of 43 answered; staff count still a draft"},
		{"t" + CodeDMF, CodeDMF, account.RoleAgencyExecutive, nil, "", passworded, account.Profile{}, "กรมเชื้อเพลิงธรรมชาติ, profile not filled in"},
		{"a" + CodeKlongSe, CodeKlongSe, account.RoleAgencyAdmin, nil, "", fresh, account.Profile{}, "อบต.คลองเส, first login"},
		{"t" + CodeKlongSe, CodeKlongSe, account.RoleAgencyExecutive, nil, "", fresh, account.Profile{}, "อบต.คลองเส, first login"},
		{"a" + CodeEGAT, CodeEGAT, account.RoleAgencyAdmin, nil, "", fresh, account.Profile{}, "กฟผ., first login"},
		{"t" + CodeEGAT, CodeEGAT, account.RoleAgencyExecutive, nil, "", fresh, account.Profile{}, "กฟผ., first login"},
		{"a" + CodeChiangMaiU, CodeChiangMaiU, account.RoleAgencyAdmin, nil, "", registered, account.Profile{Name: "อรุณี เชียงใหม่", Position: "นักวิชาการศึกษา", Phone: "053-941-000", Email: "ita@cmu.example"}, "มหาวิทยาลัยเชียงใหม่: internal count returned with a reason; OIT approved"},
		{"t" + CodeChiangMaiU, CodeChiangMaiU, account.RoleAgencyExecutive, nil, "", registered, account.Profile{Name: "ธนา ผู้บริหาร", Position: "รองอธิการบดี", Phone: "053-941-001", Email: "exec@cmu.example"}, "มหาวิทยาลัยเชียงใหม่"},
	}
	created := now.AddDate(0, 0, -40)
	var out []account.Account
	var logins []Login
	for _, sp := range specs {
		a := account.Account{
			Username: sp.username, Role: sp.role, AgencyCode: sp.code, Groups: sp.groups, Supervisor: sp.sup,
			Profile: sp.profile, PasswordHash: hash, MustChangePassword: sp.st == fresh, CreatedAt: created,
		}
		if sp.st >= passworded {
			a.PasswordChangedAt = created.AddDate(0, 0, 2)
		}
		if sp.st == registered {
			a.ProfileCompletedAt = created.AddDate(0, 0, 2)
		}
		out = append(out, a)
		logins = append(logins, Login{Username: sp.username, Password: Password, Role: sp.role, Note: sp.note})
	}
	return out, logins
}

// years returns the demo years: fiscal year 2563 with its published calendar, closed, and the
// current fiscal year on the 2563 framework, open, with registration, stakeholder data, IIT
// and EIT collection and OIT answering open now (NACC's timelines overlap like this too), so
// that a newcomer can try each of them, and the later phases ahead.
func years(now time.Time) []assessment.Year {
	day := func(y int, m time.Month, d int) time.Time {
		return time.Date(y-thaidate.EraOffset, m, d, 0, 0, 0, 0, thaidate.Location)
	}
	end := func(t time.Time) time.Time { return thaidate.EndOfDay(t) }
	past := assessment.Year{FiscalYear: 2563, FrameworkYear: FrameworkYear, Status: assessment.StatusClosed, CreatedAt: day(2563, time.January, 6)}
	for _, w := range []struct {
		p    assessment.Phase
		s, e time.Time
	}{
		{assessment.PhaseRegistration, day(2563, time.March, 2), day(2563, time.March, 31)},
		{assessment.PhaseStakeholderData, day(2563, time.March, 2), day(2563, time.April, 30)},
		{assessment.PhaseIITCollection, day(2563, time.May, 1), day(2563, time.July, 31)},
		{assessment.PhaseEITCollection, day(2563, time.May, 1), day(2563, time.July, 31)},
		{assessment.PhaseOITAnswering, day(2563, time.May, 1), day(2563, time.June, 30)},
		{assessment.PhaseOITReview, day(2563, time.July, 1), day(2563, time.August, 15)},
		{assessment.PhaseClarification, day(2563, time.August, 16), day(2563, time.August, 31)},
		{assessment.PhaseProcessing, day(2563, time.September, 1), day(2563, time.September, 15)},
		{assessment.PhasePublication, day(2563, time.September, 16), day(2563, time.September, 30)},
	} {
		past.Phases = append(past.Phases, assessment.Window{Phase: w.p, Start: w.s, End: end(w.e)})
	}
	fy := thaidate.FiscalYear(now)
	today := thaidate.StartOfDay(now)
	at := func(days int) time.Time { return today.AddDate(0, 0, days) }
	cur := assessment.Year{FiscalYear: fy, FrameworkYear: FrameworkYear, Status: assessment.StatusOpen, CreatedAt: at(-45)}
	for _, w := range []struct {
		p    assessment.Phase
		s, e int
	}{
		{assessment.PhaseRegistration, -30, 14},
		{assessment.PhaseStakeholderData, -10, 40},
		{assessment.PhaseIITCollection, -5, 60},
		{assessment.PhaseEITCollection, -5, 60},
		{assessment.PhaseOITAnswering, -5, 60},
		{assessment.PhaseOITReview, 61, 150},
		{assessment.PhaseClarification, 151, 165},
		{assessment.PhaseProcessing, 166, 185},
		{assessment.PhasePublication, 186, 200},
	} {
		cur.Phases = append(cur.Phases, assessment.Window{Phase: w.p, Start: at(w.s), End: end(at(w.e))})
	}
	if fy == past.FiscalYear {
		return []assessment.Year{cur}
	}
	return []assessment.Year{past, cur}
}

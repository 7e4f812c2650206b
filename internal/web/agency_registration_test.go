package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/thaidate"
)

var goodProfile = url.Values{"name": {"ทดสอบ ระบบ"}, "position": {"ผู้ดูแลระบบ"}, "phone": {"02-123-4567"}, "email": {"t@klongse.example"}}

// passwordChanged changes the one-time demo password of username and returns the new
// session's token.
func (e *env) passwordChanged(username string) string {
	e.t.Helper()
	tok, _ := e.login(username, demo.Password)
	res := e.do(request{method: "POST", path: "/account/password", token: tok,
		form: url.Values{"current": {demo.Password}, "new": {"Good-pass-123"}, "confirm": {"Good-pass-123"}}})
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		e.t.Fatalf("password change of %s: status %d (the password change is never phase-bound)", username, res.StatusCode)
	}
	for _, c := range res.Cookies() {
		if c.Name == sessionCookie && c.Value != "" {
			return c.Value
		}
	}
	e.t.Fatal("no session after the password change")
	return ""
}

// TestRegistrationPhase checks the phase lock of registration: an agency account completes its
// first profile only while the registration phase is open; other profile writes are free.
func TestRegistrationPhase(t *testing.T) {
	e := newEnv(t, Config{})
	ctx := context.Background()
	y, err := e.st.FindYear(ctx, thaidate.FiscalYear(testNow))
	if err != nil {
		t.Fatal(err)
	}
	reg, _ := y.Window(assessment.PhaseRegistration)
	e.clock.Set(reg.End.Add(time.Hour)) // registration closed; the demo's other phases still open
	dates := thaidate.FormatDate(reg.Start) + " – " + thaidate.FormatDate(reg.End)

	user := "a" + demo.CodeKlongSe
	tok := e.passwordChanged(user)
	res := e.do(request{method: "POST", path: "/profile", token: tok, form: goodProfile})
	page := body(t, res)
	if res.StatusCode != http.StatusForbidden || res.Header.Get("X-Error-Code") != "phase_closed" ||
		!strings.Contains(page, "สิ้นสุดช่วงเวลาการลงทะเบียน") || !strings.Contains(page, dates) || !strings.Contains(page, "ติดต่อสำนักงาน ป.ป.ช.") {
		t.Errorf("first profile after registration: status %d, code %q; want 403 phase_closed with the dates %s",
			res.StatusCode, res.Header.Get("X-Error-Code"), dates)
	}
	if a := e.account(user); !a.ProfileCompletedAt.IsZero() {
		t.Errorf("the profile was stored after registration closed")
	}
	var apiErr apiError
	res = e.do(request{method: "PUT", path: "/api/v1/me/profile", bearer: tok,
		json: `{"name": "ทดสอบ ระบบ", "position": "ผู้ดูแลระบบ", "phone": "02-123-4567", "email": "t@klongse.example"}`})
	decode(t, res, &apiErr)
	if res.StatusCode != 403 || apiErr.Error.Code != "phase_closed" || !strings.Contains(apiErr.Error.Message, dates) {
		t.Errorf("API: status %d, %+v", res.StatusCode, apiErr)
	}

	t.Run("RegisteredEditsFreely", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/profile", token: e.session("a" + demo.CodeEnergyPS), form: goodProfile})
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("a registered agency's profile edit: status %d, want 303 (not phase-bound)", res.StatusCode)
		}
	})
	t.Run("StaffFirstProfileFree", func(t *testing.T) {
		a := account.Account{Username: "adviser.new", Role: account.RoleAssessor, Groups: []int{1},
			PasswordHash: account.HashPassword(demo.Password), PasswordChangedAt: e.clock.Now()}
		if _, err := e.st.CreateAccounts(ctx, []account.Account{a}, audit.System()); err != nil {
			t.Fatal(err)
		}
		res := e.do(request{method: "POST", path: "/profile", token: e.session("adviser.new"), form: goodProfile})
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			t.Errorf("an assessor's first profile: status %d, want 303 (not registration)", res.StatusCode)
		}
	})
	t.Run("NotYetOpen", func(t *testing.T) {
		e.clock.Set(reg.Start.Add(-time.Hour))
		res := e.do(request{method: "POST", path: "/profile", token: e.passwordChanged("a" + demo.CodeEGAT), form: goodProfile})
		page := body(t, res)
		if res.StatusCode != 403 || !strings.Contains(page, "ยังไม่ถึงช่วงเวลาการลงทะเบียน") || !strings.Contains(page, dates) {
			t.Errorf("before registration opens: status %d, want 403 with the dates", res.StatusCode)
		}
	})
	t.Run("LengthenedWindow", func(t *testing.T) {
		e.clock.Set(reg.End.Add(time.Hour))
		for i := range y.Phases {
			if y.Phases[i].Phase == assessment.PhaseRegistration {
				y.Phases[i].End = reg.End.AddDate(0, 0, 7)
			}
		}
		if err := e.st.UpdateYear(ctx, y, audit.System()); err != nil {
			t.Fatal(err)
		}
		res := e.do(request{method: "POST", path: "/profile", token: tok, form: goodProfile})
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther || e.account(user).ProfileCompletedAt.IsZero() {
			t.Errorf("after NACC lengthened the window: status %d, want 303 and the profile stored", res.StatusCode)
		}
	})
}

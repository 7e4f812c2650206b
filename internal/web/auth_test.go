package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/demo"
)

func TestLogin(t *testing.T) {
	e := newEnv(t, Config{})
	t.Run("Success", func(t *testing.T) {
		tok, res := e.login("admin", demo.Password)
		if tok == "" || res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/dashboard" {
			t.Fatalf("login: status %d to %q, token %q", res.StatusCode, res.Header.Get("Location"), tok)
		}
		var c *http.Cookie
		for _, x := range res.Cookies() {
			if x.Name == sessionCookie {
				c = x
			}
		}
		if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" {
			t.Errorf("cookie HttpOnly=%v SameSite=%v Secure=%v Path=%q; want HttpOnly, Lax, not Secure over HTTP, /",
				c.HttpOnly, c.SameSite, c.Secure, c.Path)
		}
		if res := e.do(request{method: "GET", path: "/dashboard", token: tok}); res.StatusCode != 200 {
			t.Errorf("dashboard with the new session: status %d", res.StatusCode)
		}
		pg, err := e.st.FindAudit(context.Background(), audit.Filter{Action: audit.ActionLogin, Actor: "admin"})
		if err != nil || pg.Total != 1 || pg.Entries[0].IP == "" {
			t.Errorf("login audit entries: %+v (%v)", pg, err)
		}
	})
	t.Run("GenericError", func(t *testing.T) {
		_, wrongPass := e.login("admin", "Wrong-password-1")
		_, noUser := e.login("nobody", "Wrong-password-1")
		a, b := body(t, wrongPass), body(t, noUser)
		if wrongPass.StatusCode != 401 || noUser.StatusCode != 401 {
			t.Fatalf("statuses %d, %d; want 401", wrongPass.StatusCode, noUser.StatusCode)
		}
		const msg = "ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง"
		if !strings.Contains(a, msg) || !strings.Contains(b, msg) {
			t.Errorf("the failure does not say %q", msg)
		}
	})
	t.Run("EmptyFields", func(t *testing.T) {
		_, res := e.login("", "")
		page := body(t, res)
		if res.StatusCode != 422 || !strings.Contains(page, "กรุณากรอกชื่อผู้ใช้งาน") || !strings.Contains(page, `aria-describedby="f-username-error"`) {
			t.Errorf("empty login: status %d, want 422 with the Thai message beside the field", res.StatusCode)
		}
	})
	t.Run("NewSessionEachLogin", func(t *testing.T) {
		first, _ := e.login("assessor", demo.Password)
		res := e.do(request{method: "POST", path: "/login", token: first,
			form: url.Values{"username": {"assessor"}, "password": {demo.Password}}})
		var second string
		for _, c := range res.Cookies() {
			if c.Name == sessionCookie {
				second = c.Value
			}
		}
		if second == "" || second == first {
			t.Fatalf("second login kept the session id")
		}
		if res := e.do(request{method: "GET", path: "/dashboard", token: first}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("the old session still works: status %d", res.StatusCode)
		}
	})
	t.Run("SafeNext", func(t *testing.T) {
		res := e.do(request{method: "POST", path: "/login",
			form: url.Values{"username": {"admin"}, "password": {demo.Password}, "next": {"//evil.example/x"}}})
		if loc := res.Header.Get("Location"); loc != "/dashboard" {
			t.Errorf("login with a foreign next went to %q", loc)
		}
	})
}

func TestLoginThrottle(t *testing.T) {
	e := newEnv(t, Config{LoginPerMinute: 4})
	var last *http.Response
	for i := 0; i < 4; i++ {
		_, last = e.login("admin", "Wrong-password-1")
		last.Body.Close()
	}
	if last.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("after 4 failures for one account: status %d, want 429", last.StatusCode)
	}
	page := body(t, last)
	if !strings.Contains(page, "เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป") {
		t.Errorf("throttled login does not say so in Thai")
	}
	// Even the right password is refused while throttled, then accepted a minute later.
	if tok, _ := e.login("admin", demo.Password); tok != "" {
		t.Errorf("a throttled account could log in")
	}
	e.clock.Add(2 * time.Minute)
	if tok, _ := e.login("admin", demo.Password); tok == "" {
		t.Errorf("the account stays locked after the wait")
	}
}

func TestLimiterEvictsIdle(t *testing.T) {
	c := &clock{t: testNow}
	l := newLimiter(60, 2, c.Now)
	if !l.allow("a") || !l.allow("a") || l.allow("a") {
		t.Fatal("burst of 2 not enforced")
	}
	l.allow("b")
	c.Add(2 * time.Minute)
	l.allow("c")
	if n := l.size(); n != 1 {
		t.Errorf("after idle: %d keys, want 1", n)
	}
}

// TestLimiterForgetsOnlyFullBuckets checks that a key is kept while its bucket refills (6 a
// minute with a burst of 30 refills in 5 minutes) and forgotten only after.
func TestLimiterForgetsOnlyFullBuckets(t *testing.T) {
	c := &clock{t: testNow}
	l := newLimiter(6, 30, c.Now)
	for range 30 {
		l.allow("busy")
	}
	if l.allow("busy") {
		t.Fatal("burst of 30 not enforced")
	}
	c.Add(2 * time.Minute)
	l.allow("other")
	if n := l.size(); n != 2 {
		t.Errorf("after 2 minutes: %d keys, want 2 (the busy bucket is not full yet)", n)
	}
	c.Add(4 * time.Minute)
	l.allow("other")
	if n := l.size(); n != 1 {
		t.Errorf("after 6 minutes: %d keys, want 1 (the busy bucket is full again)", n)
	}
}

func TestSessionExpiry(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("admin")
	if res := e.do(request{method: "GET", path: "/dashboard", token: tok}); res.StatusCode != 200 {
		t.Fatalf("fresh session: status %d", res.StatusCode)
	}
	e.clock.Add(31 * time.Minute)
	res := e.do(request{method: "GET", path: "/dashboard", token: tok})
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login?next=") {
		t.Errorf("after 31 idle minutes: status %d to %q, want a redirect to login", res.StatusCode, res.Header.Get("Location"))
	}
	tok = e.session("admin")
	for i := 0; i < 25; i++ { // active every 29 minutes, but past 12 hours in all
		e.clock.Add(29 * time.Minute)
		e.do(request{method: "GET", path: "/dashboard", token: tok}).Body.Close()
	}
	res = e.do(request{method: "GET", path: "/dashboard", token: tok})
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("after 12 hours: status %d, want a redirect to login", res.StatusCode)
	}
}

func TestLogout(t *testing.T) {
	e := newEnv(t, Config{})
	tok := e.session("admin")
	res := e.do(request{method: "POST", path: "/logout", token: tok, form: url.Values{}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/login" {
		t.Fatalf("logout: status %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res := e.do(request{method: "GET", path: "/dashboard", token: tok}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the session survives logout")
	}
}

// TestFirstLogin walks the forced steps of a new agency account: password, then profile.
func TestFirstLogin(t *testing.T) {
	e := newEnv(t, Config{})
	user := "a" + demo.CodeEGAT
	tok, res := e.login(user, demo.Password)
	if loc := res.Header.Get("Location"); loc != "/account/password" {
		t.Fatalf("first login went to %q, want /account/password", loc)
	}
	for _, p := range []string{"/dashboard", "/profile", "/agencies/" + demo.CodeEGAT} {
		if res := e.do(request{method: "GET", path: p, token: tok}); res.Header.Get("Location") != "/account/password" {
			t.Errorf("GET %s before the password change: status %d to %q", p, res.StatusCode, res.Header.Get("Location"))
		}
	}
	if res := e.do(request{method: "GET", path: "/api/v1/agencies/" + demo.CodeEGAT, bearer: tok}); res.StatusCode != 403 {
		t.Errorf("API before the password change: status %d, want 403", res.StatusCode)
	}
	tests := []struct {
		name, current, new, confirm, field, msg string
	}{
		{"WrongCurrent", "nope-nope-1", "Good-pass-123", "Good-pass-123", "current", "รหัสผ่านปัจจุบันไม่ถูกต้อง"},
		{"TooShort", demo.Password, "Ab1", "Ab1", "new", "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร"},
		{"HasUsername", demo.Password, user + "-Xyz", user + "-Xyz", "new", "ชื่อผู้ใช้งาน"},
		{"Mismatch", demo.Password, "Good-pass-123", "Good-pass-124", "confirm", "ไม่ตรงกัน"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(request{method: "POST", path: "/account/password", token: tok,
				form: url.Values{"current": {tt.current}, "new": {tt.new}, "confirm": {tt.confirm}}})
			page := body(t, res)
			if res.StatusCode != 422 {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if !strings.Contains(page, `id="f-`+tt.field+`-error"`) || !strings.Contains(page, tt.msg) {
				t.Errorf("no Thai message %q beside %s", tt.msg, tt.field)
			}
		})
	}
	res = e.do(request{method: "POST", path: "/account/password", token: tok,
		form: url.Values{"current": {demo.Password}, "new": {"Good-pass-123"}, "confirm": {"Good-pass-123"}}})
	if res.Header.Get("Location") != "/profile" {
		t.Fatalf("password change went to %q, want /profile", res.Header.Get("Location"))
	}
	var tok2 string
	for _, c := range res.Cookies() {
		if c.Name == sessionCookie {
			tok2 = c.Value
		}
	}
	if res := e.do(request{method: "GET", path: "/profile", token: tok}); res.StatusCode != http.StatusSeeOther {
		t.Errorf("the session of the one-time password survived the change")
	}
	if res := e.do(request{method: "GET", path: "/dashboard", token: tok2}); res.Header.Get("Location") != "/profile" {
		t.Errorf("dashboard before the profile: to %q, want /profile", res.Header.Get("Location"))
	}
	res = e.do(request{method: "POST", path: "/profile", token: tok2,
		form: url.Values{"name": {"ทดสอบ ระบบ"}, "position": {""}, "phone": {"12"}, "email": {"x"}}})
	page := body(t, res)
	if res.StatusCode != 422 || !strings.Contains(page, "กรุณากรอกตำแหน่ง") || !strings.Contains(page, `aria-invalid="true"`) {
		t.Errorf("bad profile: status %d; want 422 with Thai messages and aria-invalid", res.StatusCode)
	}
	res = e.do(request{method: "POST", path: "/profile", token: tok2,
		form: url.Values{"name": {"ทดสอบ ระบบ"}, "position": {"ผู้ดูแลระบบ"}, "phone": {"02-123-4567"}, "email": {"t@egat.example"}}})
	if res.Header.Get("Location") != "/dashboard" {
		t.Fatalf("profile went to %q, want /dashboard", res.Header.Get("Location"))
	}
	var flash string
	for _, c := range res.Cookies() {
		if c.Name == flashCookie {
			flash = c.Value
		}
	}
	r := e.do(request{method: "GET", path: "/dashboard", token: tok2, header: http.Header{"Cookie": {flashCookie + "=" + flash}}})
	page = body(t, r)
	if !strings.Contains(page, "บันทึกข้อมูลผู้ใช้งานเรียบร้อยแล้ว") || !strings.Contains(page, "การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย") {
		t.Errorf("dashboard lacks the confirmation or the agency")
	}
	a, err := e.st.FindAccountByUsername(context.Background(), user)
	if err != nil || a.MustChangePassword || a.ProfileCompletedAt.IsZero() {
		t.Errorf("stored account: must change %v, profile at %v (%v)", a.MustChangePassword, a.ProfileCompletedAt, err)
	}
}

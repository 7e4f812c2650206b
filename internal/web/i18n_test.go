package web

import (
	"io/fs"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
)

// TestCatalogues checks that both catalogues have the same keys, that every {{t "key"}} and
// field label in the templates exists, and that every key built at run time (roles, phases,
// steps, statuses, audit actions) exists.
func TestCatalogues(t *testing.T) {
	for k := range messagesTH {
		if _, ok := messagesEN[k]; !ok {
			t.Errorf("key %q is in Thai but not in English", k)
		}
	}
	for k := range messagesEN {
		if _, ok := messagesTH[k]; !ok {
			t.Errorf("key %q is in English but not in Thai", k)
		}
	}
	used := regexp.MustCompile(`(?:\bt|field "[a-z_]+") "([a-z_]+\.[a-z_.]+)"|hint=([a-z_.]+)`)
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := templateFS.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			key := m[1] + m[2]
			if _, ok := messagesTH[key]; !ok {
				t.Errorf("%s uses %q, which is not in the catalogue", p, key)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var dynamic []string
	for _, r := range account.Roles {
		dynamic = append(dynamic, "role."+string(r))
	}
	for _, p := range assessment.Phases {
		dynamic = append(dynamic, "phase."+string(p))
	}
	for _, s := range assessment.Steps() {
		dynamic = append(dynamic, "step."+string(s))
	}
	for _, s := range []assessment.Status{assessment.StatusDraft, assessment.StatusOpen, assessment.StatusClosed} {
		dynamic = append(dynamic, "year.status."+string(s))
	}
	for _, a := range auditActions {
		dynamic = append(dynamic, "audit.action."+a)
	}
	dynamic = append(dynamic, "audit.action."+audit.ActionAccountCreate)
	for _, k := range dynamic {
		if _, ok := messagesTH[k]; !ok {
			t.Errorf("run-time key %q is not in the catalogue", k)
		}
	}
}

func TestRequestLang(t *testing.T) {
	tests := []struct {
		name, cookie, accept string
		want                 Lang
	}{
		{"Default", "", "", LangTH},
		{"ThaiBrowser", "", "th-TH,th;q=0.9,en;q=0.8", LangTH},
		{"EnglishBrowser", "", "en-US,en;q=0.9", LangEN},
		{"ThaiAboveEnglish", "", "en;q=0.5, th;q=0.8", LangTH},
		{"Unsupported", "", "fr-FR", LangTH},
		{"CookieWins", "th", "en-US", LangTH},
		{"CookieEnglish", "en", "th", LangEN},
		{"BadCookie", "xx", "en", LangEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			if tt.cookie != "" {
				r.Header.Set("Cookie", langCookie+"="+tt.cookie)
			}
			if tt.accept != "" {
				r.Header.Set("Accept-Language", tt.accept)
			}
			if got := requestLang(r); got != tt.want {
				t.Errorf("requestLang = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLanguageSwitch follows the header's English link and checks the next page is English.
func TestLanguageSwitch(t *testing.T) {
	e := newEnv(t, Config{})
	res := e.do(request{method: "GET", path: "/lang/en?next=/login"})
	res.Body.Close()
	if res.StatusCode != 303 || res.Header.Get("Location") != "/login" {
		t.Fatalf("switch: status %d to %q, want 303 to /login", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie string
	for _, c := range res.Cookies() {
		if c.Name == langCookie {
			cookie = c.Value
		}
	}
	if cookie != "en" {
		t.Fatalf("lang cookie = %q, want en", cookie)
	}
	h := map[string][]string{"Cookie": {langCookie + "=en"}}
	page := body(t, e.do(request{method: "GET", path: "/login", header: h}))
	if !strings.Contains(page, `<html lang="en">`) || !strings.Contains(page, "Log in to ITAS") {
		t.Errorf("the login page is not in English after the switch")
	}
	res = e.do(request{method: "GET", path: "/lang/en?next=https://evil.example/"})
	res.Body.Close()
	if loc := res.Header.Get("Location"); loc != "/" {
		t.Errorf("switch with a foreign next went to %q, want /", loc)
	}
}

// TestNoRawKeys renders the main pages in both languages and checks that no message key shows
// up as text, which is what a key missing from the catalogue looks like.
func TestNoRawKeys(t *testing.T) {
	e := newEnv(t, Config{})
	key := regexp.MustCompile(`\b(?:app|layout|nav|role|error|login|password|profile|logo|form|date|pager|dashboard|agencies|agency|accounts|onetime|years|year|phase|step|audit)\.[a-z_]+`)
	text := regexp.MustCompile(`>([^<]*)<`)
	pages := []struct{ user, path string }{
		{"admin", "/dashboard"}, {"admin", "/agencies"}, {"admin", "/agencies/1500200"}, {"admin", "/agencies/new"},
		{"admin", "/agencies/1500200/edit"}, {"admin", "/years"}, {"admin", "/years/new"}, {"admin", "/years/2570"},
		{"admin", "/audit"}, {"admin", "/profile"}, {"admin", "/account/password"},
		{"assessor", "/dashboard"}, {"supervisor", "/dashboard"}, {"a1500100", "/dashboard"}, {"t1500100", "/audit"},
		{"", "/login"}, {"", "/nothing-here"},
	}
	for _, lang := range []string{"th", "en"} {
		for _, p := range pages {
			req := request{method: "GET", path: p.path, header: map[string][]string{"Cookie": {langCookie + "=" + lang}}}
			if p.user != "" {
				req.token = e.session(p.user)
			}
			page := body(t, e.do(req))
			for _, m := range text.FindAllStringSubmatch(page, -1) {
				if k := key.FindString(m[1]); k != "" {
					t.Errorf("%s %s as %q shows the raw key %q", lang, p.path, p.user, k)
				}
			}
		}
	}
}

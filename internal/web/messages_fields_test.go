package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
)

// TestFieldMessagesEN checks that the main forms' field messages, which the domain gives in
// Thai only, have an English translation.
func TestFieldMessagesEN(t *testing.T) {
	errs := []error{
		agency.Agency{}.Validate(),
		agency.Agency{Code: "12", Name: strings.Repeat("ก", 201), Type: "bank", Province: "ไม่มี", Group: 11,
			Supervisor: "x", Website: "ftp://x"}.Validate(),
		agency.Agency{Code: "6801905", Name: "x", Type: agency.TypeSAO, Province: "ขอนแก่น", Group: 9}.Validate(),
		account.Account{Role: account.RoleAssessor, Username: "a1234567"}.Validate(),
		account.Account{Role: account.RoleSupervisor, Username: "x"}.Validate(),
		account.Profile{}.Validate(),
		account.Profile{Name: "x", Position: "y", Phone: "12", Email: "x"}.Validate(),
		account.CheckPassword("somchai", "somchai"),
		assessment.Year{}.Validate(),
		assessment.Year{FiscalYear: 2570, FrameworkYear: 2571, Status: assessment.StatusOpen}.Validate(),
	}
	for _, err := range errs {
		if len(apperr.FieldsOf(err)) == 0 {
			t.Fatalf("no field messages in %v", err)
		}
		for field, th := range apperr.FieldsOf(err) {
			if en := fieldMessageEN(th); en == th || en == "" {
				t.Errorf("%s: no English for %q", field, th)
			}
		}
	}
	if got := fieldMessageEN("ข้อความที่ไม่รู้จัก และอีกข้อความ"); got != "ข้อความที่ไม่รู้จัก และอีกข้อความ" {
		t.Errorf("an unknown message became %q; want the Thai unchanged", got)
	}
}

// TestEnglishFieldErrors checks that English pages and API answers show the field messages in
// English.
func TestEnglishFieldErrors(t *testing.T) {
	e := newEnv(t, Config{})
	en := http.Header{"Cookie": {langCookie + "=en"}}
	tok := e.session("admin")
	page := body(t, e.do(request{method: "POST", path: "/agencies", token: tok, header: en,
		form: url.Values{"code": {"12"}, "type": {"sao"}}}))
	for _, want := range []string{"The agency code must be 3 to 12 digits", "Enter the agency&#39;s name", "Give the agency&#39;s province"} {
		if !strings.Contains(page, want) {
			t.Errorf("English agency form lacks %q", want)
		}
	}
	page = body(t, e.do(request{method: "POST", path: "/account/password", token: tok, header: en,
		form: url.Values{"current": {"wrong-wrong-1"}, "new": {"short"}, "confirm": {"other"}}}))
	for _, want := range []string{"The current password is wrong", "at least 10 characters", "The two new passwords differ"} {
		if !strings.Contains(page, want) {
			t.Errorf("English password form lacks %q", want)
		}
	}
	var apiErr apiError
	decode(t, e.do(request{method: "PUT", path: "/api/v1/me/profile", bearer: tok, header: http.Header{"Accept-Language": {"en"}},
		json: `{"name": "", "position": "", "phone": "1", "email": "x"}`}), &apiErr)
	if apiErr.Error.Fields["phone"] != "Invalid phone number, e.g. 02-123-4567 or 081-234-5678 (ext. 123)" || apiErr.Error.Fields["name"] != "Enter your full name" {
		t.Errorf("English API fields = %v", apiErr.Error.Fields)
	}
	apiErr = apiError{}
	decode(t, e.do(request{method: "PUT", path: "/api/v1/me/profile", bearer: tok,
		json: `{"name": "", "position": "", "phone": "1", "email": "x"}`}), &apiErr)
	if apiErr.Error.Fields["name"] != "กรุณากรอกชื่อ–นามสกุล" {
		t.Errorf("Thai API fields = %v", apiErr.Error.Fields)
	}
}

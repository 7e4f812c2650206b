package web

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/audit"
)

// The JSON shapes of the API. Domain types carry no JSON tags, so the API owns its shapes and
// they change only on purpose; openapi.json describes them.

// AccountJSON is an account as the API shows it; never the password hash.
type AccountJSON struct {
	Username           string     `json:"username"`
	Role               string     `json:"role"`
	AgencyCode         string     `json:"agency_code,omitempty"`
	Groups             []int      `json:"groups,omitempty"`
	Supervisor         string     `json:"supervisor,omitempty"`
	Name               string     `json:"name"`
	Position           string     `json:"position"`
	Phone              string     `json:"phone"`
	Email              string     `json:"email"`
	MustChangePassword bool       `json:"must_change_password"`
	ProfileComplete    bool       `json:"profile_complete"`
	Disabled           bool       `json:"disabled"`
	CreatedAt          *time.Time `json:"created_at,omitempty"`
}

func accountJSON(a account.Account) AccountJSON {
	j := AccountJSON{
		Username: a.Username, Role: string(a.Role), AgencyCode: a.AgencyCode, Groups: a.Groups,
		Supervisor: string(a.Supervisor), Name: a.Name, Position: a.Position, Phone: a.Phone, Email: a.Email,
		MustChangePassword: a.MustChangePassword, ProfileComplete: !a.ProfileCompletedAt.IsZero(), Disabled: a.Disabled,
	}
	if !a.CreatedAt.IsZero() {
		t := a.CreatedAt
		j.CreatedAt = &t
	}
	return j
}

// AgencyJSON is an agency record.
type AgencyJSON struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	ShortName  string `json:"short_name"`
	Type       string `json:"type"`
	Ministry   string `json:"ministry"`
	Province   string `json:"province"`
	Group      int    `json:"group"`
	Supervisor string `json:"supervisor"`
	Website    string `json:"website"`
}

func agencyJSON(a agency.Agency) AgencyJSON {
	return AgencyJSON{a.Code, a.Name, a.ShortName, a.Type, a.Ministry, a.Province, a.Group, string(a.Supervisor), a.Website}
}

// agency returns the normalized agency; a zero group takes the group the manual suggests.
func (j AgencyJSON) agency() agency.Agency {
	a := agency.Agency{Code: j.Code, Name: j.Name, ShortName: j.ShortName, Type: j.Type, Ministry: j.Ministry,
		Province: j.Province, Group: j.Group, Supervisor: agency.Supervisor(j.Supervisor), Website: j.Website}.Normalize()
	if a.Group == 0 {
		a.Group = agency.SuggestGroup(a.Type, a.Province)
	}
	return a
}

// YearJSON is an assessment year; times are RFC 3339 in Asia/Bangkok.
type YearJSON struct {
	FiscalYear    int          `json:"fiscal_year"`
	FrameworkYear int          `json:"framework_year"`
	Status        string       `json:"status"`
	Phases        []WindowJSON `json:"phases"`
	OpenPhases    []string     `json:"open_phases"`
}

// WindowJSON is one phase window.
type WindowJSON struct {
	Phase string    `json:"phase"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

func yearJSON(y assessment.Year, now time.Time) YearJSON {
	j := YearJSON{FiscalYear: y.FiscalYear, FrameworkYear: y.FrameworkYear, Status: string(y.Status),
		Phases: []WindowJSON{}, OpenPhases: []string{}}
	for _, w := range y.Phases {
		j.Phases = append(j.Phases, WindowJSON{string(w.Phase), w.Start, w.End})
	}
	for _, p := range y.OpenPhases(now) {
		j.OpenPhases = append(j.OpenPhases, string(p))
	}
	return j
}

func (j YearJSON) year() assessment.Year {
	y := assessment.Year{FiscalYear: j.FiscalYear, FrameworkYear: j.FrameworkYear, Status: assessment.Status(j.Status)}
	for _, w := range j.Phases {
		y.Phases = append(y.Phases, assessment.Window{Phase: assessment.Phase(w.Phase), Start: w.Start, End: w.End})
	}
	y.SortPhases()
	return y
}

// AuditJSON is one audit entry.
type AuditJSON struct {
	ID         int64           `json:"id"`
	At         time.Time       `json:"at"`
	Actor      string          `json:"actor"`
	Role       string          `json:"role"`
	AgencyCode string          `json:"agency_code,omitempty"`
	Action     string          `json:"action"`
	Subject    string          `json:"subject"`
	Before     json.RawMessage `json:"before,omitempty"`
	After      json.RawMessage `json:"after,omitempty"`
	IP         string          `json:"ip,omitempty"`
}

func auditJSON(e audit.Entry) AuditJSON {
	j := AuditJSON{ID: e.ID, At: e.At, Actor: e.Actor, Role: e.Role, AgencyCode: e.AgencyCode, Action: e.Action,
		Subject: e.Subject, IP: e.IP}
	if e.Before != "" {
		j.Before = json.RawMessage(e.Before)
	}
	if e.After != "" {
		j.After = json.RawMessage(e.After)
	}
	return j
}

// OneTimeJSON is a one-time password handed out once.
type OneTimeJSON struct {
	Username   string `json:"username"`
	Role       string `json:"role"`
	AgencyCode string `json:"agency_code,omitempty"`
	Password   string `json:"password"`
}

// TokenJSON answers a login or password change.
type TokenJSON struct {
	Token     string      `json:"token"`
	ExpiresAt time.Time   `json:"expires_at"`
	Account   AccountJSON `json:"account"`
}

// maxJSONBytes bounds API request bodies.
const maxJSONBytes = 1 << 20

// decodeJSON reads r's body as one JSON value into v, rejecting unknown fields, other content
// types and trailing data with an Invalid error.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		return apperr.Invalid("คำขอต้องเป็น JSON (Content-Type: application/json)", "The body must be JSON (Content-Type: application/json)")
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูล JSON ไม่ถูกต้อง", "Malformed JSON: "+err.Error())
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return apperr.Invalid("ข้อมูล JSON ไม่ถูกต้อง", "Malformed JSON: trailing data")
	}
	return nil
}

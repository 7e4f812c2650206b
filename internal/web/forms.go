package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
)

// maxFormBytes bounds the body of ordinary (non-upload) forms.
const maxFormBytes = 64 << 10

// parseForm parses r's form with a size limit. A JSON request's body is left for decodeJSON.
func parseForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	return r.ParseForm()
}

// LoginForm is the login form.
type LoginForm struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

func (f *LoginForm) parse(r *http.Request) {
	f.Username = account.NormalizeUsername(r.PostFormValue("username"))
	f.Password = r.PostFormValue("password")
}

// PasswordForm is the change-password form.
type PasswordForm struct {
	Current string `json:"current"`
	New     string `json:"new"`
	Confirm string `json:"confirm"`
}

func (f *PasswordForm) parse(r *http.Request) {
	f.Current = r.PostFormValue("current")
	f.New = r.PostFormValue("new")
	f.Confirm = r.PostFormValue("confirm")
}

// ProfileForm is the profile form; it maps onto account.Profile.
type ProfileForm struct {
	Name     string `json:"name"`
	Position string `json:"position"`
	Phone    string `json:"phone"`
	Email    string `json:"email"`
}

func (f *ProfileForm) parse(r *http.Request) {
	f.Name = r.PostFormValue("name")
	f.Position = r.PostFormValue("position")
	f.Phone = r.PostFormValue("phone")
	f.Email = r.PostFormValue("email")
}

// profile returns the normalized profile the form describes.
func (f ProfileForm) profile() account.Profile {
	return account.Profile{Name: f.Name, Position: f.Position, Phone: f.Phone, Email: f.Email}.Normalize()
}

func profileFormOf(p account.Profile) ProfileForm {
	return ProfileForm{Name: p.Name, Position: p.Position, Phone: p.Phone, Email: p.Email}
}

// AgencyForm is the agency create and edit form. Group stays text so that a bad value
// re-renders as typed.
type AgencyForm struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	ShortName  string `json:"short_name"`
	Type       string `json:"type"`
	Ministry   string `json:"ministry"`
	Province   string `json:"province"`
	Group      string `json:"group"`
	Supervisor string `json:"supervisor"`
	Website    string `json:"website"`
}

func (f *AgencyForm) parse(r *http.Request) {
	f.Code = r.PostFormValue("code")
	f.Name = r.PostFormValue("name")
	f.ShortName = r.PostFormValue("short_name")
	f.Type = r.PostFormValue("type")
	f.Ministry = r.PostFormValue("ministry")
	f.Province = r.PostFormValue("province")
	f.Group = r.PostFormValue("group")
	f.Supervisor = r.PostFormValue("supervisor")
	f.Website = r.PostFormValue("website")
}

// agency returns the normalized agency the form describes. An empty group takes the group
// the manual's rule suggests for the type and province; a non-number becomes 0, which
// Validate rejects with a Thai message.
func (f AgencyForm) agency() agency.Agency {
	a := agency.Agency{
		Code: f.Code, Name: f.Name, ShortName: f.ShortName, Type: f.Type, Ministry: f.Ministry,
		Province: f.Province, Supervisor: agency.Supervisor(f.Supervisor), Website: f.Website,
	}
	a = a.Normalize()
	if strings.TrimSpace(f.Group) == "" {
		a.Group = agency.SuggestGroup(a.Type, a.Province)
	} else {
		a.Group, _ = strconv.Atoi(strings.TrimSpace(f.Group))
	}
	return a
}

func agencyFormOf(a agency.Agency) AgencyForm {
	return AgencyForm{
		Code: a.Code, Name: a.Name, ShortName: a.ShortName, Type: a.Type, Ministry: a.Ministry,
		Province: a.Province, Group: strconv.Itoa(a.Group), Supervisor: string(a.Supervisor), Website: a.Website,
	}
}

// agencyFilterOf reads the agency list's query string: q, type, group, province, ministry,
// supervisor and page (1-based).
func agencyFilterOf(r *http.Request, perPage int) (agency.Filter, int) {
	q := r.URL.Query()
	f := agency.Filter{
		Query:      q.Get("q"),
		Type:       q.Get("type"),
		Province:   q.Get("province"),
		Ministry:   q.Get("ministry"),
		Supervisor: agency.Supervisor(q.Get("supervisor")),
		Limit:      perPage,
	}
	f.Group, _ = strconv.Atoi(q.Get("group"))
	page, _ := strconv.Atoi(q.Get("page"))
	if page < 1 {
		page = 1
	}
	f.Offset = (page - 1) * perPage
	return f.Normalized(), page
}

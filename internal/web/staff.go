package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// Staff accounts: central admins create the accounts of NACC's staff, the assessors (with
// their agency groups) and the supervising bodies' staff (with their body), list them, change
// an assessor's groups or a supervisor's body, and disable or enable any account. A disabled
// account's sessions end at once and it cannot log in. None of this is bound to a phase.

// staffPerPage is the page size of the staff list.
const staffPerPage = 50

// StaffListPage lists the staff accounts.
type StaffListPage struct {
	Page
	Accounts         []account.Account
	RoleField        Field
	Query            string
	Total, From, To  int
	PrevURL, NextURL string
}

// StaffFormPage is the form that creates a staff account.
type StaffFormPage struct {
	Page
	Form            StaffForm
	Error           string
	Errors          map[string]string
	RoleField       Field
	SupervisorField Field
	Groups          []GroupBox
}

// GroupBox is one agency group's checkbox.
type GroupBox struct {
	Value   int
	Checked bool
}

// AccountPage shows one account to a central admin: its scope, state and actions.
type AccountPage struct {
	Page
	Account         account.Account
	Agency          *agency.Agency
	SupervisorName  string
	IsSelf          bool
	HasScope        bool
	Groups          []GroupBox
	SupervisorField Field
	Error           string
	Errors          map[string]string
}

// StaffForm is the staff account form. Groups and Supervisor are kept only for the role they
// belong to, so that a box left ticked under another role is not an error.
type StaffForm struct {
	Username   string   `json:"username"`
	Role       string   `json:"role"`
	Name       string   `json:"name"`
	Groups     []int    `json:"groups"`
	Supervisor string   `json:"supervisor"`
	badGroups  []string // form values that are not numbers
}

func (f *StaffForm) parse(r *http.Request) {
	f.Username = r.PostFormValue("username")
	f.Role = r.PostFormValue("role")
	f.Name = r.PostFormValue("name")
	f.Supervisor = r.PostFormValue("supervisor")
	f.Groups, f.badGroups = groupsOf(r.PostForm["groups"])
}

// groupsOf reads the values of the groups checkboxes.
func groupsOf(vs []string) (groups []int, bad []string) {
	for _, v := range vs {
		g, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			bad = append(bad, v)
			continue
		}
		groups = append(groups, g)
	}
	return groups, bad
}

// oneTime returns the account the form describes, created at now, with its one-time password.
func (f StaffForm) oneTime(now time.Time) (account.OneTime, error) {
	role := account.Role(f.Role)
	var groups []int
	var sup agency.Supervisor
	switch role {
	case account.RoleAssessor:
		groups = f.Groups
	case account.RoleSupervisor:
		sup = agency.Supervisor(f.Supervisor)
	}
	ot, err := account.NewStaffAccount(f.Username, role, groups, sup, f.Name, now)
	if len(f.badGroups) > 0 {
		err = apperr.Join(apperr.Fields(account.FieldGroups, "กลุ่มหน่วยงานต้องเป็นเลข 1 ถึง 10"), err)
	}
	return ot, err
}

// groupBoxes returns the checkboxes of groups 1–10 with those of checked ticked.
func groupBoxes(checked []int) []GroupBox {
	out := make([]GroupBox, 10)
	for i := range out {
		out[i].Value = i + 1
		for _, g := range checked {
			out[i].Checked = out[i].Checked || g == i+1
		}
	}
	return out
}

// staffRoleField is the select of the staff roles; with all true it has an "all" choice.
func staffRoleField(lang Lang, value, errMsg string, all bool) Field {
	f := Field{Name: "role", Label: "staff.role", Error: errMsg, Required: !all}
	first := "form.choose"
	if all {
		first = "form.all"
	}
	f.Options = append(f.Options, Option{Value: "", Label: lang.T(first)})
	for _, r := range account.StaffRoles {
		f.Options = append(f.Options, Option{Value: string(r), Label: lang.T("role." + string(r)), Selected: string(r) == value})
	}
	return f
}

// staffList serves GET /staff: the staff accounts, by username, filtered by role and a part
// of the username or name.
func (s *Server) staffList(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	f := account.Filter{Staff: true, Role: account.Role(q.Get("role")), Query: q.Get("q"),
		Limit: staffPerPage, Offset: (page - 1) * staffPerPage}
	res, err := s.store.FindAccounts(r.Context(), f)
	if err != nil {
		return err
	}
	p := &StaffListPage{Page: Page{Title: "staff.title"}, Accounts: res.Accounts, Total: res.Total,
		Query: f.Query, RoleField: staffRoleField(requestLang(r), string(f.Role), "", true)}
	if res.Total > 0 {
		p.From, p.To = f.Offset+1, f.Offset+len(res.Accounts)
	}
	if page > 1 {
		q.Set("page", strconv.Itoa(page-1))
		p.PrevURL = "/staff?" + q.Encode()
	}
	if f.Offset+len(res.Accounts) < res.Total {
		q.Set("page", strconv.Itoa(page+1))
		p.NextURL = "/staff?" + q.Encode()
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "staff_list", p)
	return nil
}

func (s *Server) staffFormPage(r *http.Request, f StaffForm, err error) *StaffFormPage {
	lang := requestLang(r)
	errs := localFields(lang, err)
	p := &StaffFormPage{Page: Page{Title: "staff.new.title"}, Form: f, Errors: errs, Groups: groupBoxes(f.Groups)}
	if err != nil {
		p.Error = s.message(r, err)
	}
	p.RoleField = staffRoleField(lang, f.Role, errs[account.FieldRole], false)
	p.SupervisorField = supervisorField(lang, f.Supervisor, errs[account.FieldSupervisor])
	p.SupervisorField.Hint = "staff.supervisor.hint"
	return p
}

// staffNew serves GET /staff/new.
func (s *Server) staffNew(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "staff_form", s.staffFormPage(r, StaffForm{Role: string(account.RoleAssessor)}, nil))
	return nil
}

// createStaff creates the account the form describes and returns it with its one-time
// password. A taken username is an Invalid error on the username field.
func (s *Server) createStaff(r *http.Request, f StaffForm) (account.OneTime, error) {
	ot, err := f.oneTime(s.now())
	if err != nil {
		return ot, err
	}
	out, err := s.store.CreateAccounts(r.Context(), []account.Account{ot.Account}, s.by(r))
	if apperr.Is(err, apperr.CodeConflict) {
		return ot, &apperr.Error{Code: apperr.CodeInvalid, Message: apperr.MessageOf(err), MessageEN: apperr.MessageENOf(err),
			Fields: map[string]string{account.FieldUsername: "มีชื่อผู้ใช้งานนี้อยู่แล้ว"}, Err: err}
	}
	if err != nil {
		return ot, err
	}
	ot.Account = out[0]
	return ot, nil
}

// staffCreate serves POST /staff and shows the new account's one-time password once.
func (s *Server) staffCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	var f StaffForm
	f.parse(r)
	ot, err := s.createStaff(r, f)
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		s.render(w, r, http.StatusUnprocessableEntity, "staff_form", s.staffFormPage(r, f, err))
		return nil
	}
	if err != nil {
		return err
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "onetime", &OneTimePage{Page: Page{Title: "onetime.title"},
		Username: ot.Account.Username, Password: ot.Password, Back: accountURL(ot.Account.Username)})
	return nil
}

// accountURL is the account page of username.
func accountURL(username string) string { return "/accounts/" + url.PathEscape(username) }

// accountByPath finds the account named by the path's {username}.
func (s *Server) accountByPath(r *http.Request) (account.Account, error) {
	return s.store.FindAccountByUsername(r.Context(), r.PathValue("username"))
}

func (s *Server) accountPage(r *http.Request, a account.Account, err error) (*AccountPage, error) {
	lang := requestLang(r)
	errs := localFields(lang, err)
	p := &AccountPage{Page: Page{Title: "account.title"}, Account: a, Errors: errs,
		IsSelf:   a.ID == authOf(r.Context()).Account.ID,
		HasScope: a.Role == account.RoleAssessor || a.Role == account.RoleSupervisor,
		Groups:   groupBoxes(a.Groups)}
	if err != nil {
		p.Error = s.message(r, err)
	}
	if sv, ok := a.Supervisor.Info(); ok {
		p.SupervisorName = sv.ShortName + " " + sv.Name
		if lang == LangEN {
			p.SupervisorName = sv.NameEN
		}
	}
	p.SupervisorField = supervisorField(lang, string(a.Supervisor), errs[account.FieldSupervisor])
	p.SupervisorField.Options = p.SupervisorField.Options[1:] // a supervisor account must have a body
	if a.AgencyCode != "" {
		ag, err := s.store.FindAgencyByCode(r.Context(), a.AgencyCode)
		if err != nil {
			return nil, err
		}
		p.Agency = &ag
	}
	return p, nil
}

// accountView serves GET /accounts/{username}.
func (s *Server) accountView(w http.ResponseWriter, r *http.Request) error {
	a, err := s.accountByPath(r)
	if err != nil {
		return err
	}
	p, err := s.accountPage(r, a, nil)
	if err != nil {
		return err
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "account", p)
	return nil
}

// accountScope serves POST /accounts/{username}/scope: an assessor's groups or a supervisor's
// body.
func (s *Server) accountScope(w http.ResponseWriter, r *http.Request) error {
	a, err := s.accountByPath(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	groups, bad := groupsOf(r.PostForm["groups"])
	if len(bad) > 0 {
		err = apperr.Fields(account.FieldGroups, "กลุ่มหน่วยงานต้องเป็นเลข 1 ถึง 10")
	} else {
		err = s.store.UpdateAccountScope(r.Context(), a.ID, groups, agency.Supervisor(r.PostFormValue("supervisor")), s.by(r))
	}
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		a.Groups = groups
		p, perr := s.accountPage(r, a, err)
		if perr != nil {
			return perr
		}
		noStore(w)
		s.render(w, r, http.StatusUnprocessableEntity, "account", p)
		return nil
	}
	if err != nil {
		return err
	}
	setFlash(w, "account.scope.saved")
	http.Redirect(w, r, accountURL(a.Username), http.StatusSeeOther)
	return nil
}

// setDisabled disables or enables the account named by the path. Central admins cannot
// disable their own account, which would lock them out.
func (s *Server) setDisabled(r *http.Request, disabled bool) (account.Account, error) {
	a, err := s.accountByPath(r)
	if err != nil {
		return a, err
	}
	if disabled && a.ID == authOf(r.Context()).Account.ID {
		return a, apperr.Conflict("ไม่สามารถระงับบัญชีของตนเองได้", "You cannot disable your own account")
	}
	if err := s.store.SetDisabled(r.Context(), a.ID, disabled, s.by(r)); err != nil {
		return a, err
	}
	a.Disabled = disabled
	return a, nil
}

// accountDisable serves POST /accounts/{username}/disable.
func (s *Server) accountDisable(w http.ResponseWriter, r *http.Request) error {
	return s.accountDisabledForm(w, r, true)
}

// accountEnable serves POST /accounts/{username}/enable.
func (s *Server) accountEnable(w http.ResponseWriter, r *http.Request) error {
	return s.accountDisabledForm(w, r, false)
}

func (s *Server) accountDisabledForm(w http.ResponseWriter, r *http.Request, disabled bool) error {
	a, err := s.setDisabled(r, disabled)
	if err != nil {
		return err
	}
	setFlash(w, map[bool]string{true: "account.disabled", false: "account.enabled"}[disabled])
	http.Redirect(w, r, accountURL(a.Username), http.StatusSeeOther)
	return nil
}

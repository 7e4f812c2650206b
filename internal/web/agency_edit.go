package web

import (
	"net/http"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
)

// AgencyPage shows one agency: its record, accounts and progress.
type AgencyPage struct {
	Page
	Agency         agency.Agency
	TypeName       string
	SupervisorName string
	Accounts       []account.Account
	ShowAccounts   bool
	CanManage      bool
	HasLogo        bool
	Registered     bool
	Progress       AgencyProgress
}

// AgencyFormPage is the agency create and edit form.
type AgencyFormPage struct {
	Page
	IsNew           bool
	Action          string
	Cancel          string
	Form            AgencyForm
	Error           string
	Errors          map[string]string
	TypeField       Field
	ProvinceField   Field
	GroupField      Field
	SupervisorField Field
}

// agencyView serves GET /agencies/{code}.
func (s *Server) agencyView(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	a := authOf(r.Context())
	lang := requestLang(r)
	p := &AgencyPage{Page: Page{Title: "agency.title"}, Agency: ag, CanManage: account.CanManageAccounts(a.Account)}
	p.TypeName = ag.TypeName()
	if t, ok := agency.TypeByCode(ag.Type); ok && lang == LangEN {
		p.TypeName = t.NameEN
	}
	if sv, ok := ag.Supervisor.Info(); ok {
		p.SupervisorName = sv.ShortName + " " + sv.Name
		if lang == LangEN {
			p.SupervisorName = sv.NameEN
		}
	}
	accts, err := s.store.FindAccountsByAgency(r.Context(), ag.Code)
	if err != nil {
		return err
	}
	p.ShowAccounts = account.CanViewAccounts(a.Account, ag)
	if p.ShowAccounts {
		p.Accounts = accts
	}
	p.Registered = account.Registered(accts)
	if p.Progress, err = s.agencyProgress(r.Context(), ag.Code); err != nil {
		return err
	}
	if _, data, err := s.findLogo(r.Context(), ag.Code); err == nil && len(data) > 0 {
		p.HasLogo = true
	}
	s.render(w, r, http.StatusOK, "agency", p)
	return nil
}

// agencyFormPage builds the create or edit form.
func (s *Server) agencyFormPage(r *http.Request, isNew bool, f AgencyForm, err error) *AgencyFormPage {
	lang := requestLang(r)
	errs := localFields(lang, err)
	p := &AgencyFormPage{Page: Page{Title: "agency.edit.title"}, IsNew: isNew, Form: f, Errors: errs}
	if isNew {
		p.Title, p.Action, p.Cancel = "agency.new.title", "/agencies", "/agencies"
	} else {
		p.Action, p.Cancel = "/agencies/"+f.Code, "/agencies/"+f.Code
	}
	if err != nil {
		p.Error = s.message(r, err)
	}
	group := 0
	if g := agencyFormGroup(f); g > 0 {
		group = g
	}
	p.TypeField = typeField(lang, f.Type, errs[agency.FieldType], true)
	p.ProvinceField = provinceField(lang, f.Province, errs[agency.FieldProvince], false)
	p.GroupField = groupField(group, errs[agency.FieldGroup], false)
	p.GroupField.Hint = "agency.group.hint"
	p.SupervisorField = supervisorField(lang, f.Supervisor, errs[agency.FieldSupervisor])
	return p
}

func agencyFormGroup(f AgencyForm) int { return f.agency().Group }

// agencyNew serves GET /agencies/new.
func (s *Server) agencyNew(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "agency_form", s.agencyFormPage(r, true, AgencyForm{}, nil))
	return nil
}

// agencyCreate serves POST /agencies.
func (s *Server) agencyCreate(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	var f AgencyForm
	f.parse(r)
	ag := f.agency()
	err := ag.Validate()
	if err == nil {
		err = s.store.CreateAgency(r.Context(), ag, s.by(r))
	}
	if c := apperr.CodeOf(err); c == apperr.CodeInvalid || c == apperr.CodeConflict {
		if c == apperr.CodeConflict {
			err = &apperr.Error{Code: c, Message: apperr.MessageOf(err), MessageEN: apperr.MessageENOf(err),
				Fields: map[string]string{agency.FieldCode: "มีหน่วยงานรหัสนี้อยู่แล้ว"}, Err: err}
		}
		s.render(w, r, httpStatus(err), "agency_form", s.agencyFormPage(r, true, f, err))
		return nil
	}
	if err != nil {
		return err
	}
	setFlash(w, "agency.saved")
	http.Redirect(w, r, "/agencies/"+ag.Code, http.StatusSeeOther)
	return nil
}

// editableAgency finds the agency named by the path's {code} and checks that the signed-in
// account may edit it: every edit path, page or API, goes through this one check.
func (s *Server) editableAgency(r *http.Request) (agency.Agency, error) {
	ag, err := s.store.FindAgencyByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		return agency.Agency{}, err
	}
	if !account.CanEditAgency(authOf(r.Context()).Account, ag) {
		return agency.Agency{}, apperr.Forbidden("", "")
	}
	return ag, nil
}

// agencyEdit serves GET /agencies/{code}/edit.
func (s *Server) agencyEdit(w http.ResponseWriter, r *http.Request) error {
	ag, err := s.editableAgency(r)
	if err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "agency_form", s.agencyFormPage(r, false, agencyFormOf(ag), nil))
	return nil
}

// agencyUpdate serves POST /agencies/{code}. The code in the path wins over the form's.
func (s *Server) agencyUpdate(w http.ResponseWriter, r *http.Request) error {
	old, err := s.editableAgency(r)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	var f AgencyForm
	f.parse(r)
	f.Code = old.Code
	ag := f.agency()
	err = ag.Validate()
	if err == nil {
		err = s.store.UpdateAgency(r.Context(), ag.Code, ag, s.by(r))
	}
	if apperr.CodeOf(err) == apperr.CodeInvalid {
		s.render(w, r, http.StatusUnprocessableEntity, "agency_form", s.agencyFormPage(r, false, f, err))
		return nil
	}
	if err != nil {
		return err
	}
	setFlash(w, "agency.saved")
	http.Redirect(w, r, "/agencies/"+ag.Code, http.StatusSeeOther)
	return nil
}

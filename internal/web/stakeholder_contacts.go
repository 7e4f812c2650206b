package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/stakeholder"
)

// contactsPerPage is the page size of the sample list.
const contactsPerPage = 50

// StakeholderContactsPage is the sample list of external stakeholders, with the import form
// and the problems of a refused file.
type StakeholderContactsPage struct {
	Page
	Agency      agency.Agency
	FiscalYear  int
	Record      stakeholder.Record
	Contacts    []ContactRow
	Total       int
	From, To    int
	PrevURL     string
	NextURL     string
	CanEdit     bool // the admin, in the open phase, with the data editable
	ImportError string
	Problems    []stakeholder.Problem
	More        int // problems not listed
}

// ContactRow is one contact as the list shows it.
type ContactRow struct {
	stakeholder.Contact
	TypeName  string
	PhoneText string
}

// StakeholderContactPage is the add and edit form of one contact.
type StakeholderContactPage struct {
	Page
	Agency    agency.Agency
	IsNew     bool
	Action    string
	Cancel    string
	Form      ContactForm
	TypeField Field
	Error     string
	Errors    map[string]string
}

// ContactForm is the contact form and the JSON body of the contact API.
type ContactForm struct {
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Type         string `json:"type"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Service      string `json:"service"`
}

func (f *ContactForm) parse(r *http.Request) {
	f.Name = r.PostFormValue(stakeholder.FieldName)
	f.Organisation = r.PostFormValue(stakeholder.FieldOrganisation)
	f.Type = r.PostFormValue(stakeholder.FieldType)
	f.Phone = r.PostFormValue(stakeholder.FieldPhone)
	f.Email = r.PostFormValue(stakeholder.FieldEmail)
	f.Service = r.PostFormValue(stakeholder.FieldService)
}

// contact returns the contact the form describes; a type it does not know stays as sent, for
// Validate to refuse.
func (f ContactForm) contact(id int64) stakeholder.Contact {
	c := stakeholder.Contact{ID: id, Name: f.Name, Organisation: f.Organisation, Phone: f.Phone, Email: f.Email, Service: f.Service}
	if t, ok := stakeholder.ParseContactType(f.Type); ok {
		c.Type = t
	} else {
		c.Type = stakeholder.ContactType(f.Type)
	}
	return c
}

func contactFormOf(c stakeholder.Contact) ContactForm {
	return ContactForm{Name: c.Name, Organisation: c.Organisation, Type: string(c.Type),
		Phone: stakeholder.FormatPhone(c.Phone), Email: c.Email, Service: c.Service}
}

func contactRowOf(lang Lang, c stakeholder.Contact) ContactRow {
	name := c.Type.Name()
	if lang == LangEN {
		name = c.Type.NameEN()
	}
	return ContactRow{Contact: c, TypeName: name, PhoneText: stakeholder.FormatPhone(c.Phone)}
}

// contactTypeField is the select of the three contact types.
func contactTypeField(lang Lang, value, errMsg string) Field {
	f := Field{Name: stakeholder.FieldType, Label: "stakeholder.contact.type", Error: errMsg, Required: true}
	f.Options = append(f.Options, Option{Value: "", Label: lang.T("form.choose")})
	for _, t := range stakeholder.ContactTypes {
		name := t.Name()
		if lang == LangEN {
			name = t.NameEN()
		}
		f.Options = append(f.Options, Option{Value: string(t), Label: name, Selected: string(t) == value})
	}
	return f
}

// contactsBase is the URL of an agency's sample list.
func contactsBase(code string) string { return "/agencies/" + code + "/stakeholders/contacts" }

// canEditList reports whether the viewer may change the sample list of t now.
func (s *Server) canEditList(r *http.Request, t shTarget, rec stakeholder.Record) bool {
	return account.Can(authOf(r.Context()).Account, account.ActionSubmitAgencyData, t.Agency) &&
		rec.Status.Editable() && t.Year.CheckOpen(assessment.PhaseStakeholderData, s.now()) == nil
}

// contactsPage builds the list page of target t at the page of the request.
func (s *Server) contactsPage(r *http.Request, t shTarget) (*StakeholderContactsPage, error) {
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	f := stakeholder.ContactFilter{Limit: contactsPerPage, Offset: (page - 1) * contactsPerPage}
	res, err := s.store.FindStakeholderContacts(r.Context(), t.Year.FiscalYear, t.Agency.Code, f)
	if err != nil {
		return nil, err
	}
	d, err := s.store.FindStakeholderData(r.Context(), t.Year.FiscalYear, t.Agency.Code)
	if err != nil {
		return nil, err
	}
	lang := requestLang(r)
	p := &StakeholderContactsPage{Page: Page{Title: "stakeholder.contacts.title"}, Agency: t.Agency,
		FiscalYear: t.Year.FiscalYear, Record: d.External, Total: res.Total, CanEdit: s.canEditList(r, t, d.External)}
	for _, c := range res.Contacts {
		p.Contacts = append(p.Contacts, contactRowOf(lang, c))
	}
	if res.Total > 0 {
		p.From, p.To = f.Offset+1, f.Offset+len(res.Contacts)
	}
	base := contactsBase(t.Agency.Code)
	if page > 1 {
		p.PrevURL = base + "?" + url.Values{"page": {strconv.Itoa(page - 1)}}.Encode()
	}
	if f.Offset+len(res.Contacts) < res.Total {
		p.NextURL = base + "?" + url.Values{"page": {strconv.Itoa(page + 1)}}.Encode()
	}
	return p, nil
}

// stakeholderContacts serves GET /agencies/{code}/stakeholders/contacts.
func (s *Server) stakeholderContacts(w http.ResponseWriter, r *http.Request) error {
	t, err := s.shForView(r, 0)
	if err != nil {
		return err
	}
	p, err := s.contactsPage(r, t)
	if err != nil {
		return err
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "stakeholder_contacts", p)
	return nil
}

// contactFormPage builds the add (id 0) or edit form.
func (s *Server) contactFormPage(r *http.Request, t shTarget, id int64, f ContactForm, err error) *StakeholderContactPage {
	p := &StakeholderContactPage{Page: Page{Title: "stakeholder.contact.edit"}, Agency: t.Agency, IsNew: id == 0,
		Form: f, Errors: apperr.FieldsOf(err), Cancel: contactsBase(t.Agency.Code)}
	if p.IsNew {
		p.Title, p.Action = "stakeholder.contact.new", contactsBase(t.Agency.Code)
	} else {
		p.Action = fmt.Sprintf("%s/%d/edit", contactsBase(t.Agency.Code), id)
	}
	if err != nil {
		p.Error = s.message(r, err)
	}
	p.TypeField = contactTypeField(requestLang(r), f.Type, p.Errors[stakeholder.FieldType])
	return p
}

// shForListEdit is shForWrite for the sample list, which must also be editable now: a form
// for a submitted or approved list would only lead to a refusal.
func (s *Server) shForListEdit(r *http.Request) (shTarget, error) {
	t, err := s.shForWrite(r, account.ActionSubmitAgencyData)
	if err != nil {
		return t, err
	}
	d, err := s.store.FindStakeholderData(r.Context(), t.Year.FiscalYear, t.Agency.Code)
	if err != nil {
		return t, err
	}
	_, err = stakeholder.Next(d.External.Status, stakeholder.ActionEdit, authOf(r.Context()).Account.Role)
	return t, err
}

// stakeholderContactNew serves GET /agencies/{code}/stakeholders/contacts/new.
func (s *Server) stakeholderContactNew(w http.ResponseWriter, r *http.Request) error {
	t, err := s.shForListEdit(r)
	if err != nil {
		return err
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "stakeholder_contact_form", s.contactFormPage(r, t, 0, ContactForm{}, nil))
	return nil
}

// stakeholderContactEdit serves GET /agencies/{code}/stakeholders/contacts/{contact}/edit.
func (s *Server) stakeholderContactEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := shContactID(r)
	if err != nil {
		return err
	}
	t, err := s.shForListEdit(r)
	if err != nil {
		return err
	}
	c, err := s.store.FindStakeholderContact(r.Context(), t.Year.FiscalYear, t.Agency.Code, id)
	if err != nil {
		return err
	}
	noStore(w)
	s.render(w, r, http.StatusOK, "stakeholder_contact_form", s.contactFormPage(r, t, id, contactFormOf(c), nil))
	return nil
}

// saveContact adds (id 0) or changes a contact from the posted form, re-rendering the form
// with the messages when the rules refuse it.
func (s *Server) saveContact(w http.ResponseWriter, r *http.Request, id int64) error {
	t, err := s.shForWrite(r, account.ActionSubmitAgencyData)
	if err != nil {
		return err
	}
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	var f ContactForm
	f.parse(r)
	c := f.contact(id)
	if id == 0 {
		_, err = s.store.AddStakeholderContact(r.Context(), t.Year.FiscalYear, t.Agency.Code, c, s.by(r))
	} else {
		_, err = s.store.UpdateStakeholderContact(r.Context(), t.Year.FiscalYear, t.Agency.Code, c, s.by(r))
	}
	if code := apperr.CodeOf(err); code == apperr.CodeInvalid || code == apperr.CodeConflict {
		noStore(w)
		s.render(w, r, httpStatus(err), "stakeholder_contact_form", s.contactFormPage(r, t, id, f, err))
		return nil
	}
	if err != nil {
		return err
	}
	setFlash(w, "stakeholder.flash.contact_saved")
	return &redirect{url: contactsBase(t.Agency.Code)}
}

// stakeholderContactCreate serves POST /agencies/{code}/stakeholders/contacts.
func (s *Server) stakeholderContactCreate(w http.ResponseWriter, r *http.Request) error {
	return s.saveContact(w, r, 0)
}

// stakeholderContactUpdate serves POST /agencies/{code}/stakeholders/contacts/{contact}/edit.
func (s *Server) stakeholderContactUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := shContactID(r)
	if err != nil {
		return err
	}
	return s.saveContact(w, r, id)
}

// stakeholderContactDelete serves POST /agencies/{code}/stakeholders/contacts/{contact}/delete.
func (s *Server) stakeholderContactDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := shContactID(r)
	if err != nil {
		return err
	}
	t, err := s.shForWrite(r, account.ActionSubmitAgencyData)
	if err != nil {
		return err
	}
	if err := s.store.DeleteStakeholderContact(r.Context(), t.Year.FiscalYear, t.Agency.Code, id, s.by(r)); err != nil {
		return err
	}
	setFlash(w, "stakeholder.flash.contact_deleted")
	return &redirect{url: contactsBase(t.Agency.Code)}
}

// readImportFile reads the "file" of a multipart request, or the whole body of any other
// request (for API clients that send the workbook as it is), at most MaxImportBytes and one
// byte more so that an oversized file is reported rather than cut. It returns the file's name
// for the messages.
func readImportFile(w http.ResponseWriter, r *http.Request) ([]byte, string, error) {
	const slack = 64 << 10
	r.Body = http.MaxBytesReader(w, r.Body, stakeholder.MaxImportBytes+slack)
	tooLarge := apperr.Fields("file", fmt.Sprintf("ไฟล์มีขนาดเกิน %d MB", stakeholder.MaxImportBytes>>20))
	if ct := r.Header.Get("Content-Type"); len(ct) < 10 || ct[:10] != "multipart/" {
		data, err := io.ReadAll(io.LimitReader(r.Body, stakeholder.MaxImportBytes+1))
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, "", tooLarge
		}
		return data, "contacts.xlsx", err
	}
	if err := r.ParseMultipartForm(stakeholder.MaxImportBytes + slack); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, "", tooLarge
		}
		return nil, "", apperr.Fields("file", "กรุณาเลือกไฟล์แม่แบบ .xlsx ที่กรอกรายชื่อแล้ว")
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, "", apperr.Fields("file", "กรุณาเลือกไฟล์แม่แบบ .xlsx ที่กรอกรายชื่อแล้ว")
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, stakeholder.MaxImportBytes+1))
	return data, filepath.Base(hdr.Filename), err
}

// importContacts reads an uploaded template and imports it as a whole for target t. Errors:
// those of shForWrite; Invalid wrapping a *stakeholder.ImportError that lists every problem by
// row and cell; the store's refusals.
func (s *Server) importContacts(w http.ResponseWriter, r *http.Request) (shTarget, int, error) {
	// The list must be editable before a file of 5,000 rows is read for nothing.
	t, err := s.shForListEdit(r)
	if err != nil {
		return t, 0, err
	}
	data, name, err := readImportFile(w, r)
	if err != nil {
		return t, 0, err
	}
	existing, err := s.store.FindStakeholderContacts(r.Context(), t.Year.FiscalYear, t.Agency.Code, stakeholder.ContactFilter{})
	if err != nil {
		return t, 0, err
	}
	cs, err := stakeholder.ReadContacts(bytes.NewReader(data), name, existing.Contacts)
	if err != nil {
		return t, 0, err
	}
	n, err := s.store.ImportStakeholderContacts(r.Context(), t.Year.FiscalYear, t.Agency.Code, cs, s.by(r))
	return t, n, err
}

// stakeholderImport serves POST /agencies/{code}/stakeholders/contacts/import: a refused file
// comes back on the list page with every problem by row and cell, and nothing imported.
func (s *Server) stakeholderImport(w http.ResponseWriter, r *http.Request) error {
	t, _, err := s.importContacts(w, r)
	if c := apperr.CodeOf(err); t.Agency.Code != "" && (c == apperr.CodeInvalid || c == apperr.CodeConflict) {
		p, perr := s.contactsPage(r, t)
		if perr != nil {
			return perr
		}
		p.ImportError = s.message(r, err)
		if f := apperr.FieldsOf(err)["file"]; f != "" {
			p.ImportError = f
		}
		if ie := stakeholder.ImportErrorOf(err); ie != nil {
			p.Problems, p.More = ie.Problems, ie.Total-len(ie.Problems)
		}
		noStore(w)
		s.render(w, r, httpStatus(err), "stakeholder_contacts", p)
		return nil
	}
	if err != nil {
		return err
	}
	setFlash(w, "stakeholder.flash.imported")
	return &redirect{url: contactsBase(t.Agency.Code)}
}

// stakeholderTemplate serves GET /agencies/{code}/stakeholders/template.xlsx, the template of
// the sample list with the agency's name and year on its instructions sheet.
func (s *Server) stakeholderTemplate(w http.ResponseWriter, r *http.Request) error {
	t, err := s.shForView(r, 0)
	if err != nil {
		return err
	}
	data, err := stakeholder.Template(t.Agency.Name, t.Year.FiscalYear)
	if err != nil {
		return apperr.Internal(err)
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="stakeholders-%s-%d.xlsx"`, t.Agency.Code, t.Year.FiscalYear))
	w.Header().Set("Cache-Control", "private, no-cache")
	_, err = w.Write(data)
	return err
}

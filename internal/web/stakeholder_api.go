package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/stakeholder"
	"github.com/openitas/itas/internal/thaidate"
)

// The JSON API of the stakeholder feature, under /api/v1/agencies/{code}/stakeholders;
// openapi_stakeholder.json describes it.

// StakeholdersJSON is an agency's stakeholder data of a year.
type StakeholdersJSON struct {
	FiscalYear int                   `json:"fiscal_year"`
	AgencyCode string                `json:"agency_code"`
	Internal   StakeholderRecordJSON `json:"internal"`
	External   StakeholderRecordJSON `json:"external"`
	Contacts   int                   `json:"contacts"`
}

// StakeholderRecordJSON is one kind of data with its place in the approval cycle.
type StakeholderRecordJSON struct {
	Kind         string     `json:"kind"`
	Population   int        `json:"population"`
	Minimum      int        `json:"minimum"`
	Status       string     `json:"status"`
	ReturnReason string     `json:"return_reason,omitempty"`
	SubmittedAt  *time.Time `json:"submitted_at,omitempty"`
	SubmittedBy  string     `json:"submitted_by,omitempty"`
	DecidedAt    *time.Time `json:"decided_at,omitempty"`
	DecidedBy    string     `json:"decided_by,omitempty"`
	UpdatedAt    *time.Time `json:"updated_at,omitempty"`
	UpdatedBy    string     `json:"updated_by,omitempty"`
}

func stakeholderRecordJSON(r stakeholder.Record, t shTarget) StakeholderRecordJSON {
	at := func(v time.Time) *time.Time {
		if v.IsZero() {
			return nil
		}
		v = v.In(thaidate.Location)
		return &v
	}
	return StakeholderRecordJSON{Kind: string(r.Kind), Population: r.Population, Minimum: r.Minimum(t.Rule),
		Status: string(r.Status), ReturnReason: r.ReturnReason,
		SubmittedAt: at(r.SubmittedAt), SubmittedBy: r.SubmittedBy, DecidedAt: at(r.DecidedAt), DecidedBy: r.DecidedBy,
		UpdatedAt: at(r.UpdatedAt), UpdatedBy: r.UpdatedBy}
}

// ContactJSON is one sample stakeholder; phone is digits only.
type ContactJSON struct {
	ID           int64  `json:"id"`
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Type         string `json:"type"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	Service      string `json:"service"`
}

func contactJSON(c stakeholder.Contact) ContactJSON {
	return ContactJSON{c.ID, c.Name, c.Organisation, string(c.Type), c.Phone, c.Email, c.Service}
}

// ContactListJSON is one page of the sample list.
type ContactListJSON struct {
	Contacts []ContactJSON `json:"contacts"`
	Total    int           `json:"total"`
	Page     int           `json:"page"`
	PerPage  int           `json:"per_page"`
}

// PopulationJSON is the body that sets a count.
type PopulationJSON struct {
	Population int `json:"population"`
}

// ReasonJSON is the optional body of a step; a return needs its reason.
type ReasonJSON struct {
	Reason string `json:"reason"`
}

// ContactImportJSON answers an import that went through.
type ContactImportJSON struct {
	Imported int `json:"imported"`
	Contacts int `json:"contacts"`
}

// ContactProblemJSON is one problem of a refused file.
type ContactProblemJSON struct {
	Row     int    `json:"row"`
	Column  int    `json:"column,omitempty"`
	Cell    string `json:"cell,omitempty"`
	Header  string `json:"header,omitempty"`
	Message string `json:"message"`
}

// contactImportErrorJSON is the 422 body of a refused file: the usual error, and every problem.
type contactImportErrorJSON struct {
	Error    apiErrorBody         `json:"error"`
	Problems []ContactProblemJSON `json:"problems"`
	Total    int                  `json:"total_problems"`
}

// apiStakeholders serves GET /api/v1/agencies/{code}/stakeholders; ?year= asks for another
// fiscal year than the current one.
func (s *Server) apiStakeholders(w http.ResponseWriter, r *http.Request) error {
	fy := 0
	if v := r.URL.Query().Get("year"); v != "" {
		var err error
		if fy, err = strconv.Atoi(v); err != nil || fy <= 0 {
			return apperr.Fields("year", "ปีงบประมาณต้องเป็นตัวเลข พ.ศ. เช่น 2570")
		}
	}
	t, err := s.shForView(r, fy)
	if err != nil {
		return err
	}
	d, err := s.store.FindStakeholderData(r.Context(), t.Year.FiscalYear, t.Agency.Code)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, StakeholdersJSON{FiscalYear: t.Year.FiscalYear, AgencyCode: t.Agency.Code,
		Internal: stakeholderRecordJSON(d.Internal, t), External: stakeholderRecordJSON(d.External, t), Contacts: d.Contacts})
	return nil
}

// apiStakeholderPopulation serves PUT /api/v1/agencies/{code}/stakeholders/{side}.
func (s *Server) apiStakeholderPopulation(w http.ResponseWriter, r *http.Request) error {
	k, err := shSide(r)
	if err != nil {
		return err
	}
	t, err := s.shForWrite(r, account.ActionSubmitAgencyData)
	if err != nil {
		return err
	}
	var body PopulationJSON
	if err := decodeJSON(w, r, &body); err != nil {
		return err
	}
	rec, err := s.store.SetStakeholderPopulation(r.Context(), t.Year.FiscalYear, t.Agency.Code, k, body.Population, s.by(r))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, stakeholderRecordJSON(rec, t))
	return nil
}

// apiStakeholderStep serves the steps of the cycle: POST …/{side}/submit, …/approve and
// …/return (with {"reason": …}). The body is optional except for a return.
func (s *Server) apiStakeholderStep(st stakeholderStep) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var body ReasonJSON
		if r.ContentLength != 0 && r.Header.Get("Content-Type") != "" {
			if err := decodeJSON(w, r, &body); err != nil {
				return err
			}
		}
		t, rec, err := s.takeStep(r, st, body.Reason)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, stakeholderRecordJSON(rec, t))
		return nil
	}
}

// apiStakeholderContacts serves GET /api/v1/agencies/{code}/stakeholders/contacts with page
// and per_page (at most 1,000).
func (s *Server) apiStakeholderContacts(w http.ResponseWriter, r *http.Request) error {
	t, err := s.shForView(r, 0)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	per, _ := strconv.Atoi(q.Get("per_page"))
	if per <= 0 {
		per = contactsPerPage
	}
	per = min(per, 1000)
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	res, err := s.store.FindStakeholderContacts(r.Context(), t.Year.FiscalYear, t.Agency.Code,
		stakeholder.ContactFilter{Limit: per, Offset: (page - 1) * per})
	if err != nil {
		return err
	}
	out := ContactListJSON{Contacts: []ContactJSON{}, Total: res.Total, Page: page, PerPage: per}
	for _, c := range res.Contacts {
		out.Contacts = append(out.Contacts, contactJSON(c))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// apiContactSave adds (id 0) or changes a contact from a JSON body.
func (s *Server) apiContactSave(w http.ResponseWriter, r *http.Request, id int64) error {
	t, err := s.shForWrite(r, account.ActionSubmitAgencyData)
	if err != nil {
		return err
	}
	var f ContactForm
	if err := decodeJSON(w, r, &f); err != nil {
		return err
	}
	status := http.StatusOK
	var c stakeholder.Contact
	if id == 0 {
		c, err = s.store.AddStakeholderContact(r.Context(), t.Year.FiscalYear, t.Agency.Code, f.contact(0), s.by(r))
		status = http.StatusCreated
	} else {
		c, err = s.store.UpdateStakeholderContact(r.Context(), t.Year.FiscalYear, t.Agency.Code, f.contact(id), s.by(r))
	}
	if err != nil {
		return err
	}
	writeJSON(w, status, contactJSON(c))
	return nil
}

// apiStakeholderContactCreate serves POST /api/v1/agencies/{code}/stakeholders/contacts.
func (s *Server) apiStakeholderContactCreate(w http.ResponseWriter, r *http.Request) error {
	return s.apiContactSave(w, r, 0)
}

// apiStakeholderContactUpdate serves PUT /api/v1/agencies/{code}/stakeholders/contacts/{contact}.
func (s *Server) apiStakeholderContactUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := shContactID(r)
	if err != nil {
		return err
	}
	return s.apiContactSave(w, r, id)
}

// apiStakeholderContactDelete serves DELETE /api/v1/agencies/{code}/stakeholders/contacts/{contact}.
func (s *Server) apiStakeholderContactDelete(w http.ResponseWriter, r *http.Request) error {
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
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// apiStakeholderImport serves POST /api/v1/agencies/{code}/stakeholders/contacts/import: the
// filled-in template as a multipart "file" or as the whole body. A refused file answers 422
// with every problem by row and cell, and nothing imported.
func (s *Server) apiStakeholderImport(w http.ResponseWriter, r *http.Request) error {
	t, n, err := s.importContacts(w, r)
	if ie := stakeholder.ImportErrorOf(err); ie != nil {
		body := contactImportErrorJSON{Error: apiErrorBody{Code: apperr.CodeInvalid, Message: s.message(r, err), Fields: apperr.FieldsOf(err)},
			Problems: []ContactProblemJSON{}, Total: ie.Total}
		for _, p := range ie.Problems {
			body.Problems = append(body.Problems, ContactProblemJSON{p.Row, p.Column, p.Cell, p.Header, p.Message})
		}
		w.Header().Set("X-Error-Code", string(apperr.CodeInvalid))
		writeJSON(w, http.StatusUnprocessableEntity, body)
		return nil
	}
	if err != nil {
		return err
	}
	d, err := s.store.FindStakeholderData(r.Context(), t.Year.FiscalYear, t.Agency.Code)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, ContactImportJSON{Imported: n, Contacts: d.Contacts})
	return nil
}

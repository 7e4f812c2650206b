package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/audit"
	"github.com/openitas/itas/internal/oit"
	"github.com/openitas/itas/internal/survey"
	"github.com/openitas/itas/internal/thaidate"
	"github.com/openitas/itas/internal/tracking"
)

// auditPerPage is the page size of the audit log.
const auditPerPage = 50

// AuditPage is the audit log with its filters.
type AuditPage struct {
	Page
	Filter      audit.Filter
	From, To    string
	Errors      map[string]string
	ActionField Field
	Entries     []audit.Entry
	Total       int
	PrevURL     string
	NextURL     string
}

// auditActions are the actions offered in the filter; an entry's action is shown through the
// catalogue key "audit.action.<action>".
var auditActions = []string{
	audit.ActionAgencyCreate, audit.ActionAgencyUpdate, audit.ActionAgencyImport,
	audit.ActionAccountCreate, audit.ActionAccountPassword, audit.ActionAccountProfile,
	audit.ActionAccountReset, audit.ActionAccountDisable, audit.ActionAccountEnable, audit.ActionAccountScope,
	audit.ActionYearCreate, audit.ActionYearUpdate, audit.ActionLogin, audit.ActionLogout,
	survey.ActionLinkRotate, survey.ActionImport, tracking.ActionExport,
}

// The OIT store records each workflow step as "oit.<action>".
func init() {
	for _, a := range []oit.Action{oit.ActionSave, oit.ActionSubmit, oit.ActionReview, oit.ActionReject,
		oit.ActionApprove, oit.ActionScore, oit.ActionRelease, oit.ActionReply, oit.ActionDecide, oit.ActionConfirm} {
		auditActions = append(auditActions, "oit."+string(a))
	}
}

// auditFilterOf reads the audit log's query: actor, agency, action, from, to (BE dates), page.
func auditFilterOf(r *http.Request) (audit.Filter, string, string, int, error) {
	q := r.URL.Query()
	f := audit.Filter{Actor: strings.TrimSpace(q.Get("actor")), AgencyCode: strings.TrimSpace(q.Get("agency")),
		Action: q.Get("action"), Subject: strings.TrimSpace(q.Get("subject")), Limit: auditPerPage}
	from, to := strings.TrimSpace(q.Get("from")), strings.TrimSpace(q.Get("to"))
	fields := map[string]string{}
	if from != "" {
		t, err := thaidate.ParseDate(from)
		if err != nil {
			fields["from"] = apperr.MessageOf(err)
		}
		f.Since = t
	}
	if to != "" {
		t, err := thaidate.ParseDate(to)
		if err != nil {
			fields["to"] = apperr.MessageOf(err)
		}
		f.Until = thaidate.EndOfDay(t)
	}
	page, _ := strconv.Atoi(q.Get("page"))
	if page < 1 {
		page = 1
	}
	f.Offset = (page - 1) * auditPerPage
	return f.Normalized(), from, to, page, apperr.Check(fields)
}

// auditList serves GET /audit: every entry for central admins, the agency's own for the
// agency roles.
func (s *Server) auditList(w http.ResponseWriter, r *http.Request) error {
	a := authOf(r.Context())
	f, from, to, page, ferr := auditFilterOf(r)
	scoped, ok := account.AuditScope(a.Account, f)
	if !ok {
		return apperr.Forbidden("", "")
	}
	p := &AuditPage{Page: Page{Title: "audit.title"}, Filter: scoped, From: from, To: to, Errors: apperr.FieldsOf(ferr)}
	lang := requestLang(r)
	p.ActionField = Field{Name: "action", Label: "audit.action", Options: []Option{{Value: "", Label: lang.T("form.all")}}}
	for _, act := range auditActions {
		p.ActionField.Options = append(p.ActionField.Options, Option{Value: act, Label: lang.T("audit.action." + act), Selected: act == f.Action})
	}
	if ferr == nil {
		res, err := s.store.FindAudit(r.Context(), scoped)
		if err != nil {
			return err
		}
		p.Entries, p.Total = res.Entries, res.Total
	}
	q := r.URL.Query()
	if page > 1 {
		q.Set("page", strconv.Itoa(page-1))
		p.PrevURL = "/audit?" + q.Encode()
	}
	if f.Offset+len(p.Entries) < p.Total {
		q.Set("page", strconv.Itoa(page+1))
		p.NextURL = "/audit?" + q.Encode()
	}
	s.render(w, r, http.StatusOK, "audit", p)
	return nil
}

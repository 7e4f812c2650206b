package web

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/apperr"
	"github.com/openitas/itas/internal/assessment"
	"github.com/openitas/itas/internal/survey"
)

// SurveyLinksPage is an agency's survey channels: the IIT and EIT links of the current year
// with their QR codes, posters and rotation.
type SurveyLinksPage struct {
	Page
	Agency    agency.Agency
	Year      assessment.Year
	Links     []SurveyLinkView
	CanRotate bool
	Error     string
}

// SurveyLinkView is one survey's live link.
type SurveyLinkView struct {
	Agency    agency.Agency
	Survey    string
	NameKey   string // message key of the survey's name
	Token     string
	URL       string // absolute, as printed and encoded in the QR code
	CreatedAt time.Time
	Base      string // /agencies/{code}/surveys/{survey}
	Window    string // the collection dates
	Open      bool
	Closed    bool // the collection window is over: no more rotation
}

// surveyLinksHome serves GET /survey-links, the menu's way to the survey links: an agency's
// accounts go to their agency's page, NACC to the agency list to pick one.
func (h *surveys) surveyLinksHome(w http.ResponseWriter, r *http.Request) error {
	if code := authOf(r.Context()).Account.AgencyCode; code != "" {
		return &redirect{url: "/agencies/" + code + "/surveys"}
	}
	return &redirect{url: "/agencies"}
}

// surveyLinks serves GET /agencies/{code}/surveys.
func (h *surveys) surveyLinks(w http.ResponseWriter, r *http.Request) error {
	ag, err := h.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return err
	}
	return h.renderLinks(w, r, ag, http.StatusOK, "")
}

// renderLinks renders an agency's survey links page with status and an error message ("" for
// none).
func (h *surveys) renderLinks(w http.ResponseWriter, r *http.Request, ag agency.Agency, status int, msg string) error {
	y, err := h.openYear(r.Context())
	if err != nil {
		return err
	}
	p := &SurveyLinksPage{Page: Page{Title: "surveys.title"}, Agency: ag, Year: y, Error: msg,
		CanRotate: authOf(r.Context()).Account.Role == account.RoleAgencyAdmin}
	for _, sv := range []string{survey.IIT, survey.EIT} {
		v, err := h.linkView(r, ag, y, sv)
		if err != nil {
			return err
		}
		p.Links = append(p.Links, v)
	}
	noStore(w)
	h.render(w, r, status, "survey_links", p)
	return nil
}

// agencySurvey returns the live link of the survey named by the path's {survey} for the
// agency named by {code}, in the current year, if the account may see the agency.
func (h *surveys) agencySurvey(r *http.Request) (SurveyLinkView, error) {
	ag, err := h.viewableAgency(r, r.PathValue("code"))
	if err != nil {
		return SurveyLinkView{}, err
	}
	sv := r.PathValue("survey")
	if !survey.ValidSurvey(sv) {
		return SurveyLinkView{}, apperr.NotFound("ไม่มีแบบสำรวจนี้", "No such survey")
	}
	y, err := h.openYear(r.Context())
	if err != nil {
		return SurveyLinkView{}, err
	}
	return h.linkView(r, ag, y, sv)
}

func (h *surveys) linkView(r *http.Request, ag agency.Agency, y assessment.Year, sv string) (SurveyLinkView, error) {
	l, err := h.store.SurveyLink(r.Context(), y.FiscalYear, ag.Code, sv)
	if err != nil {
		return SurveyLinkView{}, err
	}
	v := SurveyLinkView{
		Agency: ag, Survey: sv, NameKey: "respond.survey." + sv, Token: l.Token, CreatedAt: l.CreatedAt,
		URL: h.baseURL(r) + "/s/" + l.Token, Base: "/agencies/" + ag.Code + "/surveys/" + sv,
	}
	if win, ok := y.Window(collectionPhase(sv)); ok {
		lang := requestLang(r)
		v.Window = formatDate(lang, win.Start) + " – " + formatDate(lang, win.End)
		v.Open = y.CheckOpen(collectionPhase(sv), h.now()) == nil
		v.Closed = h.now().After(win.End)
	}
	return v, nil
}

// baseURL is the scheme and host that printed links and QR codes carry: Config.PublicURL when
// set, else those the request came to (behind a trusted proxy, X-Forwarded-Proto says whether
// it is https) — the Host header is the client's, so only a configured URL is sure to be
// one the public can open.
func (h *surveys) baseURL(r *http.Request) string {
	if h.cfg.PublicURL != "" {
		return h.cfg.PublicURL
	}
	scheme := "http"
	if r.TLS != nil || (h.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// checkPublicURL checks c.PublicURL — "" or an absolute http(s) URL with a host and nothing
// after it but an optional "/" (ITAS is served at the root of its host) — and drops the
// trailing slash.
func (c *Config) checkPublicURL() error {
	if c.PublicURL == "" {
		return nil
	}
	u, err := url.Parse(c.PublicURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return fmt.Errorf("public URL %q: want the scheme and host only, such as https://itas.example.go.th", c.PublicURL)
	}
	c.PublicURL = u.Scheme + "://" + u.Host
	return nil
}

// surveyRotate serves POST /agencies/{code}/surveys/{survey}/rotate: the agency admin retires
// the survey's link and gets a new one (the old link then says it has moved). It needs the
// confirmation box ticked, works until the survey's collection window ends, and is
// audit-logged by the store.
func (h *surveys) surveyRotate(w http.ResponseWriter, r *http.Request) error {
	old, err := h.agencySurvey(r)
	if err != nil {
		return err
	}
	if authOf(r.Context()).Account.Role != account.RoleAgencyAdmin {
		return apperr.Forbidden("เฉพาะผู้ดูแลระบบของหน่วยงานเปลี่ยนลิงก์แบบสำรวจได้", "Only the agency's administrator may change survey links")
	}
	if err := parseForm(w, r); err != nil {
		return apperr.Wrap(err, apperr.CodeInvalid, "ข้อมูลที่ส่งมาไม่ถูกต้อง", "Malformed form")
	}
	y, err := h.openYear(r.Context())
	if err != nil {
		return err
	}
	if err := h.rotationOpen(y, old.Survey); err != nil {
		return err
	}
	if r.PostFormValue("confirm") != "yes" {
		return h.renderLinks(w, r, old.Agency, http.StatusUnprocessableEntity,
			msgOf(requestLang(r), apperr.Invalid("กรุณาทำเครื่องหมายยืนยันก่อนเปลี่ยนลิงก์", "Tick the box to confirm before changing the link")))
	}
	if _, err := h.store.RotateSurveyLink(r.Context(), y.FiscalYear, old.Agency.Code, old.Survey, h.by(r)); err != nil {
		return err
	}
	h.links.forget(old.Token)
	setFlash(w, "surveys.rotated")
	http.Redirect(w, r, "/agencies/"+old.Agency.Code+"/surveys", http.StatusSeeOther)
	return nil
}

// rotationOpen is the phase lock of rotation: a link may change while the year is open and
// until its survey's collection window ends — before the window too, since agencies print
// posters ahead of it.
func (h *surveys) rotationOpen(y assessment.Year, sv string) error {
	p := collectionPhase(sv)
	win, ok := y.Window(p)
	if y.Status != assessment.StatusOpen || !ok || h.now().After(win.End) {
		return y.CheckOpen(p, h.now())
	}
	return nil
}

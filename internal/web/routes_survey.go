package web

import "github.com/openitas/itas/internal/account"

var (
	// surveyLinkViewers: who sees an agency's survey links, QR codes and posters, each within
	// its scope — the agency's administrator and executive, and NACC for support.
	surveyLinkViewers = access{roles: []account.Role{account.RoleCentralAdmin, account.RoleAgencyAdmin, account.RoleAgencyExecutive}}
	// agencyAdminOnly: an agency's administrator, for its own agency.
	agencyAdminOnly = access{roles: []account.Role{account.RoleAgencyAdmin}}
)

// surveyRoutes are the routes of the survey feature; see routeTable. The respondent's pages
// and the JSON API are public (no login) and rate-limited per address.
func (s *Server) surveyRoutes() []route {
	h := newSurveys(s)
	return []route{
		{"GET /s/{token}", public, h.respondStart},
		{"POST /s/{token}", public, h.respondID},
		{"POST /s/{token}/answers", public, h.respondAnswers},
		{"GET /s/{token}/done", public, h.respondDone},
		{"GET /api/v1/s/{token}", public, h.apiForm},
		{"POST /api/v1/s/{token}/responses", public, h.apiRespond},

		{"GET /surveys", public, h.surveySearch},
		{"GET /surveys/{code}/eit", public, h.surveyEITByAgency},

		{"GET /survey-links", surveyLinkViewers, h.surveyLinksHome},
		{"GET /agencies/{code}/surveys", surveyLinkViewers, h.surveyLinks},
		{"GET /agencies/{code}/surveys/{survey}/qr.png", surveyLinkViewers, h.surveyQR("png")},
		{"GET /agencies/{code}/surveys/{survey}/qr.svg", surveyLinkViewers, h.surveyQR("svg")},
		{"GET /agencies/{code}/surveys/{survey}/poster", surveyLinkViewers, h.surveyPoster},
		{"POST /agencies/{code}/surveys/{survey}/rotate", agencyAdminOnly, h.surveyRotate},
	}
}

package web

import "github.com/openitas/itas/internal/account"

var (
	// suggestionReaders: who reads an agency's anonymous suggestions once collection has
	// closed — the agency's own accounts, whose feedback it is, and NACC.
	suggestionReaders = access{roles: []account.Role{account.RoleCentralAdmin, account.RoleAgencyAdmin, account.RoleAgencyExecutive}}
	// responseEnterers: who enters EIT responses collected by phone or in the field, for the
	// agencies in scope — assessors and NACC (account.ActionEnterResponses).
	responseEnterers = access{roles: []account.Role{account.RoleCentralAdmin, account.RoleAssessor}}
)

// trackingRoutes are the routes of the tracking feature (manual 6.6) and of the EIT responses
// assessors collect; see routeTable. Every handler checks agency scope again.
func (s *Server) trackingRoutes() []route {
	en := newEntry(s)
	return []route{
		{"GET /tracking", anyRole, s.trackingHome},
		{"GET /tracking/export.xlsx", listers, s.trackingExport("xlsx")},
		{"GET /tracking/export.csv", listers, s.trackingExport("csv")},
		{"GET /agencies/{code}/tracking", anyRole, s.trackingAgency},
		{"GET /agencies/{code}/tracking/suggestions", suggestionReaders, s.trackingSuggestions},
		{"GET /api/v1/tracking", listers, s.apiTracking},
		{"GET /api/v1/agencies/{code}/tracking", anyRole, s.apiAgencyTracking},

		{"GET /agencies/{code}/eit/entry", responseEnterers, en.entryForm},
		{"POST /agencies/{code}/eit/entry", responseEnterers, en.entrySubmit},
		{"GET /eit/import", responseEnterers, en.importForm},
		{"POST /eit/import", responseEnterers, en.importSubmit},
	}
}

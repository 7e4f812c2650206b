package web

// routeTable is every route of the server: its ServeMux pattern, who may use it and its
// handler. Agency scope is checked again inside the handlers with the account package's
// permission functions. TestRouteAccess walks this table with every role.
//
// Each feature keeps its routes in its own routes_*.go file so that features can grow apart;
// routeTable joins them.
func (s *Server) routeTable() []route {
	var all []route
	for _, group := range [][]route{
		s.coreRoutes(), s.stakeholderRoutes(), s.surveyRoutes(), s.trackingRoutes(), s.oitRoutes(), s.evidenceRoutes(), s.resultsRoutes(),
	} {
		all = append(all, group...)
	}
	return all
}

// coreRoutes are the platform's routes: login, profile, agencies, accounts, years, audit.
func (s *Server) coreRoutes() []route {
	return []route{
		{"GET /{$}", public, s.home},
		{"GET /healthz", public, s.healthz},
		{"GET /static/{hash}/{name}", public, s.assets.serveStatic},
		{"GET /lang/{lang}", public, s.langSwitch},

		{"GET /login", public, s.loginForm},
		{"POST /login", public, s.loginSubmit},
		{"POST /logout", passwordStep, s.logout},
		{"GET /account/password", passwordStep, s.passwordForm},
		{"POST /account/password", passwordStep, s.passwordSubmit},
		{"GET /profile", profileStep, s.profileForm},
		{"POST /profile", profileStep, s.profileSubmit},
		{"POST /profile/logo", logoUpload, s.logoSubmit},

		{"GET /dashboard", anyRole, s.dashboard},

		{"GET /agencies", listers, s.agencyList},
		{"GET /agencies/new", centralOnly, s.agencyNew},
		{"GET /agencies/import", centralOnly, s.agencyImportForm},
		{"POST /agencies/import", centralOnly, s.agencyImportSubmit},
		{"GET /agencies/import/template.xlsx", centralOnly, s.agencyImportTemplate},
		{"POST /agencies", centralOnly, s.agencyCreate},
		{"GET /agencies/{code}", anyRole, s.agencyView},
		{"GET /agencies/{code}/edit", centralOnly, s.agencyEdit},
		{"POST /agencies/{code}", centralOnly, s.agencyUpdate},
		{"GET /agencies/{code}/logo", profileStep, s.agencyLogo},
		{"POST /agencies/{code}/accounts", centralOnly, s.generateAgencyAccounts},
		{"POST /accounts/generate", centralOnly, s.generateBulkAccounts},
		{"POST /accounts/{username}/reset", centralOnly, s.accountReset},
		{"GET /accounts/{username}", centralOnly, s.accountView},
		{"POST /accounts/{username}/scope", centralOnly, s.accountScope},
		{"POST /accounts/{username}/disable", centralOnly, s.accountDisable},
		{"POST /accounts/{username}/enable", centralOnly, s.accountEnable},
		{"GET /staff", centralOnly, s.staffList},
		{"GET /staff/new", centralOnly, s.staffNew},
		{"POST /staff", centralOnly, s.staffCreate},

		{"GET /years", centralOnly, s.yearList},
		{"GET /years/new", centralOnly, s.yearNew},
		{"POST /years", centralOnly, s.yearCreate},
		{"GET /years/{year}", centralOnly, s.yearEdit},
		{"POST /years/{year}", centralOnly, s.yearUpdate},

		{"GET /audit", auditReaders, s.auditList},

		{"GET /api/openapi.json", public, s.openAPI},
		{"POST /api/v1/login", public, s.apiLogin},
		{"POST /api/v1/logout", passwordStep, s.apiLogout},
		{"GET /api/v1/me", passwordStep, s.apiMe},
		{"POST /api/v1/me/password", passwordStep, s.apiPassword},
		{"PUT /api/v1/me/profile", profileStep, s.apiProfile},
		{"GET /api/v1/agencies", listers, s.apiAgencies},
		{"POST /api/v1/agencies", centralOnly, s.apiAgencyCreate},
		{"POST /api/v1/agencies/import", centralOnly, s.apiAgencyImport},
		{"GET /api/v1/agencies/{code}", anyRole, s.apiAgency},
		{"PUT /api/v1/agencies/{code}", centralOnly, s.apiAgencyUpdate},
		{"GET /api/v1/agencies/{code}/accounts", accountViewers, s.apiAgencyAccounts},
		{"POST /api/v1/agencies/{code}/accounts", centralOnly, s.apiGenerateAccounts},
		{"POST /api/v1/accounts/{username}/reset", centralOnly, s.apiAccountReset},
		{"GET /api/v1/accounts", centralOnly, s.apiAccounts},
		{"POST /api/v1/accounts", centralOnly, s.apiStaffCreate},
		{"GET /api/v1/accounts/{username}", centralOnly, s.apiAccount},
		{"PUT /api/v1/accounts/{username}/scope", centralOnly, s.apiAccountScope},
		{"POST /api/v1/accounts/{username}/disable", centralOnly, s.apiAccountDisable},
		{"POST /api/v1/accounts/{username}/enable", centralOnly, s.apiAccountEnable},
		{"GET /api/v1/years", anyRole, s.apiYears},
		{"POST /api/v1/years", centralOnly, s.apiYearCreate},
		{"GET /api/v1/years/{year}", anyRole, s.apiYear},
		{"PUT /api/v1/years/{year}", centralOnly, s.apiYearUpdate},
		{"GET /api/v1/audit", auditReaders, s.apiAudit},
	}
}

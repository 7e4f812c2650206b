package web

import "github.com/openitas/itas/internal/account"

// Who may use the stakeholder routes: everyone in scope reads; the agency admin enters and
// submits; the agency executive approves and returns.
func init() {
	admin, exec := []account.Role{rAA}, []account.Role{rAE}
	addRouteAccess(map[string][]account.Role{
		"GET /stakeholders":                                            allRoles,
		"GET /agencies/{code}/stakeholders":                            allRoles,
		"POST /agencies/{code}/stakeholders/{side}/population":         admin,
		"POST /agencies/{code}/stakeholders/{side}/submit":             admin,
		"POST /agencies/{code}/stakeholders/{side}/approve":            exec,
		"POST /agencies/{code}/stakeholders/{side}/return":             exec,
		"GET /agencies/{code}/stakeholders/template.xlsx":              allRoles,
		"GET /agencies/{code}/stakeholders/contacts":                   allRoles,
		"GET /agencies/{code}/stakeholders/contacts/new":               admin,
		"POST /agencies/{code}/stakeholders/contacts":                  admin,
		"GET /agencies/{code}/stakeholders/contacts/{contact}/edit":    admin,
		"POST /agencies/{code}/stakeholders/contacts/{contact}/edit":   admin,
		"POST /agencies/{code}/stakeholders/contacts/{contact}/delete": admin,
		"POST /agencies/{code}/stakeholders/contacts/import":           admin,

		"GET /api/v1/agencies/{code}/stakeholders":                       allRoles,
		"PUT /api/v1/agencies/{code}/stakeholders/{side}":                admin,
		"POST /api/v1/agencies/{code}/stakeholders/{side}/submit":        admin,
		"POST /api/v1/agencies/{code}/stakeholders/{side}/approve":       exec,
		"POST /api/v1/agencies/{code}/stakeholders/{side}/return":        exec,
		"GET /api/v1/agencies/{code}/stakeholders/contacts":              allRoles,
		"POST /api/v1/agencies/{code}/stakeholders/contacts":             admin,
		"PUT /api/v1/agencies/{code}/stakeholders/contacts/{contact}":    admin,
		"DELETE /api/v1/agencies/{code}/stakeholders/contacts/{contact}": admin,
		"POST /api/v1/agencies/{code}/stakeholders/contacts/import":      admin,
	})
	pathParams["side"] = "external"
	pathParams["contact"] = "1"
}

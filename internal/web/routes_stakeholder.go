package web

import "github.com/openitas/itas/internal/account"

// Who may use the stakeholder routes. Every handler checks agency scope again, and the store
// checks the approval cycle (an admin cannot approve, an executive cannot edit) whatever the
// route lets through.
var (
	// stakeholderEditors: the agency admin enters, changes and submits the data.
	stakeholderEditors = access{roles: []account.Role{account.RoleAgencyAdmin}}
	// stakeholderApprovers: the agency executive approves it or returns it.
	stakeholderApprovers = access{roles: []account.Role{account.RoleAgencyExecutive}}
)

// stakeholderRoutes are the routes of the stakeholder feature (manual 6.2 ข้อ 2); see
// routeTable. {side} is "internal" or "external"; {contact} a contact's number.
func (s *Server) stakeholderRoutes() []route {
	const base = "/agencies/{code}/stakeholders"
	const api = "/api/v1/agencies/{code}/stakeholders"
	return []route{
		{"GET /stakeholders", anyRole, s.stakeholdersHome},
		{"GET " + base, anyRole, s.stakeholdersView},
		{"POST " + base + "/{side}/population", stakeholderEditors, s.stakeholderPopulation},
		{"POST " + base + "/{side}/submit", stakeholderEditors, s.stakeholderSubmit},
		{"POST " + base + "/{side}/approve", stakeholderApprovers, s.stakeholderApprove},
		{"POST " + base + "/{side}/return", stakeholderApprovers, s.stakeholderReturn},
		{"GET " + base + "/template.xlsx", anyRole, s.stakeholderTemplate},
		{"GET " + base + "/contacts", anyRole, s.stakeholderContacts},
		{"GET " + base + "/contacts/new", stakeholderEditors, s.stakeholderContactNew},
		{"POST " + base + "/contacts", stakeholderEditors, s.stakeholderContactCreate},
		{"GET " + base + "/contacts/{contact}/edit", stakeholderEditors, s.stakeholderContactEdit},
		{"POST " + base + "/contacts/{contact}/edit", stakeholderEditors, s.stakeholderContactUpdate},
		{"POST " + base + "/contacts/{contact}/delete", stakeholderEditors, s.stakeholderContactDelete},
		{"POST " + base + "/contacts/import", stakeholderEditors, s.stakeholderImport},

		{"GET " + api, anyRole, s.apiStakeholders},
		{"PUT " + api + "/{side}", stakeholderEditors, s.apiStakeholderPopulation},
		{"POST " + api + "/{side}/submit", stakeholderEditors, s.apiStakeholderStep(stakeholderSubmitStep)},
		{"POST " + api + "/{side}/approve", stakeholderApprovers, s.apiStakeholderStep(stakeholderApproveStep)},
		{"POST " + api + "/{side}/return", stakeholderApprovers, s.apiStakeholderStep(stakeholderReturnStep)},
		{"GET " + api + "/contacts", anyRole, s.apiStakeholderContacts},
		{"POST " + api + "/contacts", stakeholderEditors, s.apiStakeholderContactCreate},
		{"PUT " + api + "/contacts/{contact}", stakeholderEditors, s.apiStakeholderContactUpdate},
		{"DELETE " + api + "/contacts/{contact}", stakeholderEditors, s.apiStakeholderContactDelete},
		{"POST " + api + "/contacts/import", stakeholderEditors, s.apiStakeholderImport},
	}
}

package web

import (
	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/oit"
)

// Who may use the OIT routes, by role; agency scope and the workflow's table are checked
// again in the handlers (oitFor, oit.Record.Apply).
var (
	// oitAgencyRoles: the agency's own two accounts.
	oitAgencyRoles = access{roles: []account.Role{account.RoleAgencyAdmin, account.RoleAgencyExecutive}}
	// oitAnswerers: the agency admin, who answers and replies.
	oitAnswerers = access{roles: []account.Role{account.RoleAgencyAdmin}}
	// oitApprovers: the agency executive, who checks and approves.
	oitApprovers = access{roles: []account.Role{account.RoleAgencyExecutive}}
	// oitScorers: assessors (in their groups) and NACC.
	oitScorers = access{roles: []account.Role{account.RoleCentralAdmin, account.RoleAssessor}}
)

// oitRoutes are the routes of the oit feature; see routeTable.
func (s *Server) oitRoutes() []route {
	submit, approve, score := account.ActionSubmitAgencyData, account.ActionApproveAgencyData, account.ActionScoreOIT
	return []route{
		{"GET /oit", oitAgencyRoles, s.oitHome},
		{"GET /agencies/{code}/oit", anyRole, s.oitOverview},
		{"GET /agencies/{code}/oit/{item}", anyRole, s.oitItem},
		{"POST /agencies/{code}/oit/{item}", oitAnswerers, s.oitSave},
		{"POST /agencies/{code}/oit/{item}/review", oitApprovers, s.oitReview},
		{"POST /agencies/{code}/oit/{item}/reply", oitAnswerers, s.oitReply},
		{"POST /agencies/{code}/oit/submit", oitAnswerers, s.oitStep(submit, oit.ActionSubmit, "oit.submitted")},
		{"POST /agencies/{code}/oit/reject", oitApprovers, s.oitStep(approve, oit.ActionReject, "oit.rejected")},
		{"POST /agencies/{code}/oit/approve", oitApprovers, s.oitStep(approve, oit.ActionApprove, "oit.approved")},

		{"GET /assess", oitScorers, s.assessQueue},
		{"GET /assess/{code}", oitScorers, s.assessAgency},
		{"GET /assess/{code}/{item}", oitScorers, s.assessItem},
		{"POST /assess/{code}/{item}/score", oitScorers, s.assessScore},
		{"POST /assess/{code}/{item}/decide", oitScorers, s.assessDecide},
		{"POST /assess/{code}/release", oitScorers, s.assessStep(oit.ActionRelease, "oit.released")},
		{"POST /assess/{code}/confirm", oitScorers, s.assessStep(oit.ActionConfirm, "oit.confirmed")},

		{"GET /api/v1/agencies/{code}/oit", anyRole, s.apiOIT},
		{"PUT /api/v1/agencies/{code}/oit/items/{item}", oitAnswerers, s.apiOITAction(submit, oit.ActionSave, func() oitBody { return &apiAnswerBody{} })},
		{"POST /api/v1/agencies/{code}/oit/items/{item}/review", oitApprovers, s.apiOITAction(approve, oit.ActionReview, func() oitBody { return &apiReviewBody{} })},
		{"POST /api/v1/agencies/{code}/oit/items/{item}/score", oitScorers, s.apiOITAction(score, oit.ActionScore, func() oitBody { return &apiScoreBody{} })},
		{"POST /api/v1/agencies/{code}/oit/items/{item}/reply", oitAnswerers, s.apiOITAction(submit, oit.ActionReply, func() oitBody { return &apiReplyBody{} })},
		{"POST /api/v1/agencies/{code}/oit/items/{item}/decision", oitScorers, s.apiOITAction(score, oit.ActionDecide, func() oitBody { return &apiDecisionBody{} })},
		{"GET /api/v1/agencies/{code}/oit/items/{item}/evidence", oitScorers, s.apiOITEvidence},
		{"POST /api/v1/agencies/{code}/oit/submit", oitAnswerers, s.apiOITAction(submit, oit.ActionSubmit, func() oitBody { return &apiStepBody{} })},
		{"POST /api/v1/agencies/{code}/oit/reject", oitApprovers, s.apiOITAction(approve, oit.ActionReject, func() oitBody { return &apiStepBody{} })},
		{"POST /api/v1/agencies/{code}/oit/approve", oitApprovers, s.apiOITAction(approve, oit.ActionApprove, func() oitBody { return &apiStepBody{} })},
		{"POST /api/v1/agencies/{code}/oit/release", oitScorers, s.apiOITAction(score, oit.ActionRelease, func() oitBody { return &apiStepBody{} })},
		{"POST /api/v1/agencies/{code}/oit/confirm", oitScorers, s.apiOITAction(score, oit.ActionConfirm, func() oitBody { return &apiStepBody{} })},
		{"GET /api/v1/oit/queue", oitScorers, s.apiAssessQueue},
		{"GET /api/v1/oit/scores", centralOnly, s.apiOITScores},
	}
}

// oitNav is the OIT entry of the main menu for role r: the agency's own answers, or the
// assessors' queue.
func oitNav(r account.Role) []NavItem {
	switch r {
	case account.RoleAgencyAdmin, account.RoleAgencyExecutive:
		return []NavItem{{Href: "/oit", Key: "nav.oit"}}
	case account.RoleAssessor, account.RoleCentralAdmin:
		return []NavItem{{Href: "/assess", Key: "nav.assess"}}
	}
	return nil
}

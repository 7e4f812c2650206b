package web

import "github.com/openitas/itas/internal/account"

// Who may use the OIT routes. Agency scope, the workflow's statuses and the phases are
// checked inside the handlers and tested in oit_test.go.
func init() {
	scorers := []account.Role{rC, rAs}
	addRouteAccess(map[string][]account.Role{
		"GET /oit":                                {rAA, rAE},
		"GET /agencies/{code}/oit":                allRoles,
		"GET /agencies/{code}/oit/{item}":         allRoles,
		"POST /agencies/{code}/oit/{item}":        {rAA},
		"POST /agencies/{code}/oit/{item}/review": {rAE},
		"POST /agencies/{code}/oit/{item}/reply":  {rAA},
		"POST /agencies/{code}/oit/submit":        {rAA},
		"POST /agencies/{code}/oit/reject":        {rAE},
		"POST /agencies/{code}/oit/approve":       {rAE},

		"GET /assess":                       scorers,
		"GET /assess/{code}":                scorers,
		"GET /assess/{code}/{item}":         scorers,
		"POST /assess/{code}/{item}/score":  scorers,
		"POST /assess/{code}/{item}/decide": scorers,
		"POST /assess/{code}/release":       scorers,
		"POST /assess/{code}/confirm":       scorers,

		"GET /api/v1/agencies/{code}/oit":                        allRoles,
		"PUT /api/v1/agencies/{code}/oit/items/{item}":           {rAA},
		"POST /api/v1/agencies/{code}/oit/items/{item}/review":   {rAE},
		"POST /api/v1/agencies/{code}/oit/items/{item}/score":    scorers,
		"POST /api/v1/agencies/{code}/oit/items/{item}/reply":    {rAA},
		"POST /api/v1/agencies/{code}/oit/items/{item}/decision": scorers,
		"GET /api/v1/agencies/{code}/oit/items/{item}/evidence":  scorers,
		"POST /api/v1/agencies/{code}/oit/submit":                {rAA},
		"POST /api/v1/agencies/{code}/oit/reject":                {rAE},
		"POST /api/v1/agencies/{code}/oit/approve":               {rAE},
		"POST /api/v1/agencies/{code}/oit/release":               scorers,
		"POST /api/v1/agencies/{code}/oit/confirm":               scorers,
		"GET /api/v1/oit/queue":                                  scorers,
		"GET /api/v1/oit/scores":                                 {rC},
	})
	pathParams["item"] = "o1"
}

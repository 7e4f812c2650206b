package web

import "github.com/openitas/itas/internal/account"

func init() {
	addRouteAccess(map[string][]account.Role{
		"GET /s/{token}":                                anyone,
		"POST /s/{token}":                               anyone,
		"POST /s/{token}/answers":                       anyone,
		"GET /s/{token}/done":                           anyone,
		"GET /api/v1/s/{token}":                         anyone,
		"POST /api/v1/s/{token}/responses":              anyone,
		"GET /surveys":                                  anyone,
		"GET /surveys/{code}/eit":                       anyone,
		"GET /survey-links":                             {rC, rAA, rAE},
		"GET /agencies/{code}/surveys":                  {rC, rAA, rAE},
		"GET /agencies/{code}/surveys/{survey}/qr.png":  {rC, rAA, rAE},
		"GET /agencies/{code}/surveys/{survey}/qr.svg":  {rC, rAA, rAE},
		"GET /agencies/{code}/surveys/{survey}/poster":  {rC, rAA, rAE},
		"POST /agencies/{code}/surveys/{survey}/rotate": {rAA},
	})
	pathParams["survey"] = "eit"
}

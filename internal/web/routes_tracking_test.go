package web

import "github.com/openitas/itas/internal/account"

func init() {
	addRouteAccess(map[string][]account.Role{
		"GET /tracking":                             allRoles,
		"GET /tracking/export.xlsx":                 {rC, rAs, rSp},
		"GET /tracking/export.csv":                  {rC, rAs, rSp},
		"GET /agencies/{code}/tracking":             allRoles,
		"GET /agencies/{code}/tracking/suggestions": {rC, rAA, rAE},
		"GET /api/v1/tracking":                      {rC, rAs, rSp},
		"GET /api/v1/agencies/{code}/tracking":      allRoles,
		"GET /agencies/{code}/eit/entry":            {rC, rAs},
		"POST /agencies/{code}/eit/entry":           {rC, rAs},
		"GET /eit/import":                           {rC, rAs},
		"POST /eit/import":                          {rC, rAs},
	})
}

package web

import "github.com/openitas/itas/internal/account"

func init() {
	addRouteAccess(map[string][]account.Role{
		"GET /results":                        allRoles,
		"POST /results/compute":               {rC},
		"GET /results/export.xlsx":            {rC, rAs, rSp},
		"GET /agencies/{code}/results":        allRoles,
		"GET /api/v1/results":                 {rC, rAs, rSp},
		"POST /api/v1/results/compute":        {rC},
		"GET /api/v1/agencies/{code}/results": allRoles,
	})
}

package web

import "github.com/openitas/itas/internal/account"

func init() {
	addRouteAccess(map[string][]account.Role{
		"GET /evidence/{id}/copy": {rC, rAs, rAA, rAE},
	})
}

package web

import (
	"context"
	"strings"

	"github.com/openitas/itas/internal/account"
)

// authInfo is the logged-in account of a request and the session it came with.
type authInfo struct {
	Account account.Account
	// SessionID is the stored id of the session (a hash of the token the client holds).
	SessionID string
	// Bearer reports whether the session came in an Authorization header instead of a cookie.
	Bearer bool
}

// authOf returns the request's login, or nil for an anonymous request.
func authOf(ctx context.Context) *authInfo {
	a, _ := ctx.Value(ctxAuth).(*authInfo)
	return a
}

// withAuth returns ctx carrying the login a.
func withAuth(ctx context.Context, a *authInfo) context.Context {
	return context.WithValue(ctx, ctxAuth, a)
}

// needsSetup reports whether the account must still change its one-time password or complete
// its profile before using anything else.
func (a *authInfo) needsSetup() bool {
	return a.Account.MustChangePassword || a.Account.ProfileCompletedAt.IsZero()
}

// setupURL returns the page of the first-login step the account is at: the password change
// before the profile.
func (a *authInfo) setupURL() string {
	if a.Account.MustChangePassword {
		return "/account/password"
	}
	return "/profile"
}

// viewerOf returns the layout's view of the logged-in account.
func viewerOf(a *authInfo) *Viewer {
	return &Viewer{Username: a.Account.Username, Name: a.Account.Name, RoleKey: "role." + string(a.Account.Role)}
}

// navFor returns the main menu for role r with the entry for path marked current.
func navFor(r account.Role, path string) []NavItem {
	items := []NavItem{{Href: "/dashboard", Key: "nav.dashboard"}}
	switch r {
	case account.RoleCentralAdmin:
		items = append(items,
			NavItem{Href: "/agencies", Key: "nav.agencies"},
			NavItem{Href: "/survey-links", Key: "nav.surveys"},
			NavItem{Href: "/staff", Key: "nav.staff"},
			NavItem{Href: "/years", Key: "nav.years"},
			NavItem{Href: "/audit", Key: "nav.audit"})
	case account.RoleAssessor, account.RoleSupervisor:
		items = append(items, NavItem{Href: "/agencies", Key: "nav.agencies"})
	case account.RoleAgencyAdmin, account.RoleAgencyExecutive:
		items = append(items, NavItem{Href: "/stakeholders", Key: "nav.stakeholders"},
			NavItem{Href: "/survey-links", Key: "nav.surveys"}, NavItem{Href: "/audit", Key: "nav.audit"})
	}
	items = append(items, oitNav(r)...) // routes_oit.go
	items = append(items, NavItem{Href: "/tracking", Key: "nav.tracking"})
	items = append(items, NavItem{Href: "/results", Key: "nav.results"}) // routes_results.go
	items = append(items,
		NavItem{Href: "/profile", Key: "nav.profile"},
		NavItem{Href: "/account/password", Key: "nav.password"})
	best := -1
	for i, it := range items {
		if path == it.Href || strings.HasPrefix(path, it.Href+"/") {
			if best < 0 || len(it.Href) > len(items[best].Href) {
				best = i
			}
		}
	}
	if best >= 0 {
		items[best].Current = true
	}
	return items
}

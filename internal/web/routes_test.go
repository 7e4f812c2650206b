package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/openitas/itas/internal/account"
	"github.com/openitas/itas/internal/demo"
	"github.com/openitas/itas/internal/thaidate"
)

// The roles, short, for the access table.
const (
	rC  = account.RoleCentralAdmin
	rAs = account.RoleAssessor
	rSp = account.RoleSupervisor
	rAA = account.RoleAgencyAdmin
	rAE = account.RoleAgencyExecutive
)

// anyone marks a public route in routeAccess.
var anyone = []account.Role{"*"}

var allRoles = []account.Role{rC, rAs, rSp, rAA, rAE}

// routeAccess is who may use each route, written out by hand: TestRouteAccess fails for a
// route missing here, so a new route cannot slip in without a decision. Features keep their
// own tables in routes_*_test.go and add them with addRouteAccess from an init function.
var routeAccess = map[string][]account.Role{
	"GET /{$}":                  anyone,
	"GET /healthz":              anyone,
	"GET /static/{hash}/{name}": anyone,
	"GET /lang/{lang}":          anyone,
	"GET /login":                anyone,
	"POST /login":               anyone,
	"POST /logout":              allRoles,
	"GET /account/password":     allRoles,
	"POST /account/password":    allRoles,
	"GET /profile":              allRoles,
	"POST /profile":             allRoles,
	"POST /profile/logo":        {rAA},
	"GET /dashboard":            allRoles,

	"GET /agencies":                      {rC, rAs, rSp},
	"GET /agencies/new":                  {rC},
	"GET /agencies/import":               {rC},
	"POST /agencies/import":              {rC},
	"GET /agencies/import/template.xlsx": {rC},
	"POST /agencies":                     {rC},
	"GET /agencies/{code}":               allRoles,
	"GET /agencies/{code}/edit":          {rC},
	"POST /agencies/{code}":              {rC},
	"GET /agencies/{code}/logo":          allRoles,
	"POST /agencies/{code}/accounts":     {rC},
	"POST /accounts/generate":            {rC},
	"POST /accounts/{username}/reset":    {rC},
	"GET /accounts/{username}":           {rC},
	"POST /accounts/{username}/scope":    {rC},
	"POST /accounts/{username}/disable":  {rC},
	"POST /accounts/{username}/enable":   {rC},
	"GET /staff":                         {rC},
	"GET /staff/new":                     {rC},
	"POST /staff":                        {rC},

	"GET /years":         {rC},
	"GET /years/new":     {rC},
	"POST /years":        {rC},
	"GET /years/{year}":  {rC},
	"POST /years/{year}": {rC},
	"GET /audit":         {rC, rAA, rAE},

	"GET /api/openapi.json":                    anyone,
	"POST /api/v1/login":                       anyone,
	"POST /api/v1/logout":                      allRoles,
	"GET /api/v1/me":                           allRoles,
	"POST /api/v1/me/password":                 allRoles,
	"PUT /api/v1/me/profile":                   allRoles,
	"GET /api/v1/agencies":                     {rC, rAs, rSp},
	"POST /api/v1/agencies":                    {rC},
	"POST /api/v1/agencies/import":             {rC},
	"GET /api/v1/agencies/{code}":              allRoles,
	"PUT /api/v1/agencies/{code}":              {rC},
	"GET /api/v1/agencies/{code}/accounts":     {rC, rAA, rAE},
	"POST /api/v1/agencies/{code}/accounts":    {rC},
	"POST /api/v1/accounts/{username}/reset":   {rC},
	"GET /api/v1/accounts":                     {rC},
	"POST /api/v1/accounts":                    {rC},
	"GET /api/v1/accounts/{username}":          {rC},
	"PUT /api/v1/accounts/{username}/scope":    {rC},
	"POST /api/v1/accounts/{username}/disable": {rC},
	"POST /api/v1/accounts/{username}/enable":  {rC},
	"GET /api/v1/years":                        allRoles,
	"POST /api/v1/years":                       {rC},
	"GET /api/v1/years/{year}":                 allRoles,
	"PUT /api/v1/years/{year}":                 {rC},
	"GET /api/v1/audit":                        {rC, rAA, rAE},
}

// addRouteAccess adds a feature's access table to routeAccess; a pattern listed twice is a
// mistake in the tables and panics.
func addRouteAccess(m map[string][]account.Role) {
	for k, v := range m {
		if _, dup := routeAccess[k]; dup {
			panic("routeAccess: " + k + " listed twice")
		}
		routeAccess[k] = v
	}
}

// pathParams gives the value TestRouteAccess puts in a route's {name} wildcard, for names the
// replacer in fillPath does not know; features add theirs from an init function. A wildcard
// in neither becomes "0".
var pathParams = map[string]string{}

// roleUser is a registered demo account per role, and inScope an agency in its scope, so that
// an allowed role meets no agency-scope refusal in TestRouteAccess.
var (
	roleUser = map[account.Role]string{
		rC: "admin", rAs: "assessor", rSp: "supervisor", rAA: "a" + demo.CodeEnergyPS, rAE: "t" + demo.CodeEnergyPS,
	}
	inScope = map[account.Role]string{
		rC: demo.CodeEnergyPS, rAs: demo.CodeEnergyPS, rSp: demo.CodeKlongSe, rAA: demo.CodeEnergyPS, rAE: demo.CodeEnergyPS, "": demo.CodeEnergyPS,
	}
)

// fillPath turns a route pattern into a request path for role r.
func (e *env) fillPath(pattern string, r account.Role) (method, path string) {
	method, path, _ = strings.Cut(pattern, " ")
	css := e.srv.assets.byName["app.css"]
	repl := strings.NewReplacer(
		"{$}", "",
		"{hash}", css.hash, "{name}", css.name,
		"{lang}", "en",
		"{code}", inScope[r],
		"{username}", "t"+demo.CodeDMF,
		"{year}", strconv.Itoa(thaidate.FiscalYear(testNow)),
	)
	path = repl.Replace(path)
	for {
		i := strings.IndexByte(path, '{')
		j := strings.IndexByte(path, '}')
		if i < 0 || j < i {
			break
		}
		name := strings.TrimSuffix(path[i+1:j], "...")
		v, ok := pathParams[name]
		if !ok {
			v = "0"
		}
		path = path[:i] + v + path[j+1:]
	}
	return method, path
}

// denied reports whether res refused the request: 401 or 403, or a redirect to the login page
// asking to come back (a plain redirect to /login, as after logout, is not a refusal).
// A 403 for a closed phase is not a refusal of the role: the test's clock may stand outside
// the phase of the route.
func denied(res *http.Response) bool {
	if res.StatusCode == http.StatusForbidden && res.Header.Get("X-Error-Code") == "phase_closed" {
		return false
	}
	if res.StatusCode == http.StatusUnauthorized || res.StatusCode == http.StatusForbidden {
		return true
	}
	loc := res.Header.Get("Location")
	return res.StatusCode == http.StatusSeeOther && strings.HasPrefix(loc, "/login?next=")
}

// TestRouteAccess walks every route with every role and anonymously and checks the outcome
// against routeAccess.
func TestRouteAccess(t *testing.T) {
	testRouteAccess(t, newEnv(t, Config{}))
}

// testRouteAccess is TestRouteAccess on the server of e; TestOnPostgres runs it on PostgreSQL.
func testRouteAccess(t *testing.T, e *env) {
	seen := map[string]bool{}
	for _, rt := range e.srv.routes {
		seen[rt.pattern] = true
		want, ok := routeAccess[rt.pattern]
		if !ok {
			t.Errorf("route %q has no entry in routeAccess: decide who may use it", rt.pattern)
			continue
		}
		public := len(want) == 1 && want[0] == "*"
		for _, r := range append([]account.Role{""}, allRoles...) {
			name := string(r)
			if name == "" {
				name = "anonymous"
			}
			t.Run(rt.pattern+"/"+name, func(t *testing.T) {
				method, path := e.fillPath(rt.pattern, r)
				req := request{method: method, path: path}
				if method == "POST" || method == "PUT" {
					req.form = url.Values{}
					if rt.pattern == "POST /accounts/generate" {
						req.form.Set("q", "ไม่มีหน่วยงานนี้")
					}
				}
				if r != "" {
					req.token = e.session(roleUser[r])
				}
				res := e.do(req)
				res.Body.Close()
				allowed := public || (r != "" && contains(want, r))
				if got := !denied(res); got != allowed {
					t.Errorf("%s %s as %s: status %d (Location %q); allowed = %v, want %v",
						method, path, name, res.StatusCode, res.Header.Get("Location"), got, allowed)
				}
				if !allowed && r != "" && res.StatusCode != http.StatusForbidden {
					t.Errorf("%s as %s: status %d, want 403", path, name, res.StatusCode)
				}
			})
		}
	}
	for p := range routeAccess {
		if !seen[p] {
			t.Errorf("routeAccess lists %q, which is not a route", p)
		}
	}
}

func contains(rs []account.Role, r account.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// TestAgencyScope checks that handlers refuse agencies outside the account's scope even on
// routes its role may use.
func TestAgencyScope(t *testing.T) {
	e := newEnv(t, Config{})
	tests := []struct {
		name, user, path string
	}{
		{"AgencyAdminOtherAgency", "a" + demo.CodeEnergyPS, "/agencies/" + demo.CodeKlongSe},
		{"AgencyAdminOtherAgencyAPI", "a" + demo.CodeEnergyPS, "/api/v1/agencies/" + demo.CodeKlongSe},
		{"ExecutiveOtherAccounts", "t" + demo.CodeEnergyPS, "/api/v1/agencies/" + demo.CodeKlongSe + "/accounts"},
		{"SupervisorOtherBody", "supervisor", "/agencies/" + demo.CodeEnergyPS},
		{"AssessorOtherGroup", "assessor", "/agencies/6500000"},
		{"AssessorAccounts", "assessor", "/api/v1/agencies/" + demo.CodeEnergyPS + "/accounts"},
		{"AgencyAuditOtherAgency", "a" + demo.CodeEnergyPS, "/audit?agency=" + demo.CodeKlongSe},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.do(request{method: "GET", path: tt.path, token: e.session(tt.user)})
			res.Body.Close()
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("GET %s as %s: status %d, want 403", tt.path, tt.user, res.StatusCode)
			}
		})
	}
}

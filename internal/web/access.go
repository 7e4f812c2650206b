package web

import (
	"slices"

	"github.com/openitas/itas/internal/account"
)

// access says who may use a route. The zero access allows nobody, so a route that forgets to
// say is closed rather than open.
type access struct {
	// public routes need no login.
	public bool
	// roles lists the roles allowed; nil with public false allows nobody.
	roles []account.Role
	// setup marks routes an account may use before it has completed its profile.
	setup bool
	// beforePassword marks routes an account may use while its password is still one-time.
	beforePassword bool
}

var (
	// public: anyone, logged in or not.
	public = access{public: true}
	// anyRole: any logged-in account, after its first-login steps.
	anyRole = access{roles: account.Roles}
	// passwordStep: any logged-in account, even with a one-time password.
	passwordStep = access{roles: account.Roles, setup: true, beforePassword: true}
	// profileStep: any logged-in account that has changed its one-time password, even before
	// it completes its profile.
	profileStep = access{roles: account.Roles, setup: true}
	// listers: the roles that list agencies, each within its scope.
	listers = access{roles: []account.Role{account.RoleCentralAdmin, account.RoleAssessor, account.RoleSupervisor}}
	// accountViewers: the roles that see an agency's accounts, each within its scope.
	accountViewers = access{roles: []account.Role{account.RoleCentralAdmin, account.RoleAgencyAdmin, account.RoleAgencyExecutive}}
	// auditReaders: the roles that read the audit log, each within its scope.
	auditReaders = access{roles: []account.Role{account.RoleCentralAdmin, account.RoleAgencyAdmin, account.RoleAgencyExecutive}}
	// centralOnly: NACC central administrators.
	centralOnly = access{roles: []account.Role{account.RoleCentralAdmin}}
	// evidenceReaders: the roles that see OIT evidence records and kept copies, each within
	// its scope: central admins, assessors and the agency itself.
	evidenceReaders = access{roles: []account.Role{account.RoleCentralAdmin, account.RoleAssessor, account.RoleAgencyAdmin, account.RoleAgencyExecutive}}
	// logoUpload: an agency's administrator, also before the profile is complete.
	logoUpload = access{roles: []account.Role{account.RoleAgencyAdmin}, setup: true}
)

// allows reports whether an account with role r may use a route with this access.
func (a access) allows(r account.Role) bool {
	return a.public || slices.Contains(a.roles, r)
}

// route is one entry of the route table: a ServeMux pattern, who may use it, and its handler.
type route struct {
	pattern string
	access  access
	h       handlerFunc
}

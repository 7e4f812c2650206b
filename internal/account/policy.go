package account

import (
	"slices"

	"github.com/openitas/itas/internal/agency"
	"github.com/openitas/itas/internal/audit"
)

// Action is something an account may be allowed to do. Each web route
// and API call names the Action it performs and asks Can (for an agency)
// or Allowed (for actions on no particular agency).
type Action string

// The actions of the platform. Agency-level actions are checked with Can
// against the agency acted on; the others with Allowed.
const (
	ActionViewAgency        Action = "agency.view"         // read an agency's record and progress
	ActionListAgencies      Action = "agency.list"         // list agencies (narrowed by ScopeFilter)
	ActionEditAgency        Action = "agency.edit"         // change registry fields
	ActionEditAgencyProfile Action = "agency.profile"      // the agency's own website and logo
	ActionImportAgencies    Action = "agency.import"       // import the registry from a file
	ActionViewAccounts      Action = "account.view"        // see the accounts of an agency
	ActionManageAccounts    Action = "account.manage"      // generate, reset, disable, create staff
	ActionViewYears         Action = "year.view"           // see assessment years and phases
	ActionManageYears       Action = "year.manage"         // open a year, set its timeline
	ActionViewAudit         Action = "audit.view"          // read the audit log (narrowed by AuditScope)
	ActionSubmitAgencyData  Action = "agency_data.submit"  // enter stakeholder data, OIT answers
	ActionApproveAgencyData Action = "agency_data.approve" // approve or return what the admin submitted
	ActionScoreOIT          Action = "oit.score"           // assess an agency's OIT answers
	ActionEnterResponses    Action = "survey.enter"        // enter EIT responses collected by phone or in the field
)

// policy is the whole permission table: which roles may take each
// action. Where the action concerns an agency, the role's scope (see
// InScope) narrows it further.
var policy = map[Action][]Role{
	ActionViewAgency:        {RoleCentralAdmin, RoleAssessor, RoleSupervisor, RoleAgencyAdmin, RoleAgencyExecutive},
	ActionListAgencies:      {RoleCentralAdmin, RoleAssessor, RoleSupervisor},
	ActionEditAgency:        {RoleCentralAdmin},
	ActionEditAgencyProfile: {RoleCentralAdmin, RoleAgencyAdmin},
	ActionImportAgencies:    {RoleCentralAdmin},
	ActionViewAccounts:      {RoleCentralAdmin, RoleAgencyAdmin, RoleAgencyExecutive},
	ActionManageAccounts:    {RoleCentralAdmin},
	ActionViewYears:         {RoleCentralAdmin, RoleAssessor, RoleSupervisor, RoleAgencyAdmin, RoleAgencyExecutive},
	ActionManageYears:       {RoleCentralAdmin},
	ActionViewAudit:         {RoleCentralAdmin, RoleAgencyAdmin, RoleAgencyExecutive},
	ActionSubmitAgencyData:  {RoleAgencyAdmin},
	ActionApproveAgencyData: {RoleAgencyExecutive},
	ActionScoreOIT:          {RoleCentralAdmin, RoleAssessor},
	ActionEnterResponses:    {RoleCentralAdmin, RoleAssessor},
}

// Actions lists every action, for tests that walk the whole table.
func Actions() []Action {
	out := make([]Action, 0, len(policy))
	for a := range policy {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}

// Allowed reports whether acct's role may take action at all, on some
// agency or on none. Disabled accounts and unknown actions are never
// allowed.
func Allowed(acct Account, action Action) bool {
	return !acct.Disabled && slices.Contains(policy[action], acct.Role)
}

// Can reports whether acct may take action on agency ag: its role is
// allowed the action and ag is in its scope.
func Can(acct Account, action Action, ag agency.Agency) bool {
	return Allowed(acct, action) && InScope(acct, ag)
}

// InScope reports whether ag is among the agencies acct works on: every
// agency for a central admin, the assigned groups for an assessor, the
// agencies its body oversees for a supervisor, and its own agency for the
// agency roles. Disabled accounts have no scope.
func InScope(acct Account, ag agency.Agency) bool {
	if acct.Disabled {
		return false
	}
	switch acct.Role {
	case RoleCentralAdmin:
		return true
	case RoleAssessor:
		return acct.HasGroup(ag.Group)
	case RoleSupervisor:
		return acct.Supervisor != "" && ag.Supervisor == acct.Supervisor
	case RoleAgencyAdmin, RoleAgencyExecutive:
		return acct.AgencyCode != "" && ag.Code == acct.AgencyCode
	}
	return false
}

// CanViewAgency reports whether acct may see ag and its progress.
func CanViewAgency(acct Account, ag agency.Agency) bool {
	return Can(acct, ActionViewAgency, ag)
}

// CanEditAgency reports whether acct may change ag's registry record.
func CanEditAgency(acct Account, ag agency.Agency) bool {
	return Can(acct, ActionEditAgency, ag)
}

// CanEditAgencyProfile reports whether acct may change ag's website and
// logo.
func CanEditAgencyProfile(acct Account, ag agency.Agency) bool {
	return Can(acct, ActionEditAgencyProfile, ag)
}

// CanViewAccounts reports whether acct may see the accounts of ag.
func CanViewAccounts(acct Account, ag agency.Agency) bool {
	return Can(acct, ActionViewAccounts, ag)
}

// CanManageAccounts reports whether acct may generate, reset or disable
// accounts.
func CanManageAccounts(acct Account) bool { return Allowed(acct, ActionManageAccounts) }

// CanManageYears reports whether acct may open years and set timelines.
func CanManageYears(acct Account) bool { return Allowed(acct, ActionManageYears) }

// ScopeFilter returns f narrowed to the agencies acct may see: unchanged
// for a central admin; restricted to the assigned groups for an
// assessor, to its body for a supervisor, and to its own agency for the
// agency roles. For any other account the result matches nothing.
func ScopeFilter(acct Account, f agency.Filter) agency.Filter {
	if acct.Disabled {
		f.Codes = []string{}
		return f
	}
	switch acct.Role {
	case RoleCentralAdmin:
	case RoleAssessor:
		f.Groups = intersectGroups(f.Groups, acct.Groups)
	case RoleSupervisor:
		if acct.Supervisor == "" || (f.Supervisor != "" && f.Supervisor != acct.Supervisor) {
			f.Codes = []string{}
		} else {
			f.Supervisor = acct.Supervisor
		}
	case RoleAgencyAdmin, RoleAgencyExecutive:
		if f.Codes != nil && !slices.Contains(f.Codes, acct.AgencyCode) {
			f.Codes = []string{}
		} else {
			f.Codes = []string{acct.AgencyCode}
		}
	default:
		f.Codes = []string{}
	}
	return f
}

// intersectGroups returns the groups in both a and mine; a nil a means
// no restriction yet. The result is never nil.
func intersectGroups(a, mine []int) []int {
	out := []int{}
	for _, g := range mine {
		if a == nil || slices.Contains(a, g) {
			out = append(out, g)
		}
	}
	return out
}

// AuditScope returns f narrowed to the audit entries acct may read, and
// reports whether acct may read any: a central admin reads every entry,
// the agency roles the entries of their own agency; other roles none.
func AuditScope(acct Account, f audit.Filter) (audit.Filter, bool) {
	if !Allowed(acct, ActionViewAudit) {
		return f, false
	}
	if acct.Role.OfAgency() {
		if f.AgencyCode != "" && f.AgencyCode != acct.AgencyCode {
			return f, false
		}
		f.AgencyCode = acct.AgencyCode
	}
	return f, true
}
